package org.camlab.core;

import java.util.Arrays;

/**
 * Effective resolution from the frame itself: how much larger the frame is than the picture it
 * really holds.
 *
 * <p>A picture of width w enlarged to W = k·w carries no detail above w/2 cycles, i.e. above
 * 0.5/k cycles per output pixel; what interpolation leaves there is its own leakage, decades
 * below. Natural images instead fall off smoothly (roughly as 1/f²). The estimator averages the
 * power spectra of up to {@value #LINES} windowed rows and as many columns, then looks for the
 * cut-off: for each candidate k from 1.1 to {@value #MAX_FACTOR} it compares the mean log power
 * just below 0.5/k ([0.75, 0.95]·0.5/k) with that just above ([1.05, 1.6]·0.5/k). The k with the
 * steepest drop is the answer if the drop exceeds {@value #CLIFF_DECADES} decades; otherwise 1.
 * Too little detail (mid/high-frequency power equivalent to less than
 * {@value #MIN_DETAIL_SIGMA} code value RMS) gives NaN.
 */
public final class UpscaleEstimator {
    static final int LINES = 64;
    static final int MAX_LENGTH = 1024;
    static final double MAX_FACTOR = 4.5;
    static final double CLIFF_DECADES = 1.0;
    static final double MIN_DETAIL_SIGMA = 0.5;

    private Fft fft;
    private double[] re = new double[0];
    private double[] im = new double[0];
    private double[] window = new double[0];
    private double[] power = new double[0];
    private double[] logPower = new double[0];
    private double windowEnergy;

    /** Upscale factor, ≈1 for native pixels; NaN when the content has too little detail to tell. */
    public double estimate(byte[] luma, int width, int height) {
        int length = Math.min(MAX_LENGTH, Integer.highestOneBit(Math.min(width, height)));
        if (length < 64) {
            return Double.NaN;
        }
        prepare(length);
        Arrays.fill(power, 0);
        int lines = 0;
        lines += accumulate(luma, width, height, length, true);
        lines += accumulate(luma, width, height, length, false);
        int bins = length / 2 + 1;
        double detail = 0;
        int from = (int) Math.ceil(0.05 * length);
        for (int k = from; k < bins; k++) {
            power[k] /= lines * windowEnergy * length;
            detail += power[k];
        }
        // Parseval: one-sided power summed over bins ≈ half the variance per sample.
        if (Math.sqrt(2 * detail) < MIN_DETAIL_SIGMA) {
            return Double.NaN;
        }
        double floor = 1e-12;
        for (int k = 0; k < bins; k++) {
            logPower[k] = Math.log10(power[k] + floor);
        }
        double best = 1.0;
        double bestDrop = CLIFF_DECADES;
        for (double factor = 1.1; factor <= MAX_FACTOR + 1e-9; factor += 0.02) {
            double fc = 0.5 / factor;
            double below = meanLog(0.75 * fc, 0.95 * fc, length);
            double above = meanLog(1.05 * fc, Math.min(0.5, 1.6 * fc), length);
            double drop = below - above;
            if (drop > bestDrop) {
                bestDrop = drop;
                best = factor;
            }
        }
        return best;
    }

    private double meanLog(double f0, double f1, int length) {
        int k0 = (int) Math.ceil(f0 * length);
        int k1 = (int) Math.floor(f1 * length);
        k1 = Math.min(k1, length / 2);
        if (k1 < k0) {
            return logPower[Math.min(k0, length / 2)];
        }
        double s = 0;
        for (int k = k0; k <= k1; k++) {
            s += logPower[k];
        }
        return s / (k1 - k0 + 1);
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
        logPower = new double[length / 2 + 1];
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
