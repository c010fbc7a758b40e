package org.camlab.image;

/**
 * One decoded picture as the analysis core sees it: a full-range 8-bit luma plane and, where the
 * source has colour, two full-range chroma planes at the source's native subsampling.
 *
 * <p>Mutable and reused from frame to frame so that steady-state capture allocates nothing: a
 * source fills the arrays in place and grows them only when the size changes. Planes are packed
 * (stride == width).
 */
public final class Frame {
    /** Luma width and height in pixels. */
    public int width;
    public int height;
    /** Y, 0–255 full range, {@code width * height} bytes used. */
    public byte[] luma = new byte[0];
    /** Chroma plane size; 0 for a gray source. */
    public int chromaWidth;
    public int chromaHeight;
    /** Cb and Cr, full range centred on 128; {@code chromaWidth * chromaHeight} bytes used. */
    public byte[] cb = new byte[0];
    public byte[] cr = new byte[0];
    /** Matrix that relates this frame's Y'CbCr to R'G'B'. */
    public ColorMatrix matrix = ColorMatrix.BT601;
    /** Presentation timestamp in microseconds from the start of the source. */
    public long ptsMicros;

    public boolean hasChroma() {
        return chromaWidth > 0 && chromaHeight > 0;
    }

    public int pixelCount() {
        return width * height;
    }

    /** Sets the geometry, growing the planes if needed; contents are left undefined. */
    public void resize(int width, int height, int chromaWidth, int chromaHeight) {
        this.width = width;
        this.height = height;
        this.chromaWidth = chromaWidth;
        this.chromaHeight = chromaHeight;
        if (luma.length < width * height) {
            luma = new byte[width * height];
        }
        int c = chromaWidth * chromaHeight;
        if (cb.length < c) {
            cb = new byte[c];
            cr = new byte[c];
        }
    }

    /** Copies everything from {@code other} into this frame, reusing this frame's arrays. */
    public void copyFrom(Frame other) {
        resize(other.width, other.height, other.chromaWidth, other.chromaHeight);
        System.arraycopy(other.luma, 0, luma, 0, other.width * other.height);
        int c = other.chromaWidth * other.chromaHeight;
        System.arraycopy(other.cb, 0, cb, 0, c);
        System.arraycopy(other.cr, 0, cr, 0, c);
        matrix = other.matrix;
        ptsMicros = other.ptsMicros;
    }
}
