package org.camlab.bench.rooms;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a history database with a year of {@link Estate}'s surveys: 365 days × 96 rounds × 500 rooms
 * = 17,520,000 measurements, the rollups built from them, as fast as the database takes them.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.camlab.bench.rooms.GenerateYear COMMAND [--db URL|FILE] [options]
 *
 *   init     RoomStore.open (Flyway creates the schema; for PostgreSQL the URL's currentSchema is created
 *            first) and the 500 rooms on 10 sites
 *   load     the days not loaded yet, each in one transaction: its measurements (PostgreSQL: COPY, text
 *            format; SQLite: batched INSERTs), then its room_hour and room_problem_day rows by INSERT ...
 *            SELECT ... GROUP BY over the day's rows; stops after the day that passes --max-minutes
 *   finish   VACUUM ANALYZE (PostgreSQL) or ANALYZE (SQLite)
 *   sizes    rows and bytes on disk per table, and in all
 *   check    writes a sample (21 rooms, 3 days: a DST day, the offline room's last days) once through
 *            RoomStore.record and once through the bulk path, and compares every measurement column
 *            and every rollup row of the two
 *   drop     drops the schema (PostgreSQL) or deletes the file and its WAL (SQLite)
 *
 *   --db        jdbc:postgresql://...&amp;currentSchema=S, or an SQLite file
 *               (default jdbc:postgresql://127.0.0.1:55432/camlab_bench?user=camlab&amp;password=camlab&amp;currentSchema=bench_year)
 *   --first     the year's first local day (default 2025-12-01)     --days   its length (default 365)
 *   --from      first day to load, counted from --first (default 0)  --to     last day + 1 (default --days)
 *   --zone      the rooms' time zone (default Europe/Berlin)          --max-minutes  per load command (default 8)
 *   --every K   load only the days whose offset is a multiple of K: a sample spread over the year
 *   --sqlite-page-size N   init: a new SQLite file with this page size (RoomStore makes 16384-byte pages)
 *   --reports-from N   days before offset N keep a NULL report (the rest of the row as it is): a year
 *               that fits a disk budget, for timings that never read the report
 * </pre>
 *
 * The local day, hour and weekday are the ones {@code RoomStore.record} derives from {@code taken_at}
 * (UTC) in the zone; the rollups follow {@code RoomStore.rollUp} column by column ({@code check}
 * proves it on the sample).
 */
public final class GenerateYear {
    static final String DEFAULT_DB = "jdbc:postgresql://127.0.0.1:55432/camlab_bench?user=camlab&password=camlab&currentSchema=bench_year";

    static final String COLUMNS = "room, taken_at, survey, ok, error, score, backlight_stops, light_level, uniformity, fps, "
            + "top_problem, report, local_day, local_hour, weekday, mtf50, fix, standard, standard_pass, requirements";

    /** room_hour from the measurements of one range of taken_at, as RoomStore.rollUp counts them. */
    static final String ROLL_UP_HOURS = "INSERT INTO room_hour (day, room, hour, weekday, n, failed, scored, score_sum, "
            + "backlight_n, backlight_sum, light_n, light_sum, judged, passed) "
            + "SELECT local_day, room, local_hour, MIN(weekday), COUNT(*), SUM(1 - ok), "
            + "SUM(CASE WHEN ok = 1 AND score >= 0 THEN 1 ELSE 0 END), "
            + "COALESCE(SUM(CASE WHEN ok = 1 AND score >= 0 THEN score END), 0), "
            + "COUNT(backlight_stops), COALESCE(SUM(backlight_stops), 0), COUNT(light_level), COALESCE(SUM(light_level), 0), "
            + "COUNT(standard_pass), SUM(CASE WHEN standard_pass = 1 THEN 1 ELSE 0 END) "
            + "FROM measurement WHERE taken_at >= ? AND taken_at < ? GROUP BY local_day, room, local_hour";

    static final String ROLL_UP_PROBLEMS = "INSERT INTO room_problem_day (day, room, problem, n) "
            + "SELECT local_day, room, top_problem, COUNT(*) FROM measurement WHERE taken_at >= ? AND taken_at < ? "
            + "AND top_problem IS NOT NULL GROUP BY local_day, room, top_problem";

    static final List<String> TABLES = List.of("measurement", "room_hour", "room_problem_day", "room", "site_standard",
            "snapshot", "flyway_schema_history");

    private GenerateYear() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.out.println(
                    "usage: GenerateYear init|load|finish|sizes|check|drop [--db URL|FILE] [--first 2025-12-01] "
                            + "[--days 365] [--from 0] [--to 365] [--every 1] [--reports-from 0] [--zone Europe/Berlin] "
                            + "[--max-minutes 8] [--sqlite-page-size 16384]");
            return;
        }
        String command = args[0];
        String db = DEFAULT_DB;
        LocalDate first = LocalDate.of(2025, 12, 1);
        int days = 365;
        Integer from = null;
        Integer to = null;
        ZoneId zone = ZoneId.of("Europe/Berlin");
        double maxMinutes = 8;
        int every = 1;
        Integer reportsFrom = null;
        int pageSize = 0;
        for (int i = 1; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            Objects.requireNonNull(v, args[i] + " needs a value");
            switch (args[i]) {
                case "--db" -> db = v;
                case "--first" -> first = LocalDate.parse(v);
                case "--days" -> days = Integer.parseInt(v);
                case "--from" -> from = Integer.parseInt(v);
                case "--to" -> to = Integer.parseInt(v);
                case "--zone" -> zone = ZoneId.of(v);
                case "--max-minutes" -> maxMinutes = Double.parseDouble(v);
                case "--every" -> every = Integer.parseInt(v);
                case "--reports-from" -> reportsFrom = Integer.parseInt(v);
                case "--sqlite-page-size" -> pageSize = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Estate estate = new Estate(zone, first.toEpochDay(), days);
        switch (command) {
            case "init" -> init(db, zone, Estate.rooms(), pageSize);
            case "load" -> load(db, estate, first.toEpochDay(), from == null ? 0 : from, to == null ? days : to, every,
                    reportsFrom == null ? 0 : reportsFrom, maxMinutes, null);
            case "finish" -> finish(db);
            case "sizes" -> sizes(db);
            case "check" -> check(db, estate, first.toEpochDay(), days);
            case "drop" -> drop(db);
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    static boolean postgres(String db) {
        return db.startsWith("jdbc:postgresql:");
    }

    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(postgres(db) ? db : "jdbc:sqlite:" + Path.of(db).toAbsolutePath());
    }

    /** The schema named by the URL's currentSchema. */
    static String schema(String db) {
        int i = db.indexOf("currentSchema=");
        if (i < 0) {
            return "public";
        }
        String s = db.substring(i + "currentSchema=".length());
        int amp = s.indexOf('&');
        s = amp < 0 ? s : s.substring(0, amp);
        if (!s.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("currentSchema must be a plain lower-case name: " + s);
        }
        return s;
    }

    static void init(String db, ZoneId zone) throws Exception {
        init(db, zone, Estate.rooms(), 0);
    }

    /** @param pageSize for a new SQLite file: its page size (0: the 16384 bytes RoomStore.open sets on a new file) */
    static void init(String db, ZoneId zone, List<Room> rooms, int pageSize) throws Exception {
        if (postgres(db)) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema(db));
            }
        } else if (pageSize > 0 && !Files.exists(Path.of(db))) {
            Files.createDirectories(Path.of(db).toAbsolutePath().getParent());
            // the page size is fixed when the first table is written: a table made and dropped fixes it
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size=" + pageSize);
                s.execute("CREATE TABLE bench_page_size (x INTEGER)");
                s.execute("DROP TABLE bench_page_size");
            }
        }
        int added = 0;
        try (RoomStore store = RoomStore.open(db, zone)) {
            for (Room r : rooms) {
                if (store.room(r.name()).isEmpty()) {
                    store.add(r);
                    added++;
                }
            }
        }
        if (postgres(db)) {
            // the load is checked and analysed by the finish step; autovacuum would otherwise go on
            // reading the new rows after the (locked) load command has ended
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                for (String t : List.of("measurement", "room_hour", "room_problem_day")) {
                    s.execute("ALTER TABLE " + t
                            + " SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)");
                }
            }
        }
        System.out.printf(Locale.ROOT, "init: %s ready, %d rooms added%n", shown(db), added);
    }

    /**
     * Loads local days {@code firstDay + from} .. {@code firstDay + to - 1} that are not loaded yet.
     *
     * @param every       only every {@code every}-th day (day offset divisible by it): a sample of the year
     * @param reportsFrom days before this offset get a NULL report (every other column as it is)
     * @param only        the room indices to write, null for all
     */
    static void load(String db, Estate estate, long firstDay, int from, int to, int every, int reportsFrom,
            double maxMinutes,
            int[] only) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        int loaded = 0;
        Estate.Row row = new Estate.Row();
        try (Connection c = connect(db)) {
            boolean pg = postgres(db);
            if (!pg) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                    s.execute("PRAGMA cache_size=-262144");
                }
            }
            c.setAutoCommit(false);
            for (int d = from; d < to; d++) {
                long day = firstDay + d;
                if (d % every != 0 || loaded(c, day)) {
                    continue;
                }
                if ((System.nanoTime() - t0) / 60e9 > maxMinutes) {
                    System.out.printf(Locale.ROOT,
                            "load: stopping at day %d (%s): --max-minutes %.1f reached; run load again%n",
                            d, LocalDate.ofEpochDay(day), maxMinutes);
                    break;
                }
                long start = estate.dayStart(day);
                long end = estate.dayStart(day + 1);
                long d0 = System.nanoTime();
                boolean reports = d >= reportsFrom;
                long[] n = pg ? copyDay(c, estate, start, end, row, only, reports) : insertDay(c, estate, start, end,
                        row, only, reports);
                rollUp(c, pg, start, end);
                c.commit();
                rows += n[0];
                bytes += n[1];
                loaded++;
                if (loaded % 10 == 1 || d >= to - every) {
                    System.out.printf(Locale.ROOT, "load: day %d (%s): %d rows in %.1f s%n", d, LocalDate.ofEpochDay(
                            day), n[0],
                            (System.nanoTime() - d0) / 1e9);
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT,
                "load: %s: %d days, %d measurements (%.2f GB of row text) in %.1f s: %.0f measurements/s%n",
                shown(db), loaded, rows, bytes / 1e9, s, rows / Math.max(s, 1e-9));
    }

    static boolean loaded(Connection c, long day) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM room_hour WHERE day = ? LIMIT 1")) {
            p.setLong(1, day);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void rollUp(Connection c, boolean pg, long start, long end) throws SQLException {
        if (pg) {
            try (Statement s = c.createStatement()) {
                // statistics are stale while loading: keep the planner on the time index for the day's rows
                s.execute("SET LOCAL enable_seqscan = off");
            }
        }
        for (String sql : List.of(ROLL_UP_HOURS, ROLL_UP_PROBLEMS)) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, start);
                p.setLong(2, end);
                p.executeUpdate();
            }
        }
    }

    /** @return rows, bytes of COPY text */
    static long[] copyDay(Connection c, Estate estate, long start, long end, Estate.Row row, int[] only,
            boolean reports)
            throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY measurement (" + COLUMNS + ") FROM STDIN");
        StringBuilder b = new StringBuilder(1 << 21);
        long rows = 0;
        long bytes = 0;
        try {
            for (long slot = start; slot < end; slot += Estate.SLOT_MS) {
                for (int k = 0; k < (only == null ? Estate.ROOMS : only.length); k++) {
                    int i = only == null ? k : only[k];
                    estate.fill(row, i, slot, Estate.surveyId(Estate.machineOf(i), slot));
                    if (!reports) {
                        row.report = null;
                    }
                    line(b, row);
                    rows++;
                    if (b.length() > 1 << 20) {
                        byte[] out = b.toString().getBytes(StandardCharsets.UTF_8);
                        in.writeToCopy(out, 0, out.length);
                        bytes += out.length;
                        b.setLength(0);
                    }
                }
            }
            byte[] out = b.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(out, 0, out.length);
            bytes += out.length;
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        return new long[]{rows, bytes};
    }

    /** One row in COPY's text format (tab-separated, \N for NULL); no value holds a tab, newline or backslash. */
    static void line(StringBuilder b, Estate.Row r) {
        b.append(Estate.roomName(r.room)).append('\t').append(r.takenAt).append('\t').append(r.survey).append('\t')
                .append(r.ok ? 1 : 0).append('\t');
        text(b, r.error);
        if (r.ok) {
            b.append(r.score);
        } else {
            b.append("\\N");
        }
        b.append('\t');
        number(b, r.backlight);
        number(b, r.light);
        number(b, r.uniformity);
        number(b, r.fps);
        text(b, r.topProblem);
        text(b, r.report);
        b.append(r.localDay).append('\t').append(r.localHour).append('\t').append(r.weekday).append('\t');
        number(b, r.mtf50);
        text(b, r.fix == null ? null : r.fix.id());
        text(b, r.standard);
        if (r.standardPass < 0) {
            b.append("\\N");
        } else {
            b.append(r.standardPass);
        }
        b.append('\t');
        if (r.requirements == null) {
            b.append("\\N");
        } else {
            b.append(r.requirements);
        }
        b.append('\n');
    }

    private static void text(StringBuilder b, String s) {
        b.append(s == null ? "\\N" : s).append('\t');
    }

    private static void number(StringBuilder b, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            b.append("\\N");
        } else {
            b.append(v);
        }
        b.append('\t');
    }

    /** SQLite: the day's rows through one prepared INSERT, in batches; the caller commits. */
    static long[] insertDay(Connection c, Estate estate, long start, long end, Estate.Row row, int[] only,
            boolean reports)
            throws SQLException {
        long rows = 0;
        long bytes = 0;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO measurement (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long slot = start; slot < end; slot += Estate.SLOT_MS) {
                for (int k = 0; k < (only == null ? Estate.ROOMS : only.length); k++) {
                    int i = only == null ? k : only[k];
                    estate.fill(row, i, slot, Estate.surveyId(Estate.machineOf(i), slot));
                    if (!reports) {
                        row.report = null;
                    }
                    p.setString(1, Estate.roomName(i));
                    p.setLong(2, row.takenAt);
                    p.setString(3, row.survey);
                    p.setInt(4, row.ok ? 1 : 0);
                    p.setString(5, row.error);
                    if (row.ok) {
                        p.setInt(6, row.score);
                    } else {
                        p.setNull(6, Types.INTEGER);
                    }
                    number(p, 7, row.backlight);
                    number(p, 8, row.light);
                    number(p, 9, row.uniformity);
                    number(p, 10, row.fps);
                    p.setString(11, row.topProblem);
                    p.setString(12, row.report);
                    p.setInt(13, row.localDay);
                    p.setInt(14, row.localHour);
                    p.setInt(15, row.weekday);
                    number(p, 16, row.mtf50);
                    p.setString(17, row.fix == null ? null : row.fix.id());
                    p.setString(18, row.standard);
                    if (row.standardPass < 0) {
                        p.setNull(19, Types.SMALLINT);
                    } else {
                        p.setInt(19, row.standardPass);
                    }
                    p.setString(20, row.requirements);
                    p.addBatch();
                    rows++;
                    bytes += 200 + (row.report == null ? 0 : row.report.length())
                            + (row.requirements == null ? 0 : row.requirements.length());
                    if (rows % 2000 == 0) {
                        p.executeBatch();
                    }
                }
            }
            p.executeBatch();
        }
        return new long[]{rows, bytes};
    }

    private static void number(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            p.setNull(i, Types.DOUBLE);
        } else {
            p.setDouble(i, v);
        }
    }

    static void finish(String db) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            if (postgres(db)) {
                for (String t : List.of("measurement", "room_hour", "room_problem_day", "room")) {
                    long t1 = System.nanoTime();
                    s.execute("VACUUM (ANALYZE) " + t);
                    System.out.printf(Locale.ROOT, "finish: VACUUM (ANALYZE) %s: %.1f s%n", t, (System.nanoTime() - t1)
                            / 1e9);
                }
                for (String t : List.of("measurement", "room_hour", "room_problem_day")) {
                    s.execute("ALTER TABLE " + t + " RESET (autovacuum_enabled, toast.autovacuum_enabled)");
                }
            } else {
                s.execute("ANALYZE");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
        System.out.printf(Locale.ROOT, "finish: %s in %.1f s%n", shown(db), (System.nanoTime() - t0) / 1e9);
    }

    static void sizes(String db) throws Exception {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            long measurements = count(s, "measurement");
            System.out.printf(Locale.ROOT, "sizes: %s%n", shown(db));
            if (postgres(db)) {
                String schema = schema(db);
                System.out.println("| table | rows | heap | TOAST | indexes | total | bytes/measurement |");
                System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
                long total = 0;
                for (String t : TABLES) {
                    String q = "'" + schema + "." + t + "'";
                    try (ResultSet rs = s.executeQuery("SELECT pg_relation_size(" + q
                            + "), COALESCE(pg_total_relation_size("
                            + "(SELECT reltoastrelid FROM pg_class WHERE oid = " + q
                            + "::regclass)), 0), pg_indexes_size(" + q
                            + "), pg_total_relation_size(" + q + ")")) {
                        rs.next();
                        long tot = rs.getLong(4);
                        total += tot;
                        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %.0f |%n", t, count(c, t), gb(rs
                                .getLong(1)),
                                gb(rs.getLong(2)), gb(rs.getLong(3)), gb(tot), measurements == 0 ? 0.0 : (double) tot
                                        / measurements);
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database()), current_database()")) {
                    rs.next();
                    System.out.printf(Locale.ROOT,
                            "schema %s total: %s (%d B, %.0f B per measurement); pg_database_size(%s): %s%n",
                            schema, gb(total), total, measurements == 0 ? 0.0 : (double) total / measurements, rs
                                    .getString(2),
                            gb(rs.getLong(1)));
                }
                try (ResultSet rs = s.executeQuery("SELECT avg(pg_column_size(report)), avg(octet_length(report)), "
                        + "avg(pg_column_size(requirements)), avg(octet_length(requirements)) FROM measurement TABLESAMPLE SYSTEM (0.2)")) {
                    rs.next();
                    System.out.printf(Locale.ROOT,
                            "report: %.0f B stored of %.0f B text; requirements: %.0f B stored of %.0f B "
                                    + "(0.2 %% sample)%n", rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs
                                            .getDouble(4));
                }
            } else {
                long file = Files.size(Path.of(db));
                Path wal = Path.of(db + "-wal");
                long walSize = Files.exists(wal) ? Files.size(wal) : 0;
                System.out.println("| table or index | rows | bytes | bytes/measurement |");
                System.out.println("| --- | ---: | ---: | ---: |");
                try (ResultSet rs = s.executeQuery(
                        "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        String rows = TABLES.contains(name) ? Long.toString(count(c, name)) : "";
                        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f |%n", name, rows, gb(rs.getLong(2)),
                                measurements == 0 ? 0.0 : (double) rs.getLong(2) / measurements);
                    }
                } catch (SQLException e) {
                    System.out.println("(no dbstat in this SQLite: " + e.getMessage() + ")");
                }
                System.out.printf(Locale.ROOT, "file %s: %s (%d B, %.0f B per measurement), WAL %s; %d measurements%n",
                        db, gb(file),
                        file, measurements == 0 ? 0.0 : (double) file / measurements, gb(walSize), measurements);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            return count(s, table);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String gb(long b) {
        return b >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30))
                : b >= 1L << 20 ? String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20))
                        : String.format(Locale.ROOT, "%.0f KiB", b / 1024.0);
    }

    static void drop(String db) throws Exception {
        if (postgres(db)) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema(db) + " CASCADE");
            }
        } else {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
        System.out.println("drop: " + shown(db) + " dropped");
    }

    static String shown(String db) {
        return db.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * The bulk path against RoomStore.record on a sample: 21 rooms (the first 20 and the offline one)
     * over the year's DST day in March and its last two days, for SQLite and PostgreSQL alike. The two
     * stores must hold the same measurements, column by column, and the same rollups.
     */
    static void check(String db, Estate estate, long firstDay, int days) throws Exception {
        int[] only = new int[21];
        for (int i = 0; i < 20; i++) {
            only[i] = i;
        }
        only[20] = Estate.OFFLINE_ROOM;
        List<Room> rooms = new ArrayList<>();
        for (int i : only) {
            rooms.add(Estate.rooms().get(i));
        }
        long dst = firstDay; // the first day that is not 24 hours long, if any
        for (long d = firstDay; d < firstDay + days - 2; d++) {
            if (estate.dayStart(d + 1) - estate.dayStart(d) != Estate.DAY_MS) {
                dst = d;
                break;
            }
        }
        int[] sample = {(int) (dst - firstDay), days - 2, days - 1};
        String a;
        String b;
        if (postgres(db)) {
            a = db.replace("currentSchema=" + schema(db), "currentSchema=" + schema(db) + "_check_record");
            b = db.replace("currentSchema=" + schema(db), "currentSchema=" + schema(db) + "_check_bulk");
        } else {
            a = db + ".check-record";
            b = db + ".check-bulk";
        }
        drop(a);
        drop(b);
        init(a, estate.zone(), rooms, 0);
        init(b, estate.zone(), rooms, 0);
        Estate.Row row = new Estate.Row();
        long recorded = 0;
        try (RoomStore store = RoomStore.open(a, estate.zone())) {
            for (int d : sample) {
                long start = estate.dayStart(firstDay + d);
                long end = estate.dayStart(firstDay + d + 1);
                for (long slot = start; slot < end; slot += Estate.SLOT_MS) {
                    for (int i : only) {
                        estate.fill(row, i, slot, Estate.surveyId(Estate.machineOf(i), slot));
                        store.record(row.measurement());
                        recorded++;
                    }
                }
            }
        }
        for (int d : sample) {
            load(b, estate, firstDay, d, d + 1, 1, 0, 60, only);
        }
        int differences = 0;
        try (Connection ca = connect(a); Connection cb = connect(b)) {
            differences += compare(ca, cb, "SELECT " + COLUMNS + " FROM measurement ORDER BY room, taken_at, survey");
            differences += compare(ca, cb,
                    "SELECT day, room, hour, weekday, n, failed, scored, score_sum, backlight_n, backlight_sum, "
                            + "light_n, light_sum, judged, passed FROM room_hour ORDER BY day, room, hour");
            differences += compare(ca, cb,
                    "SELECT day, room, problem, n FROM room_problem_day ORDER BY day, room, problem");
        }
        System.out.printf(Locale.ROOT,
                "check: %s: %d measurements (days %s, %s and %s; DST day %s has %d rounds) through "
                        + "RoomStore.record and through the bulk path: %s%n", shown(db), recorded,
                LocalDate.ofEpochDay(firstDay + sample[0]), LocalDate.ofEpochDay(firstDay + sample[1]),
                LocalDate.ofEpochDay(firstDay + sample[2]), LocalDate.ofEpochDay(dst),
                (estate.dayStart(dst + 1) - estate.dayStart(dst)) / Estate.SLOT_MS,
                differences == 0 ? "identical" : differences + " DIFFERENCES");
        drop(a);
        drop(b);
        if (differences > 0) {
            System.exit(1);
        }
    }

    /** Rows that differ (doubles to 1e-9 relative: sums may be added in another order). */
    private static int compare(Connection ca, Connection cb, String sql) throws SQLException {
        int diff = 0;
        long n = 0;
        try (Statement sa = ca.createStatement();
                Statement sb = cb.createStatement();
                ResultSet ra = sa.executeQuery(sql);
                ResultSet rb = sb.executeQuery(sql)) {
            ResultSetMetaData md = ra.getMetaData();
            while (true) {
                boolean ha = ra.next();
                boolean hb = rb.next();
                if (ha != hb) {
                    System.out.println("check: row counts differ after " + n + " rows: " + sql);
                    return diff + 1;
                }
                if (!ha) {
                    break;
                }
                n++;
                for (int k = 1; k <= md.getColumnCount(); k++) {
                    String va = ra.getString(k);
                    String vb = rb.getString(k);
                    if (Objects.equals(va, vb)) {
                        continue;
                    }
                    boolean close = false;
                    if (va != null && vb != null) {
                        try {
                            double x = Double.parseDouble(va);
                            double y = Double.parseDouble(vb);
                            close = Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
                        } catch (NumberFormatException e) {
                            close = false;
                        }
                    }
                    if (!close) {
                        if (diff < 5) {
                            System.out.println("check: row " + n + " column " + md.getColumnName(k) + ": record() "
                                    + clip(va)
                                    + " vs bulk " + clip(vb));
                        }
                        diff++;
                    }
                }
            }
        }
        System.out.println("check: " + n + " rows compared: " + sql.substring(0, Math.min(60, sql.length())) + "…");
        return diff;
    }

    private static String clip(String s) {
        return s == null ? "NULL" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
