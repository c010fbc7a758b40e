package org.camlab.rooms;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.report.Charts;
import org.camlab.report.HtmlReport;
import org.camlab.report.Terms;
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

    private FleetPage() {
    }

    /** The page in English, its rooms' names not linked. */
    public static String render(Fleet f, String database, ZoneId zone) {
        return render(f, database, zone, Terms.ENGLISH, Map.of());
    }

    /**
     * @param pages each room's page, as a link relative to this page's place; a room without one is
     *              named without a link
     */
    public static String render(Fleet f, String database, ZoneId zone, Terms t, Map<String, String> pages) {
        String from = LocalDate.ofEpochDay(f.fromDay()).format(DateTimeFormatter.ISO_LOCAL_DATE);
        String to = LocalDate.ofEpochDay(f.toDay() - 1).format(DateTimeFormatter.ISO_LOCAL_DATE);
        List<Fleet.RoomSummary> rooms = f.rooms();
        int judgedRooms = (int) rooms.stream().filter(r -> r.judged() > 0).count();
        int meeting = (int) rooms.stream().filter(r -> r.judged() > 0 && r.meetsSince() >= 0).count();
        StringBuilder h = new StringBuilder(64 * 1024);
        head(h, t, t.get("page.fleet.title", from, to));
        h.append("<h1>").append(esc(t.get("page.fleet.h1"))).append("</h1>\n<p class=\"meta\">").append(esc(t.get(
                "page.fleet.meta", FleetText.rooms(t, rooms.size()), from, to, zone.getId(), database)))
                .append("</p>\n");
        h.append("<section id=\"summary\" class=\"cards\">")
                .append(card("meeting", t.get("page.fleet.of", meeting, judgedRooms), t.get("page.fleet.meeting")))
                .append(card("median", Double.isNaN(f.medianScore()) ? "—" : fmt0(f.medianScore()), t.get(
                        "page.fleet.median")));
        for (Fix fix : Fix.values()) {
            int n = f.fixCounts().getOrDefault(fix, 0);
            h.append(card("fix-" + fix.id(), Integer.toString(n), t.get(n == 1 ? "page.fleet.need.one"
                    : "page.fleet.need", fix.words(t))));
        }
        h.append("</section>\n");

        h.append("<h2>").append(esc(t.get("page.fleet.first"))).append("</h2>\n<p class=\"why\">").append(t.get(
                "page.fleet.why")).append("</p>\n");
        h.append("<table id=\"ranking\">\n<thead><tr><th>#</th>");
        for (String col : new String[]{"room", "below", "since", "score", "vs", "problem", "fails", "trend", "fix"}) {
            h.append("<th>").append(esc(t.get("page.fleet.col." + col))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        int rank = 0;
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        for (Fleet.RoomSummary r : rooms) {
            rank++;
            String since = r.judged() == 0 ? t.get("page.fleet.not-judged") : r.meetsSince() < 0 ? t.get(
                    "rooms.not-met") : r.meetsSince() == 0 ? t.get("page.fleet.all-period") : when.format(Instant
                            .ofEpochMilli(r.meetsSince()));
            String page = pages.get(r.room());
            String name = page == null ? esc(r.room()) : "<a href=\"" + esc(page) + "\">" + esc(r.room()) + "</a>";
            h.append("<tr class=\"room\" data-room=\"").append(esc(r.room())).append("\"><td>").append(rank).append(
                    "</td><td class=\"name\">")
                    .append(name).append(r.site() == null ? "" : "<br><span class=\"meta\">" + esc(r.site())
                            + "</span>")
                    .append("</td><td class=\"need\">").append(Double.isNaN(r.needShare()) ? "—" : fmt0(r.needShare()
                            * 100) + " %")
                    .append("</td><td class=\"since\">").append(esc(since))
                    .append("</td><td class=\"score\" style=\"background:").append(standardBackground(r))
                    .append("\">")
                    .append(Double.isNaN(r.meanScore()) ? "—" : fmt0(r.meanScore()))
                    .append("</td><td class=\"vs\">").append(Double.isNaN(r.meanScore()) ? "—" : signed(r.vsMedian(f
                            .medianScore())))
                    .append("</td><td class=\"problem\">").append(esc(FleetText.problem(t, r.worstProblem())))
                    .append("</td><td class=\"hours\">").append(r.failingHours().isEmpty() ? "—" : Fleet.hours(r
                            .failingHours()))
                    .append("</td><td class=\"trend\">").append(sparkline(r.weekly())).append(' ')
                    .append(Double.isNaN(r.trend()) ? "" : signed(r.trend()))
                    .append("</td><td class=\"fix\">").append(r.fix() == null ? "—" : esc(r.fix().shown(t))).append(
                            "</td></tr>\n");
            if (r.failedCaptures() > 0) {
                h.append("<tr class=\"captures\"><td></td><td colspan=\"9\" class=\"warn\">").append(esc(t.get(
                        "page.fleet.captures", r.failedCaptures(), r.measurements()))).append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n");

        Charts charts = new Charts(t);
        h.append("<h2>").append(esc(t.get("page.fleet.over-time"))).append("</h2>\n").append(figure(charts.fleetTrend(
                f.fleetWeekly(), f.medianScore(), LocalDate.ofEpochDay(f.firstWeekStartDay()).toString()), t.get(
                        "page.fleet.trend"), "fleet-trend"));
        h.append(figure(fixChart(charts, t, f.fixCounts()), t.get("page.fleet.fixes"), "fixes"));

        h.append("<h2>").append(esc(t.get("page.fleet.when"))).append("</h2>\n<p class=\"why\">").append(esc(t.get(
                "page.fleet.when.why"))).append(rooms.size() > HEAT_MAPS ? esc(t.get("page.fleet.when.first",
                        HEAT_MAPS, rooms.size())) : "").append(esc(t.get("page.fleet.when.end"))).append("</p>\n");
        int shown = 0;
        for (Fleet.RoomSummary r : rooms) {
            if (shown++ == HEAT_MAPS) {
                break;
            }
            h.append("<section class=\"heat\" data-room=\"").append(esc(r.room())).append("\"><h3>").append(esc(r
                    .room())).append("</h3>").append(heatMaps(r.heat(), t)).append("</section>\n");
        }
        foot(h, t, t.get("page.fleet.footer"));
        return h.toString();
    }

    /** The page's head, up to the start of its main part, in its language. */
    static void head(StringBuilder h, Terms t, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.language().htmlLang).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
    }

    static void foot(StringBuilder h, Terms t, String words) {
        h.append("<footer><p>camlab ").append(esc(Version.get())).append(" · ").append(esc(words)).append(
                "</p></footer>\n</main>\n</body>\n</html>\n");
    }

    /** A room's score and backlight by weekday and hour, side by side. */
    static String heatMaps(Fleet.Heat heat, Terms t) {
        return "<div class=\"pair\">" + heatTable("score", heat.score(), false, t) + heatTable("backlight", heat
                .backlight(), true, t) + "</div>";
    }

    static String card(String id, String big, String words) {
        return "<div class=\"card\" id=\"" + id + "\"><div class=\"big\">" + esc(big) + "</div><div>" + esc(words)
                + "</div></div>";
    }

    private static String heatTable(String what, double[][] v, boolean backlight, Terms t) {
        StringBuilder b = new StringBuilder("<table class=\"heatmap ").append(what).append("\"><caption>")
                .append(esc(t.get(backlight ? "page.heat.backlight" : "page.heat.score"))).append(
                        "</caption><tr><th></th>");
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
            return b.append("</tr><tr><td>").append(esc(t.get("page.heat.none"))).append("</td></tr></table>")
                    .toString();
        }
        for (int hr = firstHour; hr <= lastHour; hr++) {
            b.append("<th>").append(hr).append("</th>");
        }
        b.append("</tr>");
        String stops = t.get("history.stops");
        for (int d = 0; d < 7; d++) {
            String day = DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, t.language().locale);
            b.append("<tr><th>").append(esc(day)).append("</th>");
            for (int hr = firstHour; hr <= lastHour; hr++) {
                double x = v[d][hr];
                if (Double.isNaN(x)) {
                    b.append("<td></td>");
                } else {
                    String colour = backlight ? backlightBackground(x) : scoreBackground(x);
                    b.append("<td style=\"background:").append(colour).append("\" title=\"").append(esc(day)).append(
                            ' ')
                            .append(hr).append(":00 ").append(backlight ? fmt2(x) + " " + esc(stops) : fmt0(x)).append(
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

    private static JFreeChart fixChart(Charts charts, Terms t, Map<Fix, Integer> counts) {
        Map<String, Integer> byWords = new LinkedHashMap<>();
        for (Fix fix : Fix.values()) {
            byWords.put(fix.words(t), counts.getOrDefault(fix, 0));
        }
        return charts.roomCounts(byWords);
    }

    static String figure(JFreeChart chart, String caption, String id) {
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

    static String fmt0(double x) {
        return String.format(Locale.ROOT, "%.0f", x);
    }

    static String fmt2(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    static String signed(double x) {
        return String.format(Locale.ROOT, "%+.0f", x).replace("-", "−");
    }

    static String esc(String s) {
        return HtmlReport.esc(s);
    }

    static final String CSS = """
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
            dl#about { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 14px; margin: 10px 0; }
            dl#about dt { color: #4a5568; } dl#about dd { margin: 0; }
            table.list { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
            table.list th, table.list td { border-bottom: 1px solid #edf2f7; padding: 3px 8px; text-align: left; vertical-align: top; }
            #meets.fails { color: #9b2c2c; font-weight: bold; } #meets.meets { color: #276749; font-weight: bold; }
            @media print { main { max-width: none; } .heat { break-inside: avoid; } }
            """;
}
