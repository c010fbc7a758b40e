package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camlab.cli.SurveyWorkersTest.Worker;
import org.camlab.demo.DemoCache;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estate's test of strength: four survey workers over forty rooms (recordings replayed as live
 * cameras) on a real PostgreSQL, one of them killed with {@code kill -9} while it holds a lease, and
 * the database server itself stopped for several seconds mid-round and started again — every room
 * measured once in the round (none twice, none left), every printed row stored, and the workers
 * saying when the database was away and when it came back. The server is the tests' own
 * ({@code scripts/test-postgres.sh}), stopped with its {@code stop} argument.
 */
@Timeout(400)
class SurveyReconnectTest {
    static final int ROOMS = 40;
    static final int WORKERS = 4;
    /** Long enough for every worker to meet the outage, short against the 2-minute wait for the last rows. */
    static final long DATABASE_AWAY_MILLIS = 8_000;

    @Test
    void fourWorkersFortyRoomsAKilledWorkerAndADatabaseRestart(@TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh("postgresql", dir);
        String source = DemoCache.get().toString();
        for (int i = 1; i <= ROOMS; i++) {
            var r = CliRunner.run("rooms", "add", String.format("Room %02d", i), "--source", source, "--db", db);
            assertEquals(0, r.exit(), r.err());
        }
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            // one round (due when the first worker enrols), then poll until --for ends: a room whose lease
            // the killed worker held is taken when the lease runs out (15 s: longer than the outage, so the
            // survivors' leases, renewed while they capture, outlive it)
            workers.add(new Worker(db, "--replay", "--every", "10m", "--for", "90s", "--lease", "15s"));
        }
        Worker victim = workers.get(0);
        String victimId = killHoldingALease(db, victim);
        int printedAtStop = printed(workers);
        long stoppedAt = System.currentTimeMillis();
        postgres("stop");
        try {
            Thread.sleep(DATABASE_AWAY_MILLIS);
        } finally {
            postgres("start");
        }
        long startedAt = System.currentTimeMillis();
        System.out.println("database stopped for " + (startedAt - stoppedAt) + " ms with " + printedAtStop + " of "
                + ROOMS + " rows printed");
        assertTrue(printedAtStop < ROOMS - WORKERS, "the restart came mid-round: " + printedAtStop + " printed");

        List<Worker> survivors = workers.subList(1, WORKERS);
        for (Worker w : survivors) {
            assertTrue(w.ended(300), "a worker did not end: " + w.errText());
            assertEquals(0, w.process.exitValue(), w.errText());
        }
        Map<String, Integer> perRoom = SurveyWorkersTest.measuredPerRoom(db);
        Map<String, Long> stored = SurveyWorkersTest.storedPerSurvey(db);
        System.out.println("per room " + perRoom + "; per worker " + stored + "; victim " + victimId + " printed "
                + victim.rows().size());
        assertEquals(ROOMS, perRoom.size());
        perRoom.forEach((room, n) -> assertEquals(1, n, room + " measured " + n + " times in one round: " + perRoom));
        for (Worker w : survivors) {
            assertEquals(w.rows().size(), stored.getOrDefault(w.id(), 0L).intValue(), "every printed row stored: "
                    + w.errText());
        }
        long victimStored = stored.getOrDefault(victimId, 0L);
        assertTrue(victimStored >= victim.rows().size() && victimStored <= victim.rows().size() + 1,
                "the victim's printed rows stored (one more may have committed just before the kill)");

        String told = String.join("\n", survivors.stream().map(Worker::errText).toList());
        System.out.println(told);
        assertTrue(told.contains(" the database is away ("), told);
        assertTrue(told.matches("(?s).* the database is back after [0-9.]+ s.*"), told);
        assertEquals(1, survivors.stream().filter(w -> w.errText().contains("round of " + ROOMS + " rooms due at "))
                .count(), "one survivor tells the round's end: " + told);
        // pgjdbc logs the refused connections (java.util.logging, SEVERE, with a stack trace): none of its
        // lines reaches stderr, which stays camlab's own lines
        told.lines().forEach(l -> assertTrue(l.startsWith("camlab: "), "a line not camlab's: " + l));
        // leases renewed while capturing: no survivor's capture outlived its lease, however slow the machine
        assertTrue(!told.contains("measured after its lease ran out"), told);
        try (RoomStore s = RoomStore.open(db)) {
            // captures under way through the outage were stored after it, with the time they were taken
            long after = 0;
            for (var room : s.rooms()) {
                Measurement m = s.measurements(room.name(), 0, Long.MAX_VALUE).get(0);
                assertTrue(m.ok(), room.name() + ": " + m.error());
                after += m.takenAt() >= startedAt ? 1 : 0;
            }
            assertTrue(after > 0, "the round went on after the database came back");
        }
    }

    @Test
    void aSurveyMeasuresOnThroughARestartAndStoresWhatItHeld(@TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh("postgresql", dir);
        var add = CliRunner.run("rooms", "add", "Board room", "--source", DemoCache.get().toString(), "--db", db);
        assertEquals(0, add.exit(), add.err());
        Worker survey = new Worker(db, false, "Board room", "--every", "1s", "--for", "40s");
        long deadline = System.currentTimeMillis() + 120_000;
        while (survey.rows().size() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(survey.rows().size() >= 3, survey.errText());
        long stoppedAt = System.currentTimeMillis();
        postgres("stop");
        long startedAt;
        try {
            Thread.sleep(DATABASE_AWAY_MILLIS);
        } finally {
            startedAt = System.currentTimeMillis();
            postgres("start");
        }
        assertTrue(survey.ended(200), survey.errText());
        assertEquals(0, survey.process.exitValue(), survey.errText());
        String err = survey.errText();
        System.out.println(err);
        assertTrue(err.contains(" the database is away ("), err);
        assertTrue(err.matches("(?s).* the database is back after [0-9.]+ s.*"), err);
        err.lines().forEach(l -> assertTrue(l.startsWith("camlab: "), "a line not camlab's: " + l));
        try (RoomStore s = RoomStore.open(db)) {
            List<Measurement> all = s.measurements("Board room", 0, Long.MAX_VALUE);
            assertEquals(survey.rows().size(), all.size(), "every printed row stored, none twice");
            long during = all.stream().filter(m -> m.takenAt() > stoppedAt + 1000 && m.takenAt() < startedAt).count();
            System.out.println(all.size() + " stored, " + during + " of them taken while the database was away");
            assertTrue(during >= 2, "the captures went on while the database was away: " + during);
        }
    }

    /** Kills {@code victim} with SIGKILL once it has stored a room and holds the lease of another. */
    static String killHoldingALease(String db, Worker victim) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
                PreparedStatement p = c.prepareStatement("SELECT room FROM room_lease WHERE leased_by = ?")) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && victim.process.isAlive()) {
                String id = victim.id();
                if (id != null && !victim.rows().isEmpty()) {
                    p.setString(1, id);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            victim.process.destroyForcibly();
                            assertTrue(victim.process.waitFor(10, TimeUnit.SECONDS));
                            System.out.println("killed " + id + " holding " + rs.getString(1));
                            return id;
                        }
                    }
                }
                Thread.sleep(10);
            }
        }
        assertNotNull(null, "the victim never held a lease: " + victim.errText());
        return null;
    }

    static int printed(List<Worker> workers) {
        return workers.stream().mapToInt(w -> w.rows().size()).sum();
    }

    /** scripts/test-postgres.sh with {@code action}: the tests' own server. */
    static void postgres(String action) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("scripts/test-postgres.sh", action).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
    }
}
