package org.camlab.core;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import org.camlab.image.Frame;

/**
 * Grey-world colour cast over near-neutral pixels: the mean CIELAB a*, b* (and L*) of the chroma
 * samples that {@link CieLabTable} classes as near-neutral; and the same over the brightest of them
 * (white-patch), which white and light-grey surfaces fill and coloured objects rarely reach. One
 * pass over the chroma planes; each sample is paired with the luma pixel at its top-left.
 */
public final class ChromaKernel {
    private long count;
    private long sumL;
    private long sumA;
    private long sumB;
    private long samples;
    /** Near-neutral samples by whole L* (0–100): count, Σa*, Σb* (hundredths), three longs per step. */
    private final long[] byLightness = new long[3 * LIGHTNESS_STEPS];
    private static final int LIGHTNESS_STEPS = 101;
    /** The share of the near-neutral samples, brightest first, that the highlight cast is the mean of. */
    public static final double HIGHLIGHT_SHARE = 0.05;
    /** Lighter than this, a white has a channel at or near its end and no longer shows the light's colour. */
    public static final int HIGHLIGHT_MAX_L = 95;
    /**
     * The image-left and image-right thirds are sampled on every 8th chroma row and every 2nd
     * column: the light's colour on each side needs no finer grid, and a table read per sample
     * would cost more than the whole frame's counting.
     */
    public static final int SIDE_ROW_STEP = 8;
    public static final int SIDE_COL_STEP = 2;
    /** Near-neutral samples of the left (0) and right (1) thirds by whole L*, as {@link #byLightness}. */
    private final long[][] sideByLightness = new long[2][3 * LIGHTNESS_STEPS];
    /** Samples looked at on each side (the sampled grid, neutral or not). */
    private final long[] sideSamples = new long[2];

    /** Measures the whole frame on the calling thread. */
    public void run(Frame f) {
        clear();
        if (f.hasChroma()) {
            accumulate(f, 0, f.chromaHeight, 0);
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
        Bands.run(pool, n, f.chromaHeight, (band, y0, y1) -> accumulate(f, y0, y1, band));
        collect(f, n);
    }

    private final long[][] sums = new long[8][4];
    private final long[][] bandByLightness = new long[sums.length][3 * LIGHTNESS_STEPS];
    private final long[][][] bandSides = new long[sums.length][2][3 * LIGHTNESS_STEPS];
    private final long[][] bandSideSamples = new long[sums.length][2];

    private void clear() {
        count = 0;
        sumL = 0;
        sumA = 0;
        sumB = 0;
        samples = 0;
        for (long[] s : sums) {
            Arrays.fill(s, 0);
        }
        for (long[] s : bandByLightness) {
            Arrays.fill(s, 0);
        }
        Arrays.fill(byLightness, 0);
        for (int band = 0; band < sums.length; band++) {
            Arrays.fill(bandSides[band][0], 0);
            Arrays.fill(bandSides[band][1], 0);
            Arrays.fill(bandSideSamples[band], 0);
        }
        Arrays.fill(sideByLightness[0], 0);
        Arrays.fill(sideByLightness[1], 0);
        Arrays.fill(sideSamples, 0);
    }

    private void collect(Frame f, int bands) {
        for (int i = 0; i < bands; i++) {
            count += sums[i][0];
            sumL += sums[i][1];
            sumA += sums[i][2];
            sumB += sums[i][3];
            for (int j = 0; j < byLightness.length; j++) {
                byLightness[j] += bandByLightness[i][j];
                sideByLightness[0][j] += bandSides[i][0][j];
                sideByLightness[1][j] += bandSides[i][1][j];
            }
            sideSamples[0] += bandSideSamples[i][0];
            sideSamples[1] += bandSideSamples[i][1];
        }
        samples = (long) f.chromaWidth * f.chromaHeight;
    }

    /** Per band: how many chroma samples fell in each {@link CieLabTable} cell. Allocated on first use. */
    private final int[][] cellCounts = new int[sums.length][];

    /**
     * Sums of chroma rows [cy0, cy1) into out: count, L*, a*, b* (hundredths). Two steps: count
     * the samples per table cell (one increment per sample), then weigh each touched cell's
     * L*a*b* by its count. Exactly the per-sample sums, in 1.48 against 1.80 ms at 1080p for
     * adding the three table entries per sample (benchmarks/RESULTS.md).
     */
    private void accumulate(Frame f, int cy0, int cy1, int band) {
        int[] cells = cellCounts[band];
        if (cells == null) {
            cells = new int[CieLabTable.CELLS];
            cellCounts[band] = cells;
        }
        final byte[] luma = f.luma;
        final byte[] cbs = f.cb;
        final byte[] crs = f.cr;
        final int cw = f.chromaWidth;
        final int sx = cw < f.width ? 1 : 0;
        final int sy = f.chromaHeight < f.height ? 1 : 0;
        final int w = f.width;
        final char[] chromaCell = CieLabTable.CHROMA_CELL;
        final int[] plane = CieLabTable.Y_PLANE;
        for (int cy = cy0; cy < cy1; cy++) {
            final int lumaRow = (cy << sy) * w;
            final int crow = cy * cw;
            // The mask lets C2 drop the range check on the 64 K table. 4:2:0 and 4:2:2 get their
            // own loop with a constant luma step: 1.31 against 1.44 ms with a variable shift.
            if (sx == 1) {
                for (int cx = 0; cx < cw; cx++) {
                    int c = (cbs[crow + cx] << 8 | crs[crow + cx] & 0xFF) & 0xFFFF;
                    cells[plane[luma[lumaRow + 2 * cx] & 0xFF] + chromaCell[c]]++;
                }
            } else {
                for (int cx = 0; cx < cw; cx++) {
                    int c = (cbs[crow + cx] << 8 | crs[crow + cx] & 0xFF) & 0xFFFF;
                    cells[plane[luma[lumaRow + cx] & 0xFF] + chromaCell[c]]++;
                }
            }
        }
        final CieLabTable table = CieLabTable.of(f.matrix);
        final long[] out = sums[band];
        final long[] steps = bandByLightness[band];
        long n = 0;
        long sl = 0;
        long sa = 0;
        long sb = 0;
        for (int i = 0; i < cells.length; i++) {
            int k = cells[i];
            if (k != 0) {
                long e = table.entry(i);
                if (CieLabTable.neutral(e)) {
                    n += k;
                    sl += (long) k * CieLabTable.lightness(e);
                    sa += (long) k * CieLabTable.a(e);
                    sb += (long) k * CieLabTable.b(e);
                    int s = 3 * Math.min(LIGHTNESS_STEPS - 1, CieLabTable.lightness(e) / 100);
                    steps[s] += k;
                    steps[s + 1] += (long) k * CieLabTable.a(e);
                    steps[s + 2] += (long) k * CieLabTable.b(e);
                }
                cells[i] = 0;
            }
        }
        out[0] += n;
        out[1] += sl;
        out[2] += sa;
        out[3] += sb;
        sides(f, cy0, cy1, table, band);
    }

    /**
     * The near-neutral samples of the left and right thirds, on the sparse grid of chroma rows
     * divisible by {@link #SIDE_ROW_STEP} and columns by {@link #SIDE_COL_STEP} (from each third's
     * outer edge), by whole L*.
     */
    private void sides(Frame f, int cy0, int cy1, CieLabTable table, int band) {
        final byte[] luma = f.luma;
        final int cw = f.chromaWidth;
        final int third = cw / 3;
        final int sx = cw < f.width ? 1 : 0;
        final int sy = f.chromaHeight < f.height ? 1 : 0;
        final char[] chromaCell = CieLabTable.CHROMA_CELL;
        final int[] plane = CieLabTable.Y_PLANE;
        int first = (cy0 + SIDE_ROW_STEP - 1) / SIDE_ROW_STEP * SIDE_ROW_STEP;
        for (int side = 0; side < 2; side++) {
            final long[] steps = bandSides[band][side];
            final int x0 = side == 0 ? 0 : cw - third;
            long looked = 0;
            for (int cy = first; cy < cy1; cy += SIDE_ROW_STEP) {
                final int lumaRow = (cy << sy) * f.width;
                final int crow = cy * cw;
                for (int cx = x0; cx < x0 + third; cx += SIDE_COL_STEP) {
                    int c = (f.cb[crow + cx] << 8 | f.cr[crow + cx] & 0xFF) & 0xFFFF;
                    long e = table.entry(plane[luma[lumaRow + (cx << sx)] & 0xFF] + chromaCell[c]);
                    looked++;
                    if (CieLabTable.neutral(e)) {
                        int s = 3 * Math.min(LIGHTNESS_STEPS - 1, CieLabTable.lightness(e) / 100);
                        steps[s]++;
                        steps[s + 1] += CieLabTable.a(e);
                        steps[s + 2] += CieLabTable.b(e);
                    }
                }
            }
            bandSideSamples[band][side] += looked;
        }
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

    /** Mean a* of the brightest near-neutral samples ({@link #highlightCast(int)}); NaN when unmeasurable. */
    public double highlightCastA() {
        return highlightCast(1);
    }

    /** Mean b* of the brightest near-neutral samples; NaN when unmeasurable. */
    public double highlightCastB() {
        return highlightCast(2);
    }

    /**
     * How much warmer (b*) the white and light-grey surfaces of the image-left third come out than
     * those of the right third: the highlight cast's b* of each ({@link #highlightCast(long[], int)}
     * on its sparse grid), left minus right. NaN unless both thirds have enough near-neutral samples
     * (0.5 % of those looked at, and 32).
     */
    public double leftRightCastB() {
        if (!sideMeasurable(0) || !sideMeasurable(1)) {
            return Double.NaN;
        }
        return highlightCast(sideByLightness[0], 2) - highlightCast(sideByLightness[1], 2);
    }

    private boolean sideMeasurable(int side) {
        long n = 0;
        for (int l = 0; l < LIGHTNESS_STEPS; l++) {
            n += sideByLightness[side][3 * l];
        }
        return n >= 32 && n * 200 >= sideSamples[side];
    }

    /**
     * The mean of a* (1) or b* (2) over the brightest near-neutral samples below L*
     * {@link #HIGHLIGHT_MAX_L}: whole steps of L*, from the top down, until they hold at least
     * {@link #HIGHLIGHT_SHARE} of the near-neutral samples below it.
     */
    private double highlightCast(int which) {
        return measurable() ? highlightCast(byLightness, which) : Double.NaN;
    }

    private static double highlightCast(long[] byLightness, int which) {
        long below = 0;
        for (int l = 0; l < HIGHLIGHT_MAX_L; l++) {
            below += byLightness[3 * l];
        }
        long need = (long) Math.ceil(below * HIGHLIGHT_SHARE);
        if (need == 0) {
            return Double.NaN;
        }
        long n = 0;
        long sum = 0;
        for (int l = HIGHLIGHT_MAX_L - 1; l >= 0 && n < need; l--) {
            n += byLightness[3 * l];
            sum += byLightness[3 * l + which];
        }
        return sum / 100.0 / n;
    }

    /** CCT of the mean neutral colour (McCamy), kelvin; NaN when unmeasurable. */
    public double cctKelvin() {
        return measurable() ? Cie.cctMcCamy(meanL(), castA(), castB()) : Double.NaN;
    }
}
