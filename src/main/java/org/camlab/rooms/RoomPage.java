package org.camlab.rooms;

import static org.camlab.rooms.FleetPage.card;
import static org.camlab.rooms.FleetPage.esc;
import static org.camlab.rooms.FleetPage.fmt0;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.camlab.advice.Advisor;
import org.camlab.capture.Redact;
import org.camlab.report.Charts;
import org.camlab.report.RequirementReport;
import org.camlab.report.SavedReport;
import org.camlab.report.Terms;
import org.camlab.results.Decimals;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.text.Language;
import org.jfree.chart.JFreeChart;

/**
 * One room's page, linked from the fleet page's row: where it is and what camera it has (the
 * source redacted), the standard it is held to and whether it meets it, its latest measurement with
 * what to fix, its course over the period, and the measurements themselves. Self-contained as the
 * fleet page is: charts inline, nothing fetched, no picture of the room.
 */
public final class RoomPage {
    /** Measurements listed, the latest first: a year of a 15-minute cycle is 35 000 rows. */
    public static final int LISTED = 500;
    /** Periods up to a month are charted by the hour, longer ones by the day. */
    static final int HOURLY_DAYS = 31;

    /** Where the room's standard comes from. */
    private enum Origin {
        OWN,
        SITE,
        BUNDLED
    }

    /**
     * The room's course from the rollups: at each point's time (ms), its mean score, backlight and
     * light, NaN where none was measured.
     */
    private record Course(boolean hourly, long[] at, double[] score, double[] backlight, double[] light) {
    }

    private final Room room;
    private final Fleet.RoomSummary summary;
    private final long fromDay;
    private final long toDay;
    private final ZoneId zone;
    private final String standard;
    private final Origin origin;
    private final Measurement latest;
    private final List<Measurement> listed;
    private final Course course;

    private RoomPage(Room room, Fleet.RoomSummary summary, long fromDay, long toDay, ZoneId zone, String standard,
            Origin origin, Measurement latest, List<Measurement> listed, Course course) {
        this.room = room;
        this.summary = summary;
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.zone = zone;
        this.standard = standard;
        this.origin = origin;
        this.latest = latest;
        this.listed = listed;
        this.course = course;
    }

    /**
     * What the page shows of a room of the fleet, read from the store; {@link #html} draws it, and
     * may do so on another thread (the store's connection is not shared).
     */
    public static RoomPage read(RoomStore store, Fleet f, Fleet.RoomSummary r, Advisor advisor)
            throws StoreException {
        ZoneId zone = store.zone();
        Room room = store.room(r.room()).orElse(new Room(r.room(), r.site(), null, null, null));
        long from = LocalDate.ofEpochDay(f.fromDay()).atStartOfDay(zone).toInstant().toEpochMilli();
        long to = LocalDate.ofEpochDay(f.toDay()).atStartOfDay(zone).toInstant().toEpochMilli();
        // the latest alone: a year of a 15-minute cycle is 35 000 rows a room, and 500 rooms' pages are one command
        List<Measurement> ms = store.latest(room.name(), from, to, LISTED);
        // with its report, which the list is read without (a year of them is 100 MB)
        Measurement latest = store.lastBefore(room.name(), to).filter(m -> m.takenAt() >= from).orElse(null);
        Origin origin = store.roomStandard(room.name()) != null ? Origin.OWN : store.siteStandard(room.site()) != null
                ? Origin.SITE : Origin.BUNDLED;
        String standard;
        try {
            standard = Standard.of(store, room, advisor).name();
        } catch (IllegalArgumentException e) {
            standard = "?"; // a standard stored by a newer camlab: its measurements still say whether they met it
        }
        return new RoomPage(room, r, f.fromDay(), f.toDay(), zone, standard, origin, latest, ms, course(store, room
                .name(), f.fromDay(), f.toDay(), zone));
    }

    /**
     * @param fleetPage the fleet page, as a link relative to this page's place
     */
    public String html(Terms t, String fleetPage) {
        Fleet.RoomSummary r = summary;
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        String from = LocalDate.ofEpochDay(fromDay).toString();
        String to = LocalDate.ofEpochDay(toDay - 1).toString();

        StringBuilder h = new StringBuilder(64 * 1024);
        FleetPage.head(h, t, t.get("page.room.title", room.name(), from, to));
        h.append("<p class=\"meta\"><a id=\"back\" href=\"").append(esc(fleetPage)).append("\">← ").append(esc(t.get(
                "page.room.back"))).append("</a></p>\n");
        h.append("<h1>").append(esc(room.name())).append("</h1>\n<dl id=\"about\">");
        about(h, "site", t.get("page.room.site"), room.site());
        about(h, "building", t.get("page.room.building"), room.building());
        about(h, "floor", t.get("page.room.floor"), room.floor());
        h.append("<dt>").append(esc(t.get("page.room.source"))).append("</dt><dd id=\"source\"><code>").append(esc(
                room.source() == null ? "—" : room.shownSource())).append("</code></dd>");
        h.append("<dt>").append(esc(t.get("page.room.period"))).append("</dt><dd id=\"period\">").append(esc(t.get(
                "page.room.period.is", from, to, zone.getId()))).append("</dd></dl>\n");

        standard(h, t, when);
        latest(h, latest, t, when);

        h.append("<h2>").append(esc(t.get("page.room.over-period"))).append("</h2>\n<section id=\"period-cards\" "
                + "class=\"cards\">")
                .append(card("measurements", Integer.toString(r.measurements()), t.get("page.room.measurements")))
                .append(card("mean-score", Double.isNaN(r.meanScore()) ? "—" : fmt0(r.meanScore()), t.get(
                        "page.room.mean-score")))
                .append(card("below", Double.isNaN(r.needShare()) ? "—" : fmt0(r.needShare() * 100) + " %", t.get(
                        "page.room.below")))
                .append(card("failed", Integer.toString(r.failedCaptures()), t.get("page.room.failed")))
                .append("</section>\n");
        JFreeChart chart = new Charts(t).overTime(room.name(), TimeZone.getTimeZone(zone), course.at(), course
                .score(), course.backlight(), course.light());
        h.append(FleetPage.figure(chart, t.get(course.hourly() ? "page.room.chart" : "page.room.chart.daily"),
                "over-time"));
        h.append("<h3>").append(esc(t.get("page.room.when"))).append("</h3>\n").append(FleetPage.heatMaps(r.heat(),
                t)).append('\n');
        measurements(h, listed, r.measurements(), t, when);
        FleetPage.foot(h, t, t.get("page.room.footer"));
        return h.toString();
    }

    private static void about(StringBuilder h, String id, String label, String value) {
        if (value != null && !value.isBlank()) {
            h.append("<dt>").append(esc(label)).append("</dt><dd id=\"").append(id).append("\">").append(esc(value))
                    .append("</dd>");
        }
    }

    private void standard(StringBuilder h, Terms t, DateTimeFormatter when) {
        Fleet.RoomSummary r = summary;
        String from = switch (origin) {
            case OWN -> t.get("page.room.standard.own");
            case SITE -> t.get("page.room.standard.site", room.site());
            case BUNDLED -> t.get("page.room.standard.bundled");
        };
        h.append("<h2>").append(esc(t.get("page.room.standard"))).append("</h2>\n<p id=\"standard\">").append(esc(t
                .get("page.room.standard.is", standard, from))).append("</p>\n<p id=\"meets\" class=\"");
        String meets;
        if (r.judged() == 0) {
            h.append("unjudged");
            meets = t.get("page.fleet.not-judged");
        } else if (r.meetsSince() < 0) {
            h.append("fails");
            meets = t.get("page.room.fails-now");
        } else {
            h.append("meets");
            meets = r.meetsSince() == 0 ? t.get("page.room.meets-all") : t.get("page.room.meets-since", when.format(
                    Instant.ofEpochMilli(r.meetsSince())));
        }
        h.append("\">").append(esc(meets));
        if (r.judged() > 0) {
            h.append(' ').append(esc(t.get("page.room.judged", r.judged() - r.passed(), r.judged())));
        }
        h.append("</p>\n");
    }

    private static void latest(StringBuilder h, Measurement m, Terms t, DateTimeFormatter when) {
        h.append("<h2>").append(esc(t.get("page.room.latest"))).append("</h2>\n<section id=\"latest\">");
        if (m == null) {
            h.append("<p>").append(esc(t.get("page.room.latest.none"))).append("</p></section>\n");
            return;
        }
        h.append("<p class=\"when\">").append(esc(when.format(Instant.ofEpochMilli(m.takenAt())))).append(
                "</p><div class=\"cards\">").append(card("latest-score", Integer.toString(m.score()), t.get(
                        "page.room.latest.score")))
                .append(card("latest-standard", HistoryText.standard(t, m.standardPass()), t.get(
                        "page.room.latest.standard")))
                .append(card("latest-fix", m.fix() == null || m.standardPass() == 1 ? "—" : m.fix().words(t), t.get(
                        "page.room.latest.fix")))
                .append("</div>\n");
        List<Recommendation> recs = recommendations(m.report());
        if (recs == null) {
            // a report this camlab cannot read: the row's own top problem still says what to fix
            recs = m.topProblem() == null ? List.of() : List.of(new Recommendation(m.topProblem(), null, null, null,
                    null, Double.NaN, Double.NaN));
        }
        if (recs.isEmpty()) {
            h.append("<p id=\"problems\" class=\"none\">").append(esc(t.get("page.room.no-problem"))).append("</p>");
        } else {
            h.append("<table id=\"problems\" class=\"list\"><thead><tr>");
            for (String col : new String[]{"severity", "problem", "measured", "fix"}) {
                h.append("<th>").append(esc(t.get("page.room.col." + col))).append("</th>");
            }
            h.append("</tr></thead><tbody>\n");
            for (Recommendation rec : recs) {
                String headline = rec.title() == null ? t.rule(rec.id(), rec.id()) : t.headline(rec);
                h.append("<tr class=\"problem\" data-id=\"").append(esc(rec.id())).append("\"><td>").append(
                        rec.severity() == null ? "" : esc(t.severity(rec.severity()))).append("</td><td>").append(esc(
                                headline));
                if (rec.detail() != null && t.language() == Language.ENGLISH) {
                    // stored in English: a translation of its numbers is the headline's and the next column's
                    h.append("<br><span class=\"meta\">").append(esc(t.get(rec.detail()))).append("</span>");
                }
                h.append("</td><td>").append(esc(measured(rec, t))).append("</td><td>").append(esc(Fix.forProblem(
                        rec.id()).words(t))).append("</td></tr>\n");
            }
            h.append("</tbody></table>");
        }
        List<String> unmet = m.requirements() == null ? null : RequirementReport.unmet(m.requirements());
        if (unmet != null && !unmet.isEmpty()) {
            h.append("<p id=\"unmet\">").append(esc(t.get("page.room.unmet"))).append(' ');
            for (int i = 0; i < unmet.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<code>").append(esc(unmet.get(i))).append("</code>");
            }
            h.append("</p>");
        }
        h.append("</section>\n");
    }

    /** The stored report's advice, the most needed first; null where there is no report this camlab reads. */
    private static List<Recommendation> recommendations(String report) {
        if (report == null) {
            return null;
        }
        try {
            return SavedReport.parse(report, "the stored report").verdict().recommendations();
        } catch (SavedReport.Unreadable e) {
            return null;
        }
    }

    private static String measured(Recommendation rec, Terms t) {
        if (Double.isNaN(rec.value())) {
            return "—";
        }
        Metric metric = rec.metric() == null ? null : Metric.byPath(rec.metric());
        String value = metric == null ? Decimals.text(rec.value(), 3) : t.value(metric, rec.value());
        if (Double.isNaN(rec.threshold())) {
            return value;
        }
        String threshold = metric == null ? Decimals.text(rec.threshold(), 3) : t.value(metric, rec.threshold());
        return t.get("page.room.against", value, threshold);
    }

    /**
     * The room's course from the hourly rollups, as the fleet page's are drawn: each hour's means
     * over a month or less, each day's over a longer period (never the rows of a year).
     */
    private static Course course(RoomStore store, String room, long fromDay, long toDay, ZoneId zone)
            throws StoreException {
        boolean hourly = toDay - fromDay <= HOURLY_DAYS;
        String group = hourly ? "day, hour" : "day";
        List<Long> at = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        try (PreparedStatement p = store.connection().prepareStatement("SELECT " + group + ", SUM(scored), "
                + "SUM(score_sum), SUM(backlight_n), SUM(backlight_sum), SUM(light_n), SUM(light_sum) FROM room_hour "
                + "WHERE room = ? AND day >= ? AND day < ? GROUP BY " + group + " ORDER BY " + group)) {
            p.setString(1, room);
            p.setLong(2, fromDay);
            p.setLong(3, toDay);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int c = hourly ? 2 : 1;
                    LocalDate day = LocalDate.ofEpochDay(rs.getLong(1));
                    // drawn at the middle of its hour or day
                    at.add((hourly ? day.atTime(rs.getInt(2), 30) : day.atTime(12, 0)).atZone(zone).toInstant()
                            .toEpochMilli());
                    values.add(new double[]{mean(rs.getDouble(c + 2), rs.getLong(c + 1)), mean(rs.getDouble(c + 4),
                            rs.getLong(c + 3)), mean(rs.getDouble(c + 6), rs.getLong(c + 5))});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the history: " + StoreFailure.words(e), e);
        }
        return new Course(hourly, at.stream().mapToLong(Long::longValue).toArray(), values.stream().mapToDouble(
                v -> v[0]).toArray(), values.stream().mapToDouble(v -> v[1]).toArray(), values.stream().mapToDouble(
                        v -> v[2]).toArray());
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** @param ms the latest of the period, oldest first; {@code all} of them in the period */
    private static void measurements(StringBuilder h, List<Measurement> ms, int all, Terms t,
            DateTimeFormatter when) {
        h.append("<h2>").append(esc(t.get("page.room.list"))).append("</h2>\n");
        if (all > ms.size()) {
            h.append("<p class=\"why\">").append(esc(t.get("page.room.list.latest", ms.size(), all))).append(
                    "</p>\n");
        }
        h.append("<table id=\"measurements\" class=\"list\"><thead><tr>");
        for (String col : new String[]{"taken", "score", "standard", "backlight", "light", "fps", "problem"}) {
            h.append("<th>").append(esc(t.get("history.col." + col))).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        String stops = " " + t.get("history.stops");
        for (int i = ms.size() - 1; i >= 0; i--) {
            Measurement m = ms.get(i);
            h.append("<tr class=\"m\" data-at=\"").append(m.takenAt()).append("\"><td>").append(esc(when.format(Instant
                    .ofEpochMilli(m.takenAt())))).append("</td>");
            if (!m.ok()) {
                // the failure's words as they were stored, in the language the capture spoke
                h.append("<td colspan=\"6\" class=\"warn\">").append(esc(t.get("history.failed", ""))).append(
                        "<code>").append(esc(Redact.url(m.error()))).append("</code></td></tr>\n");
                continue;
            }
            h.append("<td class=\"score\" style=\"background:").append(m.standardPass() == 1 ? "#c6f6d5"
                    : m.standardPass() == 0 ? "#fed7d7" : FleetPage.scoreBackground(m.score())).append("\">").append(m
                            .score()).append("</td>");
            Stream.of(HistoryText.standard(t, m.standardPass()), HistoryText.num(m
                    .backlightStops(), 2, stops), HistoryText.num(m.lightLevel(), 0, ""), HistoryText.num(m.fps(), 1,
                            ""), FleetText.problem(t, m.topProblem()))
                    .forEach(cell -> h.append("<td>").append(esc(cell)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }
}
