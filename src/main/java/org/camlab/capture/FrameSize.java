package org.camlab.capture;

/** The picture sizes camlab analyses, for stills and video alike. */
public final class FrameSize {
    /** Smallest side camlab analyses: the 3×3 filters and the uniformity grid need room. */
    public static final int MIN_SIDE = 16;
    /** Largest picture accepted, in pixels; beyond this the decode alone would need gigabytes. */
    public static final long MAX_PIXELS = 100_000_000L;

    private FrameSize() {
    }

    /**
     * @param name what the user named (path or redacted URL)
     * @param what "image" or "video", for the message
     */
    public static void check(String name, String what, int width, int height) throws SourceException {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new SourceException("cannot analyse " + name + ": the " + what + " is " + width + "×" + height
                    + " pixels; camlab needs at least " + MIN_SIDE + "×" + MIN_SIDE);
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new SourceException("cannot analyse " + name + ": the " + what + " is " + width + "×" + height
                    + " pixels, more than the " + MAX_PIXELS / 1_000_000 + " megapixels camlab accepts");
        }
    }
}
