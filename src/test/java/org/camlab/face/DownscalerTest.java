package org.camlab.face;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownscalerTest {

    @ParameterizedTest(name = "{0}×{1} by {2}")
    @CsvSource({"8, 8, 1", "9, 7, 2", "1920, 1080, 5", "1921, 1083, 5", "640, 480, 3", "3840, 2160, 10"})
    void eachPixelIsItsBlocksRoundedMean(int w, int h, int k) {
        SplittableRandom random = new SplittableRandom(w * 7L + h + k);
        byte[] src = new byte[w * h];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) random.nextInt(256);
        }
        byte[] dst = new byte[(w / k) * (h / k)];
        Downscaler.box(src, w, h, k, dst);
        byte[] expected = new byte[dst.length];
        for (int y = 0; y < h / k; y++) {
            for (int x = 0; x < w / k; x++) {
                long s = 0;
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < k; i++) {
                        s += src[(y * k + j) * w + x * k + i] & 0xFF;
                    }
                }
                expected[y * (w / k) + x] = (byte) Math.round((double) s / (k * k));
            }
        }
        assertArrayEquals(expected, dst);
    }

    @ParameterizedTest
    @CsvSource({"1920, 384, 5", "384, 384, 1", "385, 384, 2", "100, 384, 1"})
    void factorBringsTheSideWithinTheLimit(int size, int max, int expected) {
        assertEquals(expected, Downscaler.factor(size, max));
    }
}
