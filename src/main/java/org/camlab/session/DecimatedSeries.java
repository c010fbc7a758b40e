package org.camlab.session;

import java.util.Arrays;
import org.camlab.results.TimeSeries;

/**
 * A metric over time in at most {@value #CAPACITY} points: when full, neighbouring points are
 * merged in pairs and each later point stands for twice as many frames, so an hour costs the same
 * memory as a minute. Each point is the mean of its frames' measured values.
 */
final class DecimatedSeries {
    static final int CAPACITY = 1024;

    private final double[] seconds = new double[CAPACITY];
    private final double[] values = new double[CAPACITY];
    private int size;
    /** Frames per point. */
    private int stride = 1;
    // the point being filled
    private int pending;
    private double pendingSeconds;
    private double pendingSum;
    private int pendingMeasured;

    void add(double second, double value) {
        if (pending == 0) {
            pendingSeconds = second;
        }
        pending++;
        if (!Double.isNaN(value)) {
            pendingSum += value;
            pendingMeasured++;
        }
        if (pending == stride) {
            flush();
        }
    }

    private void flush() {
        if (size == CAPACITY) {
            for (int i = 0; i < CAPACITY / 2; i++) {
                seconds[i] = seconds[2 * i];
                values[i] = mean(values[2 * i], values[2 * i + 1]);
            }
            size = CAPACITY / 2;
            stride *= 2;
        }
        seconds[size] = pendingSeconds;
        values[size] = pendingMeasured == 0 ? Double.NaN : pendingSum / pendingMeasured;
        size++;
        pending = 0;
        pendingSum = 0;
        pendingMeasured = 0;
    }

    private static double mean(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : (a + b) / 2;
    }

    TimeSeries snapshot() {
        int n = size + (pending > 0 ? 1 : 0);
        double[] s = Arrays.copyOf(seconds, n);
        double[] v = Arrays.copyOf(values, n);
        if (pending > 0) {
            s[n - 1] = pendingSeconds;
            v[n - 1] = pendingMeasured == 0 ? Double.NaN : pendingSum / pendingMeasured;
        }
        return new TimeSeries(s, v);
    }
}
