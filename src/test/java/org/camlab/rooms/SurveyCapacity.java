package org.camlab.rooms;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camlab.session.StopSignal;

/**
 * Not a test: how many survey workers keep an estate on its cycle (benchmarks/survey-capacity.sh). The
 * workers are the real ones — {@link SurveyWorker} claiming leases on a real PostgreSQL and storing each
 * measurement with its rollups — with the capture replaced by a sleep of its length, all of it run
 * {@code scale} times faster than life (the database's own time per room is not scaled, so the figure errs
 * on the side of more workers).
 *
 * <p>Arguments, all optional: rooms (500), cycle in s (900), capture in s (4), parallel per worker (2),
 * scale (30), the most workers tried (8).
 */
public final class SurveyCapacity {
    private SurveyCapacity() {
    }

    public static void main(String[] args) throws Exception {
        int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        double cycleS = args.length > 1 ? Double.parseDouble(args[1]) : 900;
        double captureS = args.length > 2 ? Double.parseDouble(args[2]) : 4;
        int parallel = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        double scale = args.length > 4 ? Double.parseDouble(args[4]) : 30;
        int most = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        long everyMs = Math.round(cycleS * 1000 / scale);
        long captureMs = Math.round(captureS * 1000 / scale);
        System.out.printf(Locale.ROOT, "%d rooms, a %.0f s cycle, %.1f s per capture, %d captures per worker; "
                + "simulated %.0f× faster than life%n", rooms, cycleS, captureS, parallel, scale);
        for (int workers = 1; workers <= most; workers++) {
            String db = freshSchema();
            try (RoomStore s = RoomStore.open(db)) {
                for (int i = 0; i < rooms; i++) {
                    s.add(new Room(String.format(Locale.ROOT, "Room %03d", i), "Site " + i % 5, null, null,
                            "rtsp://camera-" + i + "/stream"));
                }
            }
            long t0 = System.currentTimeMillis();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String id = UUID.randomUUID().toString();
                SurveyWorker worker = new SurveyWorker(() -> RoomStore.open(db), (store, start) -> new Sleep(id,
                        captureMs), Survey.Clock.SYSTEM, id);
                Thread t = new Thread(() -> {
                    try {
                        worker.run(new SurveyWorker.Options(new Survey.Options(everyMs, 0, 60), parallel, null,
                                SurveyWorker.DEFAULT_LEASE_MILLIS), new StopSignal(), new Quiet());
                    } catch (StoreException e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            long wall = System.currentTimeMillis() - t0;
            long[] round = round(db);
            double tookS = (round[1] - round[0]) * scale / 1000;
            System.out.printf(Locale.ROOT, "%d worker%s × %d: %d of %d rooms measured once, the round took %s of "
                    + "its %s (%.0f s of wall time, scaled)%n", workers, workers == 1 ? "" : "s", parallel,
                    round[2], rooms, minutes(tookS), minutes(cycleS), wall * scale / 1000);
            if (tookS <= cycleS && round[2] == rooms) {
                System.out.printf(Locale.ROOT, "=> %d workers of %d cores keep %d rooms on a %s cycle%n", workers,
                        parallel, rooms, minutes(cycleS));
                return;
            }
        }
    }

    static String minutes(double s) {
        long r = Math.round(s);
        return r / 60 + " min " + r % 60 + " s";
    }

    /** The round's due time, its last room's storing, and the rooms measured exactly once. */
    static long[] round(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MIN(l.last_due), MAX(l.last_done), "
                        + "(SELECT COUNT(*) FROM (SELECT room FROM measurement GROUP BY room HAVING COUNT(*) = 1) o) "
                        + "FROM room_lease l")) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    static String freshSchema() throws Exception {
        String base = TestDatabases.postgresUrl();
        String schema = "cap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + "&currentSchema=" + schema;
    }

    /** A capture that takes its time and finds nothing: the store's work per room is the real one. */
    private record Sleep(String id, long captureMs) implements SurveyWorker.Measuring {
        @Override
        public Measurement measure(Room room, Survey.LastFrame last, StopSignal stop) {
            long taken = System.currentTimeMillis();
            try {
                Thread.sleep(captureMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Measurement.failed(room.name(), taken, id, "simulated capture");
        }

        @Override
        public void close() {
        }
    }

    private static final class Quiet implements SurveyWorker.Progress {
        @Override
        public void measured(Room room, Measurement m) {
        }

        @Override
        public void next(long atMillis) {
        }

        @Override
        public void round(long due, int n, long took, long every, int workers, long away) {
        }

        @Override
        public void leaseLost(Room room) {
        }
    }
}
