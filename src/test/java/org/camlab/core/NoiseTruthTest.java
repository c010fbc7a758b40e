package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseTruthTest {
    @ParameterizedTest(name = "σ = {0}")
    @ValueSource(doubles = {2, 5, 10})
    void immerkaerSigmaWithinTenPercentOnFlatFields(double sigma) {
        FrameMetrics m = Analyze.frame(Scenes.noisy(1280, 720, 128, sigma, 11));
        // Rounding to integers adds 1/12 of a code value squared of noise: the truth the frame holds.
        double truth = Math.sqrt(sigma * sigma + 1.0 / 12);
        assertEquals(truth, m.noiseSigma, 0.10 * truth, "σ measured " + m.noiseSigma);
    }

    @Test
    void flatNoiselessFrameHasNoNoise() {
        assertEquals(0.0, Analyze.frame(Scenes.flat(320, 240, 90)).noiseSigma, 1e-12);
    }

    @Test
    void edgesDoNotCountAsNoise() {
        // A hard-edged checkerboard (16 px squares) with σ = 3 noise: the edges are excluded.
        var f = Scenes.noisy(640, 480, 128, 3, 5);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int base = ((x / 16 + y / 16) % 2 == 0) ? 60 : 190;
                f.luma[y * 640 + x] = (byte) Math.max(0, Math.min(255, base + (f.luma[y * 640 + x] & 0xFF) - 128));
            }
        }
        double s = Analyze.frame(f).noiseSigma;
        assertTrue(s > 2.7 && s < 3.3, "σ on a noisy checkerboard " + s);
    }
}
