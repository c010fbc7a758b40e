package org.camlab.live;

import java.util.EnumMap;
import java.util.List;
import org.camlab.core.FrameMetrics;
import org.camlab.core.Median;
import org.camlab.results.Metric;

/**
 * The per-frame metrics of the last few analysed frames, for a verdict on what the camera shows
 * now rather than since the start: a ring of fixed size, filled without allocating.
 */
final class RecentFrames {
    private final Metric[] metrics = Metric.perFrameMetrics().toArray(Metric[]::new);
    private final double[][] values;
    private final double[] seconds;
    private final double[] scratch;
    private int next;
    private int count;

    RecentFrames(int capacity) {
        values = new double[capacity][metrics.length];
        seconds = new double[capacity];
        scratch = new double[capacity];
    }

    void add(double sec, FrameMetrics m) {
        double[] row = values[next];
        for (int i = 0; i < metrics.length; i++) {
            row[i] = metrics[i].of(m);
        }
        seconds[next] = sec;
        next = (next + 1) % values.length;
        count = Math.min(count + 1, values.length);
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * The median of each metric over the frames of the last {@code windowSec} before the newest
     * one (at least the newest frame), NaN where every such frame is NaN.
     */
    EnumMap<Metric, Double> medians(double windowSec) {
        EnumMap<Metric, Double> out = new EnumMap<>(Metric.class);
        if (count == 0) {
            return out;
        }
        int newest = Math.floorMod(next - 1, values.length);
        double from = seconds[newest] - windowSec;
        for (int i = 0; i < metrics.length; i++) {
            int n = 0;
            for (int k = 0; k < count; k++) {
                int j = Math.floorMod(newest - k, values.length);
                if (k > 0 && seconds[j] < from) {
                    break;
                }
                double v = values[j][i];
                if (!Double.isNaN(v)) {
                    scratch[n++] = v;
                }
            }
            out.put(metrics[i], Median.ofFirst(scratch, n));
        }
        return out;
    }

    /** Frames in the window of {@link #medians}. */
    int framesWithin(double windowSec) {
        if (count == 0) {
            return 0;
        }
        int newest = Math.floorMod(next - 1, values.length);
        int n = 1;
        while (n < count && seconds[Math.floorMod(newest - n, values.length)] >= seconds[newest] - windowSec) {
            n++;
        }
        return n;
    }

    static List<Metric> metrics() {
        return Metric.perFrameMetrics();
    }
}
