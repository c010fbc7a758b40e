package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The residue profiles the upscale estimator sums in integers are, value for value, those of the
 * plain definition: |e| and |e(x) − e(x−1)| of e = 2Y(x) − Y(x−1) − Y(x+1), summed in doubles.
 */
class UpscaleProfilesMatchReferenceTest {

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"64, 64", "97, 65", "640, 360", "1279, 719", "1920, 1080", "1080, 1920", "3840, 2160"})
    void sameAsThePlainSums(int width, int height) {
        SplittableRandom random = new SplittableRandom(width * 31L + height);
        byte[] luma = new byte[width * height];
        for (int i = 0; i < luma.length; i++) {
            // texture plus a gradient: residues of every size and sign, clipped ends included
            luma[i] = (byte) Math.min(255, Math.max(0, (i % width) * 200 / width + random.nextInt(-60, 61)));
        }
        ResidueProfiles residue = new ResidueProfiles();
        residue.measure(luma, width, height);
        double[][] expected = reference(luma, width, height);
        double[][] actual = residue.profiles();
        for (int i = 0; i < 4; i++) {
            int n = i < 2 ? width : height;
            assertArrayEquals(expected[i], Arrays.copyOf(actual[i], n), "profile " + i);
        }
    }

    /** The definition, written the obvious way. */
    private static double[][] reference(byte[] luma, int width, int height) {
        double[] h1 = new double[width];
        double[] h2 = new double[width];
        for (int y = 0; y < height; y += Math.max(1, height / 512)) {
            for (int x = 1; x < width - 1; x++) {
                int e = residue(luma, y * width + x, 1);
                h1[x] += Math.abs(e);
                if (x > 1) {
                    h2[x] += Math.abs(e - residue(luma, y * width + x - 1, 1));
                }
            }
        }
        h1[0] = h1[1];
        h1[width - 1] = h1[width - 2];
        h2[0] = h2[2];
        h2[1] = h2[2];
        h2[width - 1] = h2[width - 2];
        double[] v1 = new double[height];
        double[] v2 = new double[height];
        int colStep = Math.max(1, width / 512);
        for (int y = 1; y < height - 1; y++) {
            for (int x = 0; x < width; x += colStep) {
                int e = residue(luma, y * width + x, width);
                v1[y] += Math.abs(e);
                if (y > 1) {
                    v2[y] += Math.abs(e - residue(luma, (y - 1) * width + x, width));
                }
            }
        }
        v1[0] = v1[1];
        v1[height - 1] = v1[height - 2];
        v2[0] = v2[2];
        v2[1] = v2[2];
        v2[height - 1] = v2[height - 2];
        return new double[][]{h1, h2, v1, v2};
    }

    private static int residue(byte[] luma, int i, int step) {
        return 2 * (luma[i] & 0xFF) - (luma[i - step] & 0xFF) - (luma[i + step] & 0xFF);
    }
}
