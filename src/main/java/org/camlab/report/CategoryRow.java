package org.camlab.report;

import java.util.ArrayList;
import java.util.List;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;

/**
 * One category of the catalogue as a person reads it — its light and its numbers — built from the
 * session and the verdict, so that the terminal summary and the live window show the same thing
 * without either reading the other's text.
 *
 * @param category the catalogue's group
 * @param worst    the most severe recommendation on one of its metrics; null when there is none
 * @param measured false when none of its numbers could be measured; {@code items} then says why
 * @param items    its numbers, each with its label and unit as {@link Terms#shown} writes it
 *                 ("mean 118.2 code values"), in the catalogue's order; a reader keeps each whole
 */
public record CategoryRow(Category category, Severity worst, boolean measured, List<String> items) {
    public CategoryRow {
        items = List.copyOf(items);
    }

    /** Every category's row, in the catalogue's order. */
    public static List<CategoryRow> all(SessionReport r, Verdict v, Terms t) {
        List<CategoryRow> rows = new ArrayList<>();
        for (Category c : Category.values()) {
            rows.add(of(r, v, c, t));
        }
        return rows;
    }

    public static CategoryRow of(SessionReport r, Verdict v, Category c, Terms t) {
        Severity worst = worst(v, c);
        if (unmeasured(r, c)) {
            String why = c == Category.TEMPORAL && !r.source().isStill() ? t.get("text.key-frames-only") : t.unmeasured(
                    c);
            return new CategoryRow(c, worst, false, List.of(why));
        }
        return new CategoryRow(c, worst, true, items(r, c, t));
    }

    /** The most severe recommendation on a metric of {@code c}; null when none. */
    static Severity worst(Verdict v, Category c) {
        Severity worst = null;
        for (Recommendation rec : v.recommendations()) {
            Metric m = Metric.byPath(rec.metric());
            if (m != null && m.category == c && (worst == null || rec.severity().compareTo(worst) < 0)) {
                worst = rec.severity();
            }
        }
        return worst;
    }

    /** A category none of whose numbers could be measured, and which says why in words. */
    private static boolean unmeasured(SessionReport r, Category c) {
        if (c.whenUnmeasured == null) {
            return false;
        }
        if (c == Category.BACKLIGHT || c == Category.FRAMING) {
            return !r.faceDetected();
        }
        for (Metric m : Metric.values()) {
            if (m.category == c && m.label != null && !Double.isNaN(r.value(m))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> items(SessionReport r, Category c, Terms t) {
        List<String> parts = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.category != c || m.label == null) {
                continue;
            }
            double v = r.value(m);
            if (Double.isNaN(v) && m.label.isEmpty()) {
                continue; // a companion of the number before, absent with it
            }
            String value = t.shown(m, v);
            if (m.label.isEmpty() && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + value);
            } else {
                parts.add(m.label.isEmpty() ? value : t.label(m) + " " + value);
            }
        }
        if (c == Category.RESOLUTION) {
            double k = r.value(Metric.UPSCALE);
            double sharp = r.value(Metric.MTF50) / Metric.SHARP_MTF50;
            int w = r.source().width();
            int h = r.source().height();
            if (sharp < 0.9) { // the edges say how much detail the picture holds
                long[] resolved = Metric.resolvedSize(r.value(Metric.MTF50), w, h);
                parts.add(0, t.get("text.resolves", w, h, resolved[0], resolved[1]));
            } else {
                parts.add(0, Double.isNaN(k) ? w + "×" + h
                        : t.get("text.detail-of", w, h, Math.round(w / k), Math.round(h / k)));
            }
        }
        return parts;
    }
}
