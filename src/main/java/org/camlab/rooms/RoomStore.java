package org.camlab.rooms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The rooms and their measurements: an SQLite file by default, PostgreSQL when the database is a
 * {@code jdbc:postgresql://} URL — the same statements and the same schema (Flyway migrations in
 * {@code org/camlab/rooms/migration}). Every write is its own transaction, committed before the
 * call returns: a survey killed at any moment loses nothing it has stored.
 */
public final class RoomStore implements AutoCloseable {
    private final Connection connection;
    private final String shown;

    private RoomStore(Connection connection, String shown) {
        this.connection = connection;
        this.shown = shown;
    }

    /** The default: {@code $XDG_DATA_HOME/camlab/rooms.db}, else {@code ~/.local/share/camlab/rooms.db}. */
    public static String defaultDatabase() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("camlab").resolve("rooms.db").toString();
    }

    /**
     * Opens (creating and migrating where needed) {@code db}: a file path for SQLite, or a
     * {@code jdbc:postgresql://host/db?user=…} URL.
     */
    public static RoomStore open(String db) throws StoreException {
        String url;
        String shown;
        if (db.startsWith("jdbc:")) {
            if (!db.startsWith("jdbc:postgresql://") && !db.startsWith("jdbc:sqlite:")) {
                throw new StoreException("--db: a file, or a jdbc:postgresql://HOST/DATABASE URL, not '" + redact(db) + "'");
            }
            url = db;
            shown = redact(db);
        } else {
            Path file = Path.of(db).toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (Exception e) {
                throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
            }
            url = "jdbc:sqlite:" + file;
            shown = file.toString();
        }
        try {
            DriverManager.setLoginTimeout(10);
            Connection c = DriverManager.getConnection(url);
            if (url.startsWith("jdbc:sqlite:")) {
                try (Statement s = c.createStatement()) {
                    // WAL: readers never block the survey's writes; several processes may write, each
                    // waiting up to 10 s for the lock instead of failing at once
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA busy_timeout=10000");
                    s.execute("PRAGMA synchronous=NORMAL");
                }
            }
            migrate(url, c);
            c.setAutoCommit(true);
            return new RoomStore(c, shown);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + shown + ": " + oneLine(e), e);
        }
    }

    private static void migrate(String url, Connection c) throws StoreException {
        try {
            Flyway.configure().dataSource(new SingleConnection(url, c)).locations("classpath:org/camlab/rooms/migration")
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the database: " + oneLine(e), e);
        }
    }

    /** Where the store is, as it may be shown (no password). */
    public String shown() {
        return shown;
    }

    public void add(Room r) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO room (name, site, building, floor, source, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, r.name());
            p.setString(2, r.site());
            p.setString(3, r.building());
            p.setString(4, r.floor());
            p.setString(5, r.source());
            p.setLong(6, System.currentTimeMillis());
            p.executeUpdate();
        } catch (SQLException e) {
            if (room(r.name()).isPresent()) {
                throw new StoreException("a room named '" + r.name() + "' exists already ('camlab rooms show " + r.name() + "')");
            }
            throw new StoreException("cannot add the room: " + oneLine(e), e);
        }
    }

    public Optional<Room> room(String name) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement("SELECT name, site, building, floor, source FROM room WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(room(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the rooms: " + oneLine(e), e);
        }
    }

    public List<Room> rooms() throws StoreException {
        List<Room> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, site, building, floor, source FROM room ORDER BY site, building, floor, name")) {
            while (rs.next()) {
                out.add(room(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the rooms: " + oneLine(e), e);
        }
    }

    /** Removes the room and its measurements, in one transaction. @return false when there was none */
    public boolean remove(String name) throws StoreException {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement m = connection.prepareStatement("DELETE FROM measurement WHERE room = ?");
                 PreparedStatement r = connection.prepareStatement("DELETE FROM room WHERE name = ?")) {
                m.setString(1, name);
                m.executeUpdate();
                r.setString(1, name);
                int n = r.executeUpdate();
                connection.commit();
                return n > 0;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot remove the room: " + oneLine(e), e);
        }
    }

    /** Stores one measurement, committed before it returns. */
    public void record(Measurement m) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO measurement (room, taken_at, survey, ok, error, score, "
                + "backlight_stops, light_level, uniformity, fps, top_problem, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, m.room());
            p.setLong(2, m.takenAt());
            p.setString(3, m.survey());
            p.setInt(4, m.ok() ? 1 : 0);
            p.setString(5, m.error());
            if (m.ok()) {
                p.setInt(6, m.score());
            } else {
                p.setNull(6, Types.INTEGER);
            }
            number(p, 7, m.backlightStops());
            number(p, 8, m.lightLevel());
            number(p, 9, m.uniformity());
            number(p, 10, m.fps());
            p.setString(11, m.topProblem());
            p.setString(12, m.report());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store the measurement in " + shown + ": " + oneLine(e), e);
        }
    }

    /** A room's measurements in time order, from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive). */
    public List<Measurement> measurements(String room, long fromMillis, long toMillis) throws StoreException {
        List<Measurement> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT room, taken_at, survey, ok, error, score, backlight_stops, "
                + "light_level, uniformity, fps, top_problem, report FROM measurement WHERE room = ? AND taken_at >= ? AND taken_at < ? "
                + "ORDER BY taken_at, survey")) {
            p.setString(1, room);
            p.setLong(2, fromMillis);
            p.setLong(3, toMillis);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int score = rs.getInt(6);
                    boolean noScore = rs.wasNull();
                    out.add(new Measurement(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4) == 1, rs.getString(5),
                            noScore ? -1 : score, number(rs, 7), number(rs, 8), number(rs, 9), number(rs, 10), rs.getString(11),
                            rs.getString(12)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the measurements: " + oneLine(e), e);
        }
    }

    private static Room room(ResultSet rs) throws SQLException {
        return new Room(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static void number(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            p.setNull(i, Types.DOUBLE);
        } else {
            p.setDouble(i, v);
        }
    }

    private static double number(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** A JDBC URL without its password (in the query or the user-info part). */
    static String redact(String url) {
        return org.camlab.capture.Redact.url(url).replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return redact(nl >= 0 ? m.substring(0, nl) : m).trim();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing after every row is committed: nothing to lose
        }
    }
}
