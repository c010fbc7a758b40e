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

    /**
     * Looks for one dominant frequency in the frame means (uniformly sampled at {@code rate} Hz) by a
     * direct DFT over 0.5 Hz … rate/2. Null when there are fewer than 16 samples or no peak stands
     * clearly above the rest of the spectrum.
     */
    static Flicker detect(double[] means, int n, double rate) {
        if (n < 16 || !(rate > 0)) {
            return null;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += means[i];
        }
        mean /= n;
        if (mean <= 0) {
            return null;
        }
        int kMin = Math.max(1, (int) Math.ceil(0.5 * n / rate));
        int kMax = n / 2;
        double best = 0;
        int bestK = -1;
        double total = 0;
        int bins = 0;
        for (int k = kMin; k <= kMax; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * k * i / n;
                double d = means[i] - mean;
                re += d * Math.cos(a);
                im -= d * Math.sin(a);
            }
            double p = re * re + im * im;
            total += p;
            bins++;
            if (p > best) {
                best = p;
                bestK = k;
            }
        }
        if (bestK < 0 || bins < 4) {
            return null;
        }
        double amplitude = 2 * Math.sqrt(best) / n; // of a sinusoid
        double pct = 100 * 2 * amplitude / mean;
        double rest = (total - best) / (bins - 1);
        if (pct < MIN_PCT || best < 10 * rest) {
            return null;
        }
        return new Flicker(bestK * rate / n, pct);
    }
}
