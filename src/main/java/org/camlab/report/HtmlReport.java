package org.camlab.report;

import java.awt.Color;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.camlab.readiness.Readiness;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.TimeSeries;
import org.camlab.results.Timeline;
import org.camlab.results.Verdict;

/**
 * The session report as one self-contained HTML page: verdict first, then the advice, then the
 * evidence (charts, every number of the catalogue with its unit and definition). Charts are
 * embedded as PNG data; the page loads nothing from anywhere, runs no script (the report's JSON rides
 * along as data, for {@code compare}), and prints on A4.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(SessionReport r, Verdict v) {
        return render(r, v, null, Double.NaN, Terms.ENGLISH);
    }

    /**
     * The page, with the annotated frame at the head of the evidence when {@code snapshotPng} is
     * given ({@code --snapshot}: a picture of the room is in the file only when asked).
     */
    public static String render(SessionReport r, Verdict v, byte[] snapshotPng, double snapshotSeconds, Terms t) {
        return render(r, v, snapshotPng, snapshotSeconds, t, null, List.of());
    }

    /**
     * The page with the computer and network findings of the check: their advice ranked among the
     * picture's by severity, and their figures in a section of their own.
     */
    public static String render(SessionReport r, Verdict v, byte[] snapshotPng, double snapshotSeconds, Terms t,
            Readiness readiness, List<Recommendation> readinessAdvice) {
        var src = r.source();
        StringBuilder h = page(t.get("report.title") + " — " + src.name(), t);

        h.append("<header><h1>").append(esc(t.get("report.title"))).append("</h1><p class=\"source\">")
                .append(esc(ReportHeader.source(src, t))).append("</p><p class=\"meta\">")
                .append(esc(ReportHeader.measured(r, t, ZoneId.systemDefault()))).append("</p></header>\n");

        // the verdict
        h.append("<section class=\"verdict\" id=\"verdict\"><div class=\"score\" style=\"background:")
                .append(hex(Charts.scoreColour(v.score()))).append("\"><span class=\"n\">").append(v.score())
                .append("</span><span class=\"of\">/100</span></div><div><h2>");
        h.append(esc(headline(v, t)));
        h.append("</h2><ul class=\"areas\">"); // each score with its label, set apart in any language
        for (ScoreArea a : ScoreArea.values()) {
            h.append("<li><span class=\"area\">").append(esc(t.area(a))).append(
                    "</span><span class=\"n\" style=\"color:")
                    .append(hex(Charts.scoreColour(v.score(a)))).append("\">").append(v.score(a)).append(
                            "</span></li>");
        }
        h.append("</ul>");
        if (r.partial()) {
            h.append("<p class=\"warn\">").append(esc(t.get("report.partial", r.error() == null
                    ? t.get("report.interrupted") : r.error()))).append("</p>");
        } else if (r.error() != null) {
            h.append("<p class=\"warn\">").append(esc(t.get("text.stopped", r.error()))).append("</p>");
        }
        h.append("</div></section>\n");

        // the advice
        h.append("<section id=\"advice\"><h2>").append(esc(t.get("report.advice"))).append("</h2>");
        List<Recommendation> both = new ArrayList<>(v.recommendations());
        both.addAll(readinessAdvice);
        List<Recommendation> advice = Recommendation.ranked(both);
        if (advice.isEmpty()) {
            h.append("<p>").append(esc(t.get("report.no-advice"))).append("</p>");
        } else {
            h.append("<ol class=\"advice\">");
            for (Recommendation rec : advice) {
                h.append("<li><span class=\"sev ").append(rec.severity().json()).append("\">")
                        .append(esc(t.severity(rec.severity()))).append("</span> <strong>").append(esc(t.get(rec
                                .title())))
                        .append("</strong><p>").append(esc(t.get(rec.detail()))).append("</p><p class=\"why\">")
                        .append(esc(evidence(rec, t))).append("</p></li>");
            }
            h.append("</ol>");
        }
        RecommendationChart.html(h, v, t);
        CameraUpgrade.html(h, r, t);
        h.append("</section>\n");

        if (readiness != null) {
            h.append("<section id=\"readiness\"><h2>").append(esc(t.get("readiness.title"))).append("</h2><ul>");
            for (String line : ReadinessReport.lines(readiness, r.source(), t)) {
                h.append("<li>").append(esc(line)).append("</li>");
            }
            h.append("</ul></section>\n");
        }

        // the evidence
        h.append("<section id=\"evidence\"><h2>").append(esc(t.get("report.evidence"))).append("</h2>\n");
        if (snapshotPng != null) {
            h.append("<figure id=\"snapshot\"><img alt=\"").append(esc(t.get("report.snapshot.alt")))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(snapshotPng))
                    .append("\"><figcaption class=\"why\">").append(esc(snapshotCaption(r, snapshotSeconds, t)))
                    .append("</figcaption></figure>\n");
        }
        for (Figure f : figures(r, v, t)) {
            chart(h, f.id(), f.chart());
        }
        h.append("<h3>").append(esc(t.get("report.numbers"))).append("</h3><table class=\"numbers\"><thead><tr><th>")
                .append(esc(t.get("report.numbers.metric"))).append("</th><th>").append(esc(t.get(
                        "report.numbers.value")))
                .append("</th><th>").append(esc(t.get("report.numbers.definition"))).append(
                        "</th></tr></thead><tbody>");
        for (Category c : Category.values()) {
            h.append("<tr class=\"cat\"><th colspan=\"3\">").append(esc(t.title(c))).append("</th></tr>");
            for (Metric m : Metric.values()) {
                if (m.category != c) {
                    continue;
                }
                double x = r.value(m);
                h.append("<tr><td><code>").append(esc(m.path())).append("</code></td><td class=\"v\">")
                        .append(esc(t.shown(m, x))).append("</td><td>")
                        .append(esc(t.definition(m))).append("</td></tr>");
            }
        }
        h.append("</tbody></table>\n</section>\n");
        h.append("<footer>").append(esc(madeHere(snapshotPng != null, t))).append(t.language().sentenceGap())
                .append(esc(t.get("report.offline"))).append("</footer>\n");
        embed(h, JsonReport.document(r, v).readiness(readiness, readinessAdvice).line());
        return end(h);
    }

    /** What the snapshot is: the frame's time, and what its colours mean. */
    static String snapshotCaption(SessionReport r, double seconds, Terms t) {
        String legend = t.get("report.snapshot.legend");
        return Double.isNaN(seconds) || r.source().isStill() ? legend
                : t.get("report.snapshot.at", seconds) + t.language().sentenceGap() + legend;
    }

    /** Where the report was made and what of the pictures it holds: the one frame asked for, or none. */
    static String madeHere(boolean snapshot, Terms t) {
        return t.get(snapshot ? "report.made-here.snapshot" : "report.made-here");
    }

    /** A page of camlab's own, open at its main column: the head, the style sheet, nothing from the network. */
    static StringBuilder page(String title, Terms t) {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.language().htmlLang)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        return h;
    }

    static String end(StringBuilder h) {
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A chart as a figure with the picture inside the page, its id "chart-" + id. */
    static void chart(StringBuilder h, String id, org.jfree.chart.JFreeChart chart) {
        String title = chart.getTitle() == null ? id : chart.getTitle().getText();
        h.append("<figure id=\"chart-").append(id).append("\"><img alt=\"").append(esc(title)).append("\" width=\"")
                .append(Charts.WIDTH).append("\" height=\"").append(Charts.HEIGHT).append(
                        "\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(Charts.png(chart))).append("\"></figure>\n");
    }

    /** A chart of the evidence and its id in the page ("chart-" + id). */
    record Figure(String id, org.jfree.chart.JFreeChart chart) {
    }

    /** The evidence's charts, in the report's order: the HTML page and the PDF show the same. */
    static List<Figure> figures(SessionReport r, Verdict v, Terms t) {
        Charts charts = new Charts(t);
        List<Figure> out = new ArrayList<>();
        out.add(new Figure("scores", charts.scores(v)));
        if (r.maps() != null) {
            out.add(new Figure("light-map", charts.lightMap(r.maps())));
            out.add(new Figure("histogram", charts.histogram(r.maps())));
        }
        if (r.series() != null && r.framesAnalyzed() >= 2) {
            for (Metric m : Charts.charted()) {
                TimeSeries s = r.series().get(m);
                if (m == Metric.SUBJECT_LUMA && !r.faceDetected()) {
                    continue; // without a face it is the centre of the frame: the mean's chart says it
                }
                if (s != null && measuredPoints(s) >= 2) {
                    out.add(new Figure("series-" + m.path().replace('.', '-'), charts.timeSeries(m, s)));
                }
            }
        }
        Timeline line = r.timeline();
        if (line != null && measuredPoints(line.fps()) >= 3) {
            out.add(new Figure("fps", charts.frameRate(line.fps(), r.source().fpsNominal())));
        }
        if (line != null && measuredPoints(line.swingPct()) >= 3) {
            out.add(new Figure("swing", charts.brightnessSwing(line.swingPct())));
        }
        return out;
    }

    private static int measuredPoints(TimeSeries s) {
        int n = 0;
        for (double x : s.values()) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return n;
    }

    /** The verdict in a sentence: nothing to change, or how many things and the first. */
    static String headline(Verdict v, Terms t) {
        if (v.recommendations().isEmpty()) {
            return t.get("text.nothing");
        }
        int n = v.recommendations().size();
        return t.get(n == 1 ? "report.verdict.one" : "report.verdict", n, t.get(v.recommendations().get(0).title()));
    }

    /** The advice's figures: the metric, its measured value and the rule's threshold. */
    static String evidence(Recommendation rec, Terms t) {
        Metric m = Metric.byPath(rec.metric());
        if (m == null || Double.isNaN(rec.value())) {
            return rec.metric();
        }
        return t.get("report.evidence.line", rec.metric(), t.value(m, rec.value()), t.value(m, rec.threshold()));
    }

    static String frames(SessionReport r, Terms t) {
        if (r.source().isStill()) {
            return t.get("report.one-picture");
        }
        return t.get("report.frames", r.framesAnalyzed(), r.framesDecoded(), r.durationSec());
    }

    /** The advice's severity badges in the traffic lights of every output ({@link Charts#severityColour}). */
    private static String severityBadges() {
        StringBuilder css = new StringBuilder();
        for (Severity s : Severity.values()) {
            css.append(css.length() == 0 ? "" : " ").append(".sev.").append(s.json()).append(" { background: ")
                    .append(hex(Charts.severityColour(s))).append("; }");
        }
        return css.append('\n').toString();
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The id of the element that holds the report's JSON in the page, which {@code compare} reads back. */
    public static final String JSON_ID = "camlab-report";

    /**
     * The report's JSON as data in the page, for {@code compare} to read back: a script element the
     * browser does not run (application/json). Every {@code <} is written as the JSON escape
     * {@code \\u003c}, so that no string inside (a file named {@code </script>.mp4}) can end the element
     * or open a comment, and the parsed JSON is the same.
     */
    static void embed(StringBuilder h, String json) {
        h.append("<script type=\"application/json\" id=\"").append(JSON_ID).append("\">")
                .append(json.replace("<", "\\u003c")).append("</script>\n");
    }

    /** Text for HTML, in an element or a quoted attribute. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            html:lang(zh-Hans) body { font-family: "DejaVu Sans", "Noto Sans CJK SC", "Noto Sans SC",
                   "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; }
            html:lang(zh-Hant) body { font-family: "DejaVu Sans", "Noto Sans CJK TC", "Noto Sans TC",
                   "WenQuanYi Zen Hei", "Microsoft JhengHei", "PingFang TC", sans-serif; }
            body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif; color: #1a202c;
                   background: #fff; margin: 0; line-height: 1.45; }
            main { max-width: 760px; margin: 0 auto; padding: 24px 20px; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 19px; margin: 28px 0 10px; }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            .source { font-size: 16px; margin: 0; }
            .meta, footer, .why { color: #4a5568; font-size: 13px; }
            .verdict { display: flex; gap: 20px; align-items: center; border: 1px solid #e2e8f0; border-radius: 8px;
                       padding: 16px; margin-top: 18px; }
            .verdict h2 { margin: 0 0 10px; }
            .score { color: #fff; border-radius: 8px; min-width: 110px; text-align: center; padding: 14px 8px; }
            .score .n { font-size: 44px; font-weight: bold; } .score .of { font-size: 16px; }
            ul.areas { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; margin: 0; padding: 0; }
            ul.areas li { display: flex; flex-direction: column; align-items: center; min-width: 3.2em; }
            ul.areas .area { color: #4a5568; font-size: 12px; } ul.areas .n { font-size: 20px; font-weight: bold; }
            .warn { color: #9c4221; }
            ol.advice { padding-left: 22px; } ol.advice li { margin-bottom: 12px; } ol.advice p { margin: 4px 0; }
            .sev { display: inline-block; border-radius: 4px; padding: 0 6px; color: #fff; font-size: 12px;
                   text-transform: uppercase; }
            """ + severityBadges() + """
            figure { margin: 14px 0; break-inside: avoid; } figure img { max-width: 100%; height: auto;
                     border: 1px solid #edf2f7; }
            table.numbers { border-collapse: collapse; width: 100%; font-size: 13px; }
            table.numbers td, table.numbers th { border-bottom: 1px solid #edf2f7; padding: 3px 6px; text-align: left;
                     vertical-align: top; }
            table.numbers tr.cat th { background: #f7fafc; text-transform: capitalize; }
            table.numbers td.v { white-space: nowrap; }
            td.better { color: #276749; } td.worse { color: #c53030; }
            footer { margin-top: 28px; border-top: 1px solid #e2e8f0; padding-top: 8px; }
            @page { size: A4; margin: 14mm; }
            @media print { main { max-width: none; padding: 0; } section { break-inside: auto; }
                           h1, h2, h3, tr.cat { break-after: avoid; } .verdict, li, figure, tr { break-inside: avoid; } }
            """;
}
