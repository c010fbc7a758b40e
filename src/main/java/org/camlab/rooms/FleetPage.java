package org.camlab.rooms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.report.Charts;
import org.camlab.report.HtmlReport;
import org.camlab.report.Version;
import org.jfree.chart.JFreeChart;

/**
 * The fleet report: one self-contained HTML page (charts inline, no script, nothing fetched) a
 * facilities manager takes to the budget meeting — what to fund first, every room ranked by need
 * with the one thing to fix, when in the day each fails, the trends, and each room against the
 * fleet's median. No picture of any room is in it.
 */
public final class FleetPage {
    /** Rooms given their own heat map (the worst first); the table lists them all. */
    static final int HEAT_MAPS = 24;
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private FleetPage() {
    }

    public static String render(Fleet f, String database, ZoneId zone) {
        DateTimeFormatter date = DateTimeFormatter.ISO_LOCAL_DATE;
        String from = LocalDate.ofEpochDay(f.fromDay()).format(date);
        String to = LocalDate.ofEpochDay(f.toDay() - 1).format(date);
        List<Fleet.RoomSummary> rooms = f.rooms();
        int judgedRooms = (int) rooms.stream().filter(r -> r.judged() > 0).count();
        int meeting = (int) rooms.stream().filter(r -> r.judged() > 0 && r.meetsSince() >= 0).count();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>camlab fleet report ").append(from).append(" – ").append(to).append(
                        "</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Meeting rooms: video quality</h1>\n<p class=\"meta\">").append(rooms.size()).append(rooms
                .size() == 1 ? " room" : " rooms")
                .append(", measured ").append(from).append(" to ").append(to).append(" (hours in ").append(esc(zone
                        .getId()))
                .append(") · from ").append(esc(database)).append("</p>\n");
        h.append("<section id=\"summary\" class=\"cards\">")
                .append(card("meeting", meeting + " of " + judgedRooms, "rooms meet their standard now"))
                .append(card("median", Double.isNaN(f.medianScore()) ? "—" : fmt0(f.medianScore()),
                        "the fleet's median score (0–100)"));
        for (Fix fix : Fix.values()) {
            int n = f.fixCounts().getOrDefault(fix, 0);
            h.append(card("fix-" + fix.id(), Integer.toString(n), (n == 1 ? "room needs " : "rooms need ") + fix
                    .words() + " now"));
        }
        h.append("</section>\n");

        h.append("<h2>What to fix first</h2>\n<p class=\"why\">Ranked by need: the share of measurements below the "
                + "room's standard, then the mean score. <em>Fails at</em>: the hours of the day when fewer than half "
                + "of its measurements meet the standard. <em>vs median</em>: the room's mean score against the "
                + "fleet's median. <em>Worst problem</em>: the most frequent over the period. <em>Fix now</em>: what "
                + "the room's latest measurement in the period asks for, none when it meets its standard. The score "
                + "is coloured by the standard: green when every measurement met it, red when half or more did "
                + "not.</p>\n");
        h.append("<table id=\"ranking\">\n<thead><tr><th>#</th><th>Room</th><th>Below standard</th>"
                + "<th>Meets it since</th><th>Score</th><th>vs median</th><th>Worst problem</th><th>Fails at</th>"
                + "<th>Trend</th><th>Fix now</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        for (Fleet.RoomSummary r : rooms) {
            rank++;
            String since = r.judged() == 0 ? "not judged" : r.meetsSince() < 0 ? "not met" : r.meetsSince() == 0
                    ? "all the period" : when.format(Instant.ofEpochMilli(r.meetsSince()));
            h.append("<tr class=\"room\" data-room=\"").append(esc(r.room())).append("\"><td>").append(rank).append(
                    "</td><td class=\"name\">")
                    .append(esc(r.room())).append(r.site() == null ? "" : "<br><span class=\"meta\">" + esc(r.site())
                            + "</span>")
                    .append("</td><td class=\"need\">").append(Double.isNaN(r.needShare()) ? "—" : fmt0(r.needShare()
                            * 100) + " %")
                    .append("</td><td class=\"since\">").append(since)
                    .append("</td><td class=\"score\" style=\"background:").append(standardBackground(r))
                    .append("\">")
                    .append(Double.isNaN(r.meanScore()) ? "—" : fmt0(r.meanScore()))
                    .append("</td><td class=\"vs\">").append(Double.isNaN(r.meanScore()) ? "—" : signed(r.vsMedian(f
                            .medianScore())))
                    .append("</td><td class=\"problem\">").append(r.worstProblem() == null ? "none" : esc(r
                            .worstProblem()))
                    .append("</td><td class=\"hours\">").append(r.failingHours().isEmpty() ? "—" : Fleet.hours(r
                            .failingHours()))
                    .append("</td><td class=\"trend\">").append(sparkline(r.weekly())).append(' ')
                    .append(Double.isNaN(r.trend()) ? "" : signed(r.trend()))
                    .append("</td><td class=\"fix\">").append(r.fix() == null ? "—" : esc(r.fix().id())).append(
                            "</td></tr>\n");
            if (r.failedCaptures() > 0) {
                h.append("<tr class=\"captures\"><td></td><td colspan=\"9\" class=\"warn\">").append(r.failedCaptures())
                        .append(" of ").append(r.measurements()).append(
                                " captures failed (camera or stream down)</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n");

        h.append("<h2>The fleet over time</h2>\n").append(figure(trendChart(f), "The fleet's mean score per week",
                "fleet-trend"));
        h.append(figure(fixChart(f.fixCounts()), "Rooms by the fix their latest measurement asks for", "fixes"));

        h.append("<h2>When in the day rooms fail</h2>\n<p class=\"why\">Each room's mean score by weekday and hour "
                + "(red below 60, amber below 80, green from 80), and its backlight in stops (the afternoon sun behind "
                + "the chairs shows as a dark band). Worst rooms first").append(rooms.size() > HEAT_MAPS
                        ? "; the first " + HEAT_MAPS + " of " + rooms.size() : "").append(".</p>\n");
        int shown = 0;
        for (Fleet.RoomSummary r : rooms) {
            if (shown++ == HEAT_MAPS) {
                break;
            }
            h.append("<section class=\"heat\" data-room=\"").append(esc(r.room())).append("\"><h3>").append(esc(r
                    .room()))
                    .append("</h3><div class=\"pair\">").append(heatTable("score", r.heat().score(), false))
                    .append(heatTable("backlight", r.heat().backlight(), true)).append("</div></section>\n");
        }
        h.append("<footer><p>camlab ").append(esc(Version.get())).append(
                " · built from the hourly rollups of the history "
                        + "database; scores and standards as defined in docs/CONTRACT.md. No picture of any room is in this page."
                        + "</p></footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String card(String id, String big, String words) {
        return "<div class=\"card\" id=\"" + id + "\"><div class=\"big\">" + esc(big) + "</div><div>" + esc(words)
                + "</div></div>";
    }

    private static String heatTable(String what, double[][] v, boolean backlight) {
        StringBuilder b = new StringBuilder("<table class=\"heatmap ").append(what).append("\"><caption>")
                .append(backlight ? "backlight (stops)" : "score").append("</caption><tr><th></th>");
        int firstHour = 24;
        int lastHour = -1;
        for (double[] day : v) {
            for (int hr = 0; hr < 24; hr++) {
                if (!Double.isNaN(day[hr])) {
                    firstHour = Math.min(firstHour, hr);
                    lastHour = Math.max(lastHour, hr);
                }
            }
        }
        if (lastHour < 0) {
            return b.append("</tr><tr><td>no measurements</td></tr></table>").toString();
        }
        for (int hr = firstHour; hr <= lastHour; hr++) {
            b.append("<th>").append(hr).append("</th>");
        }
        b.append("</tr>");
        for (int d = 0; d < 7; d++) {
            b.append("<tr><th>").append(WEEKDAYS[d]).append("</th>");
            for (int hr = firstHour; hr <= lastHour; hr++) {
                double x = v[d][hr];
                if (Double.isNaN(x)) {
                    b.append("<td></td>");
                } else {
                    String colour = backlight ? backlightBackground(x) : scoreBackground(x);
                    b.append("<td style=\"background:").append(colour).append("\" title=\"").append(WEEKDAYS[d]).append(
                            ' ')
                            .append(hr).append(":00 ").append(backlight ? fmt2(x) + " stops" : fmt0(x)).append(
                                    "\" data-h=\"")
                            .append(hr).append("\" data-d=\"").append(d + 1).append("\" data-v=\"").append(backlight
                                    ? fmt2(x) : fmt0(x))
                            .append("\"></td>");
                }
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static String sparkline(double[] weekly) {
        int n = weekly.length;
        if (n < 2) {
            return "";
        }
        StringBuilder pts = new StringBuilder();
        for (int w = 0; w < n; w++) {
            if (!Double.isNaN(weekly[w])) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", w * 80.0 / (n - 1), 18 - weekly[w] * 16 / 100));
            }
        }
        return "<svg class=\"spark\" width=\"80\" height=\"20\" viewBox=\"0 0 80 20\" aria-hidden=\"true\"><polyline fill=\"none\" "
                + "stroke=\"#2b6cb0\" stroke-width=\"1.5\" points=\"" + pts.toString().trim() + "\"/></svg>";
    }

    private static JFreeChart trendChart(Fleet f) {
        return Charts.fleetTrend(f.fleetWeekly(), f.medianScore(), LocalDate.ofEpochDay(f.firstWeekStartDay())
                .toString());
    }

    private static JFreeChart fixChart(Map<Fix, Integer> counts) {
        Map<String, Integer> byWords = new LinkedHashMap<>();
        for (Fix fix : Fix.values()) {
            byWords.put(fix.words(), counts.getOrDefault(fix, 0));
        }
        return Charts.roomCounts(byWords);
    }

    private static String figure(JFreeChart chart, String caption, String id) {
        return "<figure id=\"" + id + "\"><img alt=\"" + esc(caption) + "\" width=\"" + Charts.WIDTH + "\" height=\""
                + Charts.HEIGHT
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(Charts.png(chart))
                + "\"><figcaption>"
                + esc(caption) + "</figcaption></figure>\n";
    }

    /**
     * A room's score in the colour of its standard where it was judged: a score's own bands could show
     * green beside "100 % below standard" when the standard asks for more than the score weighs.
     */
    static String standardBackground(Fleet.RoomSummary r) {
        if (Double.isNaN(r.needShare()) || Double.isNaN(r.meanScore())) {
            return scoreBackground(r.meanScore());
        }
        return r.needShare() == 0 ? "#c6f6d5" : r.needShare() < 0.5 ? "#fefcbf" : "#fed7d7";
    }

    static String scoreBackground(double score) {
        if (Double.isNaN(score)) {
            return "#edf2f7";
        }
        return score >= Charts.TARGET_SCORE ? "#c6f6d5" : score >= Charts.FIX_BELOW_SCORE ? "#fefcbf" : "#fed7d7";
    }

    /** Backlight: white at 0 stops, darker blue to 2 stops and beyond. */
    public static String backlightBackground(double stops) {
        double t = Math.max(0, Math.min(1, stops / 2));
        int r = (int) Math.round(255 - t * (255 - 0x2c));
        int g = (int) Math.round(255 - t * (255 - 0x52));
        int b = (int) Math.round(255 - t * (255 - 0x82));
        return String.format("#%02x%02x%02x", r, g, b);
    }

    private static String fmt0(double x) {
        return String.format(Locale.ROOT, "%.0f", x);
    }

    private static String fmt2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String signed(double x) {
        return String.format(Locale.ROOT, "%+.0f", x).replace("-", "−");
    }

    private static String esc(String s) {
        return HtmlReport.esc(s);
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1a202c; background: #fff; margin: 0;
                   line-height: 1.4; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 20px; }
            h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 28px 0 8px; } h3 { font-size: 15px; margin: 14px 0 4px; }
            .meta, footer, .why { color: #4a5568; font-size: 13px; }
            .warn { color: #9c4221; font-size: 12px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 16px; }
            .card { border: 1px solid #e2e8f0; border-radius: 8px; padding: 10px 14px; min-width: 150px; font-size: 13px; }
            .card .big { font-size: 28px; font-weight: bold; }
            table#ranking { border-collapse: collapse; width: 100%; font-size: 13px; }
            #ranking th, #ranking td { border-bottom: 1px solid #edf2f7; padding: 4px 6px; text-align: left; vertical-align: top; }
            #ranking td.score { text-align: center; font-weight: bold; }
            figure { margin: 14px 0; } figure img { max-width: 100%; height: auto; border: 1px solid #edf2f7; }
            figcaption { font-size: 13px; color: #4a5568; }
            .pair { display: flex; flex-wrap: wrap; gap: 16px; }
            table.heatmap { border-collapse: collapse; font-size: 10px; }
            table.heatmap caption { text-align: left; font-size: 12px; color: #4a5568; }
            table.heatmap td { width: 14px; height: 12px; border: 1px solid #fff; padding: 0; }
            table.heatmap th { font-weight: normal; color: #4a5568; padding: 0 2px; }
            @media print { main { max-width: none; } .heat { break-inside: avoid; } }
            """;
}
