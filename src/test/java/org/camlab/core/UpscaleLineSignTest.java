package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sign a pixel-centre enlargement gives its residue line, referred to the frame's edge
 * (UpscaleEstimator's class comment): (−1)^n for its harmonic n/k, flipped when that harmonic lies
 * above Nyquist and is seen mirrored. The factors that share a line have opposite signs there.
 */
class UpscaleLineSignTest {
    @ParameterizedTest(name = "line {0}, ×{1}: {2}")
    @CsvSource({"0.3333333333333333, 1.5, 1", "0.3333333333333333, 3, -1", "0.4375, 1.7777777777777777, 1",
            "0.4375, 2.2857142857142856, -1", "0.2, 1.25, 1", "0.2, 2.5, -1", "0.2, 5, -1", "0.25, 4, -1",
            "0.3333333333333333, 6, 1", "0.375, 2.6666666666666665, -1", "0.375, 1.6, 1"})
    void factorsSharingALineHaveOppositeSigns(double line, double factor, int sign) {
        assertEquals(sign, UpscaleEstimator.expectedSign(line, factor));
    }
}
