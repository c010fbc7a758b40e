package org.camlab.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camlab.exit.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store at its edges: many first opens of one new file at once, a schema from a newer camlab,
 * a full disk and a read-only file — each told in one line of its own, with the exit code every
 * command gives it.
 */
@Timeout(300)
class StoreEdgesTest {
    private static final int TRIALS = 12;
    private static final int THREADS = 8;

    @Test
    void manyFirstOpensOfOneNewFileAllSucceedAndLeaveTheSchemaWhole(@TempDir Path dir) throws Exception {
        // before the migration lock: 6 trials of 10 failed with 6 threads ("Failed to execute script V2…", "database is locked")
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                String db = dir.resolve("rooms-" + trial + ".db").toString();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> opens = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String room = "room " + t;
                    opens.add(pool.submit(() -> {
                        go.await();
                        try (RoomStore s = RoomStore.open(db)) {
                            s.add(new Room(room, null, null, null, "camera:0"));
                            return null;
                        } catch (StoreException e) {
                            return e.getMessage();
                        }
                    }));
                }
                go.countDown();
                for (Future<String> f : opens) {
                    assertEquals(null, f.get(), "trial " + trial);
                }
                assertWhole(db, THREADS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every migration applied once, successfully, and every room added by the openers there. */
    static void assertWhole(String db, int rooms) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
                List<String> applied = new ArrayList<>();
                while (rs.next()) {
                    applied.add(rs.getString(1) + (rs.getInt(2) == 1 ? "" : " failed"));
                }
                assertEquals(List.of("1", "2", "3"), applied, db);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM room")) {
                rs.next();
                assertEquals(rooms, rs.getInt(1), db);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void aNewerCamlabsDatabaseIsReadButNotWritten(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        try (RoomStore s = RoomStore.open(db)) {
            s.add(new Room("Board", "HQ", null, null, "camera:0"));
            s.record(RoomStoreTest.ok("Board", 1000, 80, 0.2, 120, null));
        }
        TestDatabases.fromANewerCamlab(db);
        try (RoomStore s = RoomStore.open(db)) {
            assertEquals(List.of("Board"), s.rooms().stream().map(Room::name).toList(), "reading goes on");
            assertEquals(1, s.measurements("Board", 0, Long.MAX_VALUE).size());
            assertEquals(1, Fleet.read(s, 0, 40_000).rooms().size());
            String said = "this database was written by a newer camlab (schema v99; this one knows v3): it can be read, not written";
            List<StoreException> refused = List.of(
                    assertThrows(StoreException.class, () -> s.add(new Room("Huddle", null, null, null, "camera:1"))),
                    assertThrows(StoreException.class, () -> s.record(RoomStoreTest.ok("Board", 2000, 80, 0.2, 120,
                            null))),
                    assertThrows(StoreException.class, () -> s.remove("Board")),
                    assertThrows(StoreException.class, () -> s.setRoomStandard("Board", null)),
                    assertThrows(StoreException.class, () -> s.setSiteStandard("HQ", null)),
                    assertThrows(StoreException.class, s::requireWritable));
            for (StoreException e : refused) {
                assertEquals(said, e.getMessage());
                assertEquals(StoreException.Kind.READ_ONLY, e.kind());
                assertEquals(ExitCode.SOURCE, e.exitCode());
            }
            assertEquals(1, s.measurements("Board", 0, Long.MAX_VALUE).size(), "nothing written");
        }
    }

    @Test
    void aFullDiskSaysSoInOneLine(@TempDir Path dir) throws Exception {
        assumeTrue(Tmpfs.possible(), "a full disk needs a small tmpfs, which needs root (CI and .ci/run are root)");
        try (Tmpfs small = Tmpfs.mount(dir, "1500k")) {
            String db = small.dir().resolve("rooms.db").toString();
            try (RoomStore s = RoomStore.open(db)) {
                s.add(new Room("Board", null, null, null, "camera:0"));
                String report = "x".repeat(2000);
                StoreException full = assertThrows(StoreException.class, () -> {
                    for (int i = 0; i < 10_000; i++) {
                        s.record(new Measurement("Board", i, "s1", true, null, 50, 0, 0, 0, 0, 0, null, null, null, -1,
                                null, report));
                    }
                });
                assertEquals("cannot store the measurement in " + db
                        + ": the disk is full (SQLITE_FULL): free some space",
                        full.getMessage(), "the cause, not 'cannot commit - no transaction is active'");
                assertEquals(ExitCode.SOURCE, full.exitCode());
                int stored = s.count("Board", 0, Long.MAX_VALUE);
                assertTrue(stored > 0, "what was stored before the disk filled is still read");
                StoreException again = assertThrows(StoreException.class, () -> s.add(new Room("Huddle", null, null,
                        null, "x")));
                assertTrue(again.getMessage().endsWith("the disk is full (SQLITE_FULL): free some space"), again
                        .getMessage());
                assertEquals(ExitCode.SOURCE, again.exitCode(), "a full disk is not a name taken");
            }
        }
    }

    @Test
    void aReadOnlyDatabaseIsReadAndRefusesWritesInWords(@TempDir Path dir) throws Exception {
        // root writes whatever a file's mode says: only a read-only file system stops it
        boolean root = Tmpfs.possible();
        Tmpfs mounted = root ? Tmpfs.mount(dir, "4m") : null;
        Path place = root ? mounted.dir() : Files.createDirectory(dir.resolve("ro"));
        try {
            Path file = place.resolve("rooms.db");
            try (RoomStore s = RoomStore.open(file.toString())) {
                s.add(new Room("Board", null, null, null, "camera:0"));
                s.record(RoomStoreTest.ok("Board", 1000, 80, 0.2, 120, null));
            }
            if (root) {
                mounted.readOnly();
            } else {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
                Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
            try (RoomStore s = RoomStore.open(file.toString())) {
                assertEquals(List.of("Board"), s.rooms().stream().map(Room::name).toList(), "reading goes on");
                assertEquals(1, s.measurements("Board", 0, Long.MAX_VALUE).size());
                StoreException e = assertThrows(StoreException.class, () -> s.add(new Room("Huddle", null, null, null,
                        "x")));
                assertEquals("the database " + file
                        + " is read-only (its file or its directory cannot be written): it can be "
                        + "read, not written", e.getMessage());
                assertEquals(ExitCode.SOURCE, e.exitCode());
                assertThrows(StoreException.class, () -> s.record(RoomStoreTest.ok("Board", 2000, 80, 0.2, 120, null)));
            }
            StoreException none = assertThrows(StoreException.class, () -> RoomStore.open(place.resolve("new.db")
                    .toString()));
            assertEquals("cannot create the database " + place.resolve("new.db") + ": its directory is read-only", none
                    .getMessage());
            assertFalse(Files.exists(place.resolve("new.db")));
        } finally {
            if (root) {
                mounted.close();
            } else {
                Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }
}
