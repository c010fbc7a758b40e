package org.camlab.bench.rooms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The write path of the rooms' history: {@link RoomStore#record(Measurement)} (the measurement row
 * and its two rollup upserts, one transaction, committed before it returns) as fast as it goes, in
 * measurements per second summed over the JMH threads.
 *
 * <p>Each thread is a survey machine: its own {@link RoomStore} (its own connection), its own survey
 * id, its own share of the 500 rooms (room r goes to thread r mod threads), its own timestamps (its
 * rooms in turn, one round of them per simulated 15 minutes). For SQLite every thread writes the same
 * file (WAL, busy timeout: what {@code RoomStore.open} sets). The content is {@link Estate}'s: a
 * report JSON of 2.0–2.6 KB and a requirements JSON of about 500 characters, built in setup (1,000
 * measurements per thread, reused with new rooms and times), so the measured time is the store's.
 *
 * <p>{@code db}: {@code sqlite} (a new file, {@code -Dcamlab.bench.sqliteWrite}, default
 * {@code /tmp/camlab-bench/rooms-write.db}), {@code postgresql} (a new schema {@code bench_write},
 * {@code -Dcamlab.bench.pgWrite}), or {@code postgresql-year}: into the generated year
 * ({@link GenerateYear}, {@code -Dcamlab.bench.pg}), after its last day; what it wrote is deleted
 * afterwards. Threads: {@code -t 1}, {@code -t 4}. The load for comparison: 500 rooms every
 * 15 minutes, 0.56 measurements/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5, timeUnit = TimeUnit.SECONDS)
@org.openjdk.jmh.annotations.Measurement(iterations = 5, time = 5, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class RoomsWriteBenchmark {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Writes start here: the day after the generated year (2025-12-01 + 365 days). */
    static final LocalDate START = LocalDate.of(2026, 12, 1);

    @Param({"sqlite", "postgresql"})
    public String db;

    String target;
    int threads;
    long start;

    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) throws Exception {
        threads = params.getThreads();
        start = START.atStartOfDay(ZONE).toInstant().toEpochMilli();
        switch (db) {
            case "sqlite" -> {
                target = System.getProperty("camlab.bench.sqliteWrite", "/tmp/camlab-bench/rooms-write.db");
                Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
                GenerateYear.drop(target);
                GenerateYear.init(target, ZONE);
            }
            case "postgresql" -> {
                target = System.getProperty("camlab.bench.pgWrite", GenerateYear.DEFAULT_DB.replace("bench_year",
                        "bench_write"));
                GenerateYear.drop(target);
                GenerateYear.init(target, ZONE);
            }
            case "postgresql-year" -> {
                target = System.getProperty("camlab.bench.pg", GenerateYear.DEFAULT_DB);
                if (!FleetYearBenchmark.generated(target)) {
                    throw new IllegalStateException("no generated year in " + GenerateYear.shown(target)
                            + ": run GenerateYear init, load and finish first (benchmarks/README.md)");
                }
                deleteWritten();
            }
            default -> throw new IllegalArgumentException("db: sqlite, postgresql or postgresql-year, not " + db);
        }
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws Exception {
        try (Connection c = GenerateYear.connect(target);
                PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM measurement WHERE taken_at >= ?")) {
            p.setLong(1, start);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                System.out.println();
                System.out.println("measurements written: " + rs.getLong(1) + " by " + threads + " thread(s) into "
                        + GenerateYear.shown(target));
            }
        }
        if (db.equals("postgresql-year")) {
            deleteWritten();
        } else {
            GenerateYear.drop(target);
        }
    }

    /** Removes what an earlier run wrote into the generated year (all of it after the year's last day). */
    private void deleteWritten() throws Exception {
        long day = START.toEpochDay();
        try (Connection c = GenerateYear.connect(target)) {
            c.setAutoCommit(false);
            for (String sql : List.of("DELETE FROM measurement WHERE taken_at >= " + start,
                    "DELETE FROM room_hour WHERE day >= " + day,
                    "DELETE FROM room_problem_day WHERE day >= " + day)) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(sql);
                }
            }
            c.commit();
        }
    }

    /** One survey machine. */
    @State(Scope.Thread)
    public static class Writer {
        RoomStore store;
        int[] rooms;
        Measurement[] content;
        String survey;
        long start;
        long i;

        @Setup(Level.Trial)
        public void open(RoomsWriteBenchmark b, ThreadParams t) throws StoreException {
            store = RoomStore.open(b.target, ZONE);
            int index = t.getThreadIndex();
            int n = t.getThreadCount();
            List<Integer> mine = new ArrayList<>();
            for (int r = index; r < Estate.ROOMS; r += n) {
                mine.add(r);
            }
            rooms = mine.stream().mapToInt(Integer::intValue).toArray();
            survey = java.util.UUID.nameUUIDFromBytes(("bench writer " + index).getBytes()).toString();
            start = b.start + index; // threads never share a millisecond, whatever the rooms
            // realistic content, built once: 1,000 measurements of the year's first days
            Estate estate = new Estate(ZONE, START.toEpochDay() - 365, 365);
            long slot = START.minusDays(365).atStartOfDay(ZONE).toInstant().toEpochMilli() + 10 * Estate.DAY_MS + 14
                    * 3_600_000L;
            content = new Measurement[1000];
            Estate.Row row = new Estate.Row();
            for (int k = 0; k < content.length; k++) {
                estate.fill(row, k % Estate.ROOMS, slot + (k / Estate.ROOMS) * Estate.SLOT_MS, survey);
                content[k] = row.measurement();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }

        Measurement next() {
            long k = i++;
            int turn = (int) (k % rooms.length);
            long round = k / rooms.length;
            Measurement c = content[(int) (k % content.length)];
            long takenAt = start + round * Estate.SLOT_MS + turn * (Estate.SLOT_MS / rooms.length);
            return new Measurement(Estate.roomName(rooms[turn]), takenAt, survey, c.ok(), c.error(), c.score(), c
                    .backlightStops(),
                    c.lightLevel(), c.uniformity(), c.fps(), c.mtf50(), c.topProblem(), c.fix(), c.standard(), c
                            .standardPass(),
                    c.requirements(), c.report());
        }
    }

    @Benchmark
    public void record(Writer w) throws StoreException {
        w.store.record(w.next());
    }
}
