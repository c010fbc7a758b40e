package org.camlab.session;

import java.util.Arrays;
import org.camlab.results.TimeSeries;
import org.camlab.results.Timeline;

/**
 * The timeline: each whole second of source time, from the first frame, with the frames it held
 * and the swing of the frame mean within it (see {@link Timeline}), in bounded series. A second
 * without a frame counts 0 frames. Not thread-safe: {@link TemporalStats} guards it.
 */
final class SecondBySecond {
    /** The longest run of seconds without a frame that the timeline fills with zeros. */
    private static final int MAX_GAP_SECONDS = 600;

    private final double fpsNominal;
    private final DecimatedSeries fpsSeries = new DecimatedSeries();
    private final DecimatedSeries swingSeries = new DecimatedSeries();
    private long firstPts = Long.MIN_VALUE;
    // the second being filled
    private long second = -1;
    private long secondLastPts;
    private int secondFrames;
    private int secondMeasured;
    private double secondMin;
    private double secondMax;
    private double secondSum;

    SecondBySecond(double fpsNominal) {
        this.fpsNominal = fpsNominal;
    }

    void add(long pts, double mean) {
        if (firstPts == Long.MIN_VALUE) {
            firstPts = pts;
        }
        long sec = Math.floorDiv(pts - firstPts, 1_000_000L);
        if (sec != second) {
            closeSecond();
            for (long gap = second + 1; second >= 0 && gap < sec && gap - second <= MAX_GAP_SECONDS; gap++) {
                fpsSeries.add(gap, 0); // a second without a frame: the picture stood still for the call
                swingSeries.add(gap, Double.NaN);
            }
            second = sec;
            secondFrames = 0;
            secondMeasured = 0;
            secondMin = Double.POSITIVE_INFINITY;
            secondMax = Double.NEGATIVE_INFINITY;
            secondSum = 0;
        }
        secondFrames++;
        secondLastPts = pts;
        if (!Double.isNaN(mean)) {
            secondMeasured++;
            secondMin = Math.min(secondMin, mean);
            secondMax = Math.max(secondMax, mean);
            secondSum += mean;
        }
    }

    private void closeSecond() {
        if (second < 0 || secondFrames == 0) {
            return;
        }
        fpsSeries.add(second, secondFrames);
        swingSeries.add(second, secondSwingPct());
    }

    /** Peak to peak of the frame mean within the second being filled, % of its mean. */
    private double secondSwingPct() {
        double mean = secondMeasured == 0 ? Double.NaN : secondSum / secondMeasured;
        return mean > 0 ? 100 * (secondMax - secondMin) / mean : Double.NaN;
    }

    /** The timeline of the complete seconds so far; the last one is in when its frames reach its end. */
    Timeline timeline() {
        TimeSeries fps = fpsSeries.snapshot();
        TimeSeries swing = swingSeries.snapshot();
        double interval = fpsNominal > 0 ? 1e6 / fpsNominal : Double.NaN;
        long into = second < 0 ? 0 : secondLastPts - firstPts - second * 1_000_000L;
        if (second >= 0 && into >= 1_000_000L - 1.5 * interval) {
            fps = append(fps, second, secondFrames);
            swing = append(swing, second, secondSwingPct());
        }
        return new Timeline(fps, swing);
    }

    private static TimeSeries append(TimeSeries s, double second, double value) {
        double[] t = Arrays.copyOf(s.seconds(), s.size() + 1);
        double[] v = Arrays.copyOf(s.values(), s.size() + 1);
        t[s.size()] = second;
        v[s.size()] = value;
        return new TimeSeries(t, v);
    }
}
