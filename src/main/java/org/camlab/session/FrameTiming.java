package org.camlab.session;

import java.util.Arrays;
import org.camlab.results.Timing;

/**
 * Frame timing (docs/CONTRACT.md, temporal.*) accumulated one timestamp at a time in constant
 * memory: rate from the first and last timestamps, jitter by Welford's running variance of the
 * intervals, drops counted against the nominal interval — the declared rate's, or where none is
 * declared the median of the first {@value #PROBE} intervals.
 */
final class FrameTiming {
    static final int PROBE = 255;

    private final double nominalMs;
    private long count;
    private long first;
    private long last;
    // Welford over intervals in ms
    private long intervals;
    private double mean;
    private double m2;
    private int dropped;
    /** Intervals waiting for the nominal interval to be known (no declared rate). */
    private final double[] probe = new double[PROBE];
    private int probed;
    private double estimatedNominalMs = Double.NaN;

    /** @param fpsNominal the declared rate, NaN to use the median interval instead */
    FrameTiming(double fpsNominal) {
        this.nominalMs = fpsNominal > 0 ? 1000.0 / fpsNominal : Double.NaN;
    }

    void add(long ptsMicros) {
        if (count++ == 0) {
            first = ptsMicros;
            last = ptsMicros;
            return;
        }
        double d = (ptsMicros - last) / 1e3;
        last = ptsMicros;
        intervals++;
        double delta = d - mean;
        mean += delta / intervals;
        m2 += delta * (d - mean);
        if (!Double.isNaN(nominalMs)) {
            dropped += drops(d, nominalMs);
        } else if (probed < PROBE) {
            probe[probed++] = d;
            if (probed == PROBE) {
                estimatedNominalMs = medianOf(probe, probed);
                for (int i = 0; i < probed; i++) {
                    dropped += drops(probe[i], estimatedNominalMs);
                }
            }
        } else {
            dropped += drops(d, estimatedNominalMs);
        }
    }

    private static int drops(double intervalMs, double nominal) {
        return nominal > 0 && intervalMs > Timing.DROP_INTERVAL * nominal ? (int) Math.round(intervalMs / nominal) - 1
                : 0;
    }

    private static double medianOf(double[] v, int n) {
        double[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s[n / 2];
    }

    long count() {
        return count;
    }

    long firstPts() {
        return first;
    }

    long lastPts() {
        return last;
    }

    Timing timing(int frozen) {
        return timing(frozen, 0);
    }

    Timing timing(int frozen, double longestFreezeSec) {
        double share = count > 0 ? (double) frozen / count : 0;
        if (count < 2) {
            return new Timing(Double.NaN, Double.NaN, 0, frozen, longestFreezeSec, share);
        }
        double span = (last - first) / 1e6;
        double fps = span > 0 ? (count - 1) / span : Double.NaN;
        double jitter = Math.sqrt(m2 / intervals);
        int d = dropped;
        if (Double.isNaN(nominalMs) && probed < PROBE) {
            double nominal = medianOf(probe, probed);
            for (int i = 0; i < probed; i++) {
                d += drops(probe[i], nominal);
            }
        }
        return new Timing(fps, jitter, d, frozen, longestFreezeSec, share);
    }

    /**
     * The timing of a list of timestamps, as the session computes it frame by frame.
     *
     * @param ptsMicros  timestamps of every frame decoded, in order
     * @param count      how many of {@code ptsMicros} are valid
     * @param fpsNominal the declared rate, NaN to use the median interval instead
     */
    static Timing of(long[] ptsMicros, int count, double fpsNominal, int frozenFrames) {
        FrameTiming t = new FrameTiming(fpsNominal);
        for (int i = 0; i < count; i++) {
            t.add(ptsMicros[i]);
        }
        return t.timing(frozenFrames);
    }
}
