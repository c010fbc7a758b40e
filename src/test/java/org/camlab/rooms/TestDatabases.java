package org.camlab.rooms;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The two databases every history test runs against: an SQLite file, and a real PostgreSQL server
 * (scripts/test-postgres.sh starts it on a local port; CAMLAB_TEST_PG names another). Each test
 * gets a fresh PostgreSQL schema of its own. Never skipped: without the server the PostgreSQL
 * cases fail and say how to start it.
 */
public final class TestDatabases {
    public static final String DEFAULT_PG = "jdbc:postgresql://127.0.0.1:55432/camlab_test?user=camlab&password=camlab";

    private TestDatabases() {
    }

    /** What {@code @MethodSource} gives the parameterised tests. */
    public static List<String> kinds() {
        return List.of("sqlite", "postgresql");
    }

    public static String postgresUrl() {
        String env = System.getenv("CAMLAB_TEST_PG");
        return env != null && !env.isBlank() ? env : DEFAULT_PG;
    }

    /** A new, empty database of {@code kind}: a file in {@code dir}, or a new schema. */
    public static String fresh(String kind, Path dir) {
        if (kind.equals("sqlite")) {
            return dir.resolve("rooms-" + UUID.randomUUID().toString().substring(0, 8) + ".db").toString();
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String base = postgresUrl();
        try (Connection c = DriverManager.getConnection(base + "&connectTimeout=5");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            fail("the tests' PostgreSQL is not reachable at " + RoomStore.redact(base) + " (" + e.getMessage()
                    + "): run scripts/test-postgres.sh, as README's test command does");
        }
        return base + "&currentSchema=" + schema;
    }

    /**
     * Makes {@code db} look written by a later camlab: one more migration (v99) in its schema
     * history, applied successfully, that this camlab does not know.
     */
    public static void fromANewerCamlab(String db) throws SQLException {
        boolean pg = db.startsWith("jdbc:postgresql:");
        // Flyway reads installed_on back as a timestamp: SQLite's text must carry the milliseconds it writes
        String now = pg ? "CURRENT_TIMESTAMP" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        try (Connection c = DriverManager.getConnection(pg ? db : "jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                            + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from a later camlab', 'SQL', "
                            + "'V99__from_a_later_camlab.sql', 1, 'camlab', " + now + ", 1, " + (pg ? "true" : "1")
                            + ")");
        }
    }
}
