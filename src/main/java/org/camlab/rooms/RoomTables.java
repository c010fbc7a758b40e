package org.camlab.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.camlab.results.Decimals;

/**
 * The fleet (one row per room) and a room's history (one row per measurement) as CSV and JSON for
 * spreadsheets and scripts. Each column is declared once and both formats are written from it, so
 * the two never disagree; docs/CONTRACT.md lists the columns.
 */
public final class RoomTables {
    private RoomTables() {
    }

    public static final String FLEET_SCHEMA = "camlab.fleet/1";
    public static final String HISTORY_SCHEMA = "camlab.history/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A column: its name, and its value in a row — a String, Boolean, Integer or Long, or a Double
     * written to {@code decimals} places; null (or NaN) is empty in CSV and null in JSON.
     */
    private record Column<T>(String name, int decimals, Function<T, Object> value) {
        static <T> Column<T> of(String name, Function<T, Object> value) {
            return new Column<>(name, 0, value);
        }

        static <T> Column<T> number(String name, int decimals, Function<T, Object> value) {
            return new Column<>(name, decimals, value);
        }
    }

    /** A fleet row: the room and its rank, worst first. */
    private record Ranked(int rank, Fleet.RoomSummary room, double median) {
    }

    private static List<Column<Ranked>> fleetColumns() {
        return List.of(
                Column.of("rank", Ranked::rank),
                Column.of("room", r -> r.room().room()),
                Column.of("site", r -> r.room().site()),
                Column.of("measurements", r -> r.room().measurements()),
                Column.of("failed_captures", r -> r.room().failedCaptures()),
                Column.of("judged", r -> r.room().judged()),
                Column.of("passed", r -> r.room().passed()),
                Column.number("below_standard_pct", 1, r -> r.room().needShare() * 100),
                Column.of("meets_since", r -> meetsSince(r.room())),
                Column.number("mean_score", 1, r -> r.room().meanScore()),
                Column.number("vs_median", 1, r -> r.room().vsMedian(r.median())),
                Column.number("mean_backlight_stops", 2, r -> r.room().meanBacklight()),
                Column.number("mean_light_level", 1, r -> r.room().meanLight()),
                Column.of("worst_problem", r -> r.room().worstProblem()),
                Column.of("fix_now", r -> r.room().fix() == null ? null : r.room().fix().id()),
                Column.of("failing_hours", r -> r.room().failingHours().isEmpty() ? null
                        : Fleet.hours(r.room().failingHours())),
                Column.number("trend", 1, r -> r.room().trend()));
    }

    private static List<Column<Measurement>> historyColumns(ZoneId zone) {
        DateTimeFormatter local = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(zone);
        return List.of(
                Column.of("room", Measurement::room),
                Column.of("taken_at", m -> Instant.ofEpochMilli(m.takenAt()).toString()),
                Column.of("local_time", m -> local.format(Instant.ofEpochMilli(m.takenAt()))),
                Column.of("survey", Measurement::survey),
                Column.of("ok", Measurement::ok),
                Column.of("error", Measurement::error),
                Column.of("score", m -> m.score() < 0 ? null : m.score()),
                Column.number("backlight_stops", 2, Measurement::backlightStops),
                Column.number("light_level", 1, Measurement::lightLevel),
                Column.number("uniformity", 2, Measurement::uniformity),
                Column.number("fps", 2, Measurement::fps),
                Column.number("mtf50", 3, Measurement::mtf50),
                Column.of("top_problem", Measurement::topProblem),
                Column.of("fix", m -> m.fix() == null ? null : m.fix().id()),
                Column.of("standard", Measurement::standard),
                Column.of("standard_met", m -> m.standardPass() < 0 ? null : m.standardPass() == 1));
    }

    /**
     * When the room has met its standard since: an ISO 8601 instant; {@code period} when it met it in
     * every judged measurement of the period; null when its latest fails or none was judged.
     */
    private static String meetsSince(Fleet.RoomSummary r) {
        if (r.judged() == 0 || r.meetsSince() < 0) {
            return null;
        }
        return r.meetsSince() == 0 ? "period" : Instant.ofEpochMilli(r.meetsSince()).toString();
    }

    private static List<Ranked> ranked(Fleet f) {
        return IntStream.range(0, f.rooms().size())
                .mapToObj(i -> new Ranked(i + 1, f.rooms().get(i), f.medianScore())).toList();
    }

    public static String fleetCsv(Fleet f) {
        return csv(fleetColumns(), ranked(f));
    }

    public static String fleetJson(Fleet f) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", FLEET_SCHEMA);
        root.put("from", LocalDate.ofEpochDay(f.fromDay()).toString());
        root.put("until", LocalDate.ofEpochDay(f.toDay() - 1).toString());
        put(root, "median_score", f.medianScore(), 1);
        json(root.putArray("rooms"), fleetColumns(), ranked(f));
        return write(root);
    }

    /** @param measurements the room's measurements of the period, oldest first */
    public static String historyCsv(List<Measurement> measurements, ZoneId zone) {
        return csv(historyColumns(zone), measurements);
    }

    public static String historyJson(String room, List<Measurement> measurements, long fromDay, long toDay,
            ZoneId zone) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", HISTORY_SCHEMA);
        root.put("room", room);
        root.put("from", LocalDate.ofEpochDay(fromDay).toString());
        root.put("until", LocalDate.ofEpochDay(toDay - 1).toString());
        json(root.putArray("measurements"), historyColumns(zone), measurements);
        return write(root);
    }

    private static <T> String csv(List<Column<T>> columns, List<T> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", columns.stream().map(Column::name).toList())).append("\r\n");
        for (T row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(cell(columns.get(i), row));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    /** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
    private static <T> String cell(Column<T> c, T row) {
        Object v = c.value().apply(row);
        String s = v == null ? "" : v instanceof Double d ? Decimals.text(d, c.decimals()) : v.toString();
        // a cell a spreadsheet would run as a formula is kept as text: room names and errors are typed by people
        if (v instanceof String && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches("(?s).*[\",\r\n].*") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static <T> void json(ArrayNode array, List<Column<T>> columns, List<T> rows) {
        for (T row : rows) {
            ObjectNode o = array.addObject();
            for (Column<T> c : columns) {
                Object v = c.value().apply(row);
                if (v == null) {
                    o.putNull(c.name());
                } else if (v instanceof Double d) {
                    put(o, c.name(), d, c.decimals());
                } else if (v instanceof Boolean x) {
                    o.put(c.name(), x);
                } else if (v instanceof Integer x) {
                    o.put(c.name(), x);
                } else if (v instanceof Long x) {
                    o.put(c.name(), x);
                } else {
                    o.put(c.name(), v.toString());
                }
            }
        }
    }

    private static void put(ObjectNode o, String name, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, Decimals.round(v, decimals));
        }
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }
}
