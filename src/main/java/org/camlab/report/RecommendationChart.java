package org.camlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import javax.imageio.ImageIO;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.Remedy;
import org.camlab.results.Verdict;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The advice as one chart, read in seconds: a row per recommendation, its bar how far the measured
 * value is past the rule's threshold (the dashed line is the threshold; the bar's label gives both
 * numbers), coloured by what fixes it — the light, the camera, where it stands, the computer — and
 * beside it the score the picture would have with that fix alone (the verdict recomputed without
 * it, {@link Verdict#without}).
 */
public final class RecommendationChart {
    /** Bars longer than this many times their threshold end here; their label says how far. */
    static final double LONGEST = 4;
    /** Rows that fit the report's usual chart height; more make the chart taller. */
    private static final int ROWS_AT_HEIGHT = 5;
    private static final int ROW_HEIGHT = 46;

    /** The colours of the remedies: lighting and camera apart from each other and from the score's traffic lights. */
    static Color colour(Remedy r) {
        return switch (r) {
            case LIGHTING -> Charts.SERIES_2;
            case CAMERA -> Charts.SERIES;
            case PLACEMENT -> new Color(0x805AD5);
            case COMPUTER -> new Color(0x319795);
        };
    }

    /** The score bars: neutral, so that no colour of theirs reads as a remedy. */
    static final Color SCORE = new Color(0x4A5568);

    /**
     * One row of the chart.
     *
     * @param beyond       how many times past its threshold the value is, whichever way the rule points
     *                     ({@link Recommendation#beyond}); 1 is at the threshold
     * @param scoreWithFix the verdict's score were this recommendation met
     * @param numbers      the value and the threshold with their units, as the bar's label
     */
    public record Bar(Recommendation recommendation, Remedy remedy, String name, double beyond, int scoreWithFix,
            String numbers) {
    }

    private final Verdict verdict;
    private final Terms t;
    private final List<Bar> bars = new ArrayList<>();

    public RecommendationChart(Verdict v, Terms terms) {
        this.verdict = v;
        this.t = terms;
        for (Recommendation r : v.recommendations()) {
            bars.add(new Bar(r, Remedy.of(r), t.headline(r), r.beyond(), v.without(r).score(), numbers(r)));
        }
    }

    /** The rows, in the verdict's order (most gain first). */
    public List<Bar> bars() {
        return bars;
    }

    /** Whether there is anything to chart: no advice, no chart. */
    public boolean shown() {
        return !bars.isEmpty();
    }

    /** "1.78 stops · threshold 0.60": the value in the catalogue's unit, and the threshold in the same. */
    private String numbers(Recommendation r) {
        Metric m = Metric.byPath(r.metric());
        String value = m == null ? format(r.value()) : t.value(m, r.value());
        String limit = m == null ? format(r.threshold()) : threshold(m, r.threshold());
        return t.get("chart.fixes.numbers", value, limit);
    }

    /**
     * A threshold to the catalogue's decimals, its unit left to the value beside it (a bar's label must
     * fit beside the bar), but never rounded to another number: a share of the frames (1 % of 60 is 0.6
     * frames) keeps its decimal where the metric counts whole frames.
     */
    private static String threshold(Metric m, double limit) {
        int decimals = m.format == Metric.Format.INTEGER && limit != Math.rint(limit) ? 1 : m.decimals;
        return String.format(Locale.ROOT, (m.signed ? "%+." : "%.") + decimals + "f", limit);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Page height of the chart, CSS pixels: the report's chart height, taller for many rows. */
    public int height() {
        return Charts.HEIGHT + Math.max(0, bars.size() - ROWS_AT_HEIGHT) * ROW_HEIGHT;
    }

    /** The chart: the rows' names left, how far each is past its threshold, and the score with each fix right. */
    public JFreeChart chart() {
        String family = Charts.fontFor(t.get("chart.font.sample"));
        Font label = new Font(family, Font.PLAIN, 12);
        Font tick = new Font(family, Font.PLAIN, 11);
        DefaultCategoryDataset past = new DefaultCategoryDataset();
        DefaultCategoryDataset score = new DefaultCategoryDataset();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            Row row = new Row(i, b.name()); // keyed by place: two rules may share a headline
            past.addValue(Math.min(LONGEST, b.beyond()), "past", row);
            score.addValue(b.scoreWithFix(), "score", row);
        }
        CategoryAxis rows = new CategoryAxis();
        rows.setTickLabelFont(label);
        rows.setTickLabelPaint(new Color(0x2D3748));
        rows.setMaximumCategoryLabelWidthRatio(0.28f);
        rows.setMaximumCategoryLabelLines(3);
        rows.setCategoryMargin(0.35);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(rows);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.add(pastPanel(past, label, tick), 4);
        plot.add(scorePanel(score, label, tick), 1);
        plot.setGap(14);
        plot.setFixedLegendItems(legend());

        JFreeChart chart = new JFreeChart(t.get("chart.fixes.title", verdict.score()), new Font(family, Font.BOLD,
                15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        ((TextTitle) chart.getTitle()).setPaint(new Color(0x1A202C));
        LegendTitle key = chart.getLegend();
        key.setItemFont(label);
        key.setPosition(RectangleEdge.TOP);
        key.setFrame(BlockBorder.NONE);
        return chart;
    }

    /** Each value as times its threshold, the threshold a dashed line at 1, the bars in their remedy's colour. */
    private CategoryPlot pastPanel(DefaultCategoryDataset past, Font label, Font tick) {
        double longest = 1;
        for (Bar b : bars) {
            longest = Math.max(longest, Math.min(LONGEST, b.beyond()));
        }
        BarRenderer pastBars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int series, int column) {
                return colour(bars.get(column).remedy());
            }
        };
        style(pastBars, label);
        pastBars.setDefaultItemLabelGenerator(labels(column -> {
            Bar b = bars.get(column);
            return b.beyond() > LONGEST ? t.get("chart.fixes.far", b.numbers(), LONGEST) : b.numbers();
        }));
        NumberAxis times = new NumberAxis(t.get("chart.fixes.past"));
        times.setRange(0, Math.max(2, longest) * 2.1); // the labels beside the bars need about as much room
        axis(times, label, tick);
        CategoryPlot left = new CategoryPlot(past, null, times, pastBars);
        ValueMarker threshold = new ValueMarker(1, Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
        marked(threshold, t.get("chart.fixes.threshold"), tick);
        left.addRangeMarker(threshold, Layer.BACKGROUND); // behind the bars: their labels stay clear
        grid(left);
        return left;
    }

    /** The score with each fix, 0–100, the score now a red line. */
    private CategoryPlot scorePanel(DefaultCategoryDataset score, Font label, Font tick) {
        BarRenderer scoreBars = new BarRenderer() {
            // the score at the bar's end, inside it: the panel is narrow
            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int column) {
                return inside(column) ? new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT)
                        : super.getPositiveItemLabelPosition(series, column);
            }

            @Override
            public Paint getItemLabelPaint(int series, int column) {
                return inside(column) ? Color.WHITE : super.getItemLabelPaint(series, column);
            }

            private boolean inside(int column) {
                return bars.get(column).scoreWithFix() >= 60;
            }
        };
        scoreBars.setSeriesPaint(0, SCORE);
        style(scoreBars, label);
        scoreBars.setDefaultItemLabelGenerator(labels(column -> {
            int gain = bars.get(column).scoreWithFix() - verdict.score();
            return String.format(Locale.ROOT, "%d (%+d)", bars.get(column).scoreWithFix(), gain);
        }));
        NumberAxis points = new NumberAxis(t.get("chart.fixes.score"));
        points.setRange(0, 100);
        points.setTickUnit(new NumberTickUnit(50));
        axis(points, label, tick);
        CategoryPlot right = new CategoryPlot(score, null, points, scoreBars);
        ValueMarker now = new ValueMarker(verdict.score(), Charts.FIX, new BasicStroke(1.5f));
        marked(now, t.get("chart.fixes.now", verdict.score()), tick);
        // seen between the rows; the bars, all at or past it, keep their labels clear
        right.addRangeMarker(now, Layer.BACKGROUND);
        grid(right);
        return right;
    }

    /** A marker's label at the foot of its line, on no ground of its own. */
    private static void marked(ValueMarker m, String text, Font tick) {
        m.setLabel(text);
        m.setLabelFont(tick);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    }

    /** A row's key: its place, shown as its name. */
    private record Row(int index, String name) implements Comparable<Row> {
        @Override
        public int compareTo(Row o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Lighting and camera always, so that the two are told apart even when one is absent; the others when present. */
    private LegendItemCollection legend() {
        Set<Remedy> shown = EnumSet.of(Remedy.LIGHTING, Remedy.CAMERA);
        bars.forEach(b -> shown.add(b.remedy()));
        LegendItemCollection items = new LegendItemCollection();
        for (Remedy r : shown) {
            LegendItem item = new LegendItem(t.get("chart.fixes.remedy." + r.key()), colour(r));
            items.add(item);
        }
        LegendItem score = new LegendItem(t.get("chart.fixes.score.key"), SCORE);
        items.add(score);
        return items;
    }

    /** Each bar's label, by its row. */
    private static CategoryItemLabelGenerator labels(IntFunction<String> byRow) {
        return new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset data, int series, int column) {
                return byRow.apply(column);
            }
        };
    }

    private static void style(BarRenderer r, Font label) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.5);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(label);
        r.setDefaultItemLabelPaint(new Color(0x1A202C));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(4);
    }

    private static void axis(NumberAxis a, Font label, Font tick) {
        a.setLabelFont(label);
        a.setTickLabelFont(tick);
        a.setLabelPaint(new Color(0x2D3748));
        a.setTickLabelPaint(new Color(0x2D3748));
    }

    private static void grid(CategoryPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        p.setOutlineVisible(false);
    }

    /** The chart drawn at its page size into a picture twice as large, as every chart of the report. */
    public BufferedImage image() {
        return chart().createBufferedImage(2 * Charts.WIDTH, 2 * height(), Charts.WIDTH, height(), null);
    }

    /** What a person needs to read the chart, in a sentence under it (and its text where the picture is not seen). */
    public String caption() {
        return t.get("chart.fixes.caption", LONGEST);
    }

    /** The chart's text for a reader that does not see it: each fix, its numbers and the score with it. */
    String alt() {
        StringBuilder s = new StringBuilder(t.get("chart.fixes.title", verdict.score()));
        for (Bar b : bars) {
            s.append(t.language().sentenceGap()).append(t.get("chart.fixes.alt", b.name(),
                    t.get("chart.fixes.remedy." + b.remedy().key()), b.numbers(), b.scoreWithFix()));
        }
        return s.toString();
    }

    /** The figure under the advice list of the HTML page; nothing without advice. */
    public static void html(StringBuilder h, Verdict v, Terms t) {
        RecommendationChart c = new RecommendationChart(v, t);
        if (!c.shown()) {
            return;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(c.image(), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        h.append("<figure id=\"chart-fixes\"><img alt=\"").append(HtmlReport.esc(c.alt())).append("\" width=\"")
                .append(Charts.WIDTH).append("\" height=\"").append(c.height()).append(
                        "\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"><figcaption class=\"why\">")
                .append(HtmlReport.esc(c.caption())).append("</figcaption></figure>\n");
    }
}
