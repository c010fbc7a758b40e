package org.camlab.session;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import org.camlab.core.FrameMetrics;
import org.camlab.core.Grid;
import org.camlab.core.SlantedEdge;
import org.camlab.results.Metric;
import org.camlab.results.SceneMaps;
import org.camlab.results.TimeSeries;

/** The per-frame metrics of the analysed frames: a bounded median and a bounded series each. */
final class SpatialStats {
    private final Metric[] metrics;
    private final MedianAccumulator[] medians;
    private final DecimatedSeries[] series;
    private int analysed;
    private Grid grid;
    private final double[] gridSum = new double[16 * 9];
    private int gridFrames;
    private final long[] histogram = new long[256];
    private long histogramPixels;
    /** The MTF curve's medians, frequency by frequency, over the frames whose edges were measured. */
    private final MedianAccumulator[] curve = new MedianAccumulator[SlantedEdge.CURVE_POINTS];

    SpatialStats() {
        List<Metric> l = Metric.perFrameMetrics();
        metrics = l.toArray(Metric[]::new);
        medians = new MedianAccumulator[metrics.length];
        series = new DecimatedSeries[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            medians[i] = new MedianAccumulator(metrics[i].min, metrics[i].max, metrics[i].logScale);
            series[i] = new DecimatedSeries();
        }
        for (int k = 0; k < curve.length; k++) {
            curve[k] = new MedianAccumulator(0, 2, false);
        }
    }

    void add(double seconds, FrameMetrics m) {
        for (int i = 0; i < metrics.length; i++) {
            double v = metrics[i].of(m);
            medians[i].add(v);
            series[i].add(seconds, v);
        }
        analysed++;
        if (m.grid != null) {
            if (!m.grid.equals(grid)) { // a stream that changes size mid-way: the map is of its latest size
                grid = m.grid;
                Arrays.fill(gridSum, 0);
                gridFrames = 0;
            }
            for (int i = 0; i < grid.cells(); i++) {
                gridSum[i] += m.gridMeanY[i];
            }
            gridFrames++;
        }
        for (int v = 0; v < 256; v++) {
            histogram[v] += m.lumaHistogram[v];
        }
        histogramPixels += m.lumaHistogramPixels;
        if (m.mtfCurve[0] == m.mtfCurve[0]) { // measured
            for (int k = 0; k < curve.length; k++) {
                curve[k].add(m.mtfCurve[k]);
            }
        }
    }

    /** The session's MTF curve at 0, 1/64, … 1 cycle/pixel, or null where no edge was measured. */
    double[] mtfCurve() {
        if (Double.isNaN(curve[0].median())) {
            return null;
        }
        double[] out = new double[curve.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = curve[k].median();
        }
        return out;
    }

    /** The session's light maps, or null before a frame with a grid. */
    SceneMaps maps() {
        if (grid == null || gridFrames == 0) {
            return null;
        }
        double[] cells = new double[grid.cells()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = gridSum[i] / gridFrames;
        }
        double[] pct = new double[256];
        for (int v = 0; v < 256 && histogramPixels > 0; v++) {
            pct[v] = 100.0 * histogram[v] / histogramPixels;
        }
        return new SceneMaps(grid.cols(), grid.rows(), cells, pct);
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
