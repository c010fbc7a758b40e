package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.camlab.fixtures.SlantedEdges;
import org.junit.jupiter.api.Test;

/**
 * Finding edges on whole frames: slanted squares (5°, as on a test chart) in the centre and towards
 * the corners of a 1080p frame, blurred by a known σ, are found and each measured within 3 % of the
 * analytic MTF50; a flat frame and one of noise hold none; a picture enlarged from half its size
 * measures clearly lower than the same scene made at full size.
 */
class EdgeFinderTest {
    static final double[][] CENTRES = {{960, 540}, {300, 200}, {1620, 200}, {300, 880}, {1620, 880}};

    @Test
    void slantedSquaresAreFoundAndMeasured() {
        double sigma = 0.8;
        byte[] frame = SlantedEdges.squares(1920, 1080, CENTRES, 160, 5, sigma, 0.08, 0.55);
        EdgeFinder finder = new EdgeFinder(1920, 1080);
        int n = finder.find(frame, 1920, 1080);
        double truth = SlantedEdges.mtf50(sigma);
        StringBuilder seen = new StringBuilder();
        int centre = 0;
        int corners = 0;
        for (int i = 0; i < n; i++) {
            seen.append(String.format(Locale.ROOT, " (%.0f,%.0f %s %.1f° %.4f)", finder.x(i), finder.y(i),
                    finder.horizontal(i) ? "h" : "v", finder.tiltDeg(i), finder.mtf50(i)));
            assertTrue(Math.abs(finder.mtf50(i) / truth - 1) < 0.03, "edge " + i + ": " + seen);
            assertEquals(5, Math.abs(finder.tiltDeg(i)), 0.3, seen.toString());
            if (Math.abs(finder.x(i) - 960) < 200 && Math.abs(finder.y(i) - 540) < 200) {
                centre++;
            } else {
                corners++;
            }
        }
        System.out.println("[edges] " + n + " found, truth " + truth + ":" + seen);
        assertTrue(n >= 8, "most of the squares' 20 sides: " + n + seen);
        assertTrue(centre >= 2 && corners >= 6, "the centre and the corners: " + centre + ", " + corners);
    }

    @Test
    void flatAndNoisyFramesHoldNoEdge() {
        EdgeFinder finder = new EdgeFinder(1280, 720);
        byte[] flat = new byte[1280 * 720];
        Arrays.fill(flat, (byte) 120);
        assertEquals(0, finder.find(flat, 1280, 720));
        Random r = new Random(7);
        byte[] noise = new byte[1280 * 720];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) Math.max(0, Math.min(255, 120 + (int) Math.round(r.nextGaussian() * 30)));
        }
        assertEquals(0, finder.find(noise, 1280, 720), "noise is no edge");
    }

    /** The same squares made at 640×360 and enlarged ×2 (bilinear), against them made at 1280×720. */
    @Test
    void anEnlargedPictureMeasuresClearlyLower() {
        double[][] small = {{320, 180}, {120, 80}, {520, 80}, {120, 280}, {520, 280}};
        double[][] large = new double[small.length][];
        for (int i = 0; i < small.length; i++) {
            large[i] = new double[]{2 * small[i][0], 2 * small[i][1]};
        }
        // the scene's own blur is 0.7 px at 1280×720, so 0.35 px of the smaller picture
        byte[] nativeFrame = SlantedEdges.squares(1280, 720, large, 140, 5, 0.7, 0.08, 0.55);
        byte[] lowRes = SlantedEdges.squares(640, 360, small, 70, 5, 0.35 + 0.3, 0.08, 0.55);
        byte[] enlarged = bilinear2x(lowRes, 640, 360);
        EdgeFinder finder = new EdgeFinder(1280, 720);
        double a = median(finder, nativeFrame);
        double b = median(finder, enlarged);
        System.out.printf(Locale.ROOT, "[edges] native MTF50 %.4f, enlarged ×2 %.4f c/p%n", a, b);
        assertTrue(b < 0.7 * a, "enlarged " + b + " vs native " + a);
    }

    static double median(EdgeFinder f, byte[] frame) {
        int n = f.find(frame, 1280, 720);
        assertTrue(n >= 4, "edges found: " + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.mtf50(i);
        }
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** ×2 with bilinear interpolation (pixel centres aligned, as FFmpeg's and most scalers do). */
    static byte[] bilinear2x(byte[] src, int w, int h) {
        int ow = 2 * w;
        int oh = 2 * h;
        byte[] out = new byte[ow * oh];
        for (int y = 0; y < oh; y++) {
            double sy = Math.max(0, Math.min(h - 1, (y + 0.5) / 2 - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < ow; x++) {
                double sx = Math.max(0, Math.min(w - 1, (x + 0.5) / 2 - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                double v = (1 - fy) * ((1 - fx) * (src[y0 * w + x0] & 0xFF) + fx * (src[y0 * w + x1] & 0xFF))
                        + fy * ((1 - fx) * (src[y1 * w + x0] & 0xFF) + fx * (src[y1 * w + x1] & 0xFF));
                out[y * ow + x] = (byte) Math.round(v);
            }
        }
        return out;
    }
}
