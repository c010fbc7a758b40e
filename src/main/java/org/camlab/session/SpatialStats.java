package org.camlab.session;

import java.util.EnumMap;
import java.util.List;
import org.camlab.core.FrameMetrics;
import org.camlab.results.Metric;
import org.camlab.results.TimeSeries;

/** The per-frame metrics of the analysed frames: a bounded median and a bounded series each. */
final class SpatialStats {
    private final Metric[] metrics;
    private final MedianAccumulator[] medians;
    private final DecimatedSeries[] series;
    private int analysed;

    SpatialStats() {
        List<Metric> l = Metric.perFrameMetrics();
        metrics = l.toArray(Metric[]::new);
        medians = new MedianAccumulator[metrics.length];
        series = new DecimatedSeries[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            medians[i] = new MedianAccumulator(metrics[i].min, metrics[i].max, metrics[i].logScale);
            series[i] = new DecimatedSeries();
        }
    }

    void add(double seconds, FrameMetrics m) {
        for (int i = 0; i < metrics.length; i++) {
            double v = metrics[i].of(m);
            medians[i].add(v);
            series[i].add(seconds, v);
        }
        analysed++;
    }

    int analysed() {
        return analysed;
    }

    EnumMap<Metric, Double> medians() {
        EnumMap<Metric, Double> out = new EnumMap<>(Metric.class);
        for (int i = 0; i < metrics.length; i++) {
            out.put(metrics[i], medians[i].median());
        }
        return out;
    }

    EnumMap<Metric, TimeSeries> series() {
        EnumMap<Metric, TimeSeries> out = new EnumMap<>(Metric.class);
        for (int i = 0; i < metrics.length; i++) {
            out.put(metrics[i], series[i].snapshot());
        }
        return out;
    }
}
