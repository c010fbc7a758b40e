package org.camlab.session;

/**
 * How much of a source to analyse.
 *
 * @param maxFrames         stop after this many analysed frames (0 = no limit)
 * @param every             analyse one frame in {@code every}; the others are only timed
 * @param faceIntervalSec   seconds between face detections; faces are reused in between
 * @param resolutionIntervalSec seconds between effective-resolution estimates
 */
public record SessionOptions(long maxFrames, int every, double faceIntervalSec, double resolutionIntervalSec) {
    public static SessionOptions defaults() {
        return new SessionOptions(0, 1, 0.5, 2.0);
    }
}
