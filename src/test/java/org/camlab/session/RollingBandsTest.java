package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.camlab.image.LumaSample;
import org.camlab.results.Flicker;
import org.junit.jupiter.api.Test;

/**
 * Rolling bands on synthetic samples whose bands are known: a fixed textured scene with horizontal
 * stripes of its own, multiplied by 1 + A·sin(2π(k·y/h + drift·t)).
 */
class RollingBandsTest {
    private static final int W = 480;
    private static final int H = 270; // a 1080p frame's sample

    /** @param bands bands per frame height; @param amplitude A; @param drift of a band period per frame */
    private static Flicker run(double bands, double amplitude, double drift, double globalFlicker, long seed) {
        Random r = new Random(seed);
        double[] scene = new double[W * H];
        for (int y = 0; y < H; y++) {
            double stripe = (y / 20) % 2 == 0 ? 30 : -30; // the scene's own horizontal edges (shelves, blinds)
            for (int x = 0; x < W; x++) {
                scene[y * W + x] = 120 + stripe + 25 * r.nextGaussian();
            }
        }
        RollingBands b = new RollingBands();
        LumaSample s = new LumaSample();
        s.resizeFor(W * LumaSample.STEP, H * LumaSample.STEP);
        for (int t = 0; t < 300; t++) {
            double gain = 1 + globalFlicker * Math.sin(2 * Math.PI * 0.3 * t);
            long sum = 0;
            for (int y = 0; y < H; y++) {
                double band = 1 + amplitude * Math.sin(2 * Math.PI * (bands * y / H + drift * t));
                for (int x = 0; x < W; x++) {
                    double v = scene[y * W + x] * band * gain + 2 * r.nextGaussian();
                    int q = (int) Math.max(0, Math.min(255, Math.round(v)));
                    s.values[y * W + x] = (byte) q;
                    sum += q;
                }
            }
            assertEquals((double) sum / (W * H), b.take(s), 1e-9);
        }
        return b.result(30);
    }

    @Test
    void driftingBandsAreFoundWithTheirCountAndAmplitude() {
        // 100 Hz light at 30 fps: 3.33 bands a frame, 3 % amplitude = 6 % peak to peak
        Flicker f = run(10 / 3.0, 0.03, 0.31, 0, 1);
        assertNotNull(f);
        assertEquals(100, f.hz(), 4, "bands per frame × 30 fps");
        assertEquals(6, f.pct(), 1.0, "peak to peak, percent");
        Flicker g = run(4, 0.015, 0.27, 0, 2); // 120 Hz, 3 % peak to peak
        assertNotNull(g);
        assertEquals(120, g.hz(), 4);
        assertEquals(3, g.pct(), 0.6);
    }

    @Test
    void aSteadySceneWithStripesOfItsOwnHasNoBands() {
        assertNull(run(4, 0, 0, 0, 3));
    }

    @Test
    void theWholeFramePulsingIsNotBands() {
        assertNull(run(4, 0, 0, 0.05, 4), "global flicker is the frame-mean meter's, not bands");
    }

    @Test
    void bandsThatDoNotDriftCannotBeToldFromTheScene() {
        assertNull(run(4, 0.03, 0, 0, 5));
    }

    /**
     * A camera tilting slowly over a scene of horizontal structure (shelves, a tiled wall of
     * photographs): the rows' profile moves as bands would, but differently in the two halves.
     */
    @Test
    void aSceneMovingUpAndDownIsNotBands() {
        Random r = new Random(7);
        int tall = H + 3 * 300;
        double[] world = new double[W * tall];
        for (int y = 0; y < tall; y++) {
            for (int x = 0; x < W; x++) {
                // four stripes a frame height, as bands would be, but a quarter period apart in the two halves
                double phase = x < W / 2 ? 0 : Math.PI / 2;
                world[y * W + x] = 120 + 30 * Math.sin(2 * Math.PI * y / (H / 4.0) + phase) + 10 * r.nextGaussian();
            }
        }
        RollingBands b = new RollingBands();
        LumaSample s = new LumaSample();
        s.resizeFor(W * LumaSample.STEP, H * LumaSample.STEP);
        for (int t = 0; t < 300; t++) {
            int top = 3 * t; // tilting at 3 rows a frame
            long sum = 0;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int q = (int) Math.max(0, Math.min(255, Math.round(world[(y + top) * W + x])));
                    s.values[y * W + x] = (byte) q;
                    sum += q;
                }
            }
            assertEquals((double) sum / (W * H), b.take(s), 1e-9);
        }
        assertNull(b.result(30));
    }

    @Test
    void bandsUnderOnePercentAreNotReported() {
        assertNull(run(4, 0.002, 0.31, 0, 6));
    }
}
