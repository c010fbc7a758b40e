package org.camlab.core;

import java.util.Arrays;

/** The median of the first values of a scratch array, sorting them in place: no allocation. */
public final class Median {
    private Median() {
    }

    /** The median of {@code values[0..n)}, which it sorts; NaN when {@code n} is 0. */
    public static double ofFirst(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return (n & 1) == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }
}
