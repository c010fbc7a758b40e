package org.camlab.results;

import java.util.Locale;

/**
 * The six scores of the verdict. Each category of the catalogue counts towards one, so a
 * recommendation (which names its metric) takes its points off the overall score and off the
 * score of its area.
 */
public enum ScoreArea {
    LIGHTING("lighting"),
    SHARPNESS("sharpness"),
    NOISE("noise"),
    COLOUR("colour"),
    MOTION("motion"),
    FRAMING("framing");

    /** The JSON field under {@code scores}, and the label in every output. */
    public final String key;

    ScoreArea(String key) {
        this.key = key;
    }

    /**
     * The area of a metric path of the catalogue ({@code backlight.ratioStops}); lighting for a path it
     * does not hold. The computer's and the network's findings ({@code readiness.*}), when a summary
     * scores them with the picture's, count where the viewer sees them: the camera's best mode in
     * sharpness, a busy computer or a weak link in motion (a picture that stutters or is sent smaller).
     */
    public static ScoreArea of(String metricPath) {
        if (metricPath != null && metricPath.startsWith("readiness.")) {
            return metricPath.startsWith("readiness.camera.") ? SHARPNESS : MOTION;
        }
        Metric m = metricPath == null ? null : Metric.byPath(metricPath);
        return m == null ? LIGHTING : m.category.area;
    }

    @Override
    public String toString() {
        return key.toUpperCase(Locale.ROOT);
    }
}
