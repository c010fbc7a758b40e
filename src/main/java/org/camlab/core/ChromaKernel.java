package org.camlab.core;

import java.util.concurrent.ExecutorService;
import org.camlab.capture.Frame;

/**
 * Grey-world colour cast over near-neutral pixels: the mean CIELAB a*, b* (and L*) of the chroma
 * samples that {@link LabTable} classes as near-neutral. One pass over the chroma planes; each
 * sample is paired with the luma pixel at its top-left.
 */
public final class ChromaKernel {
    private long count;
    private long sumL;
    private long sumA;
    private long sumB;
    private long samples;

    /** Measures the whole frame on the calling thread. */
    public void run(Frame f) {
        clear();
        if (f.hasChroma()) {
            accumulate(f, 0, f.chromaHeight, sums[0]);
            collect(f, 1);
        }
    }

    /** Measures the frame in {@code threads} bands of chroma rows; the sums are those of {@link #run(Frame)}. */
    public void run(Frame f, ExecutorService pool, int threads) {
        if (pool == null || threads <= 1 || !f.hasChroma()) {
            run(f);
            return;
        }
        clear();
        int n = Math.min(Math.min(threads, sums.length), Math.max(1, f.chromaHeight / 8));
        Bands.run(pool, n, f.chromaHeight, (band, y0, y1) -> accumulate(f, y0, y1, sums[band]));
        collect(f, n);
    }

    private final long[][] sums = new long[8][4];

    private void clear() {
        count = 0;
        sumL = 0;
        sumA = 0;
        sumB = 0;
        samples = 0;
        for (long[] s : sums) {
            java.util.Arrays.fill(s, 0);
        }
    }

    private void collect(Frame f, int bands) {
        for (int i = 0; i < bands; i++) {
            count += sums[i][0];
            sumL += sums[i][1];
            sumA += sums[i][2];
            sumB += sums[i][3];
        }
        samples = (long) f.chromaWidth * f.chromaHeight;
    }

    /** Sums of chroma rows [cy0, cy1) into out: count, L*, a*, b* (hundredths). */
    private static void accumulate(Frame f, int cy0, int cy1, long[] out) {
        final short[] lab = LabTable.of(f.matrix).lab;
        final byte[] luma = f.luma;
        final byte[] cbs = f.cb;
        final byte[] crs = f.cr;
        final int cw = f.chromaWidth;
        final int sx = cw < f.width ? 1 : 0;
        final int sy = f.chromaHeight < f.height ? 1 : 0;
        final int w = f.width;
        final int[] yIndex = LabTable.Y_INDEX;
        final int[] cbIndex = LabTable.CB_INDEX;
        final int[] crIndex = LabTable.CR_INDEX;
        long n = 0;
        long sl = 0;
        long sa = 0;
        long sb = 0;
        // Branch-free: out-of-range chroma is clamped onto the table's not-neutral border, and a
        // not-neutral entry (L* = -1, a* = b* = 0) adds nothing but a mask.
        for (int cy = cy0; cy < cy1; cy++) {
            int lumaRow = (cy << sy) * w;
            int crow = cy * cw;
            int rowN = 0;
            int rowL = 0;
            int rowA = 0;
            int rowB = 0;
            for (int cx = 0; cx < cw; cx++) {
                int i = yIndex[luma[lumaRow + (cx << sx)] & 0xFF] + cbIndex[cbs[crow + cx] & 0xFF] + crIndex[crs[crow + cx] & 0xFF];
                int l = lab[i];
                int neutral = ~(l >> 31); // all ones when l ≥ 0
                rowN += neutral & 1;
                rowL += l & neutral;
                rowA += lab[i + 1];
                rowB += lab[i + 2];
            }
            n += rowN;
            sl += rowL;
            sa += rowA;
            sb += rowB;
        }
        out[0] += n;
        out[1] += sl;
        out[2] += sa;
        out[3] += sb;
    }

    /** Near-neutral samples found; too few (under 0.5 % of the frame) make the cast unmeasurable. */
    public boolean measurable() {
        return count >= 64 && count * 200 >= samples;
    }

    public double meanL() {
        return measurable() ? sumL / 100.0 / count : Double.NaN;
    }

    public double castA() {
        return measurable() ? sumA / 100.0 / count : Double.NaN;
    }

    public double castB() {
        return measurable() ? sumB / 100.0 / count : Double.NaN;
    }

    /** CCT of the mean neutral colour (McCamy), kelvin; NaN when unmeasurable. */
    public double cctKelvin() {
        return measurable() ? Cie.cctMcCamy(meanL(), castA(), castB()) : Double.NaN;
    }
}
