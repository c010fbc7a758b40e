package org.camlab.core;

import java.util.Arrays;

/**
 * The fused per-frame pass over the luma plane. Everything camlab measures per pixel comes from
 * here, in one sweep over the rows: histogram, per-cell and per-third sums (code values and
 * linear light), 4-neighbour Laplacian, 3×3 Sobel gradients, and Immerkær's noise operator.
 *
 * <p>The 3×3 operators are separable, so each row first folds its three source rows into three
 * column buffers (vertical smooth, vertical difference, vertical second difference) and the
 * horizontal part then reads those buffers. Noise and gradient sums are binned by Sobel
 * magnitude so that the edge threshold of the noise estimate can be chosen after the pass
 * (see {@link #noiseSigma()}), without a second sweep.
 *
 * <p>Allocation happens only when the frame size changes. Not thread-safe: one kernel per thread.
 */
public final class LumaKernel {
    /** Bins of the L1 Sobel magnitude |Gx|+|Gy| (0–2040), four values a bin. */
    static final int GRADIENT_BINS = 512;
    static final int GRADIENT_SHIFT = 2;
    /** Share of interior pixels, by largest Sobel magnitude, treated as edges by the sharpness score and as the noise estimate's first guess (Tai &amp; Yang 2008). */
    public static final double EDGE_FRACTION = 0.10;
    /** Sobel L1 magnitude, in units of the noise σ, above which a pixel is an edge for the noise estimate. */
    public static final double EDGE_SIGMAS = 12;

    private int width = -1;
    private int height = -1;
    private Grid grid;

    // row buffers of the separable 3×3 operators
    private int[] vSmooth = new int[0];
    private int[] vDiff = new int[0];
    private int[] vSecond = new int[0];

    // row segments: runs of pixels that share one grid column and one third of the frame
    private int[] segStart = new int[0];
    private int[] segCell = new int[0];
    private int[] segThird = new int[0];
    private int segments;
    private int[] rowCell = new int[0];

    // accumulators
    final int[] histogram = new int[256];
    long[] cellSumY = new long[0];
    long[] cellSumLinear = new long[0];
    long[] cellCount = new long[0];
    final long[] thirdSumLinear = new long[3];
    final long[] thirdCount = new long[3];
    final long[] gradientCount = new long[GRADIENT_BINS];
    final long[] gradientNoise = new long[GRADIENT_BINS];
    /** Per magnitude bin: Σ(Gx² + Gy²) and Σ Laplacian²; their totals are the tenengrad and Laplacian sums. */
    final long[] gradientEnergy = new long[GRADIENT_BINS];
    final long[] gradientLaplacian = new long[GRADIENT_BINS];
    long laplacianSum;

    /** Runs the pass over a packed {@code width × height} luma plane. */
    public void run(byte[] luma, int width, int height) {
        if (width < 3 || height < 3) {
            throw new IllegalArgumentException("frame too small: " + width + "x" + height);
        }
        if (width != this.width || height != this.height) {
            configure(width, height);
        }
        reset();
        statsRow(luma, 0);
        for (int y = 1; y < height - 1; y++) {
            statsRow(luma, y);
            stencilRow(luma, y);
        }
        statsRow(luma, height - 1);
    }

    private void configure(int w, int h) {
        width = w;
        height = h;
        grid = Grid.forFrame(w, h);
        vSmooth = new int[w];
        vDiff = new int[w];
        vSecond = new int[w];
        int cells = grid.cols() * grid.rows();
        cellSumY = new long[cells];
        cellSumLinear = new long[cells];
        cellCount = new long[cells];
        rowCell = new int[h];
        for (int y = 0; y < h; y++) {
            rowCell[y] = grid.rowOf(y, h) * grid.cols();
        }
        // Segment boundaries: every grid column edge and both third edges.
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
    }

    private void reset() {
        Arrays.fill(histogram, 0);
        Arrays.fill(cellSumY, 0);
        Arrays.fill(cellSumLinear, 0);
        Arrays.fill(cellCount, 0);
        Arrays.fill(thirdSumLinear, 0);
        Arrays.fill(thirdCount, 0);
        Arrays.fill(gradientCount, 0);
        Arrays.fill(gradientNoise, 0);
        Arrays.fill(gradientEnergy, 0);
        Arrays.fill(gradientLaplacian, 0);
        laplacianSum = 0;
    }

    /** Histogram and region sums of one row, segment by segment. */
    private void statsRow(byte[] luma, int y) {
        final int[] hist = histogram;
        final int[] lin = Srgb.LINEAR16;
        final int o = y * width;
        final int cellBase = rowCell[y];
        for (int s = 0; s < segments; s++) {
            final int x0 = o + segStart[s];
            final int x1 = o + segStart[s + 1];
            int sumY = 0;
            int sumLin = 0; // ≤ 1920 × 65535 < 2^31 for any segment of a row up to 32k wide / 16 cells
            for (int i = x0; i < x1; i++) {
                int v = luma[i] & 0xFF;
                hist[v]++;
                sumY += v;
                sumLin += lin[v];
            }
            int cell = cellBase + segCell[s];
            cellSumY[cell] += sumY;
            cellSumLinear[cell] += sumLin;
            cellCount[cell] += x1 - x0;
            thirdSumLinear[segThird[s]] += sumLin;
            thirdCount[segThird[s]] += x1 - x0;
        }
    }

    /** Laplacian, Sobel and Immerkær for the interior pixels of row y. */
    private void stencilRow(byte[] luma, int y) {
        final int w = width;
        final int a = (y - 1) * w;
        final int b = y * w;
        final int c = (y + 1) * w;
        final int[] vs = vSmooth;
        final int[] vd = vDiff;
        final int[] vm = vSecond;
        for (int x = 0; x < w; x++) {
            int pa = luma[a + x] & 0xFF;
            int pb = luma[b + x] & 0xFF;
            int pc = luma[c + x] & 0xFF;
            vs[x] = pa + 2 * pb + pc;
            vd[x] = pc - pa;
            vm[x] = pa - 2 * pb + pc;
        }
        final long[] gCount = gradientCount;
        final long[] gNoise = gradientNoise;
        final long[] gEnergy = gradientEnergy;
        final long[] gLap = gradientLaplacian;
        long lapSum = 0;
        for (int x = 1; x < w - 1; x++) {
            int gx = vs[x + 1] - vs[x - 1];
            int gy = vd[x - 1] + 2 * vd[x] + vd[x + 1];
            int lap = vm[x] + (luma[b + x - 1] & 0xFF) + (luma[b + x + 1] & 0xFF) - 2 * (luma[b + x] & 0xFF);
            int noise = vm[x - 1] - 2 * vm[x] + vm[x + 1];
            lapSum += lap;
            int bin = (Math.abs(gx) + Math.abs(gy)) >> GRADIENT_SHIFT;
            gCount[bin]++;
            gNoise[bin] += Math.abs(noise);
            gEnergy[bin] += gx * gx + gy * gy;
            gLap[bin] += lap * lap;
        }
        laplacianSum += lapSum;
    }

    // ---- results -------------------------------------------------------------------------------

    public Grid grid() {
        return grid;
    }

    public int[] histogram() {
        return histogram;
    }

    long pixelCount() {
        return (long) width * height;
    }

    long interiorCount() {
        return (long) (width - 2) * (height - 2);
    }

    public double meanLuma() {
        long sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += (long) v * histogram[v];
        }
        return (double) sum / pixelCount();
    }

    /** Percentage of pixels with Y ≥ 250. */
    public double clippedHighlightsPct() {
        long n = 0;
        for (int v = 250; v < 256; v++) {
            n += histogram[v];
        }
        return 100.0 * n / pixelCount();
    }

    /** Percentage of pixels with Y ≤ 5. */
    public double clippedShadowsPct() {
        long n = 0;
        for (int v = 0; v <= 5; v++) {
            n += histogram[v];
        }
        return 100.0 * n / pixelCount();
    }

    /** Mean code value of each grid cell, row-major. */
    public void cellMeanY(double[] out) {
        for (int i = 0; i < cellCount.length; i++) {
            out[i] = (double) cellSumY[i] / cellCount[i];
        }
    }

    /** Mean linear light (0–1) of each grid cell, row-major. */
    public void cellMeanLinear(double[] out) {
        for (int i = 0; i < cellCount.length; i++) {
            out[i] = (double) cellSumLinear[i] / cellCount[i] / Srgb.LINEAR16_ONE;
        }
    }

    /** Mean linear light of the left (0), middle (1) and right (2) thirds. */
    public double thirdMeanLinear(int third) {
        return (double) thirdSumLinear[third] / thirdCount[third] / Srgb.LINEAR16_ONE;
    }

    /** Variance of the 4-neighbour Laplacian over the interior pixels. */
    public double laplacianVariance() {
        double n = interiorCount();
        double mean = laplacianSum / n;
        return sum(gradientLaplacian, 0) / n - mean * mean;
    }

    /** Mean of Gx² + Gy² (3×3 Sobel) over the interior pixels. */
    public double tenengrad() {
        return sum(gradientEnergy, 0) / (double) interiorCount();
    }

    private static long sum(long[] bins, int from) {
        long s = 0;
        for (int i = from; i < bins.length; i++) {
            s += bins[i];
        }
        return s;
    }

    /**
     * First magnitude bin of the edge pixels: bins are taken from magnitude 0 up until at least
     * 1 − {@link #EDGE_FRACTION} of the interior pixels are in; the rest are edges.
     */
    int edgeBin() {
        long wanted = (long) Math.ceil(interiorCount() * (1 - EDGE_FRACTION));
        long n = 0;
        int bin = 0;
        while (bin < GRADIENT_BINS && n < wanted) {
            n += gradientCount[bin++];
        }
        return bin;
    }

    /** Number of edge pixels, and their mean Gx² + Gy² and mean Laplacian², for the sharpness score. */
    public long edgeCount() {
        return sum(gradientCount, edgeBin());
    }

    public double edgeTenengrad() {
        long n = edgeCount();
        return n == 0 ? Double.NaN : (double) sum(gradientEnergy, edgeBin()) / n;
    }

    public double edgeLaplacianSquare() {
        long n = edgeCount();
        return n == 0 ? Double.NaN : (double) sum(gradientLaplacian, edgeBin()) / n;
    }

    /**
     * Immerkær's σ over non-edge pixels, {@code sqrt(π/2) · Σ|Y * M| / (6 N)}.
     *
     * <p>Edge threshold: a pixel is an edge when its L1 Sobel magnitude |Gx|+|Gy| exceeds
     * {@value #EDGE_SIGMAS}·σ, σ being the estimate itself, found by fixed-point iteration that starts
     * from the lowest (1 − {@link #EDGE_FRACTION}) of magnitudes. For white Gaussian noise about 1–2 %
     * of pixels exceed that, and since the Sobel and Immerkær responses to white noise are
     * uncorrelated (odd against even kernels), leaving them out does not bias σ; a step edge's 3×3
     * neighbourhood has magnitudes far above it and is left out whole. A flat frame keeps every
     * interior pixel, N = (W−2)(H−2). Magnitudes are binned four to a bin.
     */
    public double noiseSigma() {
        double sigma = sigmaBelow(edgeBin());
        for (int i = 0; i < 16 && !Double.isNaN(sigma); i++) {
            int bins = Math.min(GRADIENT_BINS, ((int) Math.floor(EDGE_SIGMAS * sigma) >> GRADIENT_SHIFT) + 1);
            double next = sigmaBelow(bins);
            if (next == sigma) {
                break;
            }
            sigma = next;
        }
        return sigma;
    }

    private double sigmaBelow(int bins) {
        long n = 0;
        long sum = 0;
        for (int bin = 0; bin < bins; bin++) {
            n += gradientCount[bin];
            sum += gradientNoise[bin];
        }
        return n == 0 ? Double.NaN : Math.sqrt(Math.PI / 2) * sum / (6.0 * n);
    }
}
