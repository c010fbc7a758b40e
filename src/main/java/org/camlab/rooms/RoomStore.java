package org.camlab.rooms;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.camlab.capture.Redact;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;

/**
 * The rooms and their measurements: an SQLite file by default, PostgreSQL when the database is a
 * {@code jdbc:postgresql://} URL — the same statements and the same schema (Flyway migrations in
 * {@code org/camlab/rooms/migration}). Every write is its own transaction, committed before the
 * call returns: a survey killed at any moment loses nothing it has stored.
 */
public final class RoomStore implements AutoCloseable {
    private Connection connection;
    /** The server's JDBC URL, to connect again after losing it; null for SQLite. */
    private final String serverUrl;
    private final String shown;
    private final ZoneId zone;
    /** Why the store can be read but not written; null when it can be written. */
    private final String readOnly;

    private RoomStore(Connection connection, String serverUrl, String shown, ZoneId zone, String readOnly) {
        this.connection = connection;
        this.serverUrl = serverUrl;
        this.shown = shown;
        this.zone = zone;
        this.readOnly = readOnly;
    }

    /** The default: {@code $XDG_DATA_HOME/camlab/rooms.db}, else {@code ~/.local/share/camlab/rooms.db}. */
    public static String defaultDatabase() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local",
                "share");
        return base.resolve("camlab").resolve("rooms.db").toString();
    }

    /**
     * Opens (creating and migrating where needed) {@code db}: a file path for SQLite, or a
     * {@code jdbc:postgresql://host/db?user=…} URL.
     */
    public static RoomStore open(String db) throws StoreException {
        return open(db, ZoneId.systemDefault());
    }

    /** @param zone where the rooms are: local hours and weekdays (the afternoon sun) are counted in it */
    public static RoomStore open(String db, ZoneId zone) throws StoreException {
        if (!db.startsWith("jdbc:") && db.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            // postgres://… is libpq's form, not a file: taken as a path it made directories named after the URL
            throw new CamlabException(ExitCode.BAD_ARGUMENTS,
                    "--db: a file, or a jdbc:postgresql://HOST/DATABASE?user=U&password=P URL, not '" + redact(db)
                            + "'");
        }
        if (db.startsWith("jdbc:") && !db.startsWith("jdbc:postgresql://") && !db.startsWith("jdbc:sqlite:")) {
            throw new CamlabException(ExitCode.BAD_ARGUMENTS,
                    "--db: a file, or a jdbc:postgresql://HOST/DATABASE URL, not '" + redact(db) + "'");
        }
        String path = db.startsWith("jdbc:sqlite:") ? db.substring("jdbc:sqlite:".length()) : db;
        if (db.startsWith("jdbc:postgresql://") || path.startsWith("file:") || path.startsWith(":memory:")) {
            // a server, or a URL SQLite reads itself: no file of camlab's to make, lock or look at
            return open(db, redact(db), null, zone);
        }
        Path file = Path.of(path).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (FileSystemException e) {
            String why = e.getReason() != null ? e.getReason() : e instanceof AccessDeniedException
                    ? "permission denied" : "not a directory that can be made";
            throw new StoreException("cannot create the directory " + file.getParent() + " for the database (" + why
                    + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        return open("jdbc:sqlite:" + file, file.toString(), file, zone);
    }

    /**
     * Opens, sets up and migrates the store; an SQLite file is prepared under {@link MigrationLock}
     * (several camlabs opening one new file at once take turns), and opened for reading only where it
     * cannot be written ({@link SqliteAccess}) or where a newer camlab has taken its schema further
     * ({@link Schema}).
     *
     * @param file the SQLite file; null for a server or an SQLite URL
     */
    private static RoomStore open(String url, String shown, Path file, ZoneId zone) throws StoreException {
        SqliteAccess access = file == null ? null : SqliteAccess.of(file);
        Connection c = null;
        try {
            DriverManager.setLoginTimeout(10);
            c = access == null ? DriverManager.getConnection(url) : access.connect();
            String readOnly = access == null ? null : access.readOnly();
            try (MigrationLock lock = readOnly == null && file != null ? MigrationLock.take(file) : null) {
                if (access != null && readOnly == null) {
                    access.prepare(c);
                }
                String newer = Schema.prepare(url, shown, c, readOnly == null);
                readOnly = newer != null ? newer : readOnly;
            }
            c.setAutoCommit(true);
            return new RoomStore(c, file == null && url.startsWith("jdbc:postgresql:") ? url : null, shown, zone,
                    readOnly);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("cannot open the database " + shown + ": " + StoreFailure.words(e), e);
        } catch (StoreException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // it failed to open: the first failure is what is told
            }
        }
    }

    /** Refuses a write to a store that can only be read, in the words of why. */
    public void requireWritable() throws StoreException {
        if (readOnly != null) {
            throw new StoreException(StoreException.Kind.READ_ONLY, readOnly);
        }
    }

    /** A name another room has, told alike by add and edit: the user's to change (exit 2). */
    private static StoreException nameTaken(String name) {
        return new StoreException(StoreException.Kind.CONFLICT, "a room named '" + name
                + "' exists already ('camlab rooms show " + RoomText.shell(name) + "')");
    }

    /** Where the store is, as it may be shown (no password). */
    public String shown() {
        return shown;
    }

    public void add(Room r) throws StoreException {
        requireWritable();
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
                throw nameTaken(r.name());
            }
            throw new StoreException("cannot add the room to " + shown + ": " + StoreFailure.words(e), e);
        }
    }

    public Optional<Room> room(String name) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT name, site, building, floor, source FROM room WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(room(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the rooms: " + StoreFailure.words(e), e);
        }
    }

    public List<Room> rooms() throws StoreException {
        List<Room> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT name, site, building, floor, source FROM room ORDER BY site, building, floor, name")) {
            while (rs.next()) {
                out.add(room(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the rooms: " + StoreFailure.words(e), e);
        }
    }

    /**
     * The tables that hold a room's history (and its survey lease) under its name: what removing or
     * renaming a room takes along.
     */
    private static final List<String> HISTORY_TABLES = List.of("measurement", "room_hour", "room_problem_day",
            "snapshot", "room_lease");

    /** Removes the room and its measurements, in one transaction. @return false when there was none */
    public boolean remove(String name) throws StoreException {
        return inTransaction("cannot remove the room", () -> {
            for (String table : HISTORY_TABLES) {
                try (PreparedStatement m = connection.prepareStatement("DELETE FROM " + table + " WHERE room = ?")) {
                    m.setString(1, name);
                    m.executeUpdate();
                }
            }
            try (PreparedStatement r = connection.prepareStatement("DELETE FROM room WHERE name = ?")) {
                r.setString(1, name);
                return r.executeUpdate() > 0;
            }
        });
    }

    /**
     * Changes the room {@code name} to {@code changed} (its name too), in one transaction: under a new
     * name its measurements, rollups and snapshots follow it, so the history is kept.
     *
     * @return false when there is no room {@code name}
     */
    public boolean edit(String name, Room changed) throws StoreException {
        boolean renamed = !changed.name().equals(name);
        if (renamed && room(changed.name()).isPresent()) {
            throw nameTaken(changed.name());
        }
        return inTransaction("cannot change the room", () -> {
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE room SET name = ?, site = ?, building = ?, floor = ?, source = ? WHERE name = ?")) {
                p.setString(1, changed.name());
                p.setString(2, changed.site());
                p.setString(3, changed.building());
                p.setString(4, changed.floor());
                p.setString(5, changed.source());
                p.setString(6, name);
                if (p.executeUpdate() == 0) {
                    return false;
                }
            }
            if (renamed) {
                for (String table : HISTORY_TABLES) {
                    try (PreparedStatement m = connection.prepareStatement("UPDATE " + table
                            + " SET room = ? WHERE room = ?")) {
                        m.setString(1, changed.name());
                        m.setString(2, name);
                        m.executeUpdate();
                    }
                }
            }
            return true;
        });
    }

    /**
     * The sites rooms are on, as first spelled: a site is one whatever its case ({@code hq} is
     * {@code HQ}), since people type it as they say it.
     */
    public List<String> sites() throws StoreException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT site FROM room WHERE site IS NOT NULL ORDER BY created_at, name")) {
            while (rs.next()) {
                String site = rs.getString(1);
                if (!site.isBlank() && out.stream().noneMatch(site::equalsIgnoreCase)) {
                    out.add(site);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the rooms: " + StoreFailure.words(e), e);
        }
    }

    /** The site as the rooms already spell it ({@code hq} for a site of {@code HQ}); empty for a site no room is on. */
    public Optional<String> site(String site) throws StoreException {
        return sites().stream().filter(site.strip()::equalsIgnoreCase).findFirst();
    }

    /** Work of several statements that commits whole or not at all. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction; a failure rolls it back and is told as "{@code failing}: why". */
    private <T> T inTransaction(String failing, Work<T> work) throws StoreException {
        requireWritable();
        T result;
        try {
            connection.setAutoCommit(false);
            result = work.run();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            // after SQLITE_FULL SQLite has ended the transaction itself: back to autocommit then fails
            // with "cannot commit - no transaction is active", which must not hide the cause
            try {
                connection.setAutoCommit(true);
            } catch (SQLException reset) {
                e.addSuppressed(reset);
            }
            throw new StoreException(failing + ": " + StoreFailure.words(e), e);
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException(failing + ": " + StoreFailure.words(e), e);
        }
        return result;
    }

    /** A statement run in the transaction of a measurement, before it: false withdraws the measurement. */
    interface Precondition {
        boolean holds(Connection c) throws SQLException;
    }

    /**
     * Stores a measurement as {@link #record(Measurement, byte[])} does, but only when {@code first}, run
     * in the same transaction, holds: a worker's lease is given back in the transaction that stores the
     * room's measurement, so that a lease another worker has taken over (this one was too slow) stores
     * nothing — the room is measured once, never twice.
     *
     * @return false when {@code first} did not hold and nothing was stored
     */
    boolean recordIf(Measurement m, byte[] snapshotJpeg, Precondition first) throws StoreException {
        ZonedDateTime local = Instant.ofEpochMilli(m.takenAt()).atZone(zone);
        int day = (int) local.toLocalDate().toEpochDay();
        return inTransaction("cannot store the measurement in " + shown, () -> {
            if (stored(m)) {
                return true;
            }
            if (!first.holds(connection)) {
                connection.rollback();
                return false;
            }
            insertMeasurement(m, day, local.getHour(), local.getDayOfWeek().getValue());
            rollUp(m, day, local.getHour(), local.getDayOfWeek().getValue());
            if (snapshotJpeg != null) {
                insertSnapshot(m, snapshotJpeg);
            }
            return true;
        });
    }

    /** True for a PostgreSQL store, where survey workers share the rooms by leases. */
    public boolean shared() {
        try {
            return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Stores one measurement, committed before it returns. */
    public void record(Measurement m) throws StoreException {
        record(m, null);
    }

    /**
     * Stores one measurement and its rollups (and its snapshot, when given) in one transaction,
     * committed before it returns: a process killed at any moment leaves each measurement whole or
     * absent, never half-counted.
     */
    public void record(Measurement m, byte[] snapshotJpeg) throws StoreException {
        ZonedDateTime local = Instant.ofEpochMilli(m.takenAt()).atZone(zone);
        int day = (int) local.toLocalDate().toEpochDay();
        int hour = local.getHour();
        int weekday = local.getDayOfWeek().getValue();
        inTransaction("cannot store the measurement in " + shown, () -> {
            if (stored(m)) {
                return null;
            }
            insertMeasurement(m, day, hour, weekday);
            rollUp(m, day, hour, weekday);
            if (snapshotJpeg != null) {
                insertSnapshot(m, snapshotJpeg);
            }
            return null;
        });
    }

    /**
     * True when this measurement is stored already: a commit whose answer was lost with the connection
     * may have been made, and storing the measurement again (as a survey does once it is back) is then
     * a no-op, never a second row.
     */
    private boolean stored(Measurement m) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT 1 FROM measurement WHERE room = ? AND taken_at = ? AND survey = ?")) {
            p.setString(1, m.room());
            p.setLong(2, m.takenAt());
            p.setString(3, m.survey());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void insertSnapshot(Measurement m, byte[] jpeg) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO snapshot (room, taken_at, survey, jpeg) VALUES (?, ?, ?, ?)")) {
            p.setString(1, m.room());
            p.setLong(2, m.takenAt());
            p.setString(3, m.survey());
            p.setBytes(4, jpeg);
            p.executeUpdate();
        }
    }

    private void insertMeasurement(Measurement m, int day, int hour, int weekday) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO measurement (room, taken_at, survey, ok, error, score, "
                        + "backlight_stops, light_level, uniformity, fps, top_problem, report, local_day, local_hour, weekday, mtf50, fix, "
                        + "standard, standard_pass, requirements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, m.room());
            p.setLong(2, m.takenAt());
            p.setString(3, m.survey());
            p.setInt(4, m.ok() ? 1 : 0);
            p.setString(5, m.error() == null ? null : clip(m.error(), 500));
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
            p.setInt(13, day);
            p.setInt(14, hour);
            p.setInt(15, weekday);
            number(p, 16, m.mtf50());
            p.setString(17, m.fix() == null ? null : m.fix().id());
            p.setString(18, m.standard() == null ? null : clip(m.standard(), 200));
            if (m.standardPass() < 0) {
                p.setNull(19, Types.SMALLINT);
            } else {
                p.setInt(19, m.standardPass());
            }
            p.setString(20, m.requirements());
            p.executeUpdate();
        }
    }

    /** The hour's and the day's counters: one upsert each, the same statement on SQLite (3.24+) and PostgreSQL. */
    private void rollUp(Measurement m, int day, int hour, int weekday) throws SQLException {
        boolean scored = m.ok() && m.score() >= 0;
        boolean backlight = !Double.isNaN(m.backlightStops());
        boolean light = !Double.isNaN(m.lightLevel());
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO room_hour (day, room, hour, weekday, n, failed, scored, "
                        + "score_sum, backlight_n, backlight_sum, light_n, light_sum, judged, passed) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (day, room, hour) DO UPDATE SET n = room_hour.n + 1, failed = room_hour.failed + excluded.failed, "
                        + "scored = room_hour.scored + excluded.scored, score_sum = room_hour.score_sum + excluded.score_sum, "
                        + "backlight_n = room_hour.backlight_n + excluded.backlight_n, "
                        + "backlight_sum = room_hour.backlight_sum + excluded.backlight_sum, light_n = room_hour.light_n + excluded.light_n, "
                        + "light_sum = room_hour.light_sum + excluded.light_sum, judged = room_hour.judged + excluded.judged, "
                        + "passed = room_hour.passed + excluded.passed")) {
            p.setInt(1, day);
            p.setString(2, m.room());
            p.setInt(3, hour);
            p.setInt(4, weekday);
            p.setInt(5, m.ok() ? 0 : 1);
            p.setInt(6, scored ? 1 : 0);
            p.setDouble(7, scored ? m.score() : 0);
            p.setInt(8, backlight ? 1 : 0);
            p.setDouble(9, backlight ? m.backlightStops() : 0);
            p.setInt(10, light ? 1 : 0);
            p.setDouble(11, light ? m.lightLevel() : 0);
            p.setInt(12, m.standardPass() >= 0 ? 1 : 0);
            p.setInt(13, m.standardPass() == 1 ? 1 : 0);
            p.executeUpdate();
        }
        if (m.topProblem() != null) {
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO room_problem_day (day, room, problem, n) "
                            + "VALUES (?, ?, ?, 1) ON CONFLICT (day, room, problem) DO UPDATE SET n = room_problem_day.n + 1")) {
                p.setInt(1, day);
                p.setString(2, m.room());
                p.setString(3, m.topProblem());
                p.executeUpdate();
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is gone: the transaction is gone with it
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static final String MEASUREMENT_COLUMNS = "room, taken_at, survey, ok, error, score, backlight_stops, light_level, "
            + "uniformity, fps, mtf50, top_problem, fix, standard, standard_pass, requirements, report";

    /** A room's measurements in time order, from {@code fromMillis} (inclusive) to {@code toMillis} (exclusive). */
    public List<Measurement> measurements(String room, long fromMillis, long toMillis) throws StoreException {
        return query("SELECT " + MEASUREMENT_COLUMNS
                + " FROM measurement WHERE room = ? AND taken_at >= ? AND taken_at < ? "
                + "ORDER BY taken_at, survey", room, fromMillis, toMillis);
    }

    /** A room's latest {@code limit} measurements in [from, to), oldest first, without their reports. */
    public List<Measurement> latest(String room, long fromMillis, long toMillis, int limit) throws StoreException {
        if (limit <= 0) {
            return List.of();
        }
        List<Measurement> out = new ArrayList<>(query("SELECT " + MEASUREMENT_COLUMNS.replace("report", "NULL")
                + " FROM measurement WHERE room = ? AND taken_at >= ? AND taken_at < ? ORDER BY taken_at DESC, survey DESC LIMIT "
                + limit, room, fromMillis, toMillis));
        Collections.reverse(out);
        return out;
    }

    /** How many measurements a room has in [from, to). */
    public int count(String room, long fromMillis, long toMillis) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT COUNT(*) FROM measurement WHERE room = ? AND taken_at >= ? AND taken_at < ?")) {
            p.setString(1, room);
            p.setLong(2, fromMillis);
            p.setLong(3, toMillis);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the measurements: " + StoreFailure.words(e), e);
        }
    }

    /** A room's last successful measurement taken before {@code beforeMillis}, if any. */
    public Optional<Measurement> lastBefore(String room, long beforeMillis) throws StoreException {
        List<Measurement> ms = query("SELECT " + MEASUREMENT_COLUMNS
                + " FROM measurement WHERE room = ? AND taken_at < ? AND ok = 1 "
                + "ORDER BY taken_at DESC LIMIT 1", room, beforeMillis, null);
        return ms.stream().findFirst();
    }

    /** A room's first successful measurement taken at or after {@code fromMillis}, if any. */
    public Optional<Measurement> firstFrom(String room, long fromMillis) throws StoreException {
        List<Measurement> ms = query("SELECT " + MEASUREMENT_COLUMNS
                + " FROM measurement WHERE room = ? AND taken_at >= ? AND ok = 1 "
                + "ORDER BY taken_at LIMIT 1", room, fromMillis, null);
        return ms.stream().findFirst();
    }

    /** The snapshot kept with a measurement (survey --snapshots), if any. */
    public Optional<byte[]> snapshot(String room, long takenAt, String survey) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT jpeg FROM snapshot WHERE room = ? AND taken_at = ? AND survey = ?")) {
            p.setString(1, room);
            p.setLong(2, takenAt);
            p.setString(3, survey);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the snapshots: " + StoreFailure.words(e), e);
        }
    }

    private List<Measurement> query(String sql, String room, long a, Long b) throws StoreException {
        List<Measurement> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, room);
            p.setLong(2, a);
            if (b != null) {
                p.setLong(3, b);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(measurement(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the measurements: " + StoreFailure.words(e), e);
        }
    }

    private static Measurement measurement(ResultSet rs) throws SQLException {
        int score = rs.getInt(6);
        boolean noScore = rs.wasNull();
        int pass = rs.getInt(15);
        boolean notJudged = rs.wasNull();
        return new Measurement(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4) == 1, rs.getString(5),
                noScore ? -1 : score, number(rs, 7), number(rs, 8), number(rs, 9), number(rs, 10), number(rs, 11),
                rs.getString(12), Fix.parse(rs.getString(13)), rs.getString(14), notJudged ? -1 : pass, rs.getString(
                        16),
                rs.getString(17));
    }

    // ---- standards

    /** A room's own standard (profile JSON), null for none. */
    public String roomStandard(String room) throws StoreException {
        return text("SELECT standard FROM room WHERE name = ?", room);
    }

    /** A site's standard (profile JSON), null for none. */
    public String siteStandard(String site) throws StoreException {
        return site == null ? null : text("SELECT standard FROM site_standard WHERE LOWER(site) = LOWER(?)", site);
    }

    /** Sets (or with null clears) a room's own standard. @return false when there is no such room */
    public boolean setRoomStandard(String room, String json) throws StoreException {
        requireWritable();
        try (PreparedStatement p = connection.prepareStatement("UPDATE room SET standard = ? WHERE name = ?")) {
            p.setString(1, json);
            p.setString(2, room);
            return p.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException("cannot set the standard: " + StoreFailure.words(e), e);
        }
    }

    /** Sets (or with null clears) a site's standard. */
    public void setSiteStandard(String site, String json) throws StoreException {
        inTransaction("cannot set the standard", () -> {
            try (PreparedStatement d = connection.prepareStatement(
                    "DELETE FROM site_standard WHERE LOWER(site) = LOWER(?)")) {
                d.setString(1, site);
                d.executeUpdate();
            }
            if (json != null) {
                try (PreparedStatement i = connection.prepareStatement(
                        "INSERT INTO site_standard (site, standard) VALUES (?, ?)")) {
                    i.setString(1, site);
                    i.setString(2, json);
                    i.executeUpdate();
                }
            }
            return null;
        });
    }

    private String text(String sql, String key) throws StoreException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the standards: " + StoreFailure.words(e), e);
        }
    }

    /** The zone local hours and days are counted in. */
    public ZoneId zone() {
        return zone;
    }

    Connection connection() {
        return connection;
    }

    /**
     * Connects again to the database server after the connection was lost ({@link
     * StoreException#connectionLost()}): the schema was checked and migrated when the store was opened,
     * and a restart does not change it.
     *
     * @throws StoreException the server cannot be reached yet, or the store is not a server's
     */
    public void reconnect() throws StoreException {
        if (serverUrl == null) {
            throw new StoreException("cannot connect again to " + shown + ": not a database server");
        }
        try {
            Connection fresh = DriverManager.getConnection(serverUrl);
            fresh.setAutoCommit(true);
            closeQuietly(connection);
            connection = fresh;
        } catch (SQLException e) {
            throw new StoreException("cannot connect again to " + shown + ": " + StoreFailure.words(e), e);
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
        return Redact.url(url).replaceAll("(?i)(password=)[^&\\s]*", "$1***");
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
