package org.camlab.capture;

import org.camlab.image.Frame;
import org.camlab.image.LumaSample;
import org.camlab.image.SourceInfo;

/**
 * Anything that yields frames: a still, a recording, a stream, a camera.
 *
 * <p>{@link #next()} decodes a frame and keeps it inside the source; the session then takes a cheap
 * {@link #sample} of every frame and converts in full ({@link #read}) only the frames it analyses,
 * so which frames are analysed is decided by the session alone. Called from one thread at a time.
 */
public interface FrameSource extends AutoCloseable {
    SourceInfo info();

    /**
     * Decodes the next frame.
     *
     * @return false at the end of the source
     * @throws SourceException when the source cannot be decoded
     */
    boolean next() throws SourceException;

    /** Presentation timestamp of the current frame, µs from the first frame. */
    long ptsMicros();

    /** A coarse full-range copy of the current frame's luma. */
    void sample(LumaSample into) throws SourceException;

    /** The current frame in full, into a caller-owned frame (its planes reused where big enough). */
    void read(Frame into) throws SourceException;

    /**
     * Decode only key frames from now on (FFmpeg discards the others before decoding them), for
     * sampling a long recording by time. Returns false where the source cannot.
     */
    default boolean keyFramesOnly() {
        return false;
    }

    /** Frames in the source if known (recordings), else -1. */
    default long frameCountHint() {
        return -1;
    }

    @Override
    void close();
}
