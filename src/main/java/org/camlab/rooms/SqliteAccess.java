package org.camlab.rooms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * How an SQLite file is opened: for writing where it can be written, else for reading only — a
 * read-only file, directory or file system still holds a history worth reading, and opening it for
 * writing fails before a single row is read.
 */
final class SqliteAccess {
    private final Path file;
    private final String readOnly;

    private SqliteAccess(Path file, String readOnly) {
        this.file = file;
        this.readOnly = readOnly;
    }

    static SqliteAccess of(Path file) throws StoreException {
        Path dir = file.getParent();
        if (!Files.exists(file)) {
            if (!Files.isWritable(dir)) {
                throw new StoreException("cannot create the database " + file + ": its directory is read-only");
            }
            return new SqliteAccess(file, null);
        }
        // the journal (WAL and its index) lives beside the file: a writable file in a read-only directory cannot be written either
        if (!Files.isWritable(file) || !Files.isWritable(dir)) {
            return new SqliteAccess(file, "the database " + file + " is read-only (its file or its directory cannot be "
                    + "written): it can be read, not written");
        }
        return new SqliteAccess(file, null);
    }

    /** Why the file can be read but not written; null when it can be written. */
    String readOnly() {
        return readOnly;
    }

    Connection connect() throws SQLException {
        if (readOnly == null) {
            return DriverManager.getConnection("jdbc:sqlite:" + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
            return c;
        } catch (SQLException e) {
            c.close();
            // a file in WAL mode is read through its shared-memory index, which a read-only directory
            // cannot hold; nothing can write there, so the file is as good as immutable
            return DriverManager.getConnection("jdbc:sqlite:" + file.toUri() + "?immutable=1", config.toProperties());
        }
    }

    /** The settings a connection that writes needs, set before anything is migrated or written. */
    void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // first: the statements below wait for a lock held by another process instead of failing at once
            s.execute("PRAGMA busy_timeout=10000");
            // 16 KB pages for a new file (no effect on an existing one): a measurement of
            // about 2.7 KB took a 4 KB page of its own, a third of the file wasted
            // (4,207 → 2,891 B per measurement, benchmarks/RESULTS.md)
            s.execute("PRAGMA page_size=16384");
            // WAL: readers never block the survey's writes; several processes may write, each
            // waiting up to 10 s for the lock instead of failing at once
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
        }
    }
}
