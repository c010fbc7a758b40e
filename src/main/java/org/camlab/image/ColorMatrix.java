package org.camlab.image;

/** Y'CbCr matrices camlab understands, with their luma weights (Kr, Kb). */
public enum ColorMatrix {
    /** ITU-R BT.601, as used by JPEG and SD video. camlab's definition of Y for RGB input. */
    BT601(0.299, 0.114),
    /** ITU-R BT.709, HD video. */
    BT709(0.2126, 0.0722);

    public final double kr;
    public final double kb;
    public final double kg;

    ColorMatrix(double kr, double kb) {
        this.kr = kr;
        this.kb = kb;
        this.kg = 1.0 - kr - kb;
    }
}
