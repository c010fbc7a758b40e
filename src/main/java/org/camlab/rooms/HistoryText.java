package org.camlab.rooms;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code camlab history}'s text: a room's measurements in a period and its profile by hour of the day. */
public final class HistoryText {
    private HistoryText() {
    }

    /** The measurements listed (the latest {@code --rows}), then the means by hour of the day. */
    public static String render(History h, ZoneId zone) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        List<Measurement> ms = h.measurements();
        out.println(h.room() + ": " + h.total() + (h.total() == 1 ? " measurement" : " measurements")
                + " in the period");
        if (!ms.isEmpty()) {
            DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
            out.println();
            out.println(String.format(Locale.ROOT, "%-16s  %5s  %-9s  %9s  %5s  %s", "taken", "score", "standard",
                    "backlight",
                    "light", "top problem"));
            int earlier = h.total() - ms.size();
            if (earlier > 0) {
                out.println("… " + earlier + " earlier (--rows, --since)");
            }
            for (Measurement m : ms) {
                String t = when.format(Instant.ofEpochMilli(m.takenAt()));
                if (!m.ok()) {
                    out.println(String.format(Locale.ROOT, "%-16s  failed: %s", t, m.error()));
                    continue;
                }
                out.println(String.format(Locale.ROOT, "%-16s  %5d  %-9s  %9s  %5s  %s", t, m.score(),
                        m.standardPass() == 1 ? "met" : m.standardPass() == 0 ? "not met" : "—", num(m.backlightStops(),
                                2, " st"),
                        num(m.lightLevel(), 0, ""), m.topProblem() == null ? "none" : m.topProblem()));
            }
        }
        out.println();
        out.println("By hour of the day (means over the period):");
        out.println(String.format(Locale.ROOT, "%-5s  %4s  %5s  %9s  %5s  %8s", "hour", "n", "score", "backlight",
                "light", "standard"));
        double[][] b = h.byHour();
        boolean any = false;
        for (int hour = 0; hour < 24; hour++) {
            if (Double.isNaN(b[4][hour])) {
                continue;
            }
            any = true;
            out.println(String.format(Locale.ROOT, "%02d:00  %4.0f  %5s  %9s  %5s  %8s  %s", hour, b[4][hour], num(
                    b[0][hour], 0, ""),
                    num(b[1][hour], 2, " st"), num(b[2][hour], 0, ""), Double.isNaN(b[3][hour]) ? "—"
                            : String.format(Locale.ROOT, "%.0f %%", b[3][hour] * 100), bar(b[0][hour])));
        }
        if (!any) {
            out.println("(nothing measured in the period)");
        }
        out.flush();
        return text.toString();
    }

    private static String bar(double score) {
        return Double.isNaN(score) ? "" : "█".repeat((int) Math.round(score / 5));
    }

    private static String num(double x, int decimals, String unit) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", x) + unit;
    }
}
