package org.camlab.core;

import java.util.Arrays;

/**
 * Effective resolution from the frame itself: how much larger the frame is than the picture it
 * really holds ({@code resolution.upscaleFactor}).
 *
 * <p>Two traces of interpolation are combined.
 * <ol>
 * <li><b>Where the spectrum ends.</b> A picture enlarged k× holds no detail above 0.5/k cycles per
 * output pixel; the interpolation kernel's spectral images reach a little further and die out
 * before 1/k (for cubic kernels the power meets the floor near 0.9/k, for linear ones it has a
 * null at 1/k). The averaged power spectrum of up to {@value #LINES} windowed rows and as many
 * columns is compared with the floor that 8-bit rounding alone leaves (variance 1/12): the
 * first frequency f* from which it stays within {@value #FLOOR_MARGIN_DECADES} decades of that
 * floor gives k ≈ {@value #END_CONSTANT}/f*. A native picture never reaches the floor below
 * Nyquist.</li>
 * <li><b>Periodic residue</b> (Popescu &amp; Farid 2005, Kirchner 2008). An interpolated pixel is a
 * weighted sum of its neighbours with weights that repeat with the resampling phase, so the
 * residue of a linear predictor, |2Y(x) − Y(x−1) − Y(x+1)|, averaged down each column (and
 * along each row), is periodic: its spectrum peaks at f = m/k (mod 1), e.g. 0.5 for ×2, 1/3 for
 * ×1.5 and ×3, 1/4 for ×4 and ×4/3. A peak {@value #PEAK_RATIO}× above the median (native photographs reach about 190 from their own texture) of that
 * spectrum yields candidate factors m/f and m/(1−f).</li>
 * </ol>
 * The answer is the candidate nearest the spectral end estimate; with no periodic peak, the
 * spectral estimate alone; with no floor reached (an upscale by less than ~1.9 leaves detail up
 * to Nyquist, and compression noise can fill the top of the spectrum), the smallest candidate;
 * with neither, 1. Peaks at multiples of 1/8
 * are ignored when the 1/8 and 3/8 peaks show a JPEG/MPEG block grid. NaN when the frame has
 * too little detail to tell (power between 0.05 and 0.5 cycles/px equivalent to less than
 * {@value #MIN_DETAIL_SIGMA} code value RMS).
 */
public final class UpscaleEstimator {
    static final int LINES = 64;
    static final int MAX_LENGTH = 1024;
    static final double MIN_DETAIL_SIGMA = 0.5;
    /** Log10 of the power 8-bit rounding leaves in every frequency bin. */
    static final double QUANTISATION_FLOOR = Math.log10(1.0 / 12);
    static final double FLOOR_MARGIN_DECADES = 0.5;
    static final double END_CONSTANT = 0.9;
    /** Factor units a decade of cliff is worth when choosing between candidates without a spectral end. */
    static final double CLIFF_WEIGHT = 2.0;
    static final double PEAK_RATIO = 250;
    static final double MAX_FACTOR = 6;
    static final double BLOCK_RATIO = 25;
    /** Image content dominates the residue profile below this; resampling periods of up to 6× lie above. */
    static final double MIN_PEAK_FREQUENCY = 0.1;

    private Fft fft;
    private double[] re = new double[0];
    private double[] im = new double[0];
    private double[] window = new double[0];
    private double[] power = new double[0];
    private double windowEnergy;
    private final double[][] profiles = {new double[0], new double[0], new double[0], new double[0]};
    private int[] previousResidue = new int[0];
    private int[] h1Sums = new int[0];
    private int[] h2Sums = new int[0];
    private Fft residueFft;
    private double[] residueRe = new double[0];
    private double[] residueIm = new double[0];
    private double[] residuePower = new double[0];

    private boolean traced;

    /**
     * Whether the last {@link #estimate} found the periodic residue of interpolation: an enlarged
     * picture. A factor over 1 without it comes from the spectrum ending early alone, which blur,
     * a soft or dirty lens and noise reduction give as well.
     */
    public boolean traced() {
        return traced;
    }

    /** Upscale factor, ≈1 for native pixels; NaN when the content has too little detail to tell. */
    public double estimate(byte[] luma, int width, int height) {
        traced = false;
        int length = Math.min(MAX_LENGTH, Integer.highestOneBit(Math.min(width, height)));
        if (length < 64) {
            return Double.NaN;
        }
        prepare(length);
        Arrays.fill(power, 0);
        int lines = accumulate(luma, width, height, length, true) + accumulate(luma, width, height, length, false);
        int bins = length / 2 + 1;
        double detail = 0;
        for (int k = 0; k < bins; k++) {
            power[k] /= lines * windowEnergy * length;
            if (k >= 0.05 * length) {
                detail += power[k];
            }
        }
        if (Math.sqrt(2 * detail / length) < MIN_DETAIL_SIGMA) {
            return Double.NaN;
        }
        double end = spectralEnd(length);
        profiles(luma, width, height);
        double[] peak = {Double.NaN, 0};
        for (int i = 0; i < 4; i++) {
            double[] p = peakOf(profiles[i], i < 2 ? width : height);
            if (p[1] > peak[1]) {
                peak = p;
            }
        }
        double kSpec = Double.isNaN(end) ? Double.NaN : END_CONSTANT / end;
        if (peak[1] < PEAK_RATIO) {
            return Double.isNaN(kSpec) ? 1.0 : Math.max(1.0, kSpec);
        }
        double best = Double.NaN;
        double bestDistance = Double.MAX_VALUE;
        for (int m = 1; m <= 6; m++) {
            for (double k : new double[] {m / peak[0], m / (1 - peak[0])}) {
                if (k < 1.1 || k > MAX_FACTOR) {
                    continue;
                }
                // Without a spectral end, prefer the candidate whose cut-off 0.5/k shows the steeper
                // drop (passband against the kernel's attenuated images), then the smaller factor.
                double distance = Double.isNaN(kSpec) ? k - CLIFF_WEIGHT * cliff(0.5 / k, length) : Math.abs(Math.log(k / kSpec));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
        }
        if (Double.isNaN(best) || (!Double.isNaN(kSpec) && bestDistance > Math.log(1.35))) {
            return Double.isNaN(kSpec) ? 1.0 : Math.max(1.0, kSpec);
        }
        traced = true;
        return best;
    }

    /**
     * First frequency (cycles/px, ≥ 0.1) from which the log spectrum, averaged over 0.01-wide
     * bands, stays within the floor margin for two bands; NaN if it never does below Nyquist.
     */
    private double spectralEnd(int length) {
        int bands = 50;
        double[] band = new double[bands + 1];
        for (int i = 0; i <= bands; i++) {
            int k0 = Math.max(1, (int) Math.ceil((i - 0.5) * 0.01 * length));
            int k1 = Math.min(length / 2, (int) Math.floor((i + 0.5) * 0.01 * length));
            double s = 0;
            int n = 0;
            for (int k = k0; k <= k1; k++) {
                s += power[k];
                n++;
            }
            band[i] = n == 0 ? Double.NaN : Math.log10(s / n + 1e-12);
        }
        return firstBelow(band, QUANTISATION_FLOOR + FLOOR_MARGIN_DECADES, 10, bands);
    }

    /** Mean log power just below f minus that just above it, in decades. */
    private double cliff(double f, int length) {
        return meanLog(0.8 * f, 0.95 * f, length) - meanLog(1.05 * f, Math.min(0.5, 1.25 * f), length);
    }

    private double meanLog(double f0, double f1, int length) {
        int k0 = Math.max(1, (int) Math.ceil(f0 * length));
        int k1 = Math.min(length / 2, (int) Math.floor(f1 * length));
        if (k1 < k0) {
            return Math.log10(power[Math.min(k0, length / 2)] + 1e-12);
        }
        double s = 0;
        for (int k = k0; k <= k1; k++) {
            s += Math.log10(power[k] + 1e-12);
        }
        return s / (k1 - k0 + 1);
    }

    private static double firstBelow(double[] band, double threshold, int from, int to) {
        for (int i = from; i < to && i + 1 < band.length; i++) {
            if (band[i] < threshold && band[i + 1] < threshold) {
                return i * 0.01;
            }
        }
        return Double.NaN;
    }

    /**
     * Spectrum of the column (or row) profile of the predictor residue: returns {peak frequency,
     * peak power / median power} over 0.1–0.5 cycles/px, with block-grid peaks removed. Order 1 profiles
     * |e|; order 2 profiles |e(x+1) − e(x)|, which shows the ×2 (×4, …) upscales whose sampling phases
     * are mirror images (pixel-centre aligned scalers) and so leave |e| itself without a period.
     */
    /**
     * The residue profiles, in two row-major sweeps: |e| and |e(x+1) − e(x)| of the horizontal
     * residue summed down each column (0, 1), and of the vertical residue summed along each row
     * (2, 3), over at most about 512 rows or columns.
     */
    void profiles(byte[] luma, int width, int height) {
        int longest = Math.max(width, height);
        if (profiles[0].length < longest) {
            for (int i = 0; i < 4; i++) {
                profiles[i] = new double[longest];
            }
            previousResidue = new int[longest];
            h1Sums = new int[longest];
            h2Sums = new int[longest];
        }
        // Integer sums (exact: at most 512 lines of residues up to 1020), in loops without a
        // carried dependency: e(x − 1) is recomputed rather than kept, so that both sweeps
        // stream through a row (the double-accumulating version took a third of a key frame's
        // analysis, benchmarks/RESULTS.md).
        int[] h1 = h1Sums;
        int[] h2 = h2Sums;
        Arrays.fill(h1, 0, width, 0);
        Arrays.fill(h2, 0, width, 0);
        int rowStep = Math.max(1, height / 512);
        for (int y = 0; y < height; y += rowStep) {
            int o = y * width;
            for (int x = 1; x < width - 1; x++) {
                int e = 2 * (luma[o + x] & 0xFF) - (luma[o + x - 1] & 0xFF) - (luma[o + x + 1] & 0xFF);
                h1[x] += Math.abs(e);
            }
            for (int x = 2; x < width - 1; x++) {
                int e = 2 * (luma[o + x] & 0xFF) - (luma[o + x - 1] & 0xFF) - (luma[o + x + 1] & 0xFF);
                int before = 2 * (luma[o + x - 1] & 0xFF) - (luma[o + x - 2] & 0xFF) - (luma[o + x] & 0xFF);
                h2[x] += Math.abs(e - before);
            }
        }
        double[] p1 = profiles[0];
        double[] p2 = profiles[1];
        for (int x = 0; x < width; x++) {
            p1[x] = h1[x];
            p2[x] = h2[x];
        }
        p1[0] = p1[1];
        p1[width - 1] = p1[width - 2];
        p2[0] = p2[2];
        p2[1] = p2[2];
        p2[width - 1] = p2[width - 2];
        double[] v1 = profiles[2];
        double[] v2 = profiles[3];
        int colStep = Math.max(1, width / 512);
        int[] above = previousResidue;
        for (int y = 1; y < height - 1; y++) {
            int a = (y - 1) * width;
            int b = y * width;
            int c = (y + 1) * width;
            int s1 = 0;
            int s2 = 0;
            for (int x = 0, k = 0; x < width; x += colStep, k++) {
                int e = 2 * (luma[b + x] & 0xFF) - (luma[a + x] & 0xFF) - (luma[c + x] & 0xFF);
                s1 += Math.abs(e);
                s2 += Math.abs(e - above[k]);
                above[k] = e;
            }
            v1[y] = s1;
            v2[y] = y > 1 ? s2 : 0;
        }
        v1[0] = v1[1];
        v1[height - 1] = v1[height - 2];
        v2[0] = v2[2];
        v2[1] = v2[2];
        v2[height - 1] = v2[height - 2];
    }

    /** The four residue profiles of the last {@link #profiles} call (h |e|, h |Δe|, v |e|, v |Δe|). */
    double[][] lastProfiles() {
        return profiles;
    }

    /**
     * Spectrum of one residue profile of length n: returns {peak frequency, peak power / median
     * power} over 0.1–0.5 cycles/px, with block-grid peaks removed. Order-1 profiles are |e|;
     * order-2 profiles |e(x+1) − e(x)|, which shows the ×2 (×4, …) upscales whose sampling phases
     * are mirror images (pixel-centre aligned scalers) and so leave |e| itself without a period.
     */
    private double[] peakOf(double[] profile, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += profile[i];
        }
        mean /= n;
        // The profile's spectrum by FFT, zero-padded to at least twice its length: fine enough in
        // frequency to place a peak at m/k, and thousands of times cheaper than a direct DFT.
        int size = Integer.highestOneBit(n) << 2;
        if (residueFft == null || residueFft.n != size) {
            residueFft = new Fft(size);
            residueRe = new double[size];
            residueIm = new double[size];
            residuePower = new double[size / 2 + 1];
        }
        Arrays.fill(residueRe, 0);
        Arrays.fill(residueIm, 0);
        for (int i = 0; i < n; i++) {
            residueRe[i] = profile[i] - mean;
        }
        residueFft.transform(residueRe, residueIm);
        int half = size / 2;
        int from = (int) Math.ceil(MIN_PEAK_FREQUENCY * size);
        for (int j = from; j <= half; j++) {
            residuePower[j] = residueRe[j] * residueRe[j] + residueIm[j] * residueIm[j];
        }
        double[] sorted = Arrays.copyOfRange(residuePower, from, half + 1);
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        if (!(median > 0)) {
            return new double[] {Double.NaN, 0};
        }
        double binsPerSample = (double) size / n;
        boolean blockGrid = ratioAt(1.0 / 8, size, binsPerSample, median) > BLOCK_RATIO
                && ratioAt(3.0 / 8, size, binsPerSample, median) > BLOCK_RATIO;
        double best = 0;
        int bestJ = -1;
        for (int j = from; j <= half; j++) {
            double f = (double) j / size;
            if (blockGrid && Math.abs(f * 8 - Math.round(f * 8)) * size / 8 < 1.5 * binsPerSample) {
                continue;
            }
            if (residuePower[j] > best) {
                best = residuePower[j];
                bestJ = j;
            }
        }
        return bestJ < 0 ? new double[] {Double.NaN, 0} : new double[] {(double) bestJ / size, best / median};
    }

    private double ratioAt(double f, int size, double binsPerSample, double median) {
        int j = (int) Math.round(f * size);
        int reach = (int) Math.ceil(binsPerSample);
        double p = 0;
        for (int d = -reach; d <= reach; d++) {
            if (j + d >= 0 && j + d < residuePower.length) {
                p = Math.max(p, residuePower[j + d]);
            }
        }
        return p / median;
    }

    private void prepare(int length) {
        if (fft != null && fft.n == length) {
            return;
        }
        fft = new Fft(length);
        re = new double[length];
        im = new double[length];
        window = new double[length];
        power = new double[length / 2 + 1];
        windowEnergy = 0;
        for (int i = 0; i < length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            windowEnergy += window[i] * window[i];
        }
        windowEnergy /= length;
    }

    /** Adds the power spectra of evenly spaced rows (or columns), each a centred segment. */
    private int accumulate(byte[] luma, int width, int height, int length, boolean rows) {
        int across = rows ? height : width;
        int along = rows ? width : height;
        int lines = Math.min(LINES, across);
        int start = (along - length) / 2;
        for (int l = 0; l < lines; l++) {
            int pos = (int) ((l + 0.5) * across / lines);
            double mean = 0;
            for (int i = 0; i < length; i++) {
                int idx = rows ? pos * width + start + i : (start + i) * width + pos;
                re[i] = luma[idx] & 0xFF;
                mean += re[i];
            }
            mean /= length;
            for (int i = 0; i < length; i++) {
                re[i] = (re[i] - mean) * window[i];
                im[i] = 0;
            }
            fft.transform(re, im);
            for (int k = 0; k <= length / 2; k++) {
                power[k] += re[k] * re[k] + im[k] * im[k];
            }
        }
        return lines;
    }
}
