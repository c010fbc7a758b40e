package org.camlab.session;

import java.util.Arrays;
import org.camlab.image.LumaSample;
import org.camlab.results.Flicker;

/**
 * Flicker seen as rolling bands: a rolling-shutter sensor reads its rows one after another, so a
 * light that pulses at 100 or 120 Hz lays horizontal bands over the frame, which drift from frame
 * to frame unless the frame rate locks to the mains. Kept on every decoded frame from its
 * {@link LumaSample}, in constant memory: each row's mean over the frame's mean (so that a change of
 * the whole frame's brightness, the other kind of flicker, cancels), less the running mean profile
 * of the rows (the scene itself, which does not drift), Hann-windowed over the rows; the power of 1
 * to {@value #MAX_BANDS} cycles per frame height is averaged over the frames. Bands that do not drift
 * cannot be told from the scene and are not reported.
 */
final class RollingBands {
    /** Bands per frame height looked for. */
    static final int MAX_BANDS = 24;
    /** Frames that build the scene's profile before residues are measured. */
    static final int WARM_UP = 8;
    /** The profile follows a scene that changes over this many frames. */
    static final int PROFILE_FRAMES = 256;
    static final double MIN_PCT = FlickerMeter.MIN_PCT;
    static final double PEAK_OVER_REST = FlickerMeter.PEAK_OVER_REST;
    static final int MIN_FRAMES = FlickerMeter.MIN_FRAMES;

    private int rows;
    private long[] leftSums = new long[0];
    private long[] rightSums = new long[0];
    // the left and the right half of the frame apart: a light's bands are the same in both, a scene
    // moving up or down (a camera tilting over shelves) is not
    private double[] profile = new double[0];
    private double[] residue = new double[0];
    private double[] profileRight = new double[0];
    private double[] residueRight = new double[0];
    private final double[] powerRight = new double[MAX_BANDS + 1];
    private final double[] cross = new double[MAX_BANDS + 1];
    /** Least coherence of the two halves' bands, |Σ L·R*| / √(Σ|L|² Σ|R|²), for bands. */
    static final double MIN_COHERENCE = 0.8;
    private double[] cos = new double[0];
    private double[] sin = new double[0];
    private double hannEnergy;
    private final double[] power = new double[MAX_BANDS + 1];
    private final double[] powerLeft = new double[MAX_BANDS + 1];
    private int seen;
    private int measured;
    // the frame last taken, for a second instance taking the same frame (takeAsWell)
    private int lastHeight;
    private int lastWidth;
    private long lastTotal;

    /**
     * Takes in one frame's sample and returns its mean in code values (NaN for an empty sample):
     * one pass over the sample gives both the rows' sums the bands need and the frame mean the
     * other statistics need.
     */
    double take(LumaSample s) {
        int h = s.height;
        int w = s.width;
        int half = w / 2;
        if (leftSums.length < h) {
            leftSums = new long[h];
            rightSums = new long[h];
        }
        byte[] v = s.values;
        long total = 0;
        for (int y = 0; y < h; y++) {
            long left = 0;
            long right = 0;
            int o = y * w;
            for (int x = 0; x < half; x++) {
                left += v[o + x] & 0xFF;
            }
            for (int x = half; x < w; x++) {
                right += v[o + x] & 0xFF;
            }
            leftSums[y] = left;
            rightSums[y] = right;
            total += left + right;
        }
        lastHeight = h;
        lastWidth = w;
        lastTotal = total;
        return accumulate(h, w, total);
    }

    /** The frame {@code other} has just taken, from its row sums: the rows are summed once for both. */
    double takeAsWell(RollingBands other) {
        int h = other.lastHeight;
        if (leftSums.length < h) {
            leftSums = new long[h];
            rightSums = new long[h];
        }
        System.arraycopy(other.leftSums, 0, leftSums, 0, h);
        System.arraycopy(other.rightSums, 0, rightSums, 0, h);
        return accumulate(h, other.lastWidth, other.lastTotal);
    }

    private double accumulate(int h, int w, long total) {
        int half = w / 2;
        int n = w * h;
        double frameMean = n == 0 ? Double.NaN : (double) total / n;
        if (h < 4 * MAX_BANDS || half == 0 || !(frameMean > 1)) {
            return frameMean; // too few rows to resolve the bands, or a black frame
        }
        if (h != rows) {
            resize(h);
        }
        seen++;
        int follow = Math.min(seen, PROFILE_FRAMES);
        for (int y = 0; y < h; y++) {
            double p = leftSums[y] / (double) half / frameMean - 1;
            residue[y] = p - profile[y];
            profile[y] += (p - profile[y]) / follow;
            double q = rightSums[y] / (double) (w - half) / frameMean - 1;
            residueRight[y] = q - profileRight[y];
            profileRight[y] += (q - profileRight[y]) / follow;
        }
        if (seen <= WARM_UP) {
            return frameMean;
        }
        for (int k = 1; k <= MAX_BANDS; k++) {
            double re = 0;
            double im = 0;
            double reR = 0;
            double imR = 0;
            int t = (k - 1) * h;
            for (int y = 0; y < h; y++) {
                re += residue[y] * cos[t + y];
                im += residue[y] * sin[t + y];
                reR += residueRight[y] * cos[t + y];
                imR += residueRight[y] * sin[t + y];
            }
            // the whole rows' residue is the halves' mean
            double reW = (re + reR) / 2;
            double imW = (im + imR) / 2;
            power[k] += reW * reW + imW * imW;
            cross[k] += re * reR + im * imR;
            powerRight[k] += reR * reR + imR * imR;
            powerLeft[k] += re * re + im * im;
        }
        measured++;
        return frameMean;
    }

    private void resize(int h) {
        rows = h;
        profile = new double[h];
        residue = new double[h];
        profileRight = new double[h];
        residueRight = new double[h];
        cos = new double[MAX_BANDS * h];
        sin = new double[MAX_BANDS * h];
        hannEnergy = 0;
        for (int y = 0; y < h; y++) {
            double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * y / (h - 1));
            hannEnergy += hann * hann;
            for (int k = 1; k <= MAX_BANDS; k++) {
                double a = 2 * Math.PI * k * y / h;
                cos[(k - 1) * h + y] = hann * Math.cos(a);
                sin[(k - 1) * h + y] = hann * Math.sin(a);
            }
        }
        Arrays.fill(power, 0);
        Arrays.fill(powerLeft, 0);
        Arrays.fill(powerRight, 0);
        Arrays.fill(cross, 0);
        seen = 0;
        measured = 0;
    }

    /**
     * The bands found, or null: fewer than {@value #MIN_FRAMES} frames measured, no band count whose
     * power stands {@value #PEAK_OVER_REST}× above the others', less than {@value #MIN_PCT} % peak to
     * peak, or bands that differ between the frame's left and right halves (coherence under
     * {@value #MIN_COHERENCE}). Frequency: bands per frame
     * height × {@code fps}, as if the rows were read over one frame period (most webcams read them
     * over most of it); amplitude: peak to peak over the mean, percent.
     */
    Flicker result(double fps) {
        if (measured < MIN_FRAMES || !(fps > 0)) {
            return null;
        }
        int best = 2;
        for (int k = 2; k <= MAX_BANDS; k++) {
            if (power[k] > power[best]) {
                best = k;
            }
        }
        if (best <= 2 || best >= MAX_BANDS) {
            return null; // on an edge of the band: a slope across the frame, or finer than looked for
        }
        double lobe = 0;
        double moment = 0;
        for (int k = best - 2; k <= best + 2; k++) {
            double p = power[k] / measured;
            lobe += p;
            moment += k * p;
        }
        double rest = 0;
        int restBins = 0;
        for (int k = 2; k <= MAX_BANDS; k++) {
            if (Math.abs(k - best) > 2) {
                rest += power[k] / measured;
                restBins++;
            }
        }
        rest /= Math.max(1, restBins);
        double amplitude = 2 * Math.sqrt(lobe / (rows * hannEnergy));
        double pct = 100 * 2 * amplitude;
        if (pct < MIN_PCT || power[best] / measured < PEAK_OVER_REST * rest) {
            return null;
        }
        double coherence = cross[best] / Math.sqrt(powerLeft[best] * powerRight[best]);
        if (!(coherence >= MIN_COHERENCE)) {
            return null; // different in the two halves: the scene moving, not the light
        }
        return new Flicker(moment / lobe * fps, pct);
    }
}
