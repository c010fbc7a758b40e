package org.camlab.capture;

/**
 * Anything that yields frames: a still, a recording, a stream, a camera.
 *
 * <p>{@link #read(Frame)} fills a caller-owned frame so that a session can double-buffer two
 * frames and keep the previous one for frame differencing without copying.
 */
public interface FrameSource extends AutoCloseable {
    SourceInfo info();

    /**
     * Decodes the next frame into {@code into}.
     *
     * @return false at the end of the source
     * @throws SourceException when the source cannot be decoded
     */
    boolean read(Frame into) throws SourceException;

    /** Skips the next frame without converting it; default reads it. */
    default boolean skip(Frame scratch) throws SourceException {
        return read(scratch);
    }

    /** Frames in the source if known (recordings), else -1. */
    default long frameCountHint() {
        return -1;
    }

    @Override
    void close();
}
