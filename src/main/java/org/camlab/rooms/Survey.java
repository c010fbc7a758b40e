package org.camlab.rooms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.camlab.capture.SourceException;
import org.camlab.image.Frame;
import org.camlab.image.FrameImages;
import org.camlab.image.SourceInfo;
import org.camlab.lab.Lab;
import org.camlab.report.JsonReport;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;
import org.camlab.session.SessionOptions;
import org.camlab.session.StopSignal;

/**
 * A survey: every {@code everyMillis}, each room in turn is measured (a short capture, the whole
 * analysis, the advice, the score and the room's standard) and the measurement stored at once. A
 * capture that fails is stored as a failed measurement with its reason, and the survey goes on;
 * {@link StopSignal} (Ctrl-C, SIGTERM) ends it between or during measurements without losing a
 * stored one.
 */
public final class Survey {
    /** What a person watching the survey is told. */
    public interface Progress extends Outage.Listener {
        /** A measurement stored. */
        void measured(Room room, Measurement m);

        /** @param atMillis when the next round starts */
        void next(long atMillis);

        @Override
        default void away(String why) {
        }

        @Override
        default void back(long awayMillis) {
        }

        /** The oldest measurement held while the database is away, given up for a newer one. */
        default void dropped(Room room, Measurement m) {
        }
    }

    /**
     * How long a survey that has ended waits for its database to come back and take the measurements
     * held meanwhile: a server's restart or fail-over takes seconds to a minute.
     */
    static final long LAST_WAIT_MILLIS = 120_000;

    /** The survey's time: the wall clock, or a simulated one in tests. */
    public interface Clock {
        long now();

        /** Waits until {@link #now()} reaches {@code atMillis}, or {@code stop}. */
        void waitUntil(long atMillis, StopSignal stop) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long now() {
                return System.currentTimeMillis();
            }

            @Override
            public void waitUntil(long atMillis, StopSignal stop) throws InterruptedException {
                while (!stop.stopped() && now() < atMillis) {
                    Thread.sleep(Math.min(200, Math.max(1, atMillis - now())));
                }
            }
        };
    }

    /**
     * @param everyMillis from the start of one round to the start of the next
     * @param forMillis   the survey's length; 0 for one round
     * @param frames      frames analysed per measurement
     * @param replaySpeed 0: a recording is measured from its start each time; above 0, a recording
     *                    stands in for a live camera: each measurement reads it at the survey's
     *                    elapsed time divided by this (1: real pace), from its start again when it
     *                    ends
     * @param snapshots   keep a JPEG of the last frame analysed with each measurement
     */
    public record Options(long everyMillis, long forMillis, int frames, double replaySpeed, boolean snapshots) {
        public Options(long everyMillis, long forMillis, int frames) {
            this(everyMillis, forMillis, frames, 0, false);
        }
    }

    /** A snapshot's width in pixels: enough to see the room, small enough for a year of them. */
    static final int SNAPSHOT_WIDTH = 640;

    private final RoomStore store;
    private final Lab lab;
    private final Clock clock;
    private final String id;
    /** Each room's standard as last read: measured by it while the database is away. */
    private final Map<String, Standard> standards = new HashMap<>();
    private long start;

    public Survey(RoomStore store, Lab lab, Clock clock) {
        this(store, lab, clock, UUID.randomUUID().toString(), 0);
    }

    /** One of a worker's parallel slots: its measurements carry the worker's id, its replays its start. */
    Survey(RoomStore store, Lab lab, Clock clock, String id, long start) {
        this.store = store;
        this.lab = lab;
        this.clock = clock;
        this.id = id;
        this.start = start;
    }

    public String id() {
        return id;
    }

    /**
     * Checks every room's standard before the first measurement, so that a malformed one is told
     * before anything is stored.
     *
     * @throws IllegalArgumentException one line naming the room and what is wrong
     */
    public void checkStandards(List<Room> rooms) throws StoreException {
        for (Room r : rooms) {
            standardOf(r);
        }
    }

    /**
     * Measures the rooms round after round, storing each measurement as it is taken; while the
     * database is away the captures go on and their measurements are held ({@link HeldMeasurements})
     * until it is back.
     *
     * @return the measurements stored
     * @throws StoreException the store failed, or measurements were still held when the survey ended
     *                        and the database did not come back within {@link #LAST_WAIT_MILLIS}
     */
    public int run(List<Room> rooms, Options o, StopSignal stop, Progress progress) throws StoreException {
        store.requireWritable(); // before the first capture, not after it
        start = clock.now();
        Outage outage = new Outage(clock, progress);
        HeldMeasurements held = new HeldMeasurements(store, outage, progress);
        rounds : for (long round = 0; !stop.stopped(); round++) {
            for (Room room : rooms) {
                if (stop.stopped()) {
                    break rounds;
                }
                LastFrame last = o.snapshots() ? new LastFrame() : null;
                Measurement m = measure(room, o, stop, last);
                if (stop.stopped() && !m.ok()) {
                    break rounds; // interrupted mid-capture: not a failure of the room's camera
                }
                held.add(room, m, last == null ? null : last.jpeg());
                held.store();
            }
            long next = start + (round + 1) * o.everyMillis();
            if (o.forMillis() <= 0 || next >= start + o.forMillis()) {
                break;
            }
            progress.next(next);
            if (!waitStoring(held, outage, next, stop)) {
                break;
            }
        }
        long deadline = clock.now() + LAST_WAIT_MILLIS;
        while (!held.store() && !stop.stopped() && clock.now() < deadline) {
            if (!waitStoring(held, outage, deadline, stop)) {
                break;
            }
        }
        if (held.size() > 0) {
            throw new StoreException(held.size() + " measurement" + (held.size() == 1 ? "" : "s") + " taken while "
                    + "the database was away could not be stored: it did not come back (" + store.shown() + ")");
        }
        return held.stored();
    }

    /**
     * Waits until {@code until}, storing what is held as soon as the database is back.
     *
     * @return false when interrupted
     */
    private boolean waitStoring(HeldMeasurements held, Outage outage, long until, StopSignal stop)
            throws StoreException {
        try {
            while (!stop.stopped() && clock.now() < until) {
                if (held.size() == 0) {
                    clock.waitUntil(until, stop);
                    return true;
                }
                clock.waitUntil(Math.min(until, Math.max(clock.now() + 1, outage.nextTry())), stop);
                held.store();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The room's standard, read again for each measurement (it may have been changed); while the
     * database is away, the one last read.
     */
    private Standard standardOf(Room room) throws StoreException {
        try {
            Standard s = Standard.of(store, room, lab.advisor());
            standards.put(room.name(), s);
            return s;
        } catch (StoreException e) {
            Standard kept = standards.get(room.name());
            if (kept == null || !e.connectionLost()) {
                throw e;
            }
            return kept;
        }
    }

    /**
     * Measures a room: a failure of its source, its standard or the analysis is a failed measurement.
     *
     * @throws StoreException the database is away and the room's standard was never read
     */
    Measurement measure(Room room, Options o, StopSignal stop, LastFrame last) throws StoreException {
        long taken = clock.now();
        Standard standard;
        try {
            standard = standardOf(room);
        } catch (IllegalArgumentException e) {
            return Measurement.failed(room.name(), taken, id, e.getMessage()); // a standard changed to a malformed one mid-survey
        } catch (StoreException e) {
            if (e.connectionLost()) {
                throw e;
            }
            return Measurement.failed(room.name(), taken, id, "cannot read the room's standard: " + e.getMessage());
        }
        try {
            SessionOptions options = SessionOptions.defaults().withMaxFrames(o.frames());
            List<SessionListener> listeners = last == null ? List.of() : List.of(last);
            SessionReport r;
            if (o.replaySpeed() > 0 && Lab.kindOf(room.source()) == SourceInfo.Kind.FILE) {
                long at = Math.round((taken - start) * 1000 / o.replaySpeed());
                r = lab.measureFrom(room.source(), at, options, stop, listeners);
            } else {
                r = lab.measure(room.source(), options, stop, listeners);
            }
            Verdict v = lab.judge(r);
            if (r.error() != null && r.framesAnalyzed() == 0) {
                return Measurement.failed(room.name(), taken, id, r.error());
            }
            String top = v.recommendations().isEmpty() ? null : v.recommendations().get(0).id();
            Measurement m = new Measurement(room.name(), taken, id, true, r.error(), v.score(), r.value(
                    Metric.BACKLIGHT_RATIO),
                    r.value(Metric.MEAN_LUMA), r.value(Metric.MIN_MAX_RATIO), r.value(Metric.FPS), r.value(
                            Metric.MTF50), top,
                    Fix.forProblem(top), null, -1, null, JsonReport.line(r, v));
            Standard.Result result = standard.judge(r, v);
            return m.judged(standard.name(), result.passed(), result.requirementsJson());
        } catch (SourceException | IllegalArgumentException e) {
            return Measurement.failed(room.name(), taken, id, e.getMessage());
        } catch (RuntimeException e) {
            return Measurement.failed(room.name(), taken, id, "measurement failed: " + RoomStore.oneLine(e));
        }
    }

    /** The last frame analysed, copied (the event's frame is reused), as a JPEG when asked. */
    static final class LastFrame implements SessionListener {
        private final Frame frame = new Frame();
        private boolean kept;

        @Override
        public void analysed(FrameEvent e) {
            frame.copyFrom(e.frame());
            kept = true;
        }

        byte[] jpeg() {
            if (!kept) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try {
                ImageIO.write(FrameImages.rgb(frame, SNAPSHOT_WIDTH), "jpg", out);
            } catch (IOException e) {
                return null; // a snapshot is an extra: the measurement is kept without it
            }
            return out.toByteArray();
        }
    }
}
