package org.camlab.session;

/**
 * Periodic brightness change seen as an oscillation of the frame mean.
 *
 * @param hz  dominant frequency as sampled (aliased by the frame rate, as the viewer sees it)
 * @param pct peak-to-peak amplitude over the mean brightness, percent
 */
public record Flicker(double hz, double pct) {
    /** Oscillations smaller than this, peak to peak, are not reported. */
    static final double MIN_PCT = 1.0;

    /** Samples per spectrum window. */
    static final int WINDOW = 256;
    /** Slower changes are the scene or auto-exposure, not light flicker. */
    static final double MIN_HZ = 1.0;

    /**
     * Looks for one dominant frequency in the frame means (uniformly sampled at {@code rate} Hz) by a
     * direct DFT over {@value #MIN_HZ} Hz … rate/2 of each window, after removing its linear trend. Null when there
     * are fewer than 16 samples, or no peak stands 10× above the rest of the spectrum, or the peak
     * sits on the band's lower edge (the tail of a slow drift).
     */
    static Flicker detect(double[] means, int n, double rate) {
        if (n < 16 || !(rate > 0)) {
            return null;
        }
        // Welch: the spectra of consecutive windows of up to WINDOW samples, averaged, so that an
        // hour of frames costs no more per frame than a few seconds.
        int window = Math.min(n, WINDOW);
        int segments = n / window;
        int kMin = Math.max(1, (int) Math.ceil(MIN_HZ * window / rate));
        int kMax = window / 2;
        if (kMax - kMin < 6) {
            return null;
        }
        double[] power = new double[kMax + 1];
        double[] hann = new double[window];
        double hannEnergy = 0;
        for (int i = 0; i < window; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
            hannEnergy += hann[i] * hann[i];
        }
        double overallMean = 0;
        for (int seg = 0; seg < segments; seg++) {
            int o = seg * window;
            double mean = 0;
            for (int i = 0; i < window; i++) {
                mean += means[o + i];
            }
            mean /= window;
            overallMean += mean / segments;
            double mid = (window - 1) / 2.0;
            double slope = 0;
            double sxx = 0;
            for (int i = 0; i < window; i++) {
                slope += (i - mid) * (means[o + i] - mean);
                sxx += (i - mid) * (i - mid);
            }
            slope /= sxx;
            for (int k = kMin; k <= kMax; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < window; i++) {
                    double a = 2 * Math.PI * k * i / window;
                    double d = (means[o + i] - mean - slope * (i - mid)) * hann[i];
                    re += d * Math.cos(a);
                    im -= d * Math.sin(a);
                }
                power[k] += (re * re + im * im) / segments;
            }
        }
        if (overallMean <= 0) {
            return null;
        }
        double best = 0;
        int bestK = -1;
        double total = 0;
        for (int k = kMin; k <= kMax; k++) {
            total += power[k];
            if (power[k] > best) {
                best = power[k];
                bestK = k;
            }
        }
        if (bestK <= kMin + 1) {
            return null;
        }
        // Hann-windowed, a sinusoid's energy lies within ±2 bins of its peak wherever it falls
        // between bins; by Parseval that lobe holds window · Σw² · A² / 4.
        double lobe = 0;
        double moment = 0;
        int lobeBins = 0;
        for (int k = Math.max(kMin, bestK - 2); k <= Math.min(kMax, bestK + 2); k++) {
            lobe += power[k];
            moment += k * power[k];
            lobeBins++;
        }
        double amplitude = 2 * Math.sqrt(lobe / (window * hannEnergy));
        double pct = 100 * 2 * amplitude / overallMean;
        double rest = (total - lobe) / Math.max(1, kMax - kMin + 1 - lobeBins);
        if (pct < MIN_PCT || best < 10 * rest) {
            return null;
        }
        return new Flicker(moment / lobe * rate / window, pct);
    }
}
