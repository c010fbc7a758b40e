package org.camlab.bench.rooms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.FleetPage;
import org.camlab.rooms.RoomStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fleet report over the generated history ({@link GenerateYear}): {@code report} is
 * {@code Fleet.read(store, from, to)} then {@code FleetPage.render(...)}, what {@code camlab fleet
 * --report} does; {@code read} is {@code Fleet.read} alone. One shot per iteration (the first, a
 * warm-up, also warms the database's caches), seconds.
 *
 * <p>{@code period}: {@code year}, every day the database holds (365 for the generated year), or
 * {@code 28days}, its last 28 (the fleet command's default). {@code db}: {@code postgresql}
 * ({@code -Dcamlab.bench.pg}, default the schema {@code bench_year} of {@code camlab_bench}) or
 * {@code sqlite} ({@code -Dcamlab.bench.sqlite}, default {@code /tmp/camlab-bench/rooms-year.db}).
 * A database not generated fails its setup with one line saying so; the other runs go on. The
 * issue's bound: under 10 s for the year.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FleetYearBenchmark {
    @Param({"postgresql", "sqlite"})
    public String db;

    @Param({"year", "28days"})
    public String period;

    private RoomStore store;
    private ZoneId zone;
    private long from;
    private long to;

    /** Whether {@code db} holds a generated history (without creating an SQLite file that is not there). */
    static boolean generated(String db) {
        if (!GenerateYear.postgres(db) && !Files.exists(Path.of(db))) {
            return false;
        }
        try (Connection c = GenerateYear.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM room_hour LIMIT 1")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        String target = db.equals("sqlite") ? System.getProperty("camlab.bench.sqlite",
                "/tmp/camlab-bench/rooms-year.db")
                : System.getProperty("camlab.bench.pg", GenerateYear.DEFAULT_DB);
        if (!db.equals("sqlite") && !db.equals("postgresql")) {
            throw new IllegalArgumentException("db: postgresql or sqlite, not " + db);
        }
        if (!generated(target)) {
            throw new IllegalStateException("skipped: no generated history in " + GenerateYear.shown(target)
                    + " (run GenerateYear init, load and finish first: benchmarks/README.md)");
        }
        zone = ZoneId.of(System.getProperty("camlab.bench.zone", "Europe/Berlin"));
        long first;
        long last;
        try (Connection c = GenerateYear.connect(target);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(day), MAX(day) FROM room_hour")) {
            rs.next();
            first = rs.getLong(1);
            last = rs.getLong(2);
        }
        to = last + 1;
        from = period.equals("year") ? first : Math.max(first, to - 28);
        store = RoomStore.open(target, zone);
        System.out.println();
        System.out.println("fleet of " + store.rooms().size() + " rooms, " + LocalDate.ofEpochDay(from) + " to "
                + LocalDate.ofEpochDay(to - 1) + " (" + (to - from) + " days) from " + store.shown());
    }

    @TearDown(Level.Trial)
    public void close() {
        if (store != null) {
            store.close();
        }
    }

    @Benchmark
    public String report() throws Exception {
        Fleet f = Fleet.read(store, from, to);
        return FleetPage.render(f, store.shown(), zone);
    }

    @Benchmark
    public Fleet read() throws Exception {
        return Fleet.read(store, from, to);
    }
}
