package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camlab.fixtures.TruthEdges;
import org.camlab.fixtures.TruthEdges.Psf;
import org.junit.jupiter.api.Test;

/**
 * e-SFR's accuracy on a truth set (issue 29): frames of six slanted dark squares on a bright
 * ground, small (64 px) and large (160 px), tilted 2–40°, blurred by Gaussian point spreads sampled at the pixel centres
 * or integrated over the pixel (an aperture), encoded in 8-bit sRGB with noise of 0–4 code values
 * (5 seeds each) or JPEG quality 75–95 (over noise of 1). Each side is measured along its length
 * but for its ends, from end points 0.4 px off the true side (as a finder leaves them); a frame's
 * figure is the median of its 24 sides, as camlab reports a frame's MTF50. The truth is each
 * side's analytic MTF50 along its normal ({@link TruthEdges#mtf50}).
 */
class EsfrTruthSetTest {
    static final double[] TILTS = {2, 5, 10, 20, 30, 40};
    static final double[] NOISES = {1, 2, 4};
    static final int[] QUALITIES = {75, 85, 95};
    static final int SEEDS = 5;
    static final double DARK = 0.1;
    static final double BRIGHT = 0.6;

    record Blur(Psf psf, double sigma) {
    }

    static final Blur[] BLURS = {new Blur(Psf.GAUSSIAN, 0.5), new Blur(Psf.GAUSSIAN, 1.0), new Blur(Psf.GAUSSIAN,
            2.0), new Blur(Psf.GAUSSIAN_PIXEL, 0.3), new Blur(Psf.GAUSSIAN_PIXEL, 0.7), new Blur(Psf.GAUSSIAN_PIXEL,
                    1.5)};

    /** One side's reading: what image, which side, and its relative error (NaN: not measured). */
    record Reading(String image, int side, double noise, int quality, long seed, double error) {
    }

    /** Six squares of a side on a frame: small (64 px) and large (160 px), as a chart's squares appear. */
    record Layout(int side, int width, int height, double[][] centres) {
        static Layout of(int side) {
            double step = side * 2.0;
            double[][] c = new double[6][];
            for (int i = 0; i < 6; i++) {
                // off the pixel grid by different fractions, so no two squares sample the same phases
                c[i] = new double[]{step * (0.75 + i % 3) + 0.13 * i, step * (0.75 + i / 3) - 0.07 * i};
            }
            return new Layout(side, (int) (step * 3.5), (int) (step * 2.5), c);
        }
    }

    static List<Reading> readings() {
        List<Reading> out = new ArrayList<>();
        SlantedEdge edge = new SlantedEdge(1024);
        for (int side : new int[]{64, 160}) {
            Layout layout = Layout.of(side);
            int w = layout.width();
            int h = layout.height();
            for (double tilt : TILTS) {
                for (Blur blur : BLURS) {
                    double[] linear = TruthEdges.squares(w, h, layout.centres(), side, tilt, blur.psf(), blur.sigma(),
                            DARK, BRIGHT);
                    String name = String.format(Locale.ROOT, "%dpx %s σ%.1f %.0f°", side, blur.psf(), blur.sigma(),
                            tilt);
                    for (Object[] v : variants()) {
                        double noise = (Double) v[0];
                        int quality = (Integer) v[1];
                        long seed = (Long) v[2];
                        byte[] plane = TruthEdges.encode(linear, w, h, noise, seed, quality);
                        double[] errors = new double[24];
                        int n = 0;
                        for (double[] c : layout.centres()) {
                            for (int s = 0; s < 4; s++) {
                                double error = measure(edge, plane, w, h, c[0], c[1], side, tilt, s)
                                        / TruthEdges.mtf50(blur.psf(), blur.sigma(), tilt + 90 * s) - 1;
                                out.add(new Reading(name, n, noise, quality, seed, error));
                                errors[n++] = error;
                            }
                        }
                        out.add(new Reading(name, IMAGE, noise, quality, seed, Median.ofFirst(errors, n)));
                    }
                }
            }
        }
        return out;
    }

    /** Each frame's versions: {noise, JPEG quality, seed}. */
    static List<Object[]> variants() {
        List<Object[]> variants = new ArrayList<>();
        variants.add(new Object[]{0.0, 0, 0L});
        for (double noise : NOISES) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                variants.add(new Object[]{noise, 0, seed});
            }
        }
        for (int q : QUALITIES) {
            variants.add(new Object[]{1.0, q, 7L});
        }
        return variants;
    }

    /** The side number of an image's reading: the median of its sides' errors, as camlab reports a frame's MTF50. */
    static final int IMAGE = -1;

    /** MTF50 of side s (0: +x side in the square's frame, then +y, −x, −y) of the square at (cx, cy). */
    static double measure(SlantedEdge edge, byte[] plane, int w, int h, double cx, double cy, double side,
            double tilt, int s) {
        double t = Math.toRadians(tilt + 90 * s);
        double nx = Math.cos(t);
        double ny = Math.sin(t);
        // the side's corners, 0.4 px off it as a finder leaves them, trimmed as ChartFinder trims them
        double mx = cx + nx * (side / 2 + 0.4);
        double my = cy + ny * (side / 2 + 0.4);
        double[] from = {mx + ny * side / 2, my - nx * side / 2};
        double[] to = {mx - ny * side / 2, my + nx * side / 2};
        double[] e = SlantedEdge.shorten(from, to, SlantedEdge.cornerTrim(side));
        double halfWidth = Math.min(32, 0.4 * side);
        return edge.measure(plane, w, h, e[0], e[1], e[2], e[3], halfWidth) ? edge.mtf50() : Double.NaN;
    }

    /**
     * The whole process on a share of the set: {@link EdgeFinder} finds the sides itself (no end
     * points given) on frames of noise 2: nearly every side (the small squares blurred by σ 2 px
     * at 40° lose most of theirs), and a frame's median within the tolerance of the sides given.
     */
    @Test
    void theFinderFindsTheSidesAndReadsTheFramesAlike() {
        StringBuilder seen = new StringBuilder();
        double worst = 0;
        int sides = 0;
        for (int side : new int[]{64, 160}) {
            Layout layout = Layout.of(side);
            int w = layout.width();
            int h = layout.height();
            EdgeFinder finder = new EdgeFinder(w, h);
            for (double tilt : TILTS) {
                for (Blur blur : BLURS) {
                    byte[] plane = TruthEdges.encode(TruthEdges.squares(w, h, layout.centres(), side, tilt, blur
                            .psf(), blur.sigma(), DARK, BRIGHT), w, h, 2, 1, 0);
                    int n = finder.find(plane, w, h);
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = finder.mtf50(i);
                    }
                    double error = Median.ofFirst(v, n) / TruthEdges.mtf50(blur.psf(), blur.sigma(), tilt) - 1;
                    String what = String.format(Locale.ROOT, "%dpx %s σ%.1f %.0f°: %d sides, %+.2f %%", side, blur
                            .psf(), blur.sigma(), tilt, n, 100 * error);
                    worst = Math.max(worst, Math.abs(error));
                    assertTrue(n >= 8, what);
                    sides += n;
                    assertTrue(Math.abs(error) <= 0.011, what);
                    seen.append(what).append("; ");
                }
            }
        }
        System.out.printf(Locale.ROOT, "[e-SFR through the finder] %d of %d sides, worst frame %.3f %%: %s%n", sides,
                2 * TILTS.length * BLURS.length * 24, 100 * worst, seen);
        assertTrue(sides >= 0.97 * 2 * TILTS.length * BLURS.length * 24, "sides found: " + sides);
    }

    /** Whether a blur's MTF50 lies above 0.3 c/p: detail JPEG's quantisation takes out, whatever measures it. */
    static boolean sharp(String image) {
        return image.contains("GAUSSIAN σ0.5") || image.contains("GAUSSIAN_PIXEL σ0.3");
    }

    /**
     * The figures measured when this test was written (docs/METRICS.md has the table, with MTF Mapper
     * 0.7.38's on the same frames), each with a small margin, so that a regression fails. Where the
     * issue's targets (frames' mean |error| ≤ 0.3 %, worst ≤ 1.0 %, scatter over seeds ≤ 0.15 %) hold
     * on this set they are asserted as such; with noise of 2–4 code values on 44–134 px edges, and
     * on 8-bit edges without any noise (the rounding's staircase), neither camlab nor MTF Mapper
     * meets them.
     */
    @Test
    void framesAndSidesAreWithinTheirStatedTolerances() {
        List<Reading> all = readings();
        List<Reading> frames = all.stream().filter(r -> r.side() == IMAGE).toList();
        List<Reading> sides = all.stream().filter(r -> r.side() != IMAGE).toList();
        StringBuilder table = new StringBuilder("[e-SFR truth set] set | frames: mean |err| | worst | sd over seeds "
                + "(mean, worst) | sides: mean |err| | worst\n");
        assertEquals(0, sides.stream().filter(r -> Double.isNaN(r.error())).count(), "sides not measured");
        check(table, "noise 1", frames, sides, r -> r.noise() == 1 && r.quality() == 0, 0.0030, 0.0100, 0.0015,
                0.0045);
        check(table, "noise 2", frames, sides, r -> r.noise() == 2 && r.quality() == 0, 0.0030, 0.0110, 0.0026,
                0.0085);
        check(table, "noise 4", frames, sides, r -> r.noise() == 4 && r.quality() == 0, 0.0045, 0.0220, 0.0050,
                0.0170);
        check(table, "no noise (8-bit rounding's staircase)", frames, sides, r -> r.noise() == 0, 0.0110, 0.0130,
                Double.NaN, 0.0110);
        check(table, "JPEG 95", frames, sides, r -> r.quality() == 95, 0.0025, 0.0080, Double.NaN, 0.0070);
        check(table, "JPEG 85, MTF50 ≤ 0.3 c/p", frames, sides, r -> r.quality() == 85 && !sharp(r.image()), 0.0025,
                0.0070, Double.NaN, 0.0065);
        check(table, "JPEG 75, MTF50 ≤ 0.3 c/p", frames, sides, r -> r.quality() == 75 && !sharp(r.image()), 0.0065,
                0.0320, Double.NaN, 0.0105);
        System.out.println(table);
    }

    /** Asserts a set's frames' mean |error|, worst, mean sd over seeds, and its sides' mean |error|. */
    static void check(StringBuilder table, String what, List<Reading> frames, List<Reading> sides,
            Predicate<Reading> in, double mean, double worst, double sd, double sideMean) {
        List<Reading> f = frames.stream().filter(in).toList();
        List<Reading> s = sides.stream().filter(in).toList();
        double fMean = f.stream().mapToDouble(r -> Math.abs(r.error())).average().orElseThrow();
        Reading fWorst = f.stream().max(Comparator.comparingDouble(r -> Math.abs(r.error()))).orElseThrow();
        double sMean = s.stream().mapToDouble(r -> Math.abs(r.error())).average().orElseThrow();
        double sWorst = s.stream().mapToDouble(r -> Math.abs(r.error())).max().orElseThrow();
        var bySeed = f.stream().filter(r -> r.seed() >= 1 && r.quality() == 0).collect(
                Collectors.groupingBy(Reading::image));
        double sdSum = 0;
        double sdWorst = 0;
        for (List<Reading> g : bySeed.values()) {
            double m = g.stream().mapToDouble(Reading::error).average().orElseThrow();
            double v = Math.sqrt(g.stream().mapToDouble(r -> (r.error() - m) * (r.error() - m)).sum() / (g.size()
                    - 1));
            sdSum += v;
            sdWorst = Math.max(sdWorst, v);
        }
        double sdMean = bySeed.isEmpty() ? Double.NaN : sdSum / bySeed.size();
        table.append(String.format(Locale.ROOT, "%s | %.3f %% | %.3f %% | %.3f %%, %.3f %% | %.3f %% | %.3f %%%n",
                what, 100 * fMean, 100 * Math.abs(fWorst.error()), 100 * sdMean, 100 * sdWorst, 100 * sMean, 100
                        * sWorst));
        assertTrue(fMean <= mean, what + ": frames' mean |error| " + fMean);
        assertTrue(Math.abs(fWorst.error()) <= worst, what + ": worst frame " + fWorst);
        assertTrue(Double.isNaN(sd) || sdMean <= sd, what + ": frames' sd over seeds " + sdMean);
        assertTrue(sMean <= sideMean, what + ": sides' mean |error| " + sMean);
    }
}
