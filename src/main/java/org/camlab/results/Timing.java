package org.camlab.results;

/**
 * Frame timing from the presentation timestamps of the decoded frames (docs/CONTRACT.md, temporal.*).
 *
 * @param fpsMeasured   mean rate: (frames − 1) / (last − first timestamp), frames per second
 * @param jitterMs      standard deviation of the frame intervals, milliseconds
 * @param droppedFrames missing frames: for each interval over {@value #DROP_INTERVAL}× nominal,
 *                      round(interval / nominal) − 1
 * @param frozenFrames  decoded frames that repeat the one before: identical ({@link #repeats}), or in a run of
 *                      frames within {@value #STILL_MAD} code values of each other lasting {@value #STILL_SEC} s
 * @param longestFreezeSec the longest run of frozen frames, from the frame they repeat to the last
 *                      of them, seconds (0 when none)
 * @param frozenShare   frozen frames / decoded frames, 0–1: near 1 is a still scene or a dead
 *                      picture, not a freeze within a moving one
 */
public record Timing(double fpsMeasured, double jitterMs, int droppedFrames, int frozenFrames, double longestFreezeSec,
        double frozenShare) {
    /**
     * A frame identical to the one before on the sample (mean absolute difference 0) repeats it,
     * however short the repeat. A lossy encoder does not always code a repeat exactly (x264 refines a
     * picture that stands still: 0.01–0.5 code values on a re-encoded street scene), and a slow,
     * smooth scene can differ as little (the demo's sway, its grain smoothed by the encoder, turns
     * back with frames 0.24–0.47 apart for a sixth of a second): a frame within {@value #STILL_MAD}
     * of the one before is frozen only when the picture has stood still that way for
     * {@value #STILL_SEC} s. The bound of 0.5 alone counted 28 of the demo's moving frames in 4 s.
     */
    public static boolean repeats(double meanAbsoluteDifference) {
        return meanAbsoluteDifference == 0;
    }

    /** Mean absolute difference (code values) under which a frame is still; frozen once it lasts {@link #STILL_SEC}. */
    public static final double STILL_MAD = 0.5;
    /** Seconds a picture must stand still, each frame within {@link #STILL_MAD} of the one before, to be frozen. */
    public static final double STILL_SEC = 0.5;

    /**
     * An interval over this many nominal intervals lost frames; a shorter one is a late frame (jitter).
     * Halfway to twice nominal, where one frame is missing: the nearest whole number of intervals.
     */
    public static final double DROP_INTERVAL = 1.5;
}
