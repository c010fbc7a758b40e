package org.camlab.results;

import java.time.Instant;
import java.util.Map;
import org.camlab.image.SourceInfo;

/**
 * What a session measured, complete and valid at any moment it is taken (a snapshot mid-run, or the
 * end): per-metric medians over the analysed frames, frame timing over the decoded ones, flicker.
 *
 * @param measuredAt     when the session started, UTC
 * @param framesDecoded  frames decoded (the temporal statistics' rate)
 * @param framesAnalyzed frames fully analysed (the spatial analysis' rate)
 * @param durationSec    the source's time covered by the frames decoded; NaN for a still
 * @param wallSec        how long the session has taken, wall clock
 * @param medians        session median of each per-frame metric, NaN where never measured
 * @param timing         null for a still, or when only key frames were decoded
 * @param flicker        null when no flicker was found or the source is too short to tell
 * @param faceDetector   which detector found the faces
 * @param error          what ended the session early (a decode error, a source that stopped), or null
 * @param partial        the session was interrupted or its source broke off: fewer frames than the source holds
 * @param series         per-frame metrics over time, bounded in size
 * @param maps           the light over the frame (grid, histogram) averaged over the session; null before the first frame
 * @param timeline       frame rate and brightness swing second by second; null for a still or key frames only
 * @param recent         the time-domain figures of the last seconds alone (the live check's); null as timeline
 * @param hunting        the frame mean pumping slower than flicker ({@link Flicker#huntingBand()} Hz:
 *                       auto-exposure hunting); null when it does not
 * @param mtfCurve       the slanted edges' MTF at 0, 1/64, … 1 cycle/pixel (session medians); null when none was measured
 */
public record SessionReport(
        SourceInfo source,
        Instant measuredAt,
        long framesDecoded,
        int framesAnalyzed,
        double durationSec,
        double wallSec,
        Map<Metric, Double> medians,
        Timing timing,
        Flicker flicker,
        String faceDetector,
        String error,
        boolean partial,
        Map<Metric, TimeSeries> series,
        SceneMaps maps,
        Timeline timeline,
        Recent recent,
        Flicker hunting,
        double[] mtfCurve) {

    /** The session value of any metric of the catalogue, NaN where it cannot be measured. */
    public double value(Metric m) {
        return m.of(this);
    }

    double median(Metric m) {
        Double v = medians.get(m);
        return v == null ? Double.NaN : v;
    }

    /** Whether a yes/no metric of the catalogue is a yes for the session ({@link Metric#holds}). */
    public boolean holds(Metric m) {
        return m.holds(value(m));
    }

    public boolean faceDetected() {
        return holds(Metric.FACE_DETECTED);
    }
}
