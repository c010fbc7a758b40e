package org.camlab.image;

/**
 * What a source is, as reported in {@code source} of the JSON report.
 *
 * @param kind       camera, file, stream or image
 * @param name       path or URL as the user gave it, with any credentials removed
 * @param width      nominal frame width in pixels
 * @param height     nominal frame height in pixels
 * @param fpsNominal frame rate the container declares, NaN where it declares none (stills)
 */
public record SourceInfo(Kind kind, String name, int width, int height, double fpsNominal) {
    public enum Kind {
        CAMERA, FILE, STREAM, IMAGE;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
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
