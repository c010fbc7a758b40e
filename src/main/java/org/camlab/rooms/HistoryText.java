package org.camlab.rooms;

import static org.camlab.rooms.TextColumns.left;
import static org.camlab.rooms.TextColumns.right;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.camlab.capture.Redact;
import org.camlab.report.Terms;

/** {@code camlab history}'s text: a room's measurements in a period and its profile by hour of the day. */
public final class HistoryText {
    private HistoryText() {
    }

    /** The measurements listed (the latest {@code --rows}), then the means by hour of the day. */
    public static String render(History h, ZoneId zone, Terms t) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<Measurement> ms = h.measurements();
        out.println(t.get(h.total() == 1 ? "history.head.one" : "history.head", h.room(), h.total()));
        String stops = " " + t.get("history.stops");
        if (!ms.isEmpty()) {
            DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
            out.println();
            out.println(String.join("  ", left(t.get("history.col.taken"), 16), right(t.get("history.col.score"), 5),
                    left(t.get("history.col.standard"), 9), right(t.get("history.col.backlight"), 9), right(t.get(
                            "history.col.light"), 5), t.get("history.col.problem")));
            int earlier = h.total() - ms.size();
            if (earlier > 0) {
                out.println(t.get("history.earlier", earlier));
            }
            for (Measurement m : ms) {
                String at = when.format(Instant.ofEpochMilli(m.takenAt()));
                if (!m.ok()) {
                    out.println(left(at, 16) + "  " + t.get("history.failed", Redact.url(m.error())));
                    continue;
                }
                out.println(String.join("  ", left(at, 16), right(Integer.toString(m.score()), 5), left(standard(t, m
                        .standardPass()), 9), right(num(m.backlightStops(), 2, stops), 9), right(num(m.lightLevel(), 0,
                                ""), 5), FleetText.problem(t, m.topProblem())));
            }
        }
        out.println();
        out.println(t.get("history.by-hour"));
        out.println(String.join("  ", left(t.get("history.col.hour"), 5), right(t.get("history.col.n"), 4), right(t
                .get("history.col.score"), 5), right(t.get("history.col.backlight"), 9), right(t.get(
                        "history.col.light"), 5), right(t.get("history.col.met"), 8)));
        double[][] b = h.byHour();
        boolean any = false;
        for (int hour = 0; hour < 24; hour++) {
            if (Double.isNaN(b[4][hour])) {
                continue;
            }
            any = true;
            out.println(String.join("  ", String.format(Locale.ROOT, "%02d:00", hour), right(String.format(Locale.ROOT,
                    "%.0f", b[4][hour]), 4), right(num(b[0][hour], 0, ""), 5), right(num(b[1][hour], 2, stops), 9),
                    right(num(b[2][hour], 0, ""), 5), right(Double.isNaN(b[3][hour]) ? "—"
                            : String.format(Locale.ROOT, "%.0f %%", b[3][hour] * 100), 8), bar(b[0][hour])));
        }
        if (!any) {
            out.println(t.get("history.nothing"));
        }
        out.flush();
        return text.toString();
    }

    /** Met, not met, or a dash where the measurement was not judged. */
    static String standard(Terms t, int pass) {
        return pass == 1 ? t.get("rooms.met") : pass == 0 ? t.get("rooms.not-met") : "—";
    }

    private static String bar(double score) {
        return Double.isNaN(score) ? "" : "█".repeat((int) Math.round(score / 5));
    }

    static String num(double x, int decimals, String unit) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", x) + unit;
    }
}
