package org.camlab.core;

import java.util.Arrays;

/**
 * The periodic residue of interpolation (Popescu &amp; Farid 2005, Kirchner 2008): the half of
 * {@link UpscaleEstimator} that sees where an enlargement's input samples fall. The residue of a
 * linear predictor, |2Y(x) − Y(x−1) − Y(x+1)|, and its first difference, summed down each column
 * and along each row, are periodic in an enlarged picture; their spectra over their median (ratio
 * spectra) show its lines, and each line's phase, referred to the frame's edge, its sign ({@link
 * #lock}). The light itself, summed the same way, tells a periodic content's lines from a scaler's
 * ({@link #contentLine}).
 *
 * <p>One instance serves one thread; its buffers are sized for the largest frame seen and reused.
 */
final class ResidueProfiles {
    /** Image content dominates the residue profile below this; resampling periods of up to 6× lie above. */
    static final double MIN_PEAK_FREQUENCY = 0.1;
    /** A line is phase-locked to the frame's edge when its cosine part is this many times its sine part. */
    static final double PHASE_LOCK = 2;
    /** … and its cosine part at least this share of the mean residue. */
    static final double MIN_LINE_SHARE = 0.01;
    /** The rows the light's profile down each column is summed over, at most (see sweepLight). */
    static final int LIGHT_LINES = 256;
    private final double[][] profiles = {new double[0], new double[0], new double[0], new double[0]};
    private int[] previousResidue = new int[0];
    private int[] h1Sums = new int[0];
    private int[] h2Sums = new int[0];
    private Fft residueFft;
    private double[] residueRe = new double[0];
    private double[] residueIm = new double[0];
    private double[] residueSorted = new double[0];
    /** Ratio spectra: the four residue profiles', then the light's own across and down (see contentLine). */
    private final double[][] ratios = {new double[0], new double[0], new double[0], new double[0], new double[0],
            new double[0]};
    private double[] lightAcross = new double[0];
    private double[] lightDown = new double[0];
    /** The plane of the last measure, not copied: the light's profiles are summed from it on first use. */
    private byte[] luma;
    private boolean lightSpectra;

    private int width;
    private int height;
    private int size;
    private double binsPerSample;

    /**
     * How a residue line is locked to the frame's edge (see {@link ResidueProfiles#lock}): filled in
     * place by the caller's own instance, so that reading a line allocates nothing.
     */
    static final class Lock {
        private int sign;
        private int directions;
        private double share = Double.NaN;

        /** +1 or −1 where the line is locked with that sign, 0 where it is not or the directions disagree. */
        int sign() {
            return sign;
        }

        /** How many of the directions (across, down) show the line locked. */
        int directions() {
            return directions;
        }

        /** The smaller of the locked directions' cosine parts over the mean residue; NaN where none locked. */
        double share() {
            return share;
        }

        /** No line read: for a frequency whose sign is not looked at. */
        Lock none() {
            return set(0, 0, Double.NaN);
        }

        private Lock set(int sign, int directions, double share) {
            this.sign = sign;
            this.directions = directions;
            this.share = share;
            return this;
        }

        @Override
        public String toString() {
            return "sign " + sign + " in " + directions + " directions, share " + share;
        }
    }

    /**
     * Sweeps the 8-bit plane for the residue profiles and takes their ratio spectra.
     */
    void measure(byte[] luma, int width, int height) {
        this.luma = luma;
        this.width = width;
        this.height = height;
        lightSpectra = false;
        sweep(luma);
        size = Integer.highestOneBit(Math.max(width, height)) << 2;
        binsPerSample = Math.max((double) size / width, (double) size / height);
        for (int i = 0; i < 4; i++) {
            ratioSpectrum(profiles[i], i < 2 ? width : height, i);
        }
    }

    /**
     * The residue profiles, in two row-major sweeps: |e| and |e(x+1) − e(x)| of the horizontal
     * residue summed down each column (0, 1), and of the vertical residue summed along each row
     * (2, 3), over at most about 512 rows or columns. The |Δe| profiles show the ×2 (×4, …)
     * upscales whose sampling phases are mirror images (pixel-centre aligned scalers) and so leave
     * |e| itself without a period.
     */
    private void sweep(byte[] luma) {
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

    /**
     * The picture's own line at f: the larger of the ratio spectra (as the residue's) of its light
     * summed down each column and along each row, near f. A periodic residue whose period the light
     * shares is the content's (ruled lines, text, a grid of tiles), not a scaler's: an enlargement
     * repeats the residue's weights, not the light, which averaged along a line keeps no period.
     * Computed on first use after {@link #measure}: one more pass over the plane, on the frames
     * that show a trace.
     */
    double contentLine(double f) {
        if (!lightSpectra) {
            sweepLight();
            ratioSpectrum(lightAcross, width, 4);
            ratioSpectrum(lightDown, height, 5);
            lightSpectra = true;
        }
        return Math.max(peakNear(4, f), peakNear(5, f));
    }

    /**
     * The light's profiles: along every row whole (a content's line across rows, ruled lines, is read
     * against the picture's own variation, which fewer columns would add noise to), down each column
     * over at most {@value #LIGHT_LINES} rows. One pass on the frames that show a trace, rather than
     * sums added to the residue's sweeps, which run on every frame (benchmarks/RESULTS.md, 2026-12-08).
     */
    private void sweepLight() {
        if (lightAcross.length < width || lightDown.length < height) {
            lightAcross = new double[Math.max(width, lightAcross.length)];
            lightDown = new double[Math.max(height, lightDown.length)];
        }
        Arrays.fill(lightAcross, 0, width, 0);
        int rowStep = Math.max(1, height / LIGHT_LINES);
        for (int y = 0; y < height; y++) {
            int o = y * width;
            int sum = 0;
            for (int x = 0; x < width; x++) {
                sum += luma[o + x] & 0xFF;
            }
            lightDown[y] = sum;
            if (y % rowStep == 0) {
                for (int x = 0; x < width; x++) {
                    lightAcross[x] += luma[o + x] & 0xFF;
                }
            }
        }
    }

    /** The four residue profiles of the last {@link #measure} (h |e|, h |Δe|, v |e|, v |Δe|). */
    double[][] profiles() {
        return profiles;
    }

    /** Ratio spectrum {@code index} (of the profiles in {@link #profiles}'s order), bins of 1/{@link #size} cycles/px. */
    double[] ratios(int index) {
        return ratios[index];
    }

    /** The ratio spectra's length, zero-padded: four times the frame's longer side, to a power of two. */
    int size() {
        return size;
    }

    /** Bins of the ratio spectra per bin of the shorter profile's own spectrum: a line spreads over this many. */
    double binsPerSample() {
        return binsPerSample;
    }

    /**
     * How the |e| residue line at f is locked to the frame's edge (x = −½): its sign where the
     * horizontal and vertical profiles both show it phase-locked (its cosine part at least
     * {@value #PHASE_LOCK} times its sine part, and at least {@value #MIN_LINE_SHARE} of the mean
     * residue) or one does and the other has no locked line, 0 if neither or they disagree; how many
     * directions locked, and the smaller of their cosine parts over the mean residue; into {@code into}.
     */
    Lock lock(double f, Lock into) {
        int sign = 0;
        int directions = 0;
        double share = Double.NaN;
        for (int kind = 0; kind < 4; kind += 2) {
            double[] p = profiles[kind];
            int length = kind == 0 ? width : height;
            double c = 0;
            double s = 0;
            double sum = 0;
            // cos and sin of 2πf(x + ½) by rotation, not two library calls per pixel
            double stepCos = Math.cos(2 * Math.PI * f);
            double stepSin = Math.sin(2 * Math.PI * f);
            double cos = Math.cos(2 * Math.PI * f * 8.5);
            double sin = Math.sin(2 * Math.PI * f * 8.5);
            for (int x = 8; x < length - 8; x++) {
                c += p[x] * cos;
                s += p[x] * sin;
                sum += p[x];
                double next = cos * stepCos - sin * stepSin;
                sin = sin * stepCos + cos * stepSin;
                cos = next;
            }
            if (!(sum > 0) || Math.abs(c) < PHASE_LOCK * Math.abs(s) || 2 * Math.abs(c) / sum < MIN_LINE_SHARE) {
                continue;
            }
            int here = c > 0 ? 1 : -1;
            directions++;
            share = directions == 1 ? 2 * Math.abs(c) / sum : Math.min(share, 2 * Math.abs(c) / sum);
            if (sign != 0 && here != sign) {
                return into.set(0, directions, share);
            }
            sign = here;
        }
        return into.set(sign, directions, share);
    }

    /**
     * The Nyquist line of the |Δe| profiles inside the 8×8 blocks, the smaller of across and down: the
     * mean of the pairs at 2, 4 and 6 pixels past a block edge less that of the pairs at 3 and 5, over
     * the mean profile. A ×2 enlargement's residue alternates at every pair (it changes across the pairs
     * midway between its input samples), a block grid's at the block edges (pairs 0, 1 and 7, left out):
     * both lines have the same sign at Nyquist, referred to the frame's edge, but only an enlargement's
     * fills the blocks' interior.
     */
    double interiorNyquist() {
        double weakest = Double.MAX_VALUE;
        for (int kind = 1; kind < 4; kind += 2) {
            double[] p = profiles[kind];
            int n = kind == 1 ? width : height;
            double even = 0;
            double odd = 0;
            double all = 0;
            int evens = 0;
            int odds = 0;
            for (int x = 8; x < n - 8; x++) {
                all += p[x];
                int phase = x & 7;
                if (phase == 2 || phase == 4 || phase == 6) {
                    even += p[x];
                    evens++;
                } else if (phase == 3 || phase == 5) {
                    odd += p[x];
                    odds++;
                }
            }
            if (!(all > 0) || evens == 0 || odds == 0) {
                return 0;
            }
            weakest = Math.min(weakest, (even / evens - odd / odds) / (all / (n - 16)));
        }
        return weakest;
    }

    /**
     * Power over median power of one residue profile's spectrum (Hann-windowed, so that a block
     * grid's strong lines do not leak into their neighbours; zero-padded to {@code size}, fine
     * enough in frequency to place a peak at m/k) into {@code ratios[index]}.
     */
    private void ratioSpectrum(double[] profile, int n, int index) {
        if (residueFft == null || residueFft.n != size) {
            residueFft = new Fft(size);
            residueRe = new double[size];
            residueIm = new double[size];
            residueSorted = new double[size / 2 + 1];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = new double[size / 2 + 1];
            }
        }
        double mean = 0;
        double weights = 0;
        for (int i = 0; i < n; i++) {
            double w = hann(i, n);
            mean += profile[i] * w;
            weights += w;
        }
        mean /= weights;
        Arrays.fill(residueRe, 0);
        Arrays.fill(residueIm, 0);
        for (int i = 0; i < n; i++) {
            residueRe[i] = (profile[i] - mean) * hann(i, n);
        }
        residueFft.transform(residueRe, residueIm);
        int half = size / 2;
        int from = (int) Math.ceil(MIN_PEAK_FREQUENCY * size);
        double[] out = ratios[index];
        for (int j = 0; j <= half; j++) {
            out[j] = residueRe[j] * residueRe[j] + residueIm[j] * residueIm[j];
        }
        int count = half + 1 - from;
        System.arraycopy(out, from, residueSorted, 0, count);
        Arrays.sort(residueSorted, 0, count);
        double median = residueSorted[count / 2];
        for (int j = 0; j <= half; j++) {
            out[j] = median > 0 ? out[j] / median : 0;
        }
    }

    private static double hann(int i, int n) {
        return 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
    }

    /** The largest ratio of spectrum {@code index} within a line's spread of f. */
    double peakNear(int index, double f) {
        double[] ratio = ratios[index];
        int j = (int) Math.round(f * size);
        int reach = (int) Math.ceil(binsPerSample);
        double p = 0;
        for (int d = -reach; d <= reach; d++) {
            if (j + d >= 0 && j + d < ratio.length) {
                p = Math.max(p, ratio[j + d]);
            }
        }
        return p;
    }

    /** The largest of the four residue ratio spectra near f. */
    double line(double f) {
        return Math.max(Math.max(peakNear(0, f), peakNear(1, f)), Math.max(peakNear(2, f), peakNear(3, f)));
    }

    /** Geometric mean of the horizontal and vertical ratio spectra (profile kind 0 |e| or 1 |Δe|) near f. */
    double joint(int kind, double f) {
        return Math.sqrt(peakNear(kind, f) * peakNear(kind + 2, f));
    }
}
