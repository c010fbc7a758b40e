package org.camlab.rooms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
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
    public interface Progress {
        void measured(Room room, Measurement m);

        /** @param atMillis when the next round starts */
        void next(long atMillis);
    }

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
            Standard.of(store, r, lab.advisor());
        }
    }

    /** @return the measurements stored */
    public int run(List<Room> rooms, Options o, StopSignal stop, Progress progress) throws StoreException {
        store.requireWritable(); // before the first capture, not after it
        start = clock.now();
        int stored = 0;
        for (long round = 0; !stop.stopped(); round++) {
            for (Room room : rooms) {
                if (stop.stopped()) {
                    return stored;
                }
                LastFrame last = o.snapshots() ? new LastFrame() : null;
                Measurement m = measure(room, o, stop, last);
                if (stop.stopped() && !m.ok()) {
                    return stored; // interrupted mid-capture: not a failure of the room's camera
                }
                store.record(m, last == null ? null : last.jpeg());
                stored++;
                progress.measured(room, m);
            }
            long next = start + (round + 1) * o.everyMillis();
            if (o.forMillis() <= 0 || next >= start + o.forMillis()) {
                return stored;
            }
            progress.next(next);
            try {
                clock.waitUntil(next, stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stored;
            }
        }
        return stored;
    }

    Measurement measure(Room room, Options o, StopSignal stop, LastFrame last) {
        long taken = clock.now();
        try {
            Standard standard = Standard.of(store, room, lab.advisor());
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
        } catch (SourceException e) {
            return Measurement.failed(room.name(), taken, id, e.getMessage());
        } catch (IllegalArgumentException e) {
            return Measurement.failed(room.name(), taken, id, e.getMessage()); // a standard changed to a malformed one mid-survey
        } catch (StoreException e) {
            return Measurement.failed(room.name(), taken, id, "cannot read the room's standard: " + e.getMessage());
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
