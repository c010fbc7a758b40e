package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniformityTruthTest {
    /** The falloff the vignette really has over the grid's corner and centre cells, from its exact linear light. */
    static double trueFalloff(int w, int h, double peak, double stops) {
        Grid g = Grid.forFrame(w, h);
        double[] cells = new double[g.cells()];
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                double s = 0;
                int n = 0;
                for (int y = g.rowStart(r, h); y < g.rowStart(r + 1, h); y++) {
                    for (int x = g.colStart(c, w); x < g.colStart(c + 1, w); x++) {
                        s += Scenes.vignetteLinear(x, y, w, h, peak, stops);
                        n++;
                    }
                }
                cells[r * g.cols() + c] = s / n;
            }
        }
        double corner = 0;
        for (int i : g.corners()) {
            corner += cells[i] / 4;
        }
        double centre = 0;
        for (int i : g.centre()) {
            centre += cells[i] / g.centre().length;
        }
        return Math.log(corner / centre) / Math.log(2);
    }

    @ParameterizedTest(name = "{0}×{1}, {3} stops at the corner")
    @CsvSource({"1280, 720, 0.8, 0.0", "1280, 720, 0.8, 0.5", "1280, 720, 0.8, 1.0", "1920, 1080, 0.9, 2.0",
            "640, 480, 0.7, 1.5", "640, 480, 0.5, 3.0"})
    void cornerFalloffWithinATenthOfAStop(int w, int h, double peak, double stops) {
        FrameMetrics m = Analyze.frame(Scenes.vignette(w, h, peak, stops));
        double truth = trueFalloff(w, h, peak, stops);
        assertEquals(truth, m.cornerFalloffStops, 0.1, "truth " + truth);
        if (stops == 0) {
            assertEquals(1.0, m.minMaxRatio, 0.01);
            assertEquals(0.0, m.leftRightStops, 0.01);
        }
    }

    @Test
    void leftRightStopsOfAKnownStep() {
        // Left third at linear 0.2, right third at linear 0.05: exactly 2 stops.
        int w = 960;
        int h = 540;
        var f = Scenes.flat(w, h, 100);
        int left = (int) Math.round(255 * Scenes.srgb(0.2));
        int right = (int) Math.round(255 * Scenes.srgb(0.05));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w / 3; x++) {
                f.luma[y * w + x] = (byte) left;
                f.luma[y * w + w - 1 - x] = (byte) right;
            }
        }
        double truth = Math.log(Scenes.linear(left / 255.0) / Scenes.linear(right / 255.0)) / Math.log(2);
        FrameMetrics m = Analyze.frame(f);
        assertEquals(truth, m.leftRightStops, 0.01);
        assertEquals(2.0, m.leftRightStops, 0.05);
        assertEquals(Scenes.linear(right / 255.0) / Scenes.linear(left / 255.0), m.minMaxRatio, 0.01);
    }

    @Test
    void gridIs16By9Or4By3() {
        assertEquals(new Grid(16, 9), Grid.forFrame(1920, 1080));
        assertEquals(new Grid(4, 3), Grid.forFrame(640, 480));
        assertEquals(new Grid(4, 3), Grid.forFrame(512, 512));
    }
}
