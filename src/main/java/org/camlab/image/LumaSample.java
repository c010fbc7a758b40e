package org.camlab.image;

/**
 * A coarse copy of one frame's luma — every {@value #STEP}th pixel of every {@value #STEP}th row,
 * full range — for the statistics kept on every decoded frame (frame mean, freezes, flicker).
 * Filling it costs a sixteenth of a full conversion, so it can run at the decoder's rate while the
 * full analysis runs at the rate the machine keeps up with. Reused from frame to frame.
 */
public final class LumaSample {
    public static final int STEP = 4;

    /** Sampled columns and rows. */
    public int width;
    public int height;
    /** Y, 0–255 full range, {@code width * height} bytes used. */
    public byte[] values = new byte[0];
    /** Presentation timestamp of the frame sampled, µs from the start of the source. */
    public long ptsMicros;

    /** How many samples a side of {@code n} pixels gives. */
    public static int sampled(int n) {
        return (n + STEP - 1) / STEP;
    }

    /** Sets the geometry for a frame of {@code frameWidth × frameHeight}, growing the array if needed. */
    public void resizeFor(int frameWidth, int frameHeight) {
        width = sampled(frameWidth);
        height = sampled(frameHeight);
        if (values.length < width * height) {
            values = new byte[width * height];
        }
    }

    /** Fills from a packed full-range luma plane. */
    public void fillFrom(Frame f) {
        resizeFor(f.width, f.height);
        byte[] y = f.luma;
        int o = 0;
        for (int r = 0; r < f.height; r += STEP) {
            int row = r * f.width;
            for (int c = 0; c < f.width; c += STEP) {
                values[o++] = y[row + c];
            }
        }
        ptsMicros = f.ptsMicros;
    }

    public int count() {
        return width * height;
    }
}
