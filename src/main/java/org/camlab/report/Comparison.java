package org.camlab.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.results.CameraTargets;
import org.camlab.results.CameraTargets.Figure;
import org.camlab.results.CameraTargets.Target;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;

/**
 * Two reports side by side (before and after a fix, camera A against camera B): a headline, which
 * problems were fixed, which are new and which remain, then the scores and each number that changed
 * by more than its measurement noise ({@link Metric#noise}), marked better or worse where the
 * catalogue says which way is better.
 */
public final class Comparison {
    /** A metric whose value differs between the two by more than its noise. */
    public record Change(Metric metric, double before, double after) {
        public double delta() {
            return after - before;
        }

        /** +1 better, −1 worse, 0 neither ({@link Metric#judge}). */
        public int judged() {
            return metric.judge(before, after);
        }
    }

    public final SavedReport before;
    public final SavedReport after;
    public final List<Change> changes = new ArrayList<>();
    /** Metrics whose published value moved, but by no more than their measurement noise: left out. */
    public int withinNoise;
    /** Problem ids with their recommendations: in before only, in after only, in both. */
    public final Map<String, Recommendation> fixed = new LinkedHashMap<>();
    public final Map<String, Recommendation> appeared = new LinkedHashMap<>();
    public final Map<String, Recommendation> remaining = new LinkedHashMap<>();

    public Comparison(SavedReport before, SavedReport after) {
        this.before = before;
        this.after = after;
        for (Metric m : Metric.values()) {
            double a = before.value(m);
            double b = after.value(m);
            if (m.differs(a, b)) {
                changes.add(new Change(m, a, b));
            } else if (!Double.isNaN(a) && m.published(a) != m.published(b)) {
                withinNoise++;
            }
        }
        Map<String, Recommendation> was = ids(before.verdict().recommendations());
        Map<String, Recommendation> now = ids(after.verdict().recommendations());
        was.forEach((id, title) -> (now.containsKey(id) ? remaining : fixed).put(id, title));
        now.forEach((id, title) -> {
            if (!was.containsKey(id)) {
                appeared.put(id, title);
            }
        });
    }

    /** "2 problems fixed, 1 new, score 76 → 100": what a person wants to know first. */
    public String headline(Terms t) {
        List<String> parts = new ArrayList<>();
        if (!fixed.isEmpty()) {
            parts.add(counted(t, "compare.headline.fixed", fixed.size()));
        }
        if (!appeared.isEmpty()) {
            parts.add(counted(t, fixed.isEmpty() ? "compare.headline.new-only" : "compare.headline.new",
                    appeared.size()));
        }
        if (parts.isEmpty()) {
            parts.add(t.get("compare.headline.none"));
        }
        parts.add(t.get("compare.headline.score", before.verdict().score(), after.verdict().score()));
        return String.join(t.get("compare.headline.join"), parts);
    }

    private static String counted(Terms t, String key, int n) {
        return n == 1 ? t.get(key + ".one") : t.get(key, n);
    }

    /** The word for a change's direction: better, worse, or empty where no direction is better. */
    public static String judgement(Change c, Terms t) {
        return switch (c.judged()) {
            case 1 -> t.get("compare.better");
            case -1 -> t.get("compare.worse");
            default -> "";
        };
    }

    private static Map<String, Recommendation> ids(List<Recommendation> recs) {
        Map<String, Recommendation> out = new LinkedHashMap<>();
        for (Recommendation r : recs) {
            out.putIfAbsent(r.id(), r);
        }
        return out;
    }

    public String text(Terms t) {
        StringBuilder sb = new StringBuilder();
        sb.append(headline(t)).append("\n\n");
        sb.append("  ").append(TextReport.padded(t.get("compare.before"), 7)).append(' ').append(before.label())
                .append(" (").append(before.source()).append(", ").append(when(before)).append(")\n");
        sb.append("  ").append(TextReport.padded(t.get("compare.after"), 7)).append(' ').append(after.label())
                .append(" (").append(after.source()).append(", ").append(when(after)).append(")\n");
        list(sb, t.get("compare.fixed"), fixed, t);
        list(sb, t.get("compare.new"), appeared, t);
        list(sb, t.get("compare.remaining"), remaining, t);
        sb.append('\n');
        sb.append(scoreLine(t.get("compare.score"), before.verdict().score(), after.verdict().score()));
        for (ScoreArea a : ScoreArea.values()) {
            sb.append(scoreLine(t.area(a), before.verdict().score(a), after.verdict().score(a)));
        }
        sb.append('\n');
        if (changes.isEmpty()) {
            sb.append(t.get("compare.unchanged")).append('\n');
        } else {
            sb.append(t.get("compare.changed")).append('\n');
            int[] widths = new int[4];
            List<String[]> rows = new ArrayList<>();
            for (Change c : changes) {
                String[] row = {c.metric().path(), t.shown(c.metric(), c.before()), t.shown(c.metric(), c.after()),
                        delta(c), judgement(c, t)};
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], TextReport.columns(row[i]));
                }
                rows.add(row);
            }
            for (String[] row : rows) {
                sb.append(("  " + TextReport.padded(row[0], widths[0]) + "  " + " ".repeat(widths[1] - TextReport
                        .columns(row[1])) + row[1] + " → " + TextReport.padded(row[2], widths[2]) + "  " + " ".repeat(
                                widths[3] - row[3].length()) + row[3] + "  " + row[4]).stripTrailing()).append('\n');
            }
        }
        if (withinNoise > 0) {
            sb.append(counted(t, "compare.within-noise", withinNoise)).append('\n');
        }
        sb.append(cameraTargets(t));
        return sb.toString();
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** When a report was measured, as this computer's clock reads: the JSON's instant is UTC to the nanosecond. */
    private static String when(SavedReport r) {
        try {
            return LOCAL.format(Instant.parse(r.measuredAt()).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException e) {
            return r.measuredAt();
        }
    }

    private static void list(StringBuilder sb, String what, Map<String, Recommendation> problems, Terms t) {
        if (problems.isEmpty()) {
            return;
        }
        sb.append('\n').append(what).append('\n');
        problems.forEach((id, r) -> sb.append("  ").append(id).append(" — ").append(t.headline(r)).append('\n'));
    }

    private static String scoreLine(String name, int a, int b) {
        String d = a == b ? "" : String.format(Locale.ROOT, "%+d", b - a);
        return ("  " + TextReport.padded(name, 10) + String.format(Locale.ROOT, " %3d → %3d  %s", a, b, d))
                .stripTrailing() + "\n";
    }

    static String delta(Change c) {
        if (Double.isNaN(c.before()) || Double.isNaN(c.after()) || c.metric().format == Metric.Format.BOOLEAN) {
            return "";
        }
        String n = String.format(Locale.ROOT, "%+." + c.metric().decimals + "f", c.delta());
        return n;
    }

    /** The comparison as a self-contained page: the headline, the problems, the scores chart, the changes. */
    public String html(Terms t) {
        StringBuilder h = HtmlReport.page("camlab compare", t);
        h.append("<h1 id=\"headline\">").append(HtmlReport.esc(headline(t))).append("</h1><p>")
                .append(HtmlReport.esc(t.get("compare.before"))).append(' ').append(HtmlReport.esc(before.label()))
                .append(" (").append(HtmlReport.esc(before.source())).append(")<br>")
                .append(HtmlReport.esc(t.get("compare.after"))).append(' ').append(HtmlReport.esc(after.label()))
                .append(" (").append(HtmlReport.esc(after.source())).append(")</p>\n");
        htmlList(h, "fixed", t.get("compare.fixed"), fixed, t);
        htmlList(h, "new", t.get("compare.new"), appeared, t);
        htmlList(h, "remaining", t.get("compare.remaining"), remaining, t);
        HtmlReport.chart(h, "before-after", new Charts(t).beforeAfter(before.verdict(), after.verdict()));
        h.append("<h2>").append(HtmlReport.esc(t.get("compare.what-changed")))
                .append("</h2><table class=\"numbers\" id=\"changes\"><tr><th>")
                .append(HtmlReport.esc(t.get("report.numbers.metric"))).append("</th><th>")
                .append(HtmlReport.esc(t.get("chart.before"))).append("</th><th>")
                .append(HtmlReport.esc(t.get("chart.after"))).append("</th><th>")
                .append(HtmlReport.esc(t.get("compare.change"))).append("</th><th>")
                .append(HtmlReport.esc(t.get("compare.judged"))).append("</th></tr>");
        for (Change c : changes) {
            h.append("<tr><td><code>").append(c.metric().path()).append("</code></td><td>")
                    .append(HtmlReport.esc(t.shown(c.metric(), c.before()))).append("</td><td>")
                    .append(HtmlReport.esc(t.shown(c.metric(), c.after()))).append("</td><td>").append(delta(c))
                    .append("</td><td class=\"").append(c.judged() > 0 ? "better" : c.judged() < 0 ? "worse" : "")
                    .append("\">").append(HtmlReport.esc(judgement(c, t))).append("</td></tr>");
        }
        h.append("</table>\n");
        if (withinNoise > 0) {
            h.append("<p class=\"why\">").append(HtmlReport.esc(counted(t, "compare.within-noise", withinNoise)))
                    .append("</p>\n");
        }
        cameraTargetsHtml(h, t);
        return HtmlReport.end(h);
    }

    private static void htmlList(StringBuilder h, String section, String what, Map<String, Recommendation> problems,
            Terms t) {
        if (problems.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"").append(section).append("\">").append(HtmlReport.esc(what.replaceAll("[:：]$", ""))).append(
                "</h2><ul>");
        problems.forEach((id, r) -> h.append("<li><code>").append(HtmlReport.esc(id)).append("</code> ")
                .append(HtmlReport.esc(t.headline(r))).append("</li>"));
        h.append("</ul>\n");
    }

    // ---- the two cameras against the targets of what to buy (CameraTargets)

    /** Each target either camera's figures could be measured for, with both cameras' figures; in the targets' order. */
    public List<CameraRow> cameraRows() {
        List<Figure> a = figures(before);
        List<Figure> b = figures(after);
        List<CameraRow> rows = new ArrayList<>();
        for (Target target : Target.values()) {
            Figure x = find(a, target);
            Figure y = find(b, target);
            if (x != null || y != null) {
                rows.add(new CameraRow(target, x, y));
            }
        }
        return rows;
    }

    /** A target, and before's and after's figure for it (null where that report could not measure it). */
    public record CameraRow(Target target, Figure before, Figure after) {
    }

    private static List<Figure> figures(SavedReport r) {
        return CameraTargets.assess(r::value, r.width(), r.height(), r.fpsNominal());
    }

    private static Figure find(List<Figure> figures, Target target) {
        return figures.stream().filter(f -> f.target() == target).findFirst().orElse(null);
    }

    /** The text block: a target per row, then each camera's figure and where it stands. */
    String cameraTargets(Terms t) {
        List<CameraRow> rows = cameraRows();
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n").append(t.get("compare.camera")).append('\n');
        int name = Math.max(TextReport.columns(t.get("compare.before")), TextReport.columns(t.get("compare.after")));
        for (CameraRow row : rows) {
            sb.append("  ").append(CameraUpgrade.target(row.target(), t)).append('\n');
            sb.append(cameraLine(t.get("compare.before"), name, row.before(), t));
            sb.append(cameraLine(t.get("compare.after"), name, row.after(), t));
        }
        return sb.toString();
    }

    private static String cameraLine(String who, int width, Figure f, Terms t) {
        String figure = f == null ? t.get("camera.unmeasured") : CameraUpgrade.figure(f, t);
        String stands = f == null ? "" : CameraUpgrade.standing(f, t);
        return ("    " + TextReport.padded(who, width) + " " + TextReport.padded(figure, 30) + " " + stands)
                .stripTrailing() + "\n";
    }

    private void cameraTargetsHtml(StringBuilder h, Terms t) {
        List<CameraRow> rows = cameraRows();
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>").append(HtmlReport.esc(t.get("compare.camera").replaceAll("[:：]$", "")))
                .append("</h2><table class=\"numbers\" id=\"camera-targets\"><tr><th>")
                .append(HtmlReport.esc(t.get("camera.target"))).append("</th><th>")
                .append(HtmlReport.esc(t.get("chart.before"))).append("</th><th>")
                .append(HtmlReport.esc(t.get("chart.after"))).append("</th></tr>");
        for (CameraRow row : rows) {
            h.append("<tr><td>").append(HtmlReport.esc(CameraUpgrade.target(row.target(), t))).append("</td>");
            for (Figure f : new Figure[]{row.before(), row.after()}) {
                h.append("<td>").append(HtmlReport.esc(f == null ? t.get("camera.unmeasured")
                        : CameraUpgrade.figure(f, t) + " — " + CameraUpgrade.standing(f, t))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");
    }
}
