package org.camlab.session;

import java.util.EnumMap;
import java.util.List;
import org.camlab.capture.SourceInfo;
import org.camlab.core.Metric;

/**
 * What a session measured: per-metric medians over the analysed frames, frame timing, flicker.
 *
 * @param durationSec  the source's time covered by the frames read (presentation timestamps)
 * @param wallSec      how long reading and analysing them took, wall clock
 * @param medians      session median of each metric, NaN where never measured
 * @param flicker      null when no flicker was found or the source is too short to tell
 * @param faceDetector which detector found the faces
 * @param error        the decode error that ended the session early, or null
 */
public record SessionReport(
        SourceInfo source,
        int framesAnalyzed,
        double durationSec,
        double wallSec,
        EnumMap<Metric, Double> medians,
        Timing timing,
        Flicker flicker,
        String faceDetector,
        String error) {

    public double value(Metric m) {
        Double v = medians.get(m);
        return v == null ? Double.NaN : v;
    }

    public boolean faceDetected() {
        return value(Metric.FACE_DETECTED) >= 0.5;
    }

    public List<String> warnings() {
        return error == null ? List.of() : List.of(error);
    }
}
