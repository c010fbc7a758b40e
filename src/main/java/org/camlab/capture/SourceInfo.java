package org.camlab.capture;

/**
 * What a source is, as reported in {@code source} of the JSON report.
 *
 * @param kind       camera, file, stream or image
 * @param name       path or URL with any credentials removed
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
    }
}
