package org.camlab.rooms;

import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.camlab.capture.SourceException;
import org.camlab.lab.Lab;
import org.camlab.report.JsonReport;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.SessionOptions;
import org.camlab.session.StopSignal;

/**
 * A survey: every {@code everyMillis}, each room in turn is measured (a short capture, the whole
 * analysis, the advice and score) and the measurement stored at once. A capture that fails is
 * stored as a failed measurement with its reason, and the survey goes on; {@link StopSignal}
 * (Ctrl-C, SIGTERM) ends it between or during measurements without losing a stored one.
 */
public final class Survey {
    /** What a person watching the survey is told. */
    public interface Progress {
        void measured(Room room, Measurement m);

        /** @param atMillis when the next round starts */
        void next(long atMillis);
    }

    /**
     * @param everyMillis from the start of one round to the start of the next
     * @param forMillis   the survey's length; 0 for one round
     * @param frames      frames analysed per measurement
     */
    public record Options(long everyMillis, long forMillis, int frames) {
    }

    private final RoomStore store;
    private final Lab lab;
    private final LongSupplier clock;
    private final String id = UUID.randomUUID().toString();

    public Survey(RoomStore store, Lab lab, LongSupplier clock) {
        this.store = store;
        this.lab = lab;
        this.clock = clock;
    }

    public String id() {
        return id;
    }

    /** @return the measurements stored */
    public int run(List<Room> rooms, Options o, StopSignal stop, Progress progress) throws StoreException {
        long start = clock.getAsLong();
        int stored = 0;
        for (long round = 0; !stop.stopped(); round++) {
            for (Room room : rooms) {
                if (stop.stopped()) {
                    return stored;
                }
                Measurement m = measure(room, o.frames(), stop);
                if (stop.stopped() && !m.ok()) {
                    return stored; // interrupted mid-capture: not a failure of the room's camera
                }
                store.record(m);
                stored++;
                progress.measured(room, m);
            }
            long next = start + (round + 1) * o.everyMillis();
            if (o.forMillis() <= 0 || next >= start + o.forMillis()) {
                return stored;
            }
            progress.next(next);
            while (!stop.stopped() && clock.getAsLong() < next) {
                try {
                    Thread.sleep(Math.min(200, Math.max(1, next - clock.getAsLong())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return stored;
                }
            }
        }
        return stored;
    }

    Measurement measure(Room room, int frames, StopSignal stop) {
        long taken = clock.getAsLong();
        try {
            SessionReport r = lab.measure(room.source(), SessionOptions.defaults().withMaxFrames(frames), stop, List.of());
            Verdict v = lab.judge(r);
            if (r.error() != null && r.framesAnalyzed() == 0) {
                return Measurement.failed(room.name(), taken, id, r.error());
            }
            String top = v.recommendations().isEmpty() ? null : v.recommendations().get(0).id();
            return new Measurement(room.name(), taken, id, true, r.error(), v.score(), r.value(Metric.BACKLIGHT_RATIO),
                    r.value(Metric.MEAN_LUMA), r.value(Metric.MIN_MAX_RATIO), r.value(Metric.FPS), top, JsonReport.line(r, v));
        } catch (SourceException e) {
            return Measurement.failed(room.name(), taken, id, e.getMessage());
        } catch (RuntimeException e) {
            return Measurement.failed(room.name(), taken, id, "measurement failed: " + RoomStore.oneLine(e));
        }
    }
}
