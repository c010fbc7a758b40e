package org.camlab.core;

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

    public void run(Frame f) {
        count = 0;
        sumL = 0;
        sumA = 0;
        sumB = 0;
        samples = 0;
        if (!f.hasChroma()) {
            return;
        }
        final short[] lab = LabTable.of(f.matrix).lab;
        final byte[] luma = f.luma;
        final byte[] cbs = f.cb;
        final byte[] crs = f.cr;
        final int cw = f.chromaWidth;
        final int ch = f.chromaHeight;
        final int sx = cw < f.width ? 1 : 0;
        final int sy = ch < f.height ? 1 : 0;
        final int w = f.width;
        final int low = LabTable.LOW;
        final int span = LabTable.SPAN;
        long n = 0;
        long sl = 0;
        long sa = 0;
        long sb = 0;
        for (int cy = 0; cy < ch; cy++) {
            int lumaRow = (cy << sy) * w;
            int crow = cy * cw;
            for (int cx = 0; cx < cw; cx++) {
                int cb = (cbs[crow + cx] & 0xFF) - low;
                int cr = (crs[crow + cx] & 0xFF) - low;
                if ((cb | cr) < 0 || cb >= span || cr >= span) {
                    continue;
                }
                int y = luma[lumaRow + (cx << sx)] & 0xFF;
                int i = (((y >> 2) * span + cb) * span + cr) * 3;
                int l = lab[i];
                if (l < 0) {
                    continue;
                }
                n++;
                sl += l;
                sa += lab[i + 1];
                sb += lab[i + 2];
            }
        }
        count = n;
        sumL = sl;
        sumA = sa;
        sumB = sb;
        samples = (long) cw * ch;
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
