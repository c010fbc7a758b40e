package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.camlab.demo.DemoCache;
import org.camlab.demo.DemoRecording;
import org.camlab.report.Charts;
import org.camlab.rooms.Fix;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The room commands as a facilities team types them, on SQLite and on a real PostgreSQL: standards
 * set per room and per site (a malformed one refused whole), history, compare on stored
 * measurements, snapshots only when asked, and every bad input one line with its exit code.
 */
@Timeout(240)
class RoomsCliTest {
    static long oneLine(CliRunner.Result r) {
        return r.err().lines().filter(l -> !l.isBlank()).count();
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void standardsAreSetWholeOrNotAtAll(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        assertEquals(0, CliRunner.run("rooms", "add", "Board", "--source", DemoCache.get().toString(), "--site", "HQ",
                "--db", db).exit());
        var bundled = CliRunner.run("rooms", "standard", "Board", "--db", db);
        assertEquals(0, bundled.exit(), bundled.err());
        assertTrue(bundled.out().contains("(bundled)") && bundled.out().contains("backlight.ratioStops <= 0.6")
                && bundled.out().contains("temporal.fpsMeasured >= 24") && bundled.out().contains("no flicker"), bundled
                        .out());
        assertTrue(bundled.out().contains("Cisco"), "each bound with its cited source: " + bundled.out());

        Path site = dir.resolve("hq.json");
        Files.writeString(site,
                "{\"profile\": \"HQ rooms\", \"requirements\": [{\"require\": \"score>=70\", \"source\": \"HQ\"}]}");
        assertEquals(0, CliRunner.run("rooms", "standard", "--site", "HQ", site.toString(), "--db", db).exit());
        var fromSite = CliRunner.run("rooms", "standard", "Board", "--db", db);
        assertTrue(fromSite.out().startsWith("HQ rooms (site HQ's)") && fromSite.out().contains("score >= 70"), fromSite
                .out());

        Path own = dir.resolve("board.json");
        Files.writeString(own, "{\"profile\": \"Board's own\", \"requirements\": [{\"rule\": \"backlight\"}]}");
        assertEquals(0, CliRunner.run("rooms", "standard", "Board", own.toString(), "--db", db).exit());
        assertTrue(CliRunner.run("rooms", "standard", "Board", "--db", db).out().startsWith(
                "Board's own (the room's own)"));

        // malformed: not JSON, an unknown rule, no requirements, no file — one line, exit 2, nothing changed
        Path bad = dir.resolve("bad.json");
        for (String text : new String[]{"{not json", "{\"requirements\": [{\"rule\": \"sunshine\"}]}",
                "{\"profile\": \"x\"}"}) {
            Files.writeString(bad, text);
            var r = CliRunner.run("rooms", "standard", "Board", bad.toString(), "--db", db);
            assertEquals(2, r.exit(), text + ": " + r.err());
            assertEquals(1, oneLine(r), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        var missing = CliRunner.run("rooms", "standard", "--site", "HQ", dir.resolve("nope.json").toString(), "--db",
                db);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertTrue(CliRunner.run("rooms", "standard", "Board", "--db", db).out().startsWith("Board's own"),
                "nothing was written");
        assertTrue(CliRunner.run("rooms", "standard", "--site", "HQ", "--db", db).out().startsWith("HQ rooms"),
                "nor for the site");

        // a survey holds the room to its own standard, and keeps the result per requirement
        var s = CliRunner.run("survey", "Board", "--frames", "5", "--faces", "none", "--db", db);
        assertEquals(0, s.exit(), s.err());
        try (RoomStore store = RoomStore.open(db)) {
            Measurement m = store.measurements("Board", 0, Long.MAX_VALUE).get(0);
            assertEquals("Board's own", m.standard());
            JsonNode first = new ObjectMapper().readTree(m.requirements()).get(0);
            assertEquals("no backlight", first.get("require").asText(), m.requirements());
            assertTrue(first.get("passed").isBoolean(), m.requirements());
        }
        assertEquals(0, CliRunner.run("rooms", "standard", "Board", "--clear", "--db", db).exit());
        assertTrue(CliRunner.run("rooms", "standard", "Board", "--db", db).out().startsWith("HQ rooms"),
                "back to the site's");
        assertEquals(2, CliRunner.run("rooms", "standard", "Nowhere", "--db", db).exit(), "an unknown room");
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void compareReadsStoredMeasurementsAndSnapshotsAreKeptOnlyWhenAsked(String kind, @TempDir Path dir)
            throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        Path bright = dir.resolve("bright.mp4");
        Path dark = dir.resolve("dark.mp4");
        DemoRecording.write(bright, 640, 360, 25, 2, new double[]{1.0});
        DemoRecording.write(dark, 640, 360, 25, 2, new double[]{0.0});
        var before = CliRunner.run("analyze", bright.toString(), "--faces", "none", "--json");
        var after = CliRunner.run("analyze", dark.toString(), "--faces", "none", "--json");
        assertEquals(0, before.exit(), before.err());
        ZoneId zone = ZoneId.systemDefault();
        long nov2 = LocalDate.of(2026, 11, 2).atTime(15, 0).atZone(zone).toInstant().toEpochMilli();
        long nov30 = LocalDate.of(2026, 11, 30).atTime(15, 0).atZone(zone).toInstant().toEpochMilli();
        int scoreBefore = score(before.out());
        int scoreAfter = score(after.out());
        try (RoomStore store = RoomStore.open(db)) {
            store.add(new Room("West 4", null, null, null, bright.toString()));
            store.record(new Measurement("West 4", nov2, "s1", true, null, scoreBefore, 1.8, 140, 0.4, 25, Double.NaN,
                    "clipping",
                    Fix.LIGHTING, "x", 0, "[]", before.out().strip()));
            store.record(Measurement.failed("West 4", nov30 - 60_000, "s2", "stream down"));
            store.record(new Measurement("West 4", nov30, "s2", true, null, scoreAfter, 0.7, 120, 0.4, 25, Double.NaN,
                    null, null,
                    "x", 1, "[]", after.out().strip()));
        }
        var c = CliRunner.run("compare", "West 4@2026-11-02", "West 4@2026-11-30T15:00", "--db", db);
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains(Integer.toString(scoreBefore)) && c.out().contains(Integer.toString(scoreAfter)), c
                .out());
        assertTrue(c.out().contains("West 4@2026-11-02"), c.out());
        var early = CliRunner.run("compare", "West 4@2026-11-30T14:58", "West 4@2026-11-30", "--db", db);
        assertEquals(0, early.exit(), "14:58: the nearest successful one is 15:00's (14:59 failed): " + early
                .err());
        var none = CliRunner.run("compare", "West 4@2026-10-01", "West 4@2026-11-30", "--db", db);
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no successful measurement of West 4 on 2026-10-01; the nearest days with one: "
                + "2026-11-02"), none.err());
        assertEquals(2, CliRunner.run("compare", "Nowhere@2026-11-30", "West 4@2026-11-30", "--db", db).exit(),
                "an unknown room");
        assertEquals(1, oneLine(none));

        // snapshots: none unless asked; with --snapshots a JPEG 640 px wide per measurement
        var plain = CliRunner.run("survey", "West 4", "--frames", "3", "--faces", "none", "--db", db);
        assertEquals(0, plain.exit(), plain.err());
        var withSnap = CliRunner.run("survey", "West 4", "--frames", "3", "--faces", "none", "--snapshots", "--db", db);
        assertEquals(0, withSnap.exit(), withSnap.err());
        try (RoomStore store = RoomStore.open(db)) {
            var ms = store.measurements("West 4", nov30 + 1, Long.MAX_VALUE);
            assertEquals(2, ms.size());
            assertTrue(store.snapshot("West 4", ms.get(0).takenAt(), ms.get(0).survey()).isEmpty(),
                    "nothing stored unless asked");
            byte[] jpeg = store.snapshot("West 4", ms.get(1).takenAt(), ms.get(1).survey()).orElseThrow();
            var img = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertEquals(640, img.getWidth());
            assertEquals(360, img.getHeight());
        }
    }

    static int score(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("score").asInt();
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void historyAndBadInputs(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        assertEquals(0, CliRunner.run("rooms", "add", "Demo", "--source", DemoCache.get().toString(), "--db", db)
                .exit());
        assertEquals(0, CliRunner.run("survey", "Demo", "--frames", "5", "--faces", "none", "--db", db).exit());
        Path png = dir.resolve("demo.png");
        var h = CliRunner.run("history", "Demo", "--chart", png.toString(), "--db", db);
        assertEquals(0, h.exit(), h.err());
        assertTrue(h.out().contains("Demo: 1 measurement in the period") && h.out().contains("By hour of the day"), h
                .out());
        assertEquals(2 * Charts.WIDTH, ImageIO.read(png.toFile()).getWidth(), "the time-of-day chart");
        Path fleet = dir.resolve("fleet.html");
        var f = CliRunner.run("fleet", "--report", fleet.toString(), "--db", db);
        assertEquals(0, f.exit(), f.err());
        assertTrue(f.out().startsWith("1 room;"), f.out());
        assertTrue(f.out().lines().anyMatch(l -> l.matches("\\s+1\\s+Demo\\s.*")), "ranked: " + f.out());
        assertTrue(Files.readString(fleet).contains("data-room=\"Demo\""));
        var none = CliRunner.run("history", "Demo", "--since", "2020-01-01", "--until", "2020-01-31", "--db", db);
        assertTrue(none.out().contains("0 measurements") && none.out().contains("nothing measured"), none.out());

        for (String[] args : new String[][]{
                {"history", "Nowhere", "--db", db},
                {"survey", "Nowhere", "--db", db},
                {"rooms", "show", "Nowhere", "--db", db},
                {"rooms", "remove", "Nowhere", "--db", db},
                {"history", "Demo", "--since", "2026-13-01", "--db", db},
                {"history", "Demo", "--since", "2026-12-01", "--until", "2026-11-01", "--db", db},
                {"fleet", "--since", "yesterday", "--db", db},
                {"fleet", "--report", dir.resolve("fleet.txt").toString(), "--db", db},
                {"fleet", "--db", "jdbc:mysql://localhost/camlab"},
        }) {
            var r = CliRunner.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(oneLine(r) <= 2 && !r.err().contains("Exception"), String.join(" ", args) + ": " + r.err());
        }
        var pg = CliRunner.run("fleet", "--db",
                "jdbc:postgresql://127.0.0.1:1/camlab?user=u&password=hunter2&connectTimeout=2");
        assertEquals(3, pg.exit(), "an unreachable PostgreSQL");
        assertEquals(1, oneLine(pg), pg.err());
        assertFalse(pg.err().contains("hunter2"), "no password in the message: " + pg.err());
        try (RoomStore store = RoomStore.open(db)) {
            assertEquals(1, store.measurements("Demo", 0, Long.MAX_VALUE).size(), "no bad command wrote anything");
        }
    }
}
