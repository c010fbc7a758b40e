package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;
import org.camlab.rooms.TestDatabases;
import org.camlab.rooms.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store's edges as a user meets them, each command a process of its own (so that what Flyway
 * or pgjdbc would log reaches stderr as it would for the user): one line, the same exit code for the
 * same failure in every command, and files written with the user's umask.
 */
@Timeout(300)
class StoreEdgesCliTest {
    private static final String NEWER = "camlab: this database was written by a newer camlab (schema v99; this one knows v3): "
            + "it can be read, not written";

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void aNewerSchemaIsReadAndEveryWriteRefusedInOneLineWithExit3(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        assertEquals(0, CliRunner.run("rooms", "add", "Board", "--source", "camera:0", "--site", "HQ", "--db", db)
                .exit());
        TestDatabases.fromANewerCamlab(db);
        ChildProcess camlab = new ChildProcess();
        // the writes: the one line, and no line of Flyway's ("Schema … has a version (99) that is newer …")
        for (String[] write : new String[][]{{"rooms", "add", "Huddle", "--source", "camera:1"}, {"rooms", "remove",
                "Board"},
                {"survey", "Board", "--faces", "none"}, {"rooms", "standard", "Board", "--clear"}}) {
            ChildProcess.Result r = camlab.run(120, concat(write, "--db", db));
            assertEquals(3, r.exit(), String.join(" ", write) + ": " + r.err());
            assertEquals(List.of(NEWER), r.errLines(), String.join(" ", write));
        }
        // the reads go on, silently
        for (String[] read : new String[][]{{"rooms", "list"}, {"history", "Board"}, {"fleet"}}) {
            ChildProcess.Result r = camlab.run(120, concat(read, "--db", db));
            assertEquals(0, r.exit(), String.join(" ", read) + ": " + r.err());
            assertEquals(List.of(), r.errLines(), String.join(" ", read));
        }
        ChildProcess.Result list = camlab.run(120, "rooms", "list", "--db", db);
        assertTrue(list.out().startsWith("Board"), list.out());
        // what Flyway says is still there for whoever asks
        ChildProcess.Result verbose = camlab.run(120, "rooms", "add", "Huddle", "--source", "camera:1", "--verbose",
                "--db", db);
        assertEquals(3, verbose.exit());
        assertTrue(verbose.errLines().size() > 1 && verbose.err().contains("Flyway"), verbose.err());
    }

    @Test
    void aFullDiskEndsEveryCommandWith3InOneLine(@TempDir Path dir) throws Exception {
        assumeTrue(Tmpfs.possible(), "a full disk needs a small tmpfs, which needs root (CI and .ci/run are root)");
        try (Tmpfs small = Tmpfs.mount(dir, "1500k")) {
            String db = small.dir().resolve("rooms.db").toString();
            RoomStore store = RoomStore.open(db);
            store.add(new Room("Board", null, null, null, "camera:99"));
            String report = "x".repeat(2000);
            assertThrows(StoreException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    store.record(new Measurement("Board", i, "s1", true, null, 50, 0, 0, 0, 0, 0, null, null, null, -1,
                            null, report));
                }
            });
            // another reader's snapshot keeps the WAL from starting over in the space it already holds: a
            // write must take new space, as on a disk that is really full (else a small row may still fit)
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement r = reader.createStatement()) {
                reader.setAutoCommit(false);
                r.executeQuery("SELECT count(*) FROM measurement").close();
                store.close();
                // rooms add said 2 here (its name taken, it thought) where survey said 3
                for (String[] write : new String[][]{{"rooms", "add", "Huddle", "--source", "camera:1"},
                        {"survey", "Board", "--faces", "none", "--frames", "1"}}) {
                    ChildProcess.Result run = new ChildProcess().run(120, concat(write, "--db", db));
                    assertEquals(3, run.exit(), String.join(" ", write) + ": " + run.err());
                    assertEquals(1, run.errLines().size(), run.err());
                    assertTrue(run.err().strip().endsWith("the disk is full (SQLITE_FULL): free some space"), run
                            .err());
                }
            }
        }
    }

    @Test
    void aNameTakenIsTheUsersToChangeExit2(@TempDir Path dir) {
        String db = dir.resolve("rooms.db").toString();
        assertEquals(0, CliRunner.run("rooms", "add", "Board", "--source", "camera:0", "--db", db).exit());
        CliRunner.Result again = CliRunner.run("rooms", "add", "Board", "--source", "camera:1", "--db", db);
        assertEquals(2, again.exit());
        assertEquals("camlab: a room named 'Board' exists already ('camlab rooms show Board')", again.err().strip());
    }

    @Test
    void severalProcessesOpeningOneNewFileAtOnceAllSucceed(@TempDir Path dir) throws Exception {
        int processes = 3;
        for (int trial = 0; trial < 3; trial++) {
            String db = dir.resolve("rooms-" + trial + ".db").toString();
            List<Process> started = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                started.add(new ChildProcess().start("rooms", "add", "room " + p, "--source", "camera:0", "--db", db));
            }
            for (Process p : started) {
                assertTrue(p.waitFor(120, TimeUnit.SECONDS));
                String err = new String(p.getErrorStream().readAllBytes());
                assertEquals(0, p.exitValue(), "trial " + trial + ": " + err);
            }
            try (RoomStore s = RoomStore.open(db)) {
                assertEquals(processes, s.rooms().size());
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*), sum(success) FROM flyway_schema_history")) {
                rs.next();
                assertEquals(3, rs.getInt(1), "each migration once");
                assertEquals(3, rs.getInt(2));
            }
        }
    }

    @Test
    void filesAreWrittenWithTheUsersUmask(@TempDir Path dir) throws Exception {
        Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
        Path report = dir.resolve("fleet.html");
        StringWriter err = new StringWriter();
        assertTrue(ReportOptions.write(report, "<html></html>", "fleet report", new PrintWriter(err)), err.toString());
        assertEquals(expected, Files.getPosixFilePermissions(report), "as a file created in " + dir + " is");
        assertTrue(ReportOptions.write(report, "<html>again</html>", "fleet report", new PrintWriter(err)), err
                .toString());
        assertEquals(expected, Files.getPosixFilePermissions(report), "replaced, still");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("fleet.html", "ordinary.txt"), left.map(p -> p.getFileName().toString()).sorted()
                    .toList(),
                    "no temporary file left");
        }
        // and through a command: the fleet page
        String db = dir.resolve("rooms.db").toString();
        try (RoomStore s = RoomStore.open(db)) {
            s.add(new Room("Board", null, null, null, "camera:0"));
        }
        Path page = dir.resolve("page.html");
        CliRunner.Result fleet = CliRunner.run("fleet", "--report", page.toString(), "--db", db);
        assertEquals(0, fleet.exit(), fleet.err());
        assertEquals(expected, Files.getPosixFilePermissions(page));
    }

    @Test
    void pgjdbcSaysNothingOnStderrUnlessVerbose() {
        // pgjdbc logs through java.util.logging, whose console handler writes to stderr
        Logger driver = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        try {
            Logging.configure(true);
            assertTrue(driver.isLoggable(Level.WARNING), "--verbose shows what pgjdbc says");
        } finally {
            Logging.configure(false);
        }
        assertFalse(driver.isLoggable(Level.SEVERE),
                "without --verbose, not even its severe lines: the store's one line says it");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
