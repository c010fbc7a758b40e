package org.camlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.camlab.results.Metric;
import org.camlab.results.SceneMaps;
import org.camlab.results.ScoreArea;
import org.camlab.results.Severity;
import org.camlab.results.TimeSeries;
import org.camlab.results.Verdict;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Every chart camlab draws, and the one place their look is decided: white ground, light grid,
 * the same fonts and the same colours for the same meaning (green good, amber check, red fix or
 * clipped). Charts are rendered headless to PNG at twice their size on the page, so that they stay
 * sharp when printed.
 */
public final class Charts {
    /** Size on the page, CSS pixels; the PNG has twice as many. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 340;
    private static final double SCALE = 2;

    /** Bars and lines. */
    public static final Color SERIES = new Color(0x2B6CB0);
    public static final Color SERIES_2 = new Color(0xDD6B20);
    public static final Color GOOD = new Color(0x2F855A);
    public static final Color CHECK = new Color(0xD69E2E);
    public static final Color FIX = new Color(0xC53030);
    /** The least severity: worth knowing, not worth points lost from a meeting's first minute. */
    public static final Color NOTE = new Color(0x718096);
    /** What could not be measured: neither good nor a problem. */
    public static final Color UNMEASURED = new Color(0xA0AEC0);
    /** The clipping zones, over whatever is drawn beneath. */
    public static final Color CLIP_ZONE = new Color(197, 48, 48, 70);
    /** A score at or above this is good; the score chart draws it as the target. */
    public static final int TARGET_SCORE = 80;
    /** Below this a score needs fixing; between it and the target, checking. */
    public static final int FIX_BELOW_SCORE = 60;

    private static final Color GRID_LINES = new Color(0xDDDDDD);
    /** The share of the score chart's width right of its last bar: room for the target's label ("target 80"). */
    private static final double TARGET_LABEL_MARGIN = 0.14;

    private final Terms t;
    private final String font;
    private final Font title;
    private final Font label;
    private final Font tick;

    /** Charts with their words in {@code terms}' language, in a font that has its characters. */
    public Charts(Terms terms) {
        this.t = terms;
        this.font = fontFor(terms.get("chart.font.sample"));
        this.title = new Font(font, Font.BOLD, 15);
        this.label = new Font(font, Font.PLAIN, 12);
        this.tick = new Font(font, Font.PLAIN, 11);
    }

    /**
     * Java's logical SansSerif, unless it lacks the language's characters (a Chinese chart on a
     * system whose fallback fonts leave CJK out): then the first installed font that has them.
     */
    static String fontFor(String sample) {
        if (new Font(Font.SANS_SERIF, Font.PLAIN, 12).canDisplayUpTo(sample) < 0) {
            return Font.SANS_SERIF;
        }
        for (String family : new String[]{"Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP",
                "WenQuanYi Zen Hei", "AR PL UMing CN", "Droid Sans Fallback"}) {
            Font f = new Font(family, Font.PLAIN, 12);
            if (f.getFamily(Locale.ROOT).equals(family) && f.canDisplayUpTo(sample) < 0) {
                return family;
            }
        }
        return Font.SANS_SERIF;
    }

    /** The font the charts' text is set in. */
    public Font font() {
        return title;
    }

    /** The uniformity grid as a map over the frame, each cell coloured and labelled by its mean luma. */
    public JFreeChart lightMap(SceneMaps maps) {
        int cols = maps.gridCols();
        int rows = maps.gridRows();
        double[][] xyz = new double[3][cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                xyz[0][i] = c + 1; // cells numbered from 1, a tick at each one's centre
                xyz[1][i] = r + 1;
                xyz[2][i] = maps.cell(c, r);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("luma", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockAnchor(RectangleAnchor.CENTER);
        blocks.setPaintScale(LUMA_SCALE);
        NumberAxis x = cellAxis(t.get("chart.light-map.x"), cols);
        NumberAxis y = cellAxis(t.get("chart.light-map.y"), rows);
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, blocks);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        for (int i = 0; i < cols * rows; i++) {
            double v = xyz[2][i];
            XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f", v), xyz[0][i],
                    xyz[1][i]);
            label.setFont(new Font(font, Font.PLAIN, cols > 8 ? 9 : 12));
            label.setPaint(v > 150 ? Color.BLACK : Color.WHITE);
            label.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(label);
        }
        JFreeChart chart = chart(t.get("chart.light-map.title"), plot);
        PaintScaleLegend legend = new PaintScaleLegend(LUMA_SCALE, axis(t.get("chart.light-map.legend")));
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setMargin(4, 8, 4, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    /** An axis over {@code cells} grid cells numbered from 1: a tick at the centre of each, none between. */
    private NumberAxis cellAxis(String text, int cells) {
        NumberAxis a = axis(text);
        a.setRange(0.5, cells + 0.5);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setMinorTickMarksVisible(false);
        return a;
    }

    /** The luma histogram, the clipping zones (Y ≤ 5, Y ≥ 250) shaded red. */
    public JFreeChart histogram(SceneMaps maps) {
        XYSeries s = new XYSeries("pixels");
        double[] pct = maps.histogramPct();
        for (int v = 0; v < pct.length; v++) {
            s.add(v, pct[v]);
        }
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, SERIES);
        bars.setDrawBarOutline(false);
        NumberAxis x = axis(t.get("chart.histogram.x"));
        x.setRange(-0.5, 255.5);
        NumberAxis y = axis(t.get("chart.histogram.y"));
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, bars);
        grid(plot);
        for (double[] zone : new double[][]{{-0.5, 5.5}, {249.5, 255.5}}) {
            IntervalMarker m = new IntervalMarker(zone[0], zone[1], CLIP_ZONE);
            plot.addDomainMarker(m, org.jfree.chart.ui.Layer.FOREGROUND);
        }
        return chart(t.get("chart.histogram.title"), plot);
    }

    /** The six area scores as bars coloured by how they stand, the target as a line. */
    public JFreeChart scores(Verdict v) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ScoreArea a : ScoreArea.values()) {
            data.addValue(v.score(a), "score", t.area(a));
        }
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return scoreColour(data.getValue(row, column).intValue());
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.12);
        CategoryAxis x = new CategoryAxis(t.get("chart.area"));
        style(x);
        x.setUpperMargin(TARGET_LABEL_MARGIN); // the target's label stands there, beside the bars, not on one
        NumberAxis y = axis(t.get("chart.scores.y"));
        y.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        grid(plot);
        plot.addRangeMarker(dashed(TARGET_SCORE, Color.DARK_GRAY, t.get("chart.scores.target", TARGET_SCORE),
                RectangleAnchor.TOP_RIGHT, TextAnchor.BOTTOM_RIGHT));
        return chart(t.get("chart.scores.title", v.score()), plot);
    }

    /** One metric over the session's time. */
    public JFreeChart timeSeries(Metric m, TimeSeries s) {
        XYPlot plot = line(m.path(), s, axisLabel(m));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        Range least = leastRange(m, s);
        if (least != null) {
            y.setRange(least);
        }
        return chart(t.get("chart.series.title", title(m)), plot);
    }

    /**
     * The y range of {@code m}'s chart where its values span less than the catalogue's {@link
     * Metric#chartSpan}: that span, centred on the values and kept within the metric's own range
     * (no negative σ); null where the values' own range is wide enough (or the metric has no span).
     */
    static Range leastRange(Metric m, TimeSeries s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s.values()) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(m.chartSpan > 0) || lo > hi || (hi - lo) * 1.1 >= m.chartSpan) {
            return null;
        }
        double from = Math.max(m.min, (lo + hi - m.chartSpan) / 2);
        double to = Math.min(m.max, from + m.chartSpan);
        return new Range(Math.max(m.min, to - m.chartSpan), to);
    }

    /** Frames delivered in each second of the source, against the rate the source says it has. */
    public JFreeChart frameRate(TimeSeries fps, double nominal) {
        XYPlot plot = line("temporal.fps", fps, t.get("chart.fps.y"));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, Math.max(nominal > 0 ? nominal : 0, max(fps)) * 1.15 + 1);
        if (nominal > 0) {
            plot.addRangeMarker(dashed(nominal, GOOD, t.get("chart.fps.own", nominal), RectangleAnchor.BOTTOM_RIGHT,
                    TextAnchor.TOP_RIGHT));
        }
        return chart(t.get("chart.fps.title"), plot);
    }

    /** How far the frame mean swung within each second: flicker is a steady swing, a change of light a peak. */
    public JFreeChart brightnessSwing(TimeSeries swingPct) {
        XYPlot plot = line("swing", swingPct, t.get("chart.swing.y"));
        ((NumberAxis) plot.getRangeAxis()).setRange(0, Math.max(10, max(swingPct) * 1.15));
        return chart(t.get("chart.swing.title"), plot);
    }

    /** A dashed line across the plot at {@code value}, labelled at its right end: a target, a nominal rate. */
    private ValueMarker dashed(double value, Color colour, String text, RectangleAnchor anchor, TextAnchor textAnchor) {
        ValueMarker m = new ValueMarker(value, colour, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        m.setLabel(text);
        m.setLabelFont(tick);
        m.setLabelAnchor(anchor);
        m.setLabelTextAnchor(textAnchor);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return m;
    }

    private static double max(TimeSeries s) {
        double m = 0;
        for (double v : s.values()) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }

    /** A series as a line over source time, points drawn while they can be told apart. */
    private XYPlot line(String key, TimeSeries s, String yLabel) {
        XYSeries line = new XYSeries(key);
        for (int i = 0; i < s.size(); i++) {
            if (!Double.isNaN(s.values()[i])) {
                line.add(s.seconds()[i], s.values()[i]);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, s.size() <= 60);
        r.setSeriesPaint(0, SERIES);
        r.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(line), axis(t.get("chart.time")), axis(yLabel), r);
        grid(plot);
        return plot;
    }

    /** Two runs' area scores side by side. */
    public JFreeChart beforeAfter(Verdict a, Verdict b) {
        String before = t.get("chart.before");
        String after = t.get("chart.after");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ScoreArea area : ScoreArea.values()) {
            data.addValue(a.score(area), before, t.area(area));
            data.addValue(b.score(area), after, t.area(area));
        }
        data.addValue(a.score(), before, t.get("chart.overall"));
        data.addValue(b.score(), after, t.get("chart.overall"));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, SERIES);
        bars.setSeriesPaint(1, SERIES_2);
        CategoryAxis x = new CategoryAxis(t.get("chart.area"));
        style(x);
        NumberAxis y = axis(t.get("chart.before-after.y"));
        y.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        grid(plot);
        JFreeChart chart = new JFreeChart(t.get("chart.before-after.title"), title, plot, true);
        chart.getLegend().setItemFont(label);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    // ---- the rooms' charts (their data comes as plain arrays: report sits below rooms)

    /**
     * A fleet's mean score per week, with the median of its rooms' means.
     *
     * @param weekly    mean score per week, NaN where none
     * @param weeksFrom the first week's Monday, for the axis
     */
    public JFreeChart fleetTrend(double[] weekly, double median, String weeksFrom) {
        XYSeries mean = new XYSeries(t.get("chart.fleet.series"));
        for (int i = 0; i < weekly.length; i++) {
            if (!Double.isNaN(weekly[i])) {
                mean.add(i + 1, weekly[i]);
            }
        }
        NumberAxis x = axis(t.get("chart.fleet.x", weeksFrom));
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = axis(t.get("chart.fleet.y"));
        y.setRange(0, 100);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, SERIES);
        line.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(mean), x, y, line);
        grid(plot);
        if (!Double.isNaN(median)) {
            ValueMarker m = new ValueMarker(median, SERIES_2, new BasicStroke(1.5f));
            m.setLabel(t.get("chart.fleet.median", median));
            m.setLabelFont(tick);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        return chart(null, plot);
    }

    /** Rooms counted by the fix they need, a bar each. @param counts fix's words → rooms */
    public JFreeChart roomCounts(Map<String, Integer> counts) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String rooms = t.get("chart.rooms");
        counts.forEach((what, n) -> d.addValue(n, rooms, what));
        NumberAxis y = axis(rooms);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = new BarRenderer();
        bars.setSeriesPaint(0, SERIES);
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardBarPainter());
        CategoryAxis x = new CategoryAxis(null);
        style(x);
        CategoryPlot plot = new CategoryPlot(d, x, y, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        grid(plot);
        return chart(null, plot);
    }

    /**
     * A room's day by the hour: score, backlight and light level one above the other.
     *
     * @param score, backlight, light each [24], NaN where nothing was measured
     */
    public JFreeChart timeOfDay(String room, double[] score, double[] backlight, double[] light) {
        NumberAxis hours = axis(t.get("chart.hours.x"));
        hours.setRange(0, 24);
        hours.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double[] x = new double[24];
        for (int h = 0; h < 24; h++) {
            x[h] = h + 0.5;
        }
        return stacked(t.get("chart.hours.title", room), hours, x, score, backlight, light);
    }

    /**
     * A room's measurements over a period: score, backlight and light level one above the other, on
     * a calendar axis.
     *
     * @param takenAt milliseconds since the epoch; score, backlight, light: one each, NaN where not measured
     */
    public JFreeChart overTime(String room, TimeZone zone, long[] takenAt, double[] score,
            double[] backlight, double[] light) {
        DateAxis when = new DateAxis(t.get("chart.over-time.x"), zone, t.language().locale);
        style(when);
        double[] x = new double[takenAt.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = takenAt[i];
        }
        return stacked(t.get("chart.over-time.title", room), when, x, score, backlight, light);
    }

    private JFreeChart stacked(String text, ValueAxis x, double[] at, double[] score,
            double[] backlight, double[] light) {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(x);
        plot.setGap(8);
        plot.add(panel(t.get("chart.hours.score"), at, score, 0, 100, SERIES));
        double most = 0;
        for (double b : backlight) {
            most = Double.isNaN(b) ? most : Math.max(most, b);
        }
        plot.add(panel(t.get("chart.hours.backlight"), at, backlight, 0, Math.max(2, most * 1.1), FIX));
        plot.add(panel(t.get("chart.hours.light"), at, light, 0, 255, SERIES_2));
        return chart(text, plot);
    }

    private XYPlot panel(String label, double[] at, double[] v, double lo, double hi, Color colour) {
        XYSeries s = new XYSeries(label, false);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i])) {
                s.add(at[i], v[i]);
            }
        }
        NumberAxis y = axis(label);
        y.setRange(lo, hi);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, s.getItemCount() <= 100);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot p = new XYPlot(new XYSeriesCollection(s), null, y, r);
        grid(p);
        return p;
    }

    /** The colour of a problem of this severity, and {@link #GOOD} for none (null): every output's traffic light. */
    public static Color severityColour(Severity s) {
        if (s == null) {
            return GOOD;
        }
        return switch (s) {
            case HIGH -> FIX;
            case MEDIUM -> CHECK;
            case LOW -> NOTE;
        };
    }

    /** The band of a 0–100 score: good from {@link #TARGET_SCORE}, to fix below {@link #FIX_BELOW_SCORE}, else check. */
    public static Color scoreColour(int score) {
        return score >= TARGET_SCORE ? GOOD : score >= FIX_BELOW_SCORE ? CHECK : FIX;
    }

    /** The chart as PNG bytes, twice its page size. */
    public static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image(chart), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart drawn at its page size into a picture twice as large (for print and sharp screens). */
    public static BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage((int) (WIDTH * SCALE), (int) (HEIGHT * SCALE), WIDTH, HEIGHT, null);
    }

    String title(Metric m) {
        String name = m.label != null && !m.label.isEmpty() ? t.label(m) : m.field;
        String category = t.title(m.category);
        return t.get("chart.series.name", category.substring(0, 1).toUpperCase(Locale.ROOT) + category.substring(1),
                name);
    }

    /** A metric's axis title in words with its unit ("chart.axis." + path), never its JSON path. */
    String axisLabel(Metric m) {
        String key = "chart.axis." + m.path();
        return t.words().has(key) ? t.get(key) : title(m) + (m.unit.isEmpty() ? "" : " (" + t.unit(m.unit) + ")");
    }

    /** The light map's colour for a mean luma (code value 0–255). */
    public static Color lumaColour(double codeValue) {
        return (Color) LUMA_SCALE.getPaint(codeValue);
    }

    /** Dark blue through magenta and orange to pale yellow, by code value. */
    private static final PaintScale LUMA_SCALE = new PaintScale() {
        private final Color[] stops = {new Color(0x000004), new Color(0x420A68), new Color(0x932667), new Color(
                0xDD513A),
                new Color(0xFCA50A), new Color(0xFCFFA4)};

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 255;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(0, Math.min(1, value / 255)) * (stops.length - 1);
            int i = Math.min(stops.length - 2, (int) t);
            double f = t - i;
            Color a = stops[i];
            Color b = stops[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    };

    private JFreeChart chart(String text, org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(text, title, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(6, 6, 6, 10));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(new Color(0x1A202C));
        }
        return chart;
    }

    private NumberAxis axis(String text) {
        NumberAxis a = new NumberAxis(text);
        style(a);
        return a;
    }

    private void style(org.jfree.chart.axis.Axis a) {
        a.setLabelFont(label);
        a.setTickLabelFont(tick);
        a.setLabelPaint(new Color(0x2D3748));
        a.setTickLabelPaint(new Color(0x2D3748));
    }

    private static void grid(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID_LINES);
        plot.setRangeGridlinePaint(GRID_LINES);
        plot.setOutlineVisible(false);
    }

    private static void grid(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID_LINES);
        plot.setOutlineVisible(false);
    }

    /** The metrics whose course over a session is charted, where they were measured on two or more frames. */
    public static List<Metric> charted() {
        return List.of(Metric.MEAN_LUMA, Metric.SUBJECT_LUMA, Metric.SHARPNESS_SCORE, Metric.NOISE_SIGMA,
                Metric.BACKLIGHT_RATIO);
    }
}
