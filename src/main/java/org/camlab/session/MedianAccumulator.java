package org.camlab.session;

import java.util.Arrays;

/**
 * The median of a stream of values in bounded memory. The first {@value #EXACT} values are kept
 * and give the exact median (mean of the two middle ones for an even count); after that they are
 * folded into a fixed histogram over the metric's known range, whose median is within half a bin
 * of the true one: {@value #BINS} bins, linear or on log(1 + v). NaN (not measured) is ignored.
 * Both are allocated at once, so that a session's memory is the same at its first frame and its
 * millionth.
 */
final class MedianAccumulator {
    static final int EXACT = 2048;
    static final int BINS = 1 << 14;

    private final double min;
    private final double max;
    private final boolean log;
    private final double[] exact = new double[EXACT];
    private int exactCount;
    private final int[] bins = new int[BINS];
    private long binned;
    private final double lo;
    private final double scale;

    MedianAccumulator(double min, double max, boolean log) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.lo = log ? 0 : min;
        double hi = log ? Math.log1p(max) : max;
        this.scale = BINS / (hi - lo);
    }

    void add(double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (binned < EXACT) {
            exact[exactCount++] = v;
        }
        bin(v);
    }

    private void bin(double v) {
        double t = log ? Math.log1p(Math.max(0, v)) : v;
        int b = (int) ((t - lo) * scale);
        bins[Math.max(0, Math.min(BINS - 1, b))]++;
        binned++;
    }

    long count() {
        return binned;
    }

    /** NaN when nothing was measured. */
    double median() {
        if (binned <= EXACT) {
            if (exactCount == 0) {
                return Double.NaN;
            }
            double[] v = Arrays.copyOf(exact, exactCount);
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
        long half = (binned + 1) / 2;
        long c = 0;
        for (int b = 0; b < BINS; b++) {
            c += bins[b];
            if (c >= half) {
                double t = lo + (b + 0.5) / scale;
                double v = log ? Math.expm1(t) : t;
                return Math.max(min, Math.min(max, v));
            }
        }
        return Double.NaN;
    }

    /** Half a bin at {@code v}: how far the histogram's median may be from the exact one there. */
    double resolutionAt(double v) {
        if (!log) {
            return 0.5 / scale;
        }
        return (1 + Math.max(0, v)) * (Math.exp(0.5 / scale) - 1);
    }
}
