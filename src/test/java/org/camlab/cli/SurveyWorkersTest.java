package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camlab.demo.DemoCache;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey workers as an estate runs them: several {@code camlab survey --all} processes over one real
 * PostgreSQL share the rooms by leases — each room measured once per round, never twice, every
 * printed row stored — and a worker killed with {@code kill -9} while it holds a lease loses the room
 * to another worker once the lease runs out.
 */
@Timeout(300)
class SurveyWorkersTest {
    static final int ROOMS = 12;
    static final int WORKERS = 3;
    static final Pattern WORKER = Pattern.compile("camlab: worker (\\S+) sharing");

    /** A worker process and what it printed, read as it prints. */
    static final class Worker {
        final Process process;
        final List<String> out = new ArrayList<>();
        final List<String> err = new ArrayList<>();

        Worker(String db, String... extra) throws IOException {
            this(db, true, extra);
        }

        /** @param all a worker sharing the rooms ({@code --all}), else a survey of the room {@code extra} names */
        Worker(String db, boolean all, String... extra) throws IOException {
            this(new ChildProcess().start(survey(db, all, extra)));
        }

        private static String[] survey(String db, boolean all, String... extra) {
            List<String> args = new ArrayList<>(List.of("survey", "--frames", "30", "--faces", "none", "--db", db));
            if (all) {
                args.add(1, "--all");
            }
            args.addAll(List.of(extra));
            return args.toArray(String[]::new);
        }

        /** A camlab process started by the test, read as it prints. */
        Worker(Process process) {
            this.process = process;
            readers.add(read(process.getInputStream(), out));
            readers.add(read(process.getErrorStream(), err));
        }

        private final List<Thread> readers = new ArrayList<>();

        /** Waits for the process to end and for its last lines to be read. */
        boolean ended(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                return false;
            }
            for (Thread t : readers) {
                t.join(10_000);
            }
            return true;
        }

        private static Thread read(InputStream in, List<String> into) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Thread t = new Thread(() -> {
                try {
                    for (String line; (line = r.readLine()) != null;) {
                        synchronized (into) {
                            into.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** The worker's survey id, from its first line on stderr; null until it has printed it. */
        String id() {
            synchronized (err) {
                for (String l : err) {
                    Matcher m = WORKER.matcher(l);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            return null;
        }

        List<String> rows() {
            synchronized (out) {
                return out.stream().filter(l -> l.contains(": score ") || l.contains(": failed: ")).toList();
            }
        }

        String errText() {
            synchronized (err) {
                return String.join("\n", err);
            }
        }
    }

    static String estate(Path dir) throws Exception {
        String db = TestDatabases.fresh("postgresql", dir);
        String source = DemoCache.get().toString();
        for (int i = 1; i <= ROOMS; i++) {
            var r = CliRunner.run("rooms", "add", String.format("Room %02d", i), "--source", source, "--site",
                    i % 2 == 0 ? "North" : "South", "--db", db);
            assertEquals(0, r.exit(), r.err());
        }
        return db;
    }

    static Map<String, Integer> measuredPerRoom(String db) throws Exception {
        Map<String, Integer> n = new TreeMap<>();
        try (RoomStore s = RoomStore.open(db)) {
            for (var room : s.rooms()) {
                n.put(room.name(), s.count(room.name(), 0, Long.MAX_VALUE));
            }
        }
        return n;
    }

    static Map<String, Long> storedPerSurvey(String db) throws Exception {
        try (RoomStore s = RoomStore.open(db)) {
            List<Measurement> all = new ArrayList<>();
            for (var room : s.rooms()) {
                all.addAll(s.measurements(room.name(), 0, Long.MAX_VALUE));
            }
            return all.stream().collect(Collectors.groupingBy(Measurement::survey, TreeMap::new, Collectors
                    .counting()));
        }
    }

    @Test
    void threeWorkersMeasureEachRoomOnceInARound(@TempDir Path dir) throws Exception {
        String db = estate(dir);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(new Worker(db, "--parallel", "2"));
        }
        for (Worker w : workers) {
            assertTrue(w.ended(200), "a worker did not end: " + w.errText());
            assertEquals(0, w.process.exitValue(), w.errText());
        }
        Map<String, Integer> perRoom = measuredPerRoom(db);
        System.out.println("one round, " + WORKERS + " workers × 2: per room " + perRoom + ", per worker "
                + storedPerSurvey(db));
        assertEquals(ROOMS, perRoom.size());
        perRoom.forEach((room, n) -> assertEquals(1, n, room + " measured " + n + " times: " + perRoom));
        Map<String, Long> stored = storedPerSurvey(db);
        for (Worker w : workers) {
            String id = w.id();
            assertNotNull(id, w.errText());
            assertEquals(w.rows().size(), stored.getOrDefault(id, 0L).intValue(), "every printed row stored: " + w
                    .rows());
        }
        long told = workers.stream().filter(w -> w.errText().contains("round of " + ROOMS + " rooms due at ")).count();
        assertEquals(1, told, "one worker tells the round's end: "
                + workers.stream().map(Worker::errText).toList());
    }

    @Test
    void aWorkerKilledHoldingALeaseLosesItsRoomToAnother(@TempDir Path dir) throws Exception {
        String db = estate(dir);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(new Worker(db, "--every", "10m", "--for", "60s", "--lease", "5s"));
        }
        Worker victim = workers.get(0);
        String victimId = null;
        String room = null;
        long leaseUntil = 0;
        try (Connection c = DriverManager.getConnection(db);
                PreparedStatement p = c.prepareStatement(
                        "SELECT room, lease_until FROM room_lease WHERE leased_by = ?")) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (room == null && System.currentTimeMillis() < deadline && victim.process.isAlive()) {
                victimId = victimId != null ? victimId : victim.id();
                if (victimId != null && !victim.rows().isEmpty()) { // mid-round: after a room of its own is stored
                    p.setString(1, victimId);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            room = rs.getString(1);
                            leaseUntil = rs.getLong(2);
                            victim.process.destroyForcibly(); // SIGKILL mid-capture: the lease stays behind
                        }
                    }
                }
                Thread.sleep(room == null ? 10 : 0);
            }
        }
        assertNotNull(room, "the victim never held a lease: " + victim.errText());
        assertTrue(victim.process.waitFor(10, TimeUnit.SECONDS));
        try (Connection c = DriverManager.getConnection(db);
                PreparedStatement p = c.prepareStatement("SELECT leased_by FROM room_lease WHERE room = ?")) {
            p.setString(1, room);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                // the kill landed between our read and the victim's commit only if the lease is gone by now
                // (and then a later victim measurement would simply be its own)
                System.out.println("killed " + victimId + " holding " + room + "; its lease now: " + rs.getString(1));
            }
        }
        for (Worker w : workers.subList(1, WORKERS)) {
            assertTrue(w.ended(200), "a worker did not end: " + w.errText());
            assertEquals(0, w.process.exitValue(), w.errText());
        }
        Map<String, Integer> perRoom = measuredPerRoom(db);
        Map<String, Long> stored = storedPerSurvey(db);
        System.out.println("kill -9: per room " + perRoom + ", per worker " + stored + ", victim printed "
                + victim.rows().size());
        perRoom.forEach((r, n) -> assertEquals(1, n, r + " measured " + n + " times: " + perRoom));
        try (RoomStore s = RoomStore.open(db)) {
            Measurement taken = s.measurements(room, 0, Long.MAX_VALUE).get(0);
            assertNotEquals(victimId, taken.survey(), "the killed worker's room was measured by another");
            assertTrue(taken.takenAt() >= leaseUntil, "taken over only after the lease ran out: " + taken.takenAt()
                    + " < " + leaseUntil);
        }
        for (Worker w : workers.subList(1, WORKERS)) {
            assertEquals(w.rows().size(), stored.getOrDefault(w.id(), 0L).intValue(), "every printed row stored");
        }
        long victimStored = stored.getOrDefault(victimId, 0L);
        assertTrue(victimStored >= victim.rows().size() && victimStored <= victim.rows().size() + 1,
                "the victim's printed rows stored (one more may have committed just before the kill)");
        assertEquals(1, workers.subList(1, WORKERS).stream().filter(w -> w.errText().contains("round of " + ROOMS
                + " rooms due at ")).count(), "one survivor tells the round's end");
    }

    @Test
    void aRoundLongerThanItsIntervalSaysByHowMuchAndOneRoundEnds(@TempDir Path dir) throws Exception {
        String db = estate(dir);
        var r = CliRunner.run("survey", "--all", "--every", "200ms", "--frames", "5", "--faces", "none", "--db", db);
        assertEquals(0, r.exit(), r.err());
        System.out.println(r.err());
        assertTrue(Pattern.compile("camlab: round of 12 rooms due at \\S+ took [0-9.]+ s of its 0.2 s \\([0-9.]+ s "
                + "late\\): [0-9]+ more workers would keep up").matcher(r.err()).find(), r.err());
        measuredPerRoom(db).forEach((room, n) -> assertEquals(1, n, room + ": one round, though it ran late"));
        // due again at once (the grid of 200 ms has passed); then not for an hour
        for (int i = 0; i < 2; i++) {
            var again = CliRunner.run("survey", "--all", "--every", "1h", "--frames", "5", "--faces", "none", "--db",
                    db);
            assertEquals(0, again.exit(), again.err());
            assertEquals(i == 1, again.err().contains("no room was due: the next is due at "), again.err());
        }
        measuredPerRoom(db).forEach((room, n) -> assertEquals(2, n, room));
        assertEquals("0.2 s", SurveyCommand.words(200));
        assertEquals("17 min 20 s", SurveyCommand.words(1_040_000));
        assertEquals("round of 40 rooms due at 09:00:00 took 17 min 20 s of its 15 min (2 min 20 s late): one more "
                + "worker would keep up", SurveyCommand.roundLine("09:00:00", 40, 1_040_000, 900_000, 1, 0));
        assertEquals("round of 500 rooms due at 09:00:00 took 30 min of its 15 min (15 min late): 2 more workers "
                + "would keep up", SurveyCommand.roundLine("09:00:00", 500, 1_800_000, 900_000, 2, 0));
        // late because the database was away, not for want of workers
        assertEquals("round of 2 rooms due at 09:00:00 took 15 s of its 3.0 s (12 s late: the database was away 14 s "
                + "of it)", SurveyCommand.roundLine("09:00:00", 2, 15_000, 3_000, 1, 14_000));
        assertEquals("round of 40 rooms due at 09:00:00 took 20 min of its 15 min (5 min late, the database away 1 min "
                + "of it): one more worker would keep up", SurveyCommand.roundLine("09:00:00", 40, 1_200_000, 900_000,
                        1,
                        60_000));
    }

    @Test
    void aSiteLimitsAWorkerAndAnUnknownOneIsRefused(@TempDir Path dir) throws Exception {
        String db = estate(dir);
        var unknown = CliRunner.run("survey", "--all", "--site", "Nowhere", "--db", db);
        assertEquals(2, unknown.exit());
        assertEquals(1, unknown.err().lines().filter(l -> !l.isBlank()).count(), unknown.err());
        assertEquals(2, CliRunner.run("survey", "--all", "--parallel", "0", "--db", db).exit());
        assertEquals(2, CliRunner.run("survey", "--all", "--parallel", "999", "--db", db).exit());
        var north = CliRunner.run("survey", "--all", "--site", "north", "--frames", "5", "--faces", "none", "--db",
                db);
        assertEquals(0, north.exit(), north.err());
        Map<String, Integer> perRoom = measuredPerRoom(db);
        perRoom.forEach((r, n) -> assertEquals(Integer.parseInt(r.substring(5)) % 2 == 0 ? 1 : 0, n, r + ": "
                + perRoom));
        assertEquals(0, CliRunner.run("survey", "--all", "--frames", "5", "--faces", "none", "--db", db).exit());
        var fleet = CliRunner.run("fleet", "--site", "SOUTH", "--top", "50", "--db", db);
        assertEquals(0, fleet.exit(), fleet.err());
        assertTrue(fleet.out().contains("Room 01") && !fleet.out().contains("Room 02"), fleet.out());
        var nowhere = CliRunner.run("fleet", "--site", "Nowhere", "--db", db);
        assertEquals(2, nowhere.exit());
        assertEquals(1, nowhere.err().lines().filter(l -> !l.isBlank()).count(), nowhere.err());
    }
}
