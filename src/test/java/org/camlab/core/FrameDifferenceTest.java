package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDifferenceTest {
    @Test
    void earlyExitAgreesWithTheFullMean() {
        Random r = new Random(4);
        int n = 100_000;
        for (int trial = 0; trial < 200; trial++) {
            byte[] a = new byte[n];
            byte[] b = new byte[n];
            r.nextBytes(a);
            System.arraycopy(a, 0, b, 0, n);
            int changed = r.nextInt(n);
            int amount = 1 + r.nextInt(3);
            for (int i = 0; i < changed; i++) {
                int k = r.nextInt(n);
                b[k] = (byte) Math.min(255, (a[k] & 0xFF) + amount);
            }
            double mad = FrameDifference.meanAbsolute(a, b, n);
            assertEquals(mad < 0.5, FrameDifference.meanAbsoluteBelow(a, b, n, 0.5), "MAD " + mad);
        }
    }
}
