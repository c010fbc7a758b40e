package org.camlab.image;

/**
 * Y'CbCr matrices camlab understands, with their luma weights (Kr, Kb), and the one conversion of
 * a frame's full-range Y'CbCr to R'G'B' that the preview, the snapshots, the face detectors'
 * thumbnails and the CIELAB table share, so that they cannot disagree on a colour.
 *
 * <p>Inputs are full range (0–255, chroma centred on 128) because capture expands limited-range
 * video before a frame leaves it; the matrix is the frame's own ({@link Frame#matrix}).
 */
public enum ColorMatrix {
    /** ITU-R BT.601, as used by JPEG and SD video. camlab's definition of Y for RGB input. */
    BT601(0.299, 0.114),
    /** ITU-R BT.709, HD video. */
    BT709(0.2126, 0.0722);

    public final double kr;
    public final double kb;
    public final double kg;
    // 2 (1 − Kr) and 2 (1 − Kb), kept so that the per-pixel step is one multiply and one add
    private final double crToRed;
    private final double cbToBlue;

    ColorMatrix(double kr, double kb) {
        this.kr = kr;
        this.kb = kb;
        this.kg = 1.0 - kr - kb;
        this.crToRed = 2 * (1 - kr);
        this.cbToBlue = 2 * (1 - kb);
    }

    /** R' in code values, not clamped: a saturated colour may fall outside 0–255. */
    public double red(double y, double cr) {
        return y + crToRed * (cr - 128);
    }

    /** B' in code values, not clamped. */
    public double blue(double y, double cb) {
        return y + cbToBlue * (cb - 128);
    }

    /** G' from Y' and the unclamped R' and B': Y' = Kr R' + Kg G' + Kb B' solved for G'. */
    public double green(double y, double red, double blue) {
        return (y - kr * red - kb * blue) / kg;
    }

    /**
     * The 8-bit R'G'B' of one sample as {@code 0xRRGGBB}, each channel rounded to the nearest code
     * value and clamped: what a picture of the frame shows. Allocation-free, for per-pixel loops.
     */
    public int rgb(int y, int cb, int cr) {
        double r = red(y, cr);
        double b = blue(y, cb);
        return code(r) << 16 | code(green(y, r, b)) << 8 | code(b);
    }

    private static int code(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
    }
}
