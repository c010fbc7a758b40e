package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.camlab.capture.StillImageSource;
import org.camlab.fixtures.Fixtures;
import org.camlab.image.ColorMatrix;
import org.camlab.image.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The colour pass (cell counts weighed by the table) gives exactly the sums of a plain per-sample
 * implementation of the definition: every chroma sample with its top-left luma pixel, Y taken at
 * the centre of its 4-code-value bin, CIELAB through {@link CieLabTable#toLab}, near-neutral when
 * C* ≤ {@value CieLabTable#NEUTRAL_CHROMA}, Y within {@value CieLabTable#MIN_Y}–{@value CieLabTable#MAX_Y}
 * and Cb, Cr within ±{@value CieLabTable#HALF_SPAN} of 128, each value rounded to hundredths; and the
 * highlight cast as its definition reads: the near-neutral samples below L* 95 sorted by L*, the
 * brightest taken in whole steps of L* until they are 5 % of them.
 */
class ChromaMatchesReferenceTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** Random luma, chroma spread ±70 around neutral: samples inside, outside and on both sides of the span. */
    static Frame random(int w, int h, boolean subsampled, ColorMatrix m, long seed) {
        Random r = new Random(seed);
        Frame f = new Frame();
        int cw = subsampled ? (w + 1) / 2 : w;
        int ch = subsampled ? (h + 1) / 2 : h;
        f.resize(w, h, cw, ch);
        f.matrix = m;
        for (int i = 0; i < w * h; i++) {
            f.luma[i] = (byte) r.nextInt(256);
        }
        for (int i = 0; i < cw * ch; i++) {
            f.cb[i] = (byte) (128 + (int) Math.round(r.nextGaussian() * 25));
            f.cr[i] = (byte) (128 + (int) Math.round(r.nextGaussian() * 25));
        }
        return f;
    }

    /** {count, ΣL*, Σa*, Σb*} in hundredths, sample by sample. */
    static long[] reference(Frame f) {
        return reference(f, null);
    }

    /** The highlight cast {a*, b*}: the near-neutral samples, brightest whole L* first, until 5 % of them. */
    static double[] highlightReference(Frame f) {
        List<long[]> neutral = new ArrayList<>();
        reference(f, neutral);
        return highlightOf(neutral);
    }

    /** The highlight cast {a*, b*} of these near-neutral samples. */
    static double[] highlightOf(List<long[]> neutral) {
        neutral = new ArrayList<>(neutral);
        neutral.removeIf(s -> s[0] / 100 >= ChromaKernel.HIGHLIGHT_MAX_L);
        neutral.sort((p, q) -> Long.compare(q[0] / 100, p[0] / 100));
        long need = (long) Math.ceil(neutral.size() * ChromaKernel.HIGHLIGHT_SHARE);
        long sa = 0;
        long sb = 0;
        int n = 0;
        while (n < neutral.size() && (n < need || neutral.get(n)[0] / 100 == neutral.get(n - 1)[0] / 100)) {
            sa += neutral.get(n)[1];
            sb += neutral.get(n)[2];
            n++;
        }
        return new double[]{sa / 100.0 / n, sb / 100.0 / n};
    }

    /**
     * Left minus right third's highlight b*, as its definition reads: each third's near-neutral
     * samples on every 8th chroma row and 2nd column, highlight-averaged like the whole frame's.
     */
    static double leftRightReference(Frame f) {
        double[] b = new double[2];
        int third = f.chromaWidth / 3;
        for (int side = 0; side < 2; side++) {
            int x0 = side == 0 ? 0 : f.chromaWidth - third;
            List<long[]> neutral = new ArrayList<>();
            long looked = 0;
            for (int cy = 0; cy < f.chromaHeight; cy += ChromaKernel.SIDE_ROW_STEP) {
                for (int cx = x0; cx < x0 + third; cx += ChromaKernel.SIDE_COL_STEP) {
                    looked++;
                    long[] lab = neutralLab(f, cx, cy);
                    if (lab != null) {
                        neutral.add(lab);
                    }
                }
            }
            if (neutral.size() < 32 || neutral.size() * 200L < looked) {
                return Double.NaN;
            }
            b[side] = highlightOf(neutral)[1];
        }
        return b[0] - b[1];
    }

    /** The sample's {L*, a*, b*} in hundredths when it is near-neutral, else null. */
    static long[] neutralLab(Frame f, int cx, int cy) {
        int sx = f.chromaWidth < f.width ? 1 : 0;
        int sy = f.chromaHeight < f.height ? 1 : 0;
        int y = f.luma[(cy << sy) * f.width + (cx << sx)] & 0xFF;
        int cb = f.cb[cy * f.chromaWidth + cx] & 0xFF;
        int cr = f.cr[cy * f.chromaWidth + cx] & 0xFF;
        if (Math.abs(cb - 128) > CieLabTable.HALF_SPAN || Math.abs(cr - 128) > CieLabTable.HALF_SPAN) {
            return null;
        }
        double yc = (y >> 2) * 4 + 1.5;
        if (yc < CieLabTable.MIN_Y || yc > CieLabTable.MAX_Y + 1.5) {
            return null;
        }
        double[] lab = new double[3];
        CieLabTable.toLab(f.matrix, yc, cb, cr, lab);
        if (Math.sqrt(lab[1] * lab[1] + lab[2] * lab[2]) > CieLabTable.NEUTRAL_CHROMA) {
            return null;
        }
        return new long[]{Math.round(lab[0] * 100), Math.round(lab[1] * 100), Math.round(lab[2] * 100)};
    }

    /** As {@link #reference(Frame)}, and each near-neutral sample's {L*, a*, b*} (hundredths) into samples. */
    static long[] reference(Frame f, List<long[]> samples) {
        int sx = f.chromaWidth < f.width ? 1 : 0;
        int sy = f.chromaHeight < f.height ? 1 : 0;
        double[] lab = new double[3];
        long[] s = new long[4];
        for (int cy = 0; cy < f.chromaHeight; cy++) {
            for (int cx = 0; cx < f.chromaWidth; cx++) {
                int y = f.luma[(cy << sy) * f.width + (cx << sx)] & 0xFF;
                int cb = f.cb[cy * f.chromaWidth + cx] & 0xFF;
                int cr = f.cr[cy * f.chromaWidth + cx] & 0xFF;
                if (Math.abs(cb - 128) > CieLabTable.HALF_SPAN || Math.abs(cr - 128) > CieLabTable.HALF_SPAN) {
                    continue;
                }
                double yc = (y >> 2) * 4 + 1.5;
                if (yc < CieLabTable.MIN_Y || yc > CieLabTable.MAX_Y + 1.5) {
                    continue;
                }
                CieLabTable.toLab(f.matrix, yc, cb, cr, lab);
                if (Math.sqrt(lab[1] * lab[1] + lab[2] * lab[2]) > CieLabTable.NEUTRAL_CHROMA) {
                    continue;
                }
                s[0]++;
                if (samples != null) {
                    samples.add(new long[]{Math.round(lab[0] * 100), Math.round(lab[1] * 100), Math.round(lab[2]
                            * 100)});
                }
                s[1] += Math.round(lab[0] * 100);
                s[2] += Math.round(lab[1] * 100);
                s[3] += Math.round(lab[2] * 100);
            }
        }
        return s;
    }

    static void assertMatches(Frame f, String what) {
        long[] ref = reference(f);
        assertTrue(ref[0] >= 64 && ref[0] * 200 >= (long) f.chromaWidth * f.chromaHeight, what
                + ": enough neutral samples to compare");
        ChromaKernel one = new ChromaKernel();
        one.run(f);
        assertEquals(ref[2] / 100.0 / ref[0], one.castA(), 0.0, what + " a*");
        assertEquals(ref[3] / 100.0 / ref[0], one.castB(), 0.0, what + " b*");
        assertEquals(ref[1] / 100.0 / ref[0], one.meanL(), 0.0, what + " L*");
        double[] high = highlightReference(f);
        assertEquals(high[0], one.highlightCastA(), 0.0, what + " highlight a*");
        assertEquals(high[1], one.highlightCastB(), 0.0, what + " highlight b*");
        double sides = leftRightReference(f);
        assertTrue(!Double.isNaN(sides), what + ": both thirds measurable");
        assertEquals(sides, one.leftRightCastB(), 1e-9, what + " left − right highlight b*");
        for (int threads : new int[]{2, 4}) {
            ChromaKernel many = new ChromaKernel();
            many.run(f, POOL, threads);
            assertEquals(one.castA(), many.castA(), 0.0, what + " a* with " + threads + " threads");
            assertEquals(one.castB(), many.castB(), 0.0, what + " b* with " + threads + " threads");
            assertEquals(one.meanL(), many.meanL(), 0.0, what + " L* with " + threads + " threads");
            assertEquals(one.highlightCastB(), many.highlightCastB(), 0.0, what + " highlight b* with " + threads
                    + " threads");
            assertEquals(one.leftRightCastB(), many.leftRightCastB(), 0.0, what + " left − right with " + threads
                    + " threads");
        }
        // the kernel keeps no counts from one frame to the next
        one.run(f);
        assertEquals(ref[2] / 100.0 / ref[0], one.castA(), 0.0, what + " a*, second run");
    }

    @Test
    void randomFramesMatchTheDefinition() {
        assertMatches(random(640, 360, true, ColorMatrix.BT601, 1), "4:2:0 BT.601");
        assertMatches(random(333, 217, true, ColorMatrix.BT709, 2), "4:2:0 BT.709, odd size");
        assertMatches(random(320, 240, false, ColorMatrix.BT709, 3), "4:4:4 BT.709");
    }

    @Test
    void realPhotographMatchesTheDefinition() throws IOException {
        Frame f = new Frame();
        StillImageSource.fromBufferedImage(ImageIO.read(Fixtures.real("astronaut.png").toFile()), f);
        assertMatches(f, "astronaut.png");
    }
}
