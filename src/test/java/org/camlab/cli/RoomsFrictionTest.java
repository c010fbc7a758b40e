package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.camlab.rooms.Fix;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.RoomText;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What facilities people met with the rooms (issue 27): each with the case that tripped it and a
 * look-alike that must go on working.
 */
@Timeout(120)
class RoomsFrictionTest {
    static final ZoneId ZONE = ZoneId.systemDefault();

    static long at(LocalDateTime t) {
        return t.atZone(ZONE).toInstant().toEpochMilli();
    }

    static Measurement scored(String room, long takenAt, int score) {
        String report = "{\"schema\": \"camlab.report/1\", \"source\": {\"name\": \"cam\"}, \"score\": " + score + "}";
        return new Measurement(room, takenAt, "s" + takenAt, true, null, score, 0.2, 120, 0.6, 25, Double.NaN, null,
                null, "x", 1, "[]", report);
    }

    /**
     * Today, read where the command run next reads the same day for "today" and "yesterday": a run
     * that starts in the last 20 s before midnight waits for it (a run of 00:00:25 once stored "a
     * minute ago" on the day before).
     */
    static LocalDate clearOfMidnight() throws InterruptedException {
        LocalDateTime now = LocalDateTime.now(ZONE);
        LocalDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay();
        if (Duration.between(now, midnight).toSeconds() < 20) {
            Thread.sleep(Duration.between(now, midnight).toMillis() + 1000);
        }
        return LocalDate.now(ZONE);
    }

    static long lines(CliRunner.Result r) {
        return r.err().lines().filter(l -> !l.isBlank()).count();
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void compareTakesTheNearestMeasurementAndSaysWhichOrRefuses(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        LocalDate nov25 = LocalDate.of(2026, 11, 25);
        LocalDate today = clearOfMidnight();
        try (RoomStore store = RoomStore.open(db)) {
            store.add(new Room("Board room", "HQ", null, null, "camera:0"));
            store.record(scored("Board room", at(nov25.minusDays(2).atTime(12, 0)), 51));
            store.record(scored("Board room", at(nov25.atTime(10, 0)), 37));
            // the 15:00 survey, stored at 15:01:08
            store.record(scored("Board room", at(nov25.atTime(15, 1, 8)), 83));
            store.record(Measurement.failed("Board room", at(nov25.atTime(15, 0)), "s", "stream down"));
            store.record(scored("Board room", at(today.minusDays(1).atTime(12, 0)), 44));
            store.record(scored("Board room", at(today.atStartOfDay()), 91));
        }
        var c = CliRunner.run("compare", "Board room@2026-11-25T15:00", "Board room@2026-11-23", "--db", db);
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.err().lines().anyMatch(l -> l.equals(
                "Board room@2026-11-25T15:00: the measurement of 15:01:08")), c.err());
        assertTrue(c.err().lines().anyMatch(l -> l.equals("Board room@2026-11-23: the measurement of 12:00:00")), c
                .err());
        assertTrue(c.out().contains("83") && !c.out().contains("37"), "the 15:01 one, not the 10:00 one: " + c.out());

        // a look-alike: the morning asked for, the morning taken (not the nearer-in-the-list afternoon)
        var morning = CliRunner.run("compare", "Board room@2026-11-25 10:20", "Board room@2026-11-25", "--db", db);
        assertEquals(0, morning.exit(), morning.err());
        assertTrue(morning.err().contains("Board room@2026-11-25 10:20: the measurement of 10:00:00"), morning.err());
        assertTrue(morning.err().contains("Board room@2026-11-25: the measurement of 15:01:08"), "the day's last: "
                + morning.err());

        // nothing within 2 h of 12:35: refused, naming the nearest on both sides
        var gap = CliRunner.run("compare", "Board room@2026-11-25T12:35", "Board room@2026-11-25", "--db", db);
        assertEquals(2, gap.exit(), gap.err());
        assertEquals(1, lines(gap), gap.err());
        assertTrue(gap.err().contains("within 2 h of 12:35") && gap.err().contains(
                "2026-11-25 10:00:00 and 2026-11-25 15:01:08") && gap.err().contains(
                        "'camlab history \"Board room\"'"), gap.err());

        // a day with none: refused, naming the nearest days with one
        var day = CliRunner.run("compare", "Board room@2026-11-24", "Board room@2026-11-25", "--db", db);
        assertEquals(2, day.exit(), day.err());
        assertEquals(1, lines(day), day.err());
        assertTrue(day.err().contains("no successful measurement of Board room on 2026-11-24; the nearest days with "
                + "one: 2026-11-23, 2026-11-25"), day.err());

        var words = CliRunner.run("compare", "Board room@yesterday", "Board room@Today", "--db", db);
        assertEquals(0, words.exit(), words.err());
        assertFalse(words.err().contains("no file"), words.err());
        assertTrue(words.out().contains("44") && words.out().contains("91"), words.out());
        assertTrue(words.err().contains("Board room@yesterday: the measurement of 12:00:00"), words.err());

        var notADate = CliRunner.run("compare", "Board room@2026-02-30", "Board room@today", "--db", db);
        assertEquals(2, notADate.exit(), notADate.err());
        assertTrue(notADate.err().contains("not a date") && notADate.err().contains("ROOM@yesterday"), notADate.err());
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void hintsQuoteRoomNamesForTheShell(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        for (String name : new String[]{"Board room", "Board"}) {
            assertEquals(0, CliRunner.run("rooms", "add", name, "--source", "camera:0", "--db", db).exit());
        }
        var taken = CliRunner.run("rooms", "add", "Board room", "--source", "camera:1", "--db", db);
        assertEquals(2, taken.exit(), taken.err());
        assertTrue(taken.err().contains("('camlab rooms show \"Board room\"')"), taken.err());
        var show = CliRunner.run("rooms", "show", "Board room", "--db", db);
        assertTrue(show.out().contains("'camlab rooms standard \"Board room\"' lists it"), show.out());
        // a look-alike: a name of one word is left as it is
        var plain = CliRunner.run("rooms", "add", "Board", "--source", "camera:1", "--db", db);
        assertTrue(plain.err().contains("('camlab rooms show Board')"), plain.err());
    }

    @Test
    void aNameIsOneShellWordWhateverItHolds() {
        assertEquals("Board", RoomText.shell("Board"));
        assertEquals("\"Board room\"", RoomText.shell("Board room"));
        assertEquals("\"Tom's room\"", RoomText.shell("Tom's room"));
        assertEquals("'Room $1'", RoomText.shell("Room $1"));
        assertEquals("'It'\\''s $5 \"big\"'", RoomText.shell("It's $5 \"big\""));
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void removeNeedsYesWhereNoOneCanBeAsked(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        try (RoomStore store = RoomStore.open(db)) {
            store.add(new Room("Board room", "HQ", null, null, "camera:0"));
            store.record(scored("Board room", at(LocalDateTime.now(ZONE).minusHours(1)), 70));
        }
        var refused = CliRunner.run("rooms", "remove", "Board room", "--db", db);
        assertEquals(2, refused.exit(), refused.err());
        assertEquals(1, lines(refused), refused.err());
        assertTrue(refused.err().contains("rooms remove deletes 'Board room' and its 1 measurement for good: give "
                + "--yes"), refused.err());
        try (RoomStore store = RoomStore.open(db)) {
            assertTrue(store.room("Board room").isPresent());
            assertEquals(1, store.count("Board room", Long.MIN_VALUE, Long.MAX_VALUE), "nothing removed");
        }
        // an unknown room is told as such, with or without --yes
        assertTrue(CliRunner.run("rooms", "remove", "Nowhere", "--db", db).err().contains("no room named 'Nowhere'"));
        var yes = CliRunner.run("rooms", "remove", "Board room", "--yes", "--db", db);
        assertEquals(0, yes.exit(), yes.err());
        assertEquals("removed 'Board room' and its 1 measurement", yes.out().strip());
        try (RoomStore store = RoomStore.open(db)) {
            assertTrue(store.room("Board room").isEmpty());
            assertEquals(0, store.count("Board room", Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void editKeepsTheHistory(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        long t = at(LocalDateTime.now(ZONE).minusHours(1));
        try (RoomStore store = RoomStore.open(db)) {
            store.add(new Room("Board room", "HQ", "North", "3", "rtsp://u:secret@10.0.4.12/stream"));
            store.add(new Room("Huddle", "HQ", null, null, "camera:1"));
            store.record(scored("Board room", t, 70));
        }
        var source = CliRunner.run("rooms", "edit", "Board room", "--source", "rtsp://u:newpass@10.0.4.13/stream",
                "--db", db);
        assertEquals(0, source.exit(), source.err());
        assertFalse(source.out().contains("newpass"), source.out());
        assertTrue(source.out().contains("10.0.4.13") && source.out().contains("(1 measurement kept)"), source.out());
        var moved = CliRunner.run("rooms", "edit", "Board room", "--floor", "4", "--building", "", "--name",
                "Board room 4", "--db", db);
        assertEquals(0, moved.exit(), moved.err());
        try (RoomStore store = RoomStore.open(db)) {
            assertTrue(store.room("Board room").isEmpty());
            Room r = store.room("Board room 4").orElseThrow();
            assertEquals(new Room("Board room 4", "HQ", null, "4", "rtsp://u:newpass@10.0.4.13/stream"), r);
            assertEquals(1, store.measurements("Board room 4", Long.MIN_VALUE, Long.MAX_VALUE).size(),
                    "the history follows the name");
        }
        var history = CliRunner.run("history", "Board room 4", "--db", db);
        assertTrue(history.out().contains("1 measurement"), history.out());

        for (String[] args : new String[][]{
                {"rooms", "edit", "Board room 4", "--name", "Huddle"},
                {"rooms", "edit", "Board room 4"},
                {"rooms", "edit", "Nowhere", "--floor", "2"},
                {"rooms", "edit", "Board room 4", "--source", " "},
                {"rooms", "edit", "Board room 4", "--name", ""}}) {
            var r = CliRunner.run(concat(args, "--db", db));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, lines(r), r.err());
        }
        try (RoomStore store = RoomStore.open(db)) {
            assertEquals(1, store.measurements("Board room 4", Long.MIN_VALUE, Long.MAX_VALUE).size());
            assertEquals("camera:1", store.room("Huddle").orElseThrow().source(), "a name taken changes nothing");
        }
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void sitesAreMatchedWhateverTheirCaseAndAnUnknownOneRefused(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        assertEquals(0, CliRunner.run("rooms", "add", "Board", "--source", "camera:0", "--site", "HQ", "--db", db)
                .exit());
        assertEquals(0, CliRunner.run("rooms", "add", "Huddle", "--source", "camera:1", "--site", "hq", "--db", db)
                .exit());
        Path file = dir.resolve("hq.json");
        Files.writeString(file,
                "{\"profile\": \"HQ rooms\", \"requirements\": [{\"require\": \"score>=70\"}]}");
        var set = CliRunner.run("rooms", "standard", "--site", "hq", file.toString(), "--db", db);
        assertEquals(0, set.exit(), set.err());
        assertEquals("set the standard of site HQ", set.out().strip());
        for (String room : new String[]{"Board", "Huddle"}) {
            var st = CliRunner.run("rooms", "standard", room, "--db", db);
            assertTrue(st.out().startsWith("HQ rooms (site HQ's)"), room + ": " + st.out());
        }
        assertTrue(CliRunner.run("rooms", "list", "--db", db).out().contains("Huddle  (HQ)"), "one spelling");

        var unknown = CliRunner.run("rooms", "standard", "--site", "Annex", file.toString(), "--db", db);
        assertEquals(2, unknown.exit(), unknown.err());
        assertEquals(1, lines(unknown), unknown.err());
        assertTrue(unknown.err().contains("no room is on site 'Annex' (sites: HQ;"), unknown.err());
        assertTrue(CliRunner.run("rooms", "standard", "--site", "HQ", "--clear", "--db", db).exit() == 0);
        assertTrue(CliRunner.run("rooms", "standard", "Board", "--db", db).out().contains("(bundled)"));
    }

    static Measurement judged(String room, long takenAt, int score, String problem, boolean met) {
        return new Measurement(room, takenAt, "s" + takenAt, true, null, score, 1.2, 120, 0.6, 25, Double.NaN, problem,
                Fix.forProblem(problem), "room standard 1", met ? 1 : 0, "[]", null);
    }

    /** The room's row of the fleet page: from its {@code <tr>} to the row's end. */
    static String row(String html, String room) {
        int at = html.indexOf("<tr class=\"room\" data-room=\"" + room + "\"");
        assertTrue(at >= 0, room + " in the page");
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void theFleetsFixIsTheLatestStateAndTheScoresColourItsStandards(String kind, @TempDir Path dir)
            throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        LocalDateTime now = LocalDateTime.now(ZONE);
        try (RoomStore store = RoomStore.open(db)) {
            for (String room : new String[]{"Board room", "West 4", "Huddle", "Quiet"}) {
                store.add(new Room(room, "HQ", null, null, "camera:0"));
            }
            for (int d = 3; d >= 1; d--) {
                store.record(judged("Board room", at(now.minusDays(d)), 62, "backlight", false));
                store.record(judged("West 4", at(now.minusDays(d)), 64, "backlight", false));
                // a good score and every measurement below its standard (the standard asks for what the score
                // weighs little)
                store.record(judged("Huddle", at(now.minusDays(d)), 92, "soft-focus", false));
                store.record(judged("Quiet", at(now.minusDays(d)), 92, null, true));
            }
            // blinds fitted this morning: Board room meets its standard since
            store.record(judged("Board room", at(now.minusMinutes(5)), 88, null, true));
            store.record(judged("West 4", at(now.minusMinutes(5)), 66, "backlight", false));
        }
        Path page = dir.resolve("fleet.html");
        var f = CliRunner.run("fleet", "--since", LocalDate.now(ZONE).minusDays(7).toString(), "--report", page
                .toString(), "--db", db);
        assertEquals(0, f.exit(), f.err());
        String board = f.out().lines().filter(l -> l.contains("Board room")).findFirst().orElseThrow();
        assertTrue(board.contains("backlight") && board.strip().endsWith("—"), "worst problem backlight, no fix now: "
                + board);
        String west = f.out().lines().filter(l -> l.contains("West 4")).findFirst().orElseThrow();
        assertTrue(west.strip().endsWith("lighting"), "still failing: still lighting: " + west);
        assertTrue(f.out().contains("  1 room needs lighting (lamps, blinds) now"), "West 4, not Board room: "
                + f.out());
        assertTrue(f.out().contains("fix now: what each room's latest measurement"), f.out());

        String html = Files.readString(page);
        assertTrue(row(html, "Board room").contains("<td class=\"fix\">—"), row(html, "Board room"));
        assertTrue(row(html, "West 4").contains("<td class=\"fix\">lighting"), row(html, "West 4"));
        assertTrue(html.contains("<em>Fix now</em>: what the room's latest measurement"), "says what latest means");
        String huddle = row(html, "Huddle");
        assertTrue(huddle.contains("100 %") && huddle.contains("class=\"score\" style=\"background:#fed7d7\">92"),
                "92 below its standard every time is red, not green: " + huddle);
        assertTrue(row(html, "Quiet").contains("class=\"score\" style=\"background:#c6f6d5\">92"),
                "92 meeting its standard is green");
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void fleetAndHistoryAsCsvAndJson(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        LocalDateTime now = LocalDateTime.now(ZONE).withNano(0);
        try (RoomStore store = RoomStore.open(db)) {
            store.add(new Room("Board, \"big\" room", "HQ", null, null, "camera:0"));
            store.add(new Room("=Huddle", null, null, null, "camera:1"));
            for (int i = 60; i >= 1; i--) {
                store.record(judged("Board, \"big\" room", at(now.minusHours(i)), 60 + i % 7, "backlight", i % 2 == 0));
            }
            store.record(Measurement.failed("Board, \"big\" room", at(now.minusMinutes(30)), "s", "stream down"));
            store.record(judged("=Huddle", at(now.minusHours(2)), 90, null, true));
        }
        Path csv = dir.resolve("fleet.csv");
        Path json = dir.resolve("fleet.json");
        var f = CliRunner.run("fleet", "--csv", csv.toString(), "--json", json.toString(), "--db", db);
        assertEquals(0, f.exit(), f.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("rank,room,site,measurements,failed_captures,judged,passed,below_standard_pct,meets_since,"
                + "mean_score,vs_median,mean_backlight_stops,mean_light_level,worst_problem,fix_now,failing_hours,"
                + "trend", rows.get(0));
        assertEquals(3, rows.size(), "one row per room: " + rows);
        assertTrue(rows.get(1).startsWith("1,\"Board, \"\"big\"\" room\",HQ,61,1,60,30,50,,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("2,'=Huddle,,1,0,1,1,0,period,90,"), "a formula is kept as text: "
                + rows.get(2));
        JsonNode fleet = new ObjectMapper().readTree(json.toFile());
        assertEquals("camlab.fleet/1", fleet.path("schema").asText());
        assertEquals(2, fleet.path("rooms").size());
        JsonNode board = fleet.path("rooms").get(0);
        assertEquals("Board, \"big\" room", board.path("room").asText());
        assertEquals(50.0, board.path("below_standard_pct").asDouble(), 1e-9);
        assertTrue(board.path("meets_since").isNull() || board.path("meets_since").isTextual(), board.toString());
        assertEquals(fleet.path("rooms").get(1).path("fix_now").isNull(), true);

        Path hcsv = dir.resolve("board.csv");
        Path hjson = dir.resolve("board.json");
        var h = CliRunner.run("history", "Board, \"big\" room", "--rows", "5", "--csv", hcsv.toString(), "--json",
                hjson.toString(), "--db", db);
        assertEquals(0, h.exit(), h.err());
        List<String> lines = Files.readAllLines(hcsv);
        assertEquals("room,taken_at,local_time,survey,ok,error,score,backlight_stops,light_level,uniformity,fps,"
                + "mtf50,top_problem,fix,standard,standard_met", lines.get(0));
        assertEquals(62, lines.size(), "every measurement of the period, not the 5 rows shown: " + lines.size());
        assertTrue(lines.get(61).contains(",false,stream down,,"), "the failed capture last: " + lines.get(61));
        JsonNode history = new ObjectMapper().readTree(hjson.toFile());
        assertEquals("camlab.history/1", history.path("schema").asText());
        assertEquals(61, history.path("measurements").size());
        JsonNode first = history.path("measurements").get(0);
        assertEquals(at(now.minusHours(60)), Instant.parse(first.path("taken_at").asText()).toEpochMilli());
        assertTrue(first.path("standard_met").isBoolean() && first.path("score").isInt(), first.toString());
        assertTrue(history.path("measurements").get(60).path("score").isNull());

        for (String[] args : new String[][]{{"fleet", "--csv", dir.resolve("x.txt").toString()},
                {"history", "=Huddle", "--json", dir.resolve("x.csv").toString()}}) {
            var r = CliRunner.run(concat(args, "--db", db));
            assertEquals(2, r.exit(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        // a directory where the file should go: told before anything is read
        Path taken = Files.createDirectories(dir.resolve("taken.csv"));
        var unwritable = CliRunner.run("fleet", "--csv", taken.toString(), "--db", db);
        assertEquals(2, unwritable.exit(), unwritable.err());
        assertTrue(unwritable.err().startsWith("camlab: --csv: " + taken + " is a directory"), unwritable.err());
    }

    static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
