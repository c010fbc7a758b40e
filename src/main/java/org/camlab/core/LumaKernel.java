package org.camlab.core;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;

/**
 * The fused per-frame pass over the luma plane. Everything camlab measures per pixel comes from
 * here: exposure sums and clipping, per-cell and per-third sums (code values and linear light),
 * the 4-neighbour Laplacian, the 3×3 Sobel gradients, and Immerkær's noise operator with its
 * edge mask.
 *
 * <p><b>Two steps.</b> The thresholds that split edges from flat areas depend on the whole frame,
 * so they are found first on a sample: every k-th interior row, k = (H−2)/32 clamped to 1–32
 * (every 32nd row of 1080p, every row of a frame under 66 rows), whose Sobel magnitudes,
 * Immerkær responses, gradient and Laplacian energies are binned. From that sample come the noise
 * threshold (12 σ, σ found by fixed-point iteration; see {@link #noiseSigma()}), the edge pixels
 * of the sharpness score (the 10 % with the largest |Gx|+|Gy|, Tai &amp; Yang 2008), and the luma
 * histogram used for percentiles. The full pass then only compares against one fixed threshold,
 * which keeps its inner loop free of branches and table writes.
 *
 * <p><b>Why it is fast.</b> Each row is widened once to {@code int} and transformed once by the
 * three horizontal 3-tap filters (smooth, difference, second difference); the 3×3 operators are
 * separable, so every output row is a vertical 3-tap combination of three such rows, computed in
 * small counted loops over {@code int[]} that add into per-column {@code int} sums, emptied every
 * {@value #OPERATOR_ROWS} rows before they could overflow; C2 compiles each loop to SIMD (checked in
 * the disassembly, see benchmarks/RESULTS.md). The only per-pixel
 * table read left is the sRGB linearisation for the grid. Bands of rows can run on separate
 * threads; their integer sums add up to exactly the single-thread result. What Java 17's C2 does
 * and does not vectorise, measured, is in benchmarks/RESULTS.md.
 *
 * <p>Allocation happens only when the frame size changes. One kernel per analysing thread.
 */
public final class LumaKernel {
    /** Bins of the L1 Sobel magnitude |Gx|+|Gy| (0–2040), four values a bin. */
    static final int GRADIENT_BINS = 512;
    static final int GRADIENT_SHIFT = 2;
    /** Share of pixels, by largest Sobel magnitude, that are edges for the sharpness score (Tai &amp; Yang 2008). */
    public static final double EDGE_FRACTION = 0.10;
    /** Sobel L1 magnitude, in units of the noise σ, above which a pixel is an edge for the noise estimate. */
    public static final double EDGE_SIGMAS = 12;
    /** The threshold sample takes every k-th interior row, k = (H−2)/{@value #SAMPLE_ROWS} clamped to 1–{@value #SAMPLE_STEP_MAX}. */
    static final int SAMPLE_ROWS = 32;
    static final int SAMPLE_STEP_MAX = 32;
    /**
     * Rows of operator sums held per column before they are added up: a column's Gx² + Gy²
     * (≤ 2·1020² a pixel) stays inside an int for 1032 rows, and its Immerkær sum (≤ 4080 a
     * pixel) inside the {@value #QUIET_SHIFT} low bits for 514.
     */
    static final int OPERATOR_ROWS = 512;
    /** The quiet-pixel count sits above this bit of the packed noise accumulator. */
    static final int QUIET_SHIFT = 21;
    /**
     * Rows summed per column before they are folded into the cells: keeps each column's linear sum
     * (≤ 65535 a row) and each half of its clipping count (≤ 1 a row) inside their int bits.
     */
    static final int MAX_PENDING_ROWS = 16384;

    private int width = -1;
    private int height = -1;
    private Grid grid;
    private int[] segStart = new int[0];
    private int[] segCell = new int[0];
    private int[] segThird = new int[0];
    private int segments;
    private int[] rowCell = new int[0];
    /** Rows of the centre band, [H/3, H − H/3): the subject region when there is no face. */
    private int centreY0;
    private int centreY1;
    private int sampleStep;

    // the sample
    final long[] sampleCount = new long[GRADIENT_BINS];
    final long[] sampleNoise = new long[GRADIENT_BINS];
    final long[] sampleEnergy = new long[GRADIENT_BINS];
    final long[] sampleLaplacian = new long[GRADIENT_BINS];
    final int[] sampleHistogram = new int[256];
    private long samplePixels;
    private long sampleLumaPixels;
    /** Edges for sharpness: sample pixels of magnitude ≥ 4·edgeBin. Noise pixels: magnitude &lt; 4·noiseBins. */
    int edgeBin;
    int noiseBins;
    private long edgeCount;
    private long edgeEnergy;
    private long edgeLaplacian;

    // the full pass: one accumulator (with its row buffers) per band
    private Band[] bands = new Band[0];
    private final Band total = new Band(0);

    /** Runs the pass over a packed {@code width × height} luma plane on the calling thread. */
    public void run(byte[] luma, int width, int height) {
        prepare(luma, width, height, 1);
        bands[0].run(luma, 0, height);
        merge(1);
    }

    /**
     * Runs the pass in {@code threads} bands of rows on {@code pool} (one band runs on the calling
     * thread). The result is exactly that of {@link #run(byte[], int, int)}.
     */
    public void run(byte[] luma, int width, int height, ExecutorService pool, int threads) {
        if (threads <= 1 || pool == null) {
            run(luma, width, height);
            return;
        }
        int n = Math.min(threads, Math.max(1, height / 16));
        prepare(luma, width, height, n);
        Bands.run(pool, n, height, (band, y0, y1) -> bands[band].run(luma, y0, y1));
        merge(n);
    }

    private void prepare(byte[] luma, int w, int h, int bandCount) {
        if (w < 3 || h < 3) {
            throw new IllegalArgumentException("frame too small: " + w + "x" + h);
        }
        if (w != width || h != height) {
            configure(w, h);
        }
        if (bands.length < bandCount || bands[0].width != w) {
            Band[] b = new Band[Math.max(bandCount, bands.length)];
            for (int i = 0; i < b.length; i++) {
                b[i] = new Band(w);
            }
            bands = b;
        }
        sample(luma);
        laplacianSum = laplacianSum(luma, w, h);
        for (int i = 0; i < bandCount; i++) {
            bands[i].reset();
        }
    }

    private void configure(int w, int h) {
        width = w;
        height = h;
        grid = Grid.forFrame(w, h);
        total.cellSumY = new long[grid.cells()];
        total.cellSumLinear = new long[grid.cells()];
        total.cellCount = new long[grid.cells()];
        centreY0 = h / 3;
        centreY1 = h - h / 3;
        rowCell = new int[h];
        for (int y = 0; y < h; y++) {
            rowCell[y] = grid.rowOf(y, h) * grid.cols();
        }
        int third = w / 3;
        int[] cuts = new int[grid.cols() + 3];
        int n = 0;
        for (int c = 0; c <= grid.cols(); c++) {
            cuts[n++] = grid.colStart(c, w);
        }
        cuts[n++] = third;
        cuts[n++] = w - third;
        int[] sorted = Arrays.stream(cuts, 0, n).distinct().sorted().toArray();
        segments = sorted.length - 1;
        segStart = sorted;
        segCell = new int[segments];
        segThird = new int[segments];
        for (int s = 0; s < segments; s++) {
            int x = sorted[s];
            segCell[s] = grid.colOf(x, w);
            segThird[s] = x < third ? 0 : x >= w - third ? 2 : 1;
        }
        sampleStep = Math.max(1, Math.min(SAMPLE_STEP_MAX, (h - 2) / SAMPLE_ROWS));
        bands = new Band[0];
    }

    /** Interior rows in the threshold sample: y = 1 + step/2 + k·step. */
    static boolean sampled(int y, int step, int height) {
        return y >= 1 && y <= height - 2 && (y - 1 - step / 2) % step == 0;
    }

    /** Bins the sample rows and derives the two thresholds. */
    private void sample(byte[] luma) {
        Arrays.fill(sampleCount, 0);
        Arrays.fill(sampleNoise, 0);
        Arrays.fill(sampleEnergy, 0);
        Arrays.fill(sampleLaplacian, 0);
        Arrays.fill(sampleHistogram, 0);
        samplePixels = 0;
        sampleLumaPixels = 0;
        final int w = width;
        if (sampler == null || sampler.width != w) {
            sampler = new Band(w);
        }
        final Band sb = sampler;
        // the sampler's own per-column sums are free to hold one sample row's per-pixel values
        final int[] magnitude = sb.magnitude;
        final int[] noise = sb.columnNoise;
        final int[] energy = sb.columnTenengrad;
        final int[] laplacian = sb.columnLaplacian;
        final long[] count = sampleCount;
        final long[] noiseSum = sampleNoise;
        final long[] energySum = sampleEnergy;
        final long[] laplacianSum = sampleLaplacian;
        for (int y = 1 + sampleStep / 2; y <= height - 2; y += sampleStep) {
            int b = y * w;
            for (int x = 0; x < w; x++) {
                sampleHistogram[luma[b + x] & 0xFF]++;
            }
            sampleLumaPixels += w;
            sb.load(luma, y - 1, sb.above);
            sb.load(luma, y, sb.row);
            sb.load(luma, y + 1, sb.below);
            sb.operators(magnitude, noise, energy, laplacian);
            for (int x = 1; x < w - 1; x++) {
                int bin = magnitude[x] >> GRADIENT_SHIFT;
                count[bin]++;
                noiseSum[bin] += noise[x];
                energySum[bin] += energy[x];
                laplacianSum[bin] += laplacian[x];
            }
            samplePixels += w - 2;
        }
        long wanted = (long) Math.ceil(samplePixels * (1 - EDGE_FRACTION));
        long n = 0;
        int bin = 0;
        while (bin < GRADIENT_BINS && n < wanted) {
            n += sampleCount[bin++];
        }
        edgeBin = bin;
        edgeCount = 0;
        edgeEnergy = 0;
        edgeLaplacian = 0;
        for (int i = edgeBin; i < GRADIENT_BINS; i++) {
            edgeCount += sampleCount[i];
            edgeEnergy += sampleEnergy[i];
            edgeLaplacian += sampleLaplacian[i];
        }
        double sigma = sampleSigma(edgeBin);
        int bins = edgeBin;
        for (int i = 0; i < 16 && !Double.isNaN(sigma); i++) {
            bins = Math.min(GRADIENT_BINS, ((int) Math.floor(EDGE_SIGMAS * sigma) >> GRADIENT_SHIFT) + 1);
            double next = sampleSigma(bins);
            if (next == sigma) {
                break;
            }
            sigma = next;
        }
        noiseBins = bins;
    }

    private double sampleSigma(int bins) {
        long n = 0;
        long sum = 0;
        for (int bin = 0; bin < bins; bin++) {
            n += sampleCount[bin];
            sum += sampleNoise[bin];
        }
        return n == 0 ? Double.NaN : Math.sqrt(Math.PI / 2) * sum / (6.0 * n);
    }

    private long laplacianSum;
    /** Row buffers for the threshold sample (the bands' own are busy on other threads). */
    private Band sampler;

    private void merge(int bandCount) {
        total.reset();
        for (int i = 0; i < bandCount; i++) {
            total.add(bands[i]);
        }
    }

    /**
     * One row of the frame, widened to {@code int}, with its three horizontal 3-tap transforms.
     * The 3×3 operators are separable, so each is a vertical 3-tap combination of these:
     * Sobel x = smooth↓(diff→), Sobel y = diff↓(smooth→), Immerkær = second↓(second→), and the
     * Laplacian = second→ + second↓. Each row is transformed once and used by three output rows.
     */
    private static final class Row {
        final int[] value;
        final int[] smooth; // L + 2C + R
        final int[] diff; // R − L
        final int[] second; // L − 2C + R

        Row(int width) {
            value = new int[width];
            smooth = new int[width];
            diff = new int[width];
            second = new int[width];
        }
    }

    /** One band's accumulators and row buffers. */
    private final class Band {
        final int width;
        long[] cellSumY;
        long[] cellSumLinear;
        long[] cellCount;
        final long[] thirdSumLinear = new long[3];
        final long[] thirdCount = new long[3];
        long clippedHigh;
        long clippedLow;
        long laplacianSquares;
        long tenengradSum;
        long noiseSum;
        long noiseCount;
        private Row above;
        private Row row;
        private Row below;
        private final int[] left;
        private final int[] right;
        private final int[] magnitude;
        private final int[] columnY;
        private final int[] columnLinear;
        private final int[] columnClipped;
        private final int[] gradientX;
        private final int[] columnTenengrad;
        private final int[] columnLaplacian;
        private final int[] columnNoise;
        private int operatorRows;
        private int pendingCellRow = -1;
        private boolean pendingCentre;
        long centreSumY;
        private int pendingRows;

        Band(int width) {
            this.width = width;
            above = new Row(width);
            row = new Row(width);
            below = new Row(width);
            left = new int[width];
            right = new int[width];
            magnitude = new int[width];
            columnY = new int[width];
            columnLinear = new int[width];
            columnClipped = new int[width];
            gradientX = new int[width];
            columnTenengrad = new int[width];
            columnLaplacian = new int[width];
            columnNoise = new int[width];
            int cells = grid == null ? 0 : grid.cells();
            cellSumY = new long[cells];
            cellSumLinear = new long[cells];
            cellCount = new long[cells];
        }

        void reset() {
            if (cellSumY.length != grid.cells()) {
                cellSumY = new long[grid.cells()];
                cellSumLinear = new long[grid.cells()];
                cellCount = new long[grid.cells()];
            }
            Arrays.fill(cellSumY, 0);
            Arrays.fill(cellSumLinear, 0);
            Arrays.fill(cellCount, 0);
            Arrays.fill(thirdSumLinear, 0);
            Arrays.fill(thirdCount, 0);
            clippedHigh = clippedLow = 0;
            laplacianSquares = tenengradSum = 0;
            noiseSum = noiseCount = 0;
            pendingCellRow = -1;
            pendingRows = 0;
            centreSumY = 0;
            operatorRows = 0;
            Arrays.fill(columnTenengrad, 0);
            Arrays.fill(columnLaplacian, 0);
            Arrays.fill(columnNoise, 0);
            Arrays.fill(columnY, 0);
            Arrays.fill(columnLinear, 0);
            Arrays.fill(columnClipped, 0);
        }

        void add(Band o) {
            for (int i = 0; i < cellSumY.length; i++) {
                cellSumY[i] += o.cellSumY[i];
                cellSumLinear[i] += o.cellSumLinear[i];
                cellCount[i] += o.cellCount[i];
            }
            for (int i = 0; i < 3; i++) {
                thirdSumLinear[i] += o.thirdSumLinear[i];
                thirdCount[i] += o.thirdCount[i];
            }
            clippedHigh += o.clippedHigh;
            centreSumY += o.centreSumY;
            clippedLow += o.clippedLow;
            laplacianSquares += o.laplacianSquares;
            tenengradSum += o.tenengradSum;
            noiseSum += o.noiseSum;
            noiseCount += o.noiseCount;
        }

        /** Statistics of rows [y0, y1) and the 3×3 operators centred on those that are interior. */
        void run(byte[] luma, int y0, int y1) {
            final int h = height;
            load(luma, y0, row);
            if (y0 > 0) {
                load(luma, y0 - 1, above);
            }
            for (int y = y0; y < y1; y++) {
                if (y + 1 < h) {
                    load(luma, y + 1, below);
                }
                stats(y);
                if (y >= 1 && y <= h - 2) {
                    stencil();
                }
                Row t = above;
                above = row;
                row = below;
                below = t;
            }
            flush();
            flushOperators();
        }

        // Java 17's C2 vectorises a loop only when every array in it is indexed at the same offset,
        // all element types have one size, reductions are sums, and the body is small enough to
        // unroll (LoopUnrollLimit). Hence: a scalar loop widens bytes to int, System.arraycopy makes
        // the x−1 and x+1 neighbours, and the arithmetic is split into small loops over int[].

        /** Widens row y and computes its horizontal transforms. */
        private void load(byte[] luma, int y, Row dst) {
            final int w = width;
            final int o = y * w;
            final int[] v = dst.value;
            for (int x = 0; x < w; x++) {
                v[x] = luma[o + x] & 0xFF;
            }
            final int[] l = left;
            final int[] r = right;
            System.arraycopy(v, 0, l, 1, w - 1); // l[x] = v[x−1]
            System.arraycopy(v, 1, r, 0, w - 1); // r[x] = v[x+1]
            final int[] s = dst.smooth;
            final int[] d = dst.diff;
            final int[] m = dst.second;
            for (int x = 0; x < w; x++) {
                int c = v[x];
                int lx = l[x];
                int rx = r[x];
                s[x] = lx + 2 * c + rx;
                d[x] = rx - lx;
                m[x] = lx - 2 * c + rx;
            }
        }

        /**
         * Adds the current row to the column sums of its grid row: Y, linear light and clipping
         * per column, element by element (no reductions, so the Y and clipping loop vectorises).
         * The columns are folded into cells and thirds when the grid row changes ({@link #flush}).
         */
        private void stats(int y) {
            final int cellRow = rowCell[y];
            if (cellRow != pendingCellRow || pendingRows == MAX_PENDING_ROWS || y == centreY0 || y == centreY1) {
                flush();
                pendingCellRow = cellRow;
                pendingCentre = y >= centreY0 && y < centreY1;
            }
            pendingRows++;
            final int[] r = row.value;
            final int w = width;
            final int[] cy = columnY;
            final int[] cc = columnClipped;
            for (int x = 0; x < w; x++) {
                int v = r[x];
                cy[x] += v;
                cc[x] += ((v + 6) >> 8) + (((v - 6) >>> 31) << 16); // v ≥ 250 low half, v ≤ 5 high half
            }
            final int[] lin = Srgb.LINEAR16;
            final int[] cl = columnLinear;
            for (int x = 0; x < w; x++) {
                cl[x] += lin[r[x] & 0xFF];
            }
        }

        /** Folds the pending column sums into the cells and thirds of their grid row, and clears them. */
        void flush() {
            if (pendingRows == 0) {
                return;
            }
            final int[] cy = columnY;
            final int[] cl = columnLinear;
            final int[] cc = columnClipped;
            for (int s = 0; s < segments; s++) {
                final int x0 = segStart[s];
                final int x1 = segStart[s + 1];
                long sy = 0;
                long sl = 0;
                long high = 0;
                long low = 0;
                for (int x = x0; x < x1; x++) {
                    sy += cy[x];
                    sl += cl[x];
                    high += cc[x] & 0xFFFF;
                    low += cc[x] >>> 16;
                }
                if (pendingCentre && segThird[s] == 1) {
                    centreSumY += sy;
                }
                int cell = pendingCellRow + segCell[s];
                cellSumY[cell] += sy;
                cellSumLinear[cell] += sl;
                cellCount[cell] += (long) (x1 - x0) * pendingRows;
                thirdSumLinear[segThird[s]] += sl;
                thirdCount[segThird[s]] += (long) (x1 - x0) * pendingRows;
                clippedHigh += high;
                clippedLow += low;
            }
            Arrays.fill(cy, 0);
            Arrays.fill(cl, 0);
            Arrays.fill(cc, 0);
            pendingRows = 0;
        }

        /**
         * Per-pixel operators of the current row for the threshold sample: the Sobel L1 magnitude,
         * |Immerkær|, Gx² + Gy² and the Laplacian², at interior x.
         */
        void operators(int[] mag, int[] noise, int[] energy, int[] laplacian) {
            final int w = width;
            final int[] g = gradientX;
            final int[] sa = above.smooth;
            final int[] sc = below.smooth;
            verticalSmoothOfDiff(g);
            for (int x = 1; x < w - 1; x++) {
                int gx = g[x];
                int gy = sc[x] - sa[x];
                energy[x] = gx * gx + gy * gy;
            }
            for (int x = 1; x < w - 1; x++) {
                mag[x] = Math.abs(g[x]) + Math.abs(sc[x] - sa[x]);
            }
            final int[] ma = above.second;
            final int[] mb = row.second;
            final int[] mc = below.second;
            final int[] va = above.value;
            final int[] vb = row.value;
            final int[] vc = below.value;
            for (int x = 1; x < w - 1; x++) {
                int lap = mb[x] + va[x] + vc[x] - 2 * vb[x];
                laplacian[x] = lap * lap;
            }
            for (int x = 1; x < w - 1; x++) {
                noise[x] = Math.abs(ma[x] - 2 * mb[x] + mc[x]);
            }
        }

        /** Gx of the current row: the vertical [1 2 1] of the rows' horizontal differences. */
        private void verticalSmoothOfDiff(int[] g) {
            final int[] da = above.diff;
            final int[] db = row.diff;
            final int[] dc = below.diff;
            for (int x = 1; x < width - 1; x++) {
                g[x] = da[x] + 2 * db[x] + dc[x];
            }
        }

        /**
         * Adds the current row's Sobel energy, Laplacian² and masked Immerkær response to the
         * per-column accumulators. Element-wise sums rather than reductions: Java 17's C2 reduces
         * a vector to a scalar inside every iteration, which costs more than one more load and
         * store. The noise accumulator packs the count of quiet pixels above bit {@value #QUIET_SHIFT}.
         */
        private void stencil() {
            final int w = width;
            final int[] g = gradientX;
            final int[] sa = above.smooth;
            final int[] sc = below.smooth;
            final int[] mag = magnitude;
            final int[] ten = columnTenengrad;
            final int tn = noiseBins << GRADIENT_SHIFT;
            verticalSmoothOfDiff(g);
            for (int x = 1; x < w - 1; x++) {
                int gx = g[x];
                int gy = sc[x] - sa[x];
                ten[x] += gx * gx + gy * gy;
                mag[x] = Math.abs(gx) + Math.abs(gy) - tn; // negative below the noise threshold
            }
            final int[] ma = above.second;
            final int[] mb = row.second;
            final int[] mc = below.second;
            final int[] va = above.value;
            final int[] vb = row.value;
            final int[] vc = below.value;
            final int[] lsq = columnLaplacian;
            for (int x = 1; x < w - 1; x++) {
                int lap = mb[x] + va[x] + vc[x] - 2 * vb[x];
                lsq[x] += lap * lap;
            }
            final int[] nq = columnNoise;
            for (int x = 1; x < w - 1; x++) {
                int quiet = mag[x] >> 31;
                nq[x] += (Math.abs(ma[x] - 2 * mb[x] + mc[x]) + (1 << QUIET_SHIFT)) & quiet;
            }
            if (++operatorRows == OPERATOR_ROWS) {
                flushOperators();
            }
        }

        /** Adds the per-column operator sums into the band's totals and clears them. */
        void flushOperators() {
            if (operatorRows == 0) {
                return;
            }
            final int[] ten = columnTenengrad;
            final int[] lsq = columnLaplacian;
            final int[] nq = columnNoise;
            long t = 0;
            long l = 0;
            long n = 0;
            long q = 0;
            for (int x = 0; x < width; x++) {
                t += ten[x];
                l += lsq[x];
                n += nq[x] & ((1 << QUIET_SHIFT) - 1);
                q += nq[x] >>> QUIET_SHIFT;
            }
            tenengradSum += t;
            laplacianSquares += l;
            noiseSum += n;
            noiseCount += q;
            Arrays.fill(ten, 0);
            Arrays.fill(lsq, 0);
            Arrays.fill(nq, 0);
            operatorRows = 0;
        }
    }

    // ---- results -------------------------------------------------------------------------------

    public Grid grid() {
        return grid;
    }

    /** Luma histogram of the sample rows, for percentiles. */
    public int[] sampleHistogram() {
        return sampleHistogram;
    }

    /** Whether row y is one of the sample rows whose pixels {@link #sampleHistogram()} counts. */
    public boolean isSampleRow(int y) {
        return sampled(y, sampleStep, height);
    }

    public long sampleHistogramPixels() {
        return sampleLumaPixels;
    }

    long pixelCount() {
        return (long) width * height;
    }

    long interiorCount() {
        return (long) (width - 2) * (height - 2);
    }

    public double meanLuma() {
        long sum = 0;
        for (long c : total.cellSumY) {
            sum += c;
        }
        return (double) sum / pixelCount();
    }

    /**
     * Mean Y of the centre ninth, x in [W/3, W − W/3) and y in [H/3, H − H/3) (integer thirds):
     * the subject region when no face is found, summed in this pass instead of another.
     */
    public double centreMeanY() {
        long n = (long) (width - 2 * (width / 3)) * (centreY1 - centreY0);
        return n == 0 ? Double.NaN : (double) total.centreSumY / n;
    }

    /** Percentage of pixels with Y ≥ 250. */
    public double clippedHighlightsPct() {
        return 100.0 * total.clippedHigh / pixelCount();
    }

    /** Percentage of pixels with Y ≤ 5. */
    public double clippedShadowsPct() {
        return 100.0 * total.clippedLow / pixelCount();
    }

    /** Mean code value of each grid cell, row-major. */
    public void cellMeanY(double[] out) {
        for (int i = 0; i < grid.cells(); i++) {
            out[i] = (double) total.cellSumY[i] / total.cellCount[i];
        }
    }

    /** Mean linear light (0–1) of each grid cell, row-major. */
    public void cellMeanLinear(double[] out) {
        for (int i = 0; i < grid.cells(); i++) {
            out[i] = (double) total.cellSumLinear[i] / total.cellCount[i] / Srgb.LINEAR16_ONE;
        }
    }

    /** Mean linear light of the left (0), middle (1) and right (2) thirds. */
    public double thirdMeanLinear(int third) {
        return (double) total.thirdSumLinear[third] / total.thirdCount[third] / Srgb.LINEAR16_ONE;
    }

    /** Variance of the 4-neighbour Laplacian over the interior pixels. */
    public double laplacianVariance() {
        double n = interiorCount();
        double mean = laplacianSum / n;
        return total.laplacianSquares / n - mean * mean;
    }

    /**
     * The Laplacian's sum over the interior telescopes to the frame's border: per column the
     * vertical second differences add up to (Y₀ − Y₁) + (Y_{H−1} − Y_{H−2}), per row likewise.
     */
    private static long laplacianSum(byte[] luma, int w, int h) {
        long s = 0;
        for (int x = 1; x < w - 1; x++) {
            s += (luma[x] & 0xFF) - (luma[w + x] & 0xFF) + (luma[(h - 1) * w + x] & 0xFF) - (luma[(h - 2) * w + x]
                    & 0xFF);
        }
        for (int y = 1; y < h - 1; y++) {
            int o = y * w;
            s += (luma[o] & 0xFF) - (luma[o + 1] & 0xFF) + (luma[o + w - 1] & 0xFF) - (luma[o + w - 2] & 0xFF);
        }
        return s;
    }

    /** Mean of Gx² + Gy² (3×3 Sobel) over the interior pixels. */
    public double tenengrad() {
        return total.tenengradSum / (double) interiorCount();
    }

    /**
     * Immerkær's σ over non-edge pixels, {@code sqrt(π/2) · Σ|Y * M| / (6 N)}.
     *
     * <p>Edge threshold: a pixel is an edge when its L1 Sobel magnitude |Gx|+|Gy| reaches 12 σ
     * (rounded up to the next multiple of 4), σ being found on the sample rows by fixed-point
     * iteration that starts from their lowest (1 − {@link #EDGE_FRACTION}) of magnitudes. For white
     * Gaussian noise about 1–2 % of pixels exceed that, and since the Sobel and Immerkær responses
     * to white noise are uncorrelated (odd against even kernels), leaving them out does not bias σ;
     * a step edge's 3×3 neighbourhood has magnitudes far above it and is left out whole. A flat
     * frame keeps every interior pixel, N = (W−2)(H−2).
     */
    public double noiseSigma() {
        return total.noiseCount == 0 ? Double.NaN : Math.sqrt(Math.PI / 2) * total.noiseSum / (6.0 * total.noiseCount);
    }

    /** Mean Gx² + Gy² of the edge pixels. */
    public double edgeTenengrad() {
        return edgeCount == 0 ? Double.NaN : (double) edgeEnergy / edgeCount;
    }

    /** Mean Laplacian² of the edge pixels. */
    public double edgeLaplacianSquare() {
        return edgeCount == 0 ? Double.NaN : (double) edgeLaplacian / edgeCount;
    }
}
