package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SceneMaps;
import org.camlab.results.ScoreArea;
import org.camlab.results.TimeSeries;
import org.camlab.results.Verdict;
import org.camlab.text.Language;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The charts as objects and as pictures: a y axis never stretches a wobble within a metric's noise
 * into big swings (the catalogue's {@link Metric#chartSpan}), axis titles are words with units, the
 * score chart's target label stands clear of the bars, and the light map's ticks name whole cells.
 */
class ChartsTest {
    /** The demo's mean luma, second by second: a wobble of 0.65 code value as the encoder smooths the grain. */
    private static final double[] WOBBLE = {136.31, 136.0, 136.33, 136.65, 136.33, 136.0, 136.33, 136.65};

    @ParameterizedTest
    @EnumSource(Language.class)
    void aWobbleWithinTheNoiseStaysARipple(Language l) {
        Charts charts = new Charts(Terms.of(l));
        for (Metric m : Charts.charted()) {
            assertTrue(m.chartSpan > 0, m + " has a least span in the catalogue");
            // the wobble, moved to where the metric's values lie (σ near 0, a ratio near 1.8 stops)
            double base = m == Metric.NOISE_SIGMA ? 0.05 : m == Metric.BACKLIGHT_RATIO ? 1.8 : m.min + (m.max - m.min)
                    / 2;
            double[] v = new double[WOBBLE.length];
            double[] s = new double[WOBBLE.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = base + (WOBBLE[i] - 136) * Math.min(1, m.chartSpan / 20);
                s[i] = i * 0.5;
            }
            JFreeChart chart = charts.timeSeries(m, new TimeSeries(s, v));
            NumberAxis y = (NumberAxis) ((XYPlot) chart.getPlot()).getRangeAxis();
            double span = y.getRange().getLength();
            assertTrue(span >= m.chartSpan - 1e-9, m + ": the y axis spans " + span + ", at least " + m.chartSpan);
            assertTrue(y.getLowerBound() >= m.min && y.getUpperBound() <= m.max, m + " within its own range: "
                    + y.getRange());
            for (double x : v) {
                assertTrue(y.getRange().contains(x), x + " drawn within " + y.getRange());
            }
            String label = y.getLabel();
            assertFalse(label.contains(m.path()) || label.contains(m.category.key + "."), "words, not the JSON path: "
                    + label);
            assertTrue(label.contains("(") || label.contains("（"), "with its unit: " + label);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aWideSwingIsDrawnToItsValues(Language l) {
        double[] v = {60, 180, 70, 170};
        JFreeChart chart = new Charts(Terms.of(l)).timeSeries(Metric.MEAN_LUMA, new TimeSeries(new double[]{0, 1, 2,
                3}, v));
        var y = ((XYPlot) chart.getPlot()).getRangeAxis().getRange();
        assertTrue(y.getLowerBound() > 40 && y.getUpperBound() < 200, "fitted to a swing wider than the span: " + y);
    }

    /**
     * The chart drawn twice, with and without the target's label: the pixels that differ are the
     * label's, and none of them is on a bar — in the worst case, every bar at 100.
     */
    @ParameterizedTest
    @EnumSource(Language.class)
    void theTargetLabelStandsBesideTheBars(Language l) {
        Verdict allClear = Verdict.of(List.<Recommendation>of());
        JFreeChart chart = new Charts(Terms.of(l)).scores(allClear);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage with = draw(chart, info);
        List<Rectangle2D> bars = new ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof CategoryItemEntity bar) {
                bars.add(bar.getArea().getBounds2D());
            }
        }
        assertEquals(ScoreArea.values().length, bars.size());
        for (Object m : ((CategoryPlot) chart.getPlot()).getRangeMarkers(Layer.FOREGROUND)) {
            ((Marker) m).setLabel(null);
        }
        BufferedImage without = draw(chart, new ChartRenderingInfo());
        int label = 0;
        int onBars = 0;
        for (int y = 0; y < with.getHeight(); y++) {
            for (int x = 0; x < with.getWidth(); x++) {
                if (with.getRGB(x, y) != without.getRGB(x, y)) {
                    label++;
                    for (Rectangle2D b : bars) {
                        onBars += b.contains(x + 0.5, y + 0.5) ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(label > 30, "the label is drawn: " + label + " pixels");
        assertEquals(0, onBars, "pixels of the target's label on a bar");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLightMapsTicksNameWholeCells(Language l) {
        Charts charts = new Charts(Terms.of(l));
        for (int[] grid : new int[][]{{16, 9}, {4, 3}}) {
            int cols = grid[0];
            int rows = grid[1];
            double[] cells = new double[cols * rows];
            Arrays.fill(cells, 120);
            JFreeChart chart = charts.lightMap(new SceneMaps(cols, rows, cells, new double[256]));
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage img = draw(chart, info);
            XYPlot plot = (XYPlot) chart.getPlot();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            Graphics2D g = img.createGraphics();
            for (var axis : Map.of((NumberAxis) plot.getDomainAxis(), new int[]{cols, 0}, (NumberAxis) plot
                    .getRangeAxis(), new int[]{rows, 1}).entrySet()) {
                int n = axis.getValue()[0];
                RectangleEdge edge = axis.getValue()[1] == 0 ? RectangleEdge.BOTTOM : RectangleEdge.LEFT;
                List<?> ticks = axis.getKey().refreshTicks(g, new AxisState(), area, edge);
                assertTrue(ticks.size() >= (n + 1) / 2, cols + "×" + rows + ": " + ticks.size() + " ticks for " + n
                        + " cells");
                for (Object o : ticks) {
                    if (((org.jfree.chart.axis.ValueTick) o).getTickType() == TickType.MINOR) {
                        continue; // not drawn: minor tick marks are off
                    }
                    double v = ((org.jfree.chart.axis.ValueTick) o).getValue();
                    assertTrue(v == Math.rint(v) && v >= 1 && v <= n, cols + "×" + rows + ": a tick at " + v
                            + " is not the centre of one of the " + n + " cells (" + ((Tick) o).getText() + ")");
                }
            }
            g.dispose();
        }
    }

    private static BufferedImage draw(JFreeChart chart, ChartRenderingInfo info) {
        BufferedImage img = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle(0, 0, Charts.WIDTH, Charts.HEIGHT), info);
        g.dispose();
        return img;
    }
}
