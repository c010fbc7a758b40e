package org.camlab.session;

import java.util.Arrays;

/** A growable column of doubles (NaN = not measured) with NaN-aware order statistics. */
final class Series {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    /** Median of the measured values (mean of the two middle ones for an even count); NaN if none. */
    double median() {
        return percentile(50);
    }

    /** Linear-interpolated percentile (0–100) of the measured values; NaN if none. */
    double percentile(double p) {
        double[] v = measured();
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        double pos = p / 100 * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    private double[] measured() {
        int n = 0;
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (!Double.isNaN(values[i])) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
