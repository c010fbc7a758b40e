package org.camlab.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;

/**
 * Two reports side by side (before and after a fix, camera A against camera B): the scores, each
 * number that changed by at least the last digit the report publishes, and which problems were
 * fixed, which are new and which remain.
 */
public final class Comparison {
    /** A metric whose published value differs between the two. */
    public record Change(Metric metric, double before, double after) {
        public double delta() {
            return after - before;
        }
    }

    public final SavedReport before;
    public final SavedReport after;
    public final List<Change> changes = new ArrayList<>();
    /** Problem ids with their titles: in before only, in after only, in both. */
    public final Map<String, String> fixed = new LinkedHashMap<>();
    public final Map<String, String> appeared = new LinkedHashMap<>();
    public final Map<String, String> remaining = new LinkedHashMap<>();

    public Comparison(SavedReport before, SavedReport after) {
        this.before = before;
        this.after = after;
        for (Metric m : Metric.values()) {
            double a = before.value(m);
            double b = after.value(m);
            if (Double.isNaN(a) && Double.isNaN(b)) {
                continue;
            }
            if (Double.isNaN(a) != Double.isNaN(b) || round(a, m) != round(b, m)) {
                changes.add(new Change(m, a, b));
            }
        }
        Map<String, String> was = ids(before.verdict().recommendations());
        Map<String, String> now = ids(after.verdict().recommendations());
        was.forEach((id, title) -> (now.containsKey(id) ? remaining : fixed).put(id, title));
        now.forEach((id, title) -> {
            if (!was.containsKey(id)) {
                appeared.put(id, title);
            }
        });
    }

    private static Map<String, String> ids(List<Recommendation> recs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Recommendation r : recs) {
            out.putIfAbsent(r.id(), r.title());
        }
        return out;
    }

    private static double round(double v, Metric m) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(m.decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("camlab compare\n");
        sb.append("  before: ").append(before.label()).append(" (").append(before.source()).append(", ")
                .append(before.measuredAt()).append(")\n");
        sb.append("  after:  ").append(after.label()).append(" (").append(after.source()).append(", ")
                .append(after.measuredAt()).append(")\n\n");
        sb.append(scoreLine("score", before.verdict().score(), after.verdict().score()));
        for (ScoreArea a : ScoreArea.values()) {
            sb.append(scoreLine(a.key, before.verdict().score(a), after.verdict().score(a)));
        }
        sb.append('\n');
        if (changes.isEmpty()) {
            sb.append("No number changed.\n");
        } else {
            sb.append("Changed:\n");
            for (Change c : changes) {
                sb.append(String.format(Locale.ROOT, "  %-38s %14s → %-14s %s%n", c.metric().path(), TextReport.shown(c.metric(),
                        c.before()), TextReport.shown(c.metric(), c.after()), delta(c)));
            }
        }
        list(sb, "Fixed", fixed);
        list(sb, "New", appeared);
        list(sb, "Still to fix", remaining);
        return sb.toString();
    }

    private static void list(StringBuilder sb, String what, Map<String, String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        sb.append('\n').append(what).append(":\n");
        problems.forEach((id, title) -> sb.append("  ").append(id).append(" — ").append(title).append('\n'));
    }

    private static String scoreLine(String name, int a, int b) {
        String d = a == b ? "" : String.format(Locale.ROOT, "%+d", b - a);
        return String.format(Locale.ROOT, "  %-10s %3d → %3d  %s%n", name, a, b, d).stripTrailing() + "\n";
    }

    static String delta(Change c) {
        if (Double.isNaN(c.before()) || Double.isNaN(c.after()) || c.metric().format == Metric.Format.BOOLEAN) {
            return "";
        }
        String n = String.format(Locale.ROOT, "%+." + c.metric().decimals + "f", c.delta());
        return n;
    }

    /** The comparison as a self-contained page: the scores chart, then the table of changes. */
    public String html() {
        StringBuilder h = HtmlReport.page("camlab compare");
        h.append("<h1>camlab compare</h1><p>Before: ").append(HtmlReport.esc(before.label())).append(" (")
                .append(HtmlReport.esc(before.source())).append(")<br>After: ").append(HtmlReport.esc(after.label()))
                .append(" (").append(HtmlReport.esc(after.source())).append(")</p>\n");
        HtmlReport.chart(h, "before-after", Charts.beforeAfter("before", before.verdict(), "after", after.verdict()));
        h.append("<h2>What changed</h2><table class=\"numbers\"><tr><th>metric</th><th>before</th><th>after</th>")
                .append("<th>change</th></tr>");
        for (Change c : changes) {
            h.append("<tr><td><code>").append(c.metric().path()).append("</code></td><td>")
                    .append(HtmlReport.esc(TextReport.shown(c.metric(), c.before()))).append("</td><td>")
                    .append(HtmlReport.esc(TextReport.shown(c.metric(), c.after()))).append("</td><td>").append(delta(c))
                    .append("</td></tr>");
        }
        h.append("</table>\n");
        htmlList(h, "Fixed", fixed);
        htmlList(h, "New", appeared);
        htmlList(h, "Still to fix", remaining);
        return HtmlReport.end(h);
    }

    private static void htmlList(StringBuilder h, String what, Map<String, String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        h.append("<h2>").append(what).append("</h2><ul>");
        problems.forEach((id, title) -> h.append("<li><code>").append(HtmlReport.esc(id)).append("</code> ")
                .append(HtmlReport.esc(title)).append("</li>"));
        h.append("</ul>\n");
    }
}
