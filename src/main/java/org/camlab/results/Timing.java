package org.camlab.results;

/**
 * Frame timing from the presentation timestamps of the decoded frames (docs/CONTRACT.md, temporal.*).
 *
 * @param fpsMeasured   mean rate: (frames − 1) / (last − first timestamp), frames per second
 * @param jitterMs      standard deviation of the frame intervals, milliseconds
 * @param droppedFrames missing frames: for each interval over {@value #DROP_INTERVAL}× nominal,
 *                      round(interval / nominal) − 1
 * @param frozenFrames  decoded frames whose mean absolute luma difference to the frame before is < {@value #FROZEN_MAD}
 * @param longestFreezeSec the longest run of frozen frames, from the frame they repeat to the last
 *                      of them, seconds (0 when none)
 * @param frozenShare   frozen frames / decoded frames, 0–1: near 1 is a still scene or a dead
 *                      picture, not a freeze within a moving one
 */
public record Timing(double fpsMeasured, double jitterMs, int droppedFrames, int frozenFrames, double longestFreezeSec,
        double frozenShare) {
    /** Mean absolute difference, in code values, below which a frame repeats the one before. */
    public static final double FROZEN_MAD = 0.5;
    /**
     * An interval over this many nominal intervals lost frames; a shorter one is a late frame (jitter).
     * Halfway to twice nominal, where one frame is missing: the nearest whole number of intervals.
     */
    public static final double DROP_INTERVAL = 1.5;
}
