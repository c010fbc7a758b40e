package org.camlab.session;

import org.camlab.results.Flicker;

/**
 * Looks for one dominant frequency in the frame means, fed one frame at a time in constant memory:
 * Welch's method over consecutive windows of {@value #WINDOW} means (each detrended, Hann-windowed,
 * its spectrum added to the average as it completes), so an hour costs no more per frame than a few
 * seconds. Sessions shorter than one window use all their means as one window.
 */
final class FlickerMeter {
    /** Oscillations smaller than this, peak to peak, are not reported. */
    static final double MIN_PCT = 1.0;
    /** A peak counts when its power stands this many times above the mean of the rest of its band. */
    static final double PEAK_OVER_REST = 10;
    /** Fewer frames than this tell nothing of a periodic change. */
    static final int MIN_FRAMES = 16;
    /** Samples per spectrum window. */
    static final int WINDOW = 256;
    /**
     * Auto-exposure hunting is read in the same spectrum from here (bins of 0.12 Hz at 30 fps) up to
     * flicker's band; with its two lowest bins discarded it is found from about
     * {@value Flicker#HUNTING_FROM_HZ} Hz.
     */
    static final double HUNT_MIN_HZ = 0.1;
    /**
     * A band's peak on one of its lowest bins is the flank of something slower (a drift, a step, or
     * below flicker's band a pumping), not an oscillation of its own.
     */
    private static final int FLANK_BINS = 2;

    private final int size = WINDOW;
    private final double[] window = new double[WINDOW];
    private int filled;
    private final double[] power = new double[WINDOW / 2 + 1];
    private int segments;
    private double meanSum;

    void add(double frameMean) {
        window[filled++] = frameMean;
        if (filled == size) {
            meanSum += spectrum(window, size, power);
            segments++;
            filled = 0;
        }
    }

    /**
     * The flicker in what was added, sampled at {@code rate} Hz: a peak on a bin at or above
     * {@link Flicker#FLICKER_FROM_HZ}; null when there are fewer than {@value #MIN_FRAMES} samples, no
     * peak stands {@value #PEAK_OVER_REST}× above the rest of the spectrum, or the highest bin of the
     * band searched lies below that boundary (the flank of something slower: a drift, a pumping).
     */
    Flicker result(double rate) {
        return measured(rate, false);
    }

    /**
     * Auto-exposure hunting in what was added: as {@link #result(double)}, for a peak on a bin below
     * {@link Flicker#FLICKER_FROM_HZ}, from {@link #HUNT_MIN_HZ}. Each peak bin is the one or the
     * other: a sinusoid counts as hunting or as flicker, never both.
     */
    Flicker hunting(double rate) {
        return measured(rate, true);
    }

    private Flicker measured(double rate, boolean hunting) {
        double[] p = power;
        int n = size;
        int sums = segments;
        double mean;
        if (segments > 0) {
            mean = meanSum / segments;
        } else {
            n = filled;
            if (n < MIN_FRAMES) {
                return null;
            }
            p = new double[n / 2 + 1];
            sums = 1;
            mean = spectrum(window, n, p);
        }
        if (!(rate > 0)) {
            return null;
        }
        // the first bin at or above the boundary: flicker's peaks lie on it or above, hunting's below;
        // flicker's search starts FLANK_BINS below it so that a peak just under the boundary is seen as
        // the flank it is and not taken for one of flicker's own
        int first = (int) Math.ceil(Flicker.FLICKER_FROM_HZ * n / rate);
        if (hunting) {
            int kMin = Math.max(1, (int) Math.ceil(HUNT_MIN_HZ * n / rate));
            return peak(p, sums, mean, n, rate, kMin, Math.min(n / 2, first - 1));
        }
        return peak(p, sums, mean, n, rate, Math.max(1, first - FLANK_BINS), n / 2);
    }

    /** Adds the detrended, Hann-windowed power spectrum of {@code v[0..n)} to {@code power}; returns its mean. */
    private static double spectrum(double[] v, int n, double[] power) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += v[i];
        }
        mean /= n;
        double mid = (n - 1) / 2.0;
        double slope = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            slope += (i - mid) * (v[i] - mean);
            sxx += (i - mid) * (i - mid);
        }
        slope /= sxx;
        for (int k = 1; k <= n / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * k * i / n;
                double d = (v[i] - mean - slope * (i - mid)) * hann(i, n);
                re += d * Math.cos(a);
                im -= d * Math.sin(a);
            }
            power[k] += re * re + im * im;
        }
        return mean;
    }

    private static double hann(int i, int n) {
        return 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    }

    /** The peak between bins kMin and kMax (inclusive) of the spectrum summed over {@code segments}, or null. */
    private static Flicker peak(double[] sumPower, int segments, double overallMean, int window, double rate,
            int kMin, int kMax) {
        if (overallMean <= 0 || kMax - kMin < 6) {
            return null;
        }
        double hannEnergy = 0;
        for (int i = 0; i < window; i++) {
            hannEnergy += hann(i, window) * hann(i, window);
        }
        double best = 0;
        int bestK = -1;
        double total = 0;
        for (int k = kMin; k <= kMax; k++) {
            double p = sumPower[k] / segments;
            total += p;
            if (p > best) {
                best = p;
                bestK = k;
            }
        }
        if (bestK < kMin + FLANK_BINS) {
            return null;
        }
        // the band's top bin rising beyond it: the flank of a faster peak (flicker's, above hunting's band)
        if (bestK == kMax && kMax < window / 2 && sumPower[kMax + 1] > sumPower[kMax]) {
            return null;
        }
        // Hann-windowed, a sinusoid's energy lies within ±2 bins of its peak wherever it falls
        // between bins; by Parseval that lobe holds window · Σw² · A² / 4.
        double lobe = 0;
        double moment = 0;
        int lobeBins = 0;
        for (int k = Math.max(kMin, bestK - 2); k <= Math.min(kMax, bestK + 2); k++) {
            double p = sumPower[k] / segments;
            lobe += p;
            moment += k * p;
            lobeBins++;
        }
        double amplitude = 2 * Math.sqrt(lobe / (window * hannEnergy));
        double pct = 100 * 2 * amplitude / overallMean;
        double rest = (total - lobe) / Math.max(1, kMax - kMin + 1 - lobeBins);
        if (pct < MIN_PCT || best < PEAK_OVER_REST * rest) {
            return null;
        }
        return new Flicker(moment / lobe * rate / window, pct);
    }

    /** The flicker in {@code n} frame means sampled at {@code rate} Hz, as a session finds it. */
    static Flicker detect(double[] means, int n, double rate) {
        FlickerMeter m = new FlickerMeter();
        for (int i = 0; i < n; i++) {
            m.add(means[i]);
        }
        return m.result(rate);
    }
}
