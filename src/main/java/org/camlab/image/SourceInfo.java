package org.camlab.image;
import java.util.Locale;

/**
 * What a source is, as reported in {@code source} of the JSON report.
 *
 * @param kind       camera, file, stream or image
 * @param name       path or URL as the user gave it, with any credentials removed
 * @param width      nominal frame width in pixels
 * @param height     nominal frame height in pixels
 * @param fpsNominal frame rate the container declares, NaN where it declares none (stills) or where
 *                   the source carries no timestamps (its declared rate is then a demuxer's guess)
 * @param clock      what times its frames
 */
public record SourceInfo(Kind kind, String name, int width, int height, double fpsNominal, Clock clock) {
    /** A source timed by its own timestamps. */
    public SourceInfo(Kind kind, String name, int width, int height, double fpsNominal) {
        this(kind, name, width, height, fpsNominal, Clock.TIMESTAMPS);
    }

    /**
     * What a frame's time is read from. A live source whose container has no timestamps (MJPEG over
     * HTTP, a raw MJPEG pipe) gets times made up by FFmpeg at a nominal 25 frames a second whatever
     * it sends: such frames are timed by their arrival, on the monotonic clock.
     */
    public enum Clock {
        TIMESTAMPS,
        ARRIVAL;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Kind {
        CAMERA,
        FILE,
        STREAM,
        IMAGE;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Frames arrive at their own pace and cannot be waited for: a stream or a camera. */
        public boolean live() {
            return this == CAMERA || this == STREAM;
        }
    }

    /** One picture: no frame rate, no duration, no timing. */
    public boolean isStill() {
        return kind == Kind.IMAGE;
    }
}
