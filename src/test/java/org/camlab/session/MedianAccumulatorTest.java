package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The session median: exact while it can keep every value, within half a bin of the exact one after. */
class MedianAccumulatorTest {
    private static double exactMedian(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    @Test
    void upToTheExactLimitItIsTheExactMedian() {
        Random r = new Random(1);
        for (int n : new int[]{1, 2, 3, 100, MedianAccumulator.EXACT}) {
            MedianAccumulator m = new MedianAccumulator(0, 255, false);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = 255 * r.nextDouble();
                m.add(v[i]);
            }
            assertEquals(exactMedian(v), m.median(), 0.0, "n = " + n);
        }
    }

    @Test
    void beyondItTheHistogramIsWithinHalfABin() {
        Random r = new Random(2);
        int n = 200_000;
        double[] v = new double[n];
        MedianAccumulator lin = new MedianAccumulator(0, 255, false);
        MedianAccumulator log = new MedianAccumulator(0, 1e8, true);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 120 + 15 * r.nextGaussian();
            w[i] = Math.exp(6 + r.nextGaussian()); // Laplacian variance-like: spans decades
            lin.add(v[i]);
            log.add(w[i]);
        }
        double e = exactMedian(v);
        assertEquals(e, lin.median(), lin.resolutionAt(e) + 1e-9);
        double el = exactMedian(w);
        assertEquals(el, log.median(), log.resolutionAt(el) + 1e-9);
        assertTrue(log.resolutionAt(el) / el < 0.001, "log bins keep 0.1 %: " + log.resolutionAt(el) / el);
    }

    @Test
    void notMeasuredIsIgnoredAndNothingMeasuredIsNaN() {
        MedianAccumulator m = new MedianAccumulator(0, 100, false);
        m.add(Double.NaN);
        assertTrue(Double.isNaN(m.median()));
        m.add(40);
        m.add(Double.NaN);
        assertEquals(40, m.median(), 0.0);
        assertEquals(1, m.count());
    }
}
