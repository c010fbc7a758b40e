package org.camlab.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import org.camlab.cli.CliRunner;
import org.camlab.exit.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server's own refusals, met for real and said in words: a server that takes no
 * writes (a standby, or read-only transactions: SQL state 25006) and a server whose disk is full
 * (53100). Each is one line naming the cause, exit 3, as on SQLite.
 */
@Timeout(180)
class PostgresEdgesTest {
    @Test
    void aServerThatTakesNoWritesIsReadAndSaysWhyItRefuses(@TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh("postgresql", dir);
        try (RoomStore s = RoomStore.open(db)) {
            s.add(new Room("Board", "HQ", null, null, "camera:0"));
        }
        // what a standby, or a database set read-only, answers to every write
        String readOnly = db + "&options=" + URLEncoder.encode("-c default_transaction_read_only=on",
                StandardCharsets.UTF_8);
        try (RoomStore s = RoomStore.open(readOnly)) {
            assertEquals(List.of("Board"), s.rooms().stream().map(Room::name).toList(), "reading goes on");
            StoreException e = assertThrows(StoreException.class, () -> s.add(new Room("Huddle", null, null, null,
                    "camera:1")));
            assertTrue(e.getMessage().endsWith("the database server takes no writes (PostgreSQL 25006: a standby, "
                    + "or read-only transactions)"), e.getMessage());
            assertEquals(ExitCode.SOURCE, e.exitCode());
        }
        var r = CliRunner.run("rooms", "add", "Huddle", "--source", "camera:1", "--db", readOnly);
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.err());
        assertTrue(r.err().contains("PostgreSQL 25006") && !r.err().contains("password=camlab"), r.err());
    }

    @Test
    void aServerWhoseDiskIsFullSaysSo(@TempDir Path dir) throws Exception {
        assumeTrue(Tmpfs.possible(), "a full disk needs a small tmpfs and the server's superuser: root (CI is)");
        String db = TestDatabases.fresh("postgresql", dir);
        String schema = db.substring(db.indexOf("currentSchema=") + "currentSchema=".length());
        String space = "camlab_" + schema;
        try (RoomStore s = RoomStore.open(db)) {
            s.add(new Room("Board", "HQ", null, null, "camera:0"));
        }
        // where the server (user postgres) can reach it: the test's own directory is root's alone
        Path reachable = Files.createTempDirectory(Path.of("/tmp"), "camlab-pg-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            try (Tmpfs small = Tmpfs.mount(reachable, "512k")) {
                Tmpfs.run("chown", "postgres:postgres", small.dir().toString());
                superuser("CREATE TABLESPACE " + space + " LOCATION '" + small.dir() + "'");
                try {
                    superuser("GRANT CREATE ON TABLESPACE " + space + " TO camlab");
                    try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
                        // the rooms' table on the small disk: the server's disk, as far as that table knows
                        st.execute("ALTER TABLE room SET TABLESPACE " + space);
                        st.execute("ALTER INDEX room_pkey SET TABLESPACE " + space);
                    }
                    StoreException full = null;
                    try (RoomStore s = RoomStore.open(db)) {
                        for (int i = 0; i < 100_000 && full == null; i++) {
                            try {
                                s.add(new Room(String.format("Room %06d ", i) + "x".repeat(185), null, null, null,
                                        "camera:" + i));
                            } catch (StoreException e) {
                                full = e;
                            }
                        }
                    }
                    assertTrue(full != null, "the disk never filled");
                    assertTrue(full.getMessage().endsWith("the database server's disk is full (PostgreSQL 53100 "
                            + "disk_full)"), full.getMessage());
                    assertEquals(ExitCode.SOURCE, full.exitCode());
                    var r = CliRunner.run("rooms", "add", "Huddle " + "x".repeat(190), "--source", "camera:1", "--db",
                            db);
                    assertEquals(3, r.exit(), r.err());
                    assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.err());
                    assertTrue(r.err().contains("PostgreSQL 53100"), r.err());
                } finally {
                    try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                    superuser("DROP TABLESPACE " + space);
                }
            }
        } finally {
            try (var left = Files.walk(reachable)) {
                left.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A statement run by the server's superuser (postgres, over its local socket), as root may. */
    static void superuser(String sql) throws Exception {
        String port = TestDatabases.postgresUrl().replaceAll(".*://[^:/]+:(\\d+)/.*", "$1");
        Tmpfs.run("runuser", "-u", "postgres", "--", "psql", "-h", "/var/run/postgresql", "-p", port, "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-qtAc", sql);
    }
}
