package org.camlab.core;

import java.util.Arrays;

/**
 * The averaged power spectrum of a frame's lines, and their spectral coherence at the cycle
 * frequencies of the enlargements whose residue lines all lie on a block grid's: the half of
 * {@link UpscaleEstimator} that reads where a picture's detail ends and whether its spectrum
 * repeats. Up to {@value #LINES} evenly spaced rows and as many columns, each a centred segment of
 * {@code length} pixels (a power of two), Hann-windowed and Fourier-transformed; the power per
 * frequency is their mean, normalised so that 8-bit rounding alone leaves 1/12 in every bin.
 *
 * <p><b>Aliasing</b> tells an enlargement from a defocus where only a drop in the spectrum was seen.
 * In power, the two are alike: bilinear ×4 passes sinc⁴(4f), a Gaussian defocus of σ 2 px
 * exp(−4π²σ²f²), within 0.3 decade of each other up to 1/4 cycles/px, and once x264 has quantised
 * away the kernel's images both fall smoothly to its noise (a ×4 enlargement's "cliff" at 1/8 and a
 * σ 1.5–3 defocus's measure alike, 0.9–1.7 decade). What differs is phase. An enlargement by k
 * repeats its input's spectrum: the output at f and at 1/k − f are the same input frequency (and its
 * conjugate) through the kernel, so Y(f)·Y(1/k − f) has one phase for every row, whatever the content:
 * with input sample i at (i + ½)k − ½, that phase is −πα(k − 1) for α = 1/k, referred to the frame's
 * edge (−3π/4 for ×4). A defocus is a filter, the same at every position, and leaves different
 * frequencies uncorrelated. So the coherence of f with α − f (just below the input's Nyquist α/2
 * against just above it), summed over {@value #LINES} rows and as many columns and projected on that
 * phase, is near 1 for an enlargement and near 1/√{@value #LINES} for a native picture ({@link
 * #aliasing}); the coherence at a control cycle frequency a little below α, of any phase, is
 * subtracted, which a picture that is not stationary along its lines (a collage) has everywhere. ×4,
 * whose lines are all a block grid's, is taken from the drop at 1/8 alone (x264, MJPEG) or from a
 * step ×2 → ×4 under a grid only with an aliasing of {@value UpscaleEstimator#MIN_ALIASING}; so is ×8/3 read off
 * x264's own line at 1/4. Measured (2026-12-07): every ×4 enlargement of the webcam pipelines and of
 * four photographs outside them 0.35 and more (x264) and 0.42 and more (MJPEG); defocused photographs
 * (σ 1.5–4) and natives through MJPEG or x264 0.20 at most; the two defocused pictures x264 read ×8/3
 * −0.66 and −1.31. A block grid on a blank wall shows it too (up to 0.84 under MJPEG 75): aliasing
 * confirms a factor told otherwise, and is no trace by itself. ×2's aliasing at 1/2 is used under x264
 * only, where its enlargements read 0.21 and more and defocused photographs and drawings 0.12 at most;
 * under MJPEG 75 the grid's own (defocused pictures up to 0.27) reaches the weakest ×2 enlargements'
 * (0.21).
 *
 * <p>One instance serves one thread; its buffers are sized for the last length and reused, so a
 * frame of the same size allocates nothing.
 */
final class LineSpectrum {
    static final int LINES = 64;

    /** Log10 of the power 8-bit rounding leaves in every frequency bin. */
    static final double QUANTISATION_FLOOR = Math.log10(1.0 / 12);
    static final double FLOOR_MARGIN_DECADES = 0.5;
    static final double RETURN_MARGIN_DECADES = 0.25;

    /**
     * The cycle frequencies at which spectral coherence is measured (see aliasing), each followed by its
     * control a little below (off every m/16, m/5 and m/3, where no webcam factor aliases): 1/4 for ×4,
     * 3/8 for ×8/3, 1/2 for ×2, the factors whose lines all lie on a block grid's multiples of 1/8.
     */
    private static final double[] CYCLES = {0.25, 0.23, 0.375, 0.345, 0.5, 0.47};
    /** The band of f, in units of α/2 (the source's Nyquist), whose images α − f lie just above it. */
    private static final double ALIAS_BAND_LOW = 0.64;
    private static final double ALIAS_BAND_HIGH = 0.92;
    private Fft fft;
    private double[] re = new double[0];
    private double[] im = new double[0];
    private double[] window = new double[0];
    private double[] power = new double[0];
    private double windowEnergy;
    private final double[] bands50 = new double[51];
    /** Per direction and cycle frequency (see CYCLES): Σ Y(f)·Y(α − f) over the lines, re, im and |·|. */
    private final double[][] cycleRe = new double[2 * CYCLES.length][0];
    private final double[][] cycleIm = new double[2 * CYCLES.length][0];
    private final double[][] cycleAbs = new double[2 * CYCLES.length][0];

    private int length;
    private int width;
    private int height;

    /**
     * Transforms {@value #LINES} rows and columns of the 8-bit plane, each over its middle
     * {@code length} pixels (a power of two, at most the plane's smaller side).
     *
     * @return the detail the frame holds: the RMS, code values, of its power between 0.05 and 0.5 cycles/px
     */
    double measure(byte[] luma, int width, int height, int length) {
        this.length = length;
        this.width = width;
        this.height = height;
        prepare();
        Arrays.fill(power, 0);
        for (int i = 0; i < cycleRe.length; i++) {
            Arrays.fill(cycleRe[i], 0);
            Arrays.fill(cycleIm[i], 0);
            Arrays.fill(cycleAbs[i], 0);
        }
        int lines = accumulate(luma, true) + accumulate(luma, false);
        int bins = length / 2 + 1;
        double detail = 0;
        for (int k = 0; k < bins; k++) {
            power[k] /= lines * windowEnergy * length;
            if (k >= 0.05 * length) {
                detail += power[k];
            }
        }
        return Math.sqrt(2 * detail / length);
    }

    /**
     * Where the band between the cut-offs of factors k and larger k2 lies, from the level of the
     * top band (0.42–0.5 cycles/px: the noise floor once the picture is enlarged 2× or more) to
     * that of k2's passband (1): near 0 when the band is floor, so k2.
     */
    double stepLevel(double k, double k2) {
        double cutK = 0.5 / k;
        double cutK2 = 0.5 / k2;
        double lo = 1.15 * cutK2;
        double between = meanLog(lo, Math.max(lo, 0.9 * cutK));
        double top = meanLog(0.42, 0.5);
        double passband = meanLog(0.3 * cutK2, 0.7 * cutK2);
        return (between - top) / (passband - top);
    }

    /**
     * First frequency (cycles/px, ≥ 0.1) from which the log spectrum, averaged over 0.01-wide
     * bands, stays within the floor margin for two bands; NaN if it never does below Nyquist.
     */
    double end() {
        int bands = 50;
        double[] band = bands50;
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
    double cliff(double f) {
        return meanLog(0.6 * f, 0.9 * f) - meanLog(Math.min(0.45, 1.1 * f), Math.min(0.5, 1.6 * f));
    }

    private double meanLog(double f0, double f1) {
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

    /**
     * Whether the spectrum rises again above the floor margin (by {@value #RETURN_MARGIN_DECADES}
     * decade) after {@code end}: a blur's null (a 3-wide box filter's at 1/3) is followed by side
     * lobes, where an enlargement's stays at the floor.
     */
    boolean risesAfter(double end) {
        double threshold = QUANTISATION_FLOOR + FLOOR_MARGIN_DECADES + RETURN_MARGIN_DECADES;
        for (double f = end + 0.02; f <= 0.495; f += 0.01) {
            if (meanLog10OfMean(f - 0.005, f + 0.005) >= threshold) {
                return true;
            }
        }
        return false;
    }

    private double meanLog10OfMean(double f0, double f1) {
        int k0 = Math.max(1, (int) Math.ceil(f0 * length));
        int k1 = Math.min(length / 2, (int) Math.floor(f1 * length));
        double s = 0;
        int n = 0;
        for (int k = k0; k <= k1; k++) {
            s += power[k];
            n++;
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : Math.log10(s / n + 1e-12);
    }

    private static double firstBelow(double[] band, double threshold, int from, int to) {
        for (int i = from; i < to && i + 1 < band.length; i++) {
            if (band[i] < threshold && band[i + 1] < threshold) {
                return i * 0.01;
            }
        }
        return Double.NaN;
    }

    private int aliasLow(int cycle) {
        return (int) Math.ceil(ALIAS_BAND_LOW * CYCLES[cycle] / 2 * length);
    }

    private int aliasHigh(int cycle) {
        return (int) Math.floor(ALIAS_BAND_HIGH * CYCLES[cycle] / 2 * length);
    }

    /**
     * How much the frame shows the aliasing of a ×4, ×8/3 or ×2 enlargement (see the class comment): in the
     * weaker direction, the spectral coherence of f with 1/k − f projected on the phase such an enlargement
     * gives it referred to the frame's edge, less the coherence (of any phase) at the control cycle
     * frequency, which a picture not stationary along its lines (a collage, a frame) has at every one.
     */
    double aliasing(double k) {
        // ×4 at CYCLES[0], ×8/3 at CYCLES[2], ×2 at CYCLES[4]
        int cycle = k > 3 ? 0 : k > 2.5 ? 2 : 4;
        double alpha = CYCLES[cycle];
        // input sample i lies at (i + ½)k − ½, so Y(f)·Y(α − f) turns by −2πα(k − 1)/2
        double expected = -Math.PI * alpha * (k - 1);
        double weaker = Double.MAX_VALUE;
        for (int d = 0; d < 2; d++) {
            int index = d * CYCLES.length + cycle;
            int start = ((d == 0 ? width : height) - length) / 2;
            double turn = 2 * Math.PI * Math.round(alpha * length) / length * start - expected;
            double c = Math.cos(turn);
            double s = Math.sin(turn);
            double sum = 0;
            double abs = 0;
            for (int j = aliasLow(cycle); j <= aliasHigh(cycle); j++) {
                sum += cycleRe[index][j] * c - cycleIm[index][j] * s;
                abs += cycleAbs[index][j];
            }
            double locked = abs > 0 ? sum / abs : 0;
            weaker = Math.min(weaker, locked - coherence(index + 1, cycle + 1));
        }
        return weaker;
    }

    /** Mean over the band of |Σ Y(f)·Y(α − f)| / Σ |Y(f)·Y(α − f)|: 1 phase-locked, about 1/√lines not. */
    private double coherence(int index, int cycle) {
        double sum = 0;
        int n = 0;
        for (int j = aliasLow(cycle); j <= aliasHigh(cycle); j++) {
            if (cycleAbs[index][j] > 0) {
                sum += Math.sqrt(cycleRe[index][j] * cycleRe[index][j] + cycleIm[index][j] * cycleIm[index][j])
                        / cycleAbs[index][j];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private void prepare() {
        if (fft != null && fft.n == length) {
            return;
        }
        fft = new Fft(length);
        re = new double[length];
        im = new double[length];
        window = new double[length];
        power = new double[length / 2 + 1];
        for (int i = 0; i < cycleRe.length; i++) {
            cycleRe[i] = new double[length / 2 + 1];
            cycleIm[i] = new double[length / 2 + 1];
            cycleAbs[i] = new double[length / 2 + 1];
        }
        windowEnergy = 0;
        for (int i = 0; i < length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            windowEnergy += window[i] * window[i];
        }
        windowEnergy /= length;
    }

    /** Adds the power spectra of evenly spaced rows (or columns), each a centred segment. */
    private int accumulate(byte[] luma, boolean rows) {
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
            for (int c = 0; c < CYCLES.length; c++) {
                int index = (rows ? 0 : CYCLES.length) + c;
                int partner = (int) Math.round(CYCLES[c] * length);
                for (int k = aliasLow(c); k <= aliasHigh(c); k++) {
                    double pr = re[k] * re[partner - k] - im[k] * im[partner - k];
                    double pi = re[k] * im[partner - k] + im[k] * re[partner - k];
                    cycleRe[index][k] += pr;
                    cycleIm[index][k] += pi;
                    cycleAbs[index][k] += Math.sqrt(pr * pr + pi * pi);
                }
            }
        }
        return lines;
    }
}
