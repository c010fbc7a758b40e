package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camlab.demo.DemoCache;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Surveys as a facilities team runs them, on SQLite and on a real PostgreSQL: a room whose camera is gone is stored as a
 * failed measurement and the survey goes on; {@code kill -9} mid-survey loses no line it printed
 * (each is printed after its commit) and the database opens cleanly; two survey processes writing
 * to one file both keep all their rows.
 */
@Timeout(180)
class SurveyTest {
    static String db(String kind, Path dir) {
        return TestDatabases.fresh(kind, dir);
    }

    static void addRooms(String db) throws Exception {
        assertEquals(0, CliRunner.run("rooms", "add", "Demo", "--source", DemoCache.get().toString(), "--site", "HQ",
                "--db", db).exit());
        assertEquals(0, CliRunner.run("rooms", "add", "Gone", "--source", "/no/such/camera.mp4", "--db", db).exit());
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void aFailedCaptureIsStoredAndTheSurveyGoesOn(String kind, @TempDir Path dir) throws Exception {
        String db = db(kind, dir);
        addRooms(db);
        var r = CliRunner.run("survey", "--all", "--frames", "10", "--faces", "none", "--db", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Demo: score"), r.out());
        assertTrue(r.out().contains("Gone: failed"), r.out());
        try (RoomStore s = RoomStore.open(db)) {
            Measurement gone = s.measurements("Gone", 0, Long.MAX_VALUE).get(0);
            assertTrue(!gone.ok() && gone.error().contains("camera.mp4"), gone.toString());
            Measurement demo = s.measurements("Demo", 0, Long.MAX_VALUE).get(0);
            assertTrue(demo.ok() && demo.score() >= 0 && demo.lightLevel() > 0 && demo.report().contains(
                    "camlab.report/1"));
        }
        assertEquals(2, CliRunner.run("survey", "Nowhere", "--db", db).exit(), "an unknown room");
        assertEquals(2, CliRunner.run("survey", "--db", "jdbc:oracle:thin:@x", "--all").exit(), "a bad --db URL");
        var pg = CliRunner.run("survey", "--all", "--db",
                "jdbc:postgresql://127.0.0.1:1/camlab?user=u&password=p&connectTimeout=2");
        assertEquals(3, pg.exit(), "an unreachable PostgreSQL");
        assertEquals(1, pg.err().lines().filter(l -> !l.isBlank()).count(), pg.err());
    }

    /** Starts a survey of Demo every 0.3 s and returns it once it has printed {@code lines} measurements. */
    static Process survey(String db, List<String> printed, int lines) throws Exception {
        Process p = new ChildProcess().start("survey", "Demo", "--every", "300ms", "--for", "10m", "--frames", "5",
                "--faces", "none",
                "--db", db);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null;) {
                    synchronized (printed) {
                        printed.add(line);
                        printed.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        synchronized (printed) {
            long deadline = System.currentTimeMillis() + 90_000;
            while (printed.size() < lines && System.currentTimeMillis() < deadline) {
                printed.wait(1000);
            }
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void killMinus9LosesNothingPrintedAndTwoWritersKeepAllRows(String kind, @TempDir Path dir) throws Exception {
        String db = db(kind, dir);
        addRooms(db);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        Process first = survey(db, a, 3);
        Process second = survey(db, b, 3);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        second.destroyForcibly();
        assertTrue(first.waitFor(10, TimeUnit.SECONDS) && second.waitFor(10, TimeUnit.SECONDS));
        int printedA;
        int printedB;
        synchronized (a) {
            printedA = (int) a.stream().filter(l -> l.contains("Demo: score")).count();
        }
        synchronized (b) {
            printedB = (int) b.stream().filter(l -> l.contains("Demo: score")).count();
        }
        assertTrue(printedA >= 3 && printedB >= 3, a + " / " + b);
        try (RoomStore s = RoomStore.open(db)) {
            List<Measurement> rows = s.measurements("Demo", 0, Long.MAX_VALUE);
            var bySurvey = rows.stream().collect(Collectors.groupingBy(Measurement::survey,
                    Collectors.counting()));
            assertEquals(2, bySurvey.size(), "both surveys' rows: " + bySurvey);
            // every printed measurement was committed before it was printed; one more may have been
            // committed in the instant before the kill
            List<Long> counts = bySurvey.values().stream().sorted().toList();
            List<Integer> printed = Stream.of(printedA, printedB).sorted().toList();
            for (int i = 0; i < 2; i++) {
                assertTrue(counts.get(i) >= printed.get(i) && counts.get(i) <= printed.get(i) + 1,
                        "stored " + bySurvey + ", printed " + printed);
            }
        }
        if (kind.equals("sqlite")) {
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    var st = c.createStatement();
                    var rs = st.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1), "the database opens cleanly after kill -9");
            }
        }
        try (RoomStore s = RoomStore.open(db)) {
            // the rollups were written in each measurement's own transaction: they count exactly the rows kept
            long today = LocalDate.now().toEpochDay();
            var f = Fleet.read(s, today - 2, today + 2);
            long rows = s.measurements("Demo", 0, Long.MAX_VALUE).size();
            assertEquals(rows, f.rooms().stream().filter(r -> r.room().equals("Demo")).findFirst().orElseThrow()
                    .measurements(),
                    "the hourly rollups agree with the rows after kill -9");
        }
    }
}
