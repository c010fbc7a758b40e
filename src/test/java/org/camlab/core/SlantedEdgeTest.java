package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.camlab.fixtures.SlantedEdges;
import org.camlab.fixtures.TruthEdges;
import org.camlab.fixtures.TruthEdges.Psf;
import org.junit.jupiter.api.Test;

/**
 * e-SFR against edges whose MTF is known exactly ({@link TruthEdges}): the curve, the tilt, what is
 * refused, and that measuring allocates nothing. The accuracy over the whole truth set is
 * {@link EsfrTruthSetTest}'s.
 */
class SlantedEdgeTest {
    private static final int SIZE = 200;

    /** One edge through the middle of a SIZE² plane, its normal at {@code normalDeg}, measured over a 120 px segment. */
    private static SlantedEdge measure(SlantedEdge e, byte[] plane, double normalDeg) {
        double t = Math.toRadians(normalDeg);
        double c = SIZE / 2.0;
        double ax = -Math.sin(t) * 60;
        double ay = Math.cos(t) * 60;
        e.measure(plane, SIZE, SIZE, c - ax + 0.3, c - ay - 0.2, c + ax + 0.3, c + ay - 0.2, 24);
        return e;
    }

    private static byte[] edge(double normalDeg, Psf psf, double sigma, double dark, double bright, double noise,
            long seed) {
        return TruthEdges.encode(TruthEdges.edge(SIZE, SIZE, SIZE / 2.0 + 0.17, SIZE / 2.0 - 0.29, normalDeg, psf,
                sigma, dark, bright), SIZE, SIZE, noise, seed, 0);
    }

    @Test
    void theCurveFollowsTheTruthToNyquistAtAnyTiltAndTheTiltIsFitted() {
        double worst = 0;
        for (double normal : new double[]{3, 12, 33, 57, 80, 100, 150, 200, 260, 310}) {
            for (Psf psf : Psf.values()) {
                double sigma = 0.8;
                SlantedEdge e = measure(new SlantedEdge(512), edge(normal, psf, sigma, 0.1, 0.6, 0.5, 1), normal);
                assertTrue(e.valid(), psf + " " + normal + "°");
                for (double f = 0; f <= 0.5 + 1e-9; f += 1.0 / 64) {
                    double d = Math.abs(e.mtfAt(f) - TruthEdges.mtf(psf, sigma, normal, f));
                    worst = Math.max(worst, d);
                    assertTrue(d <= 0.01, String.format(Locale.ROOT, "%s %.0f° at %.3f c/p: %.4f vs %.4f", psf,
                            normal, f, e.mtfAt(f), TruthEdges.mtf(psf, sigma, normal, f)));
                }
                // the tilt from the axis the edge runs closer to
                double fromAxis = ((normal % 90) + 90) % 90;
                double expected = fromAxis > 45 ? fromAxis - 90 : fromAxis;
                assertEquals(Math.abs(expected), Math.abs(e.tiltDeg()), 0.05, "the fitted tilt at " + normal + "°");
            }
        }
        System.out.printf(Locale.ROOT, "[e-SFR] curve's worst difference up to Nyquist: %.4f%n", worst);
    }

    @Test
    void whatIsNotAMeasurableEdgeIsRefused() {
        SlantedEdge e = new SlantedEdge(512);
        byte[] flat = TruthEdges.encode(new double[SIZE * SIZE], SIZE, SIZE, 2, 1, 0);
        assertFalse(measure(e, flat, 5).valid(), "a flat region");
        assertTrue(Double.isNaN(e.mtf50()));
        assertFalse(measure(e, edge(0, Psf.GAUSSIAN, 1, 0.1, 0.6, 0, 0), 0).valid(),
                "an edge on the pixel grid (0°): no phases to oversample");
        assertFalse(measure(e, edge(45, Psf.GAUSSIAN, 1, 0.1, 0.6, 0, 0), 45).valid(),
                "45°: every pixel at a multiple of 0.71 px from the line");
        assertFalse(measure(e, edge(5, Psf.GAUSSIAN, 1, 0.4, 0.45, 0, 0), 5).valid(), "contrast 0.06");
        assertTrue(measure(e, edge(47, Psf.GAUSSIAN, 1, 0.1, 0.6, 0, 0), 47).valid(), "47° is measured");
        // a curve: a circle of radius 150 px through the segment, 12 px off the chord's middle
        double[] circle = new double[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double r = Math.hypot(x - (SIZE / 2.0 - 150 + 12), y - SIZE / 2.0);
                circle[y * SIZE + x] = r < 150 ? 0.1 : 0.6;
            }
        }
        assertFalse(measure(e, TruthEdges.encode(circle, SIZE, SIZE, 0, 0, 0), 3).valid(), "a curved edge");
    }

    @Test
    void aSegmentTooShortOrARegionTooNarrowIsRefused() {
        SlantedEdge e = new SlantedEdge(512);
        byte[] plane = edge(5, Psf.GAUSSIAN, 1, 0.1, 0.6, 0, 0);
        assertFalse(e.measure(plane, SIZE, SIZE, 100, 90, 101, 105, 24), "15 px long");
        assertFalse(e.measure(plane, SIZE, SIZE, 100, 40, 110, 160, 6), "6 px either side");
        assertTrue(e.measure(plane, SIZE, SIZE, 95.4, 40, 105.9, 160, 24), "the same edge, measurable");
        assertFalse(e.measure(plane, SIZE, SIZE, -50, 40, -40, 160, 24), "a segment off the plane");
        assertFalse(e.measure(plane, SIZE, SIZE, 95.4, 40, 105.9, 160, Double.NaN), "no half-width");
        assertEquals(SlantedEdge.Refusal.SMALL, e.refusal());
        assertFalse(e.measure(plane, SIZE, SIZE, Double.NaN, 40, 105.9, 160, 24), "no end point");
    }

    /** Measuring allocates nothing: the buffers are the instance's. */
    @Test
    void measuringAllocatesNothing() {
        byte[] plane = edge(5, Psf.GAUSSIAN, 1.0, 0.1, 0.6, 2, 3);
        SlantedEdge e = new SlantedEdge(512);
        for (int i = 0; i < 2000; i++) {
            measure(e, plane, 5);
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 200; i++) {
            measure(e, plane, 5);
        }
        long after = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertTrue(after - before < 200 * 16, "bytes allocated over 200 measurements: " + (after - before));
    }

    /** The old fixture's point-sampled Gaussian edges are the new one's. */
    @Test
    void bothFixturesDrawTheSameEdge() {
        byte[] old = SlantedEdges.plane(SIZE, SIZE, 100.17, 99.71, 5, 1.0, 0.1, 0.6, 0, 0, false);
        byte[] now = edge(-5, Psf.GAUSSIAN, 1.0, 0.1, 0.6, 0, 0);
        int differ = 0;
        for (int i = 0; i < old.length; i++) {
            differ += Math.abs(old[i] - now[i]) > 1 ? 1 : 0;
        }
        assertEquals(0, differ, "pixels differing by more than rounding");
    }
}
