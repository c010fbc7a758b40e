package org.camlab.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camlab.lab.Lab;
import org.camlab.session.StopSignal;

/**
 * One of any number of survey workers, on any machines, sharing the rooms of one PostgreSQL database
 * ({@code survey --all}): each of its {@code parallel} slots claims the room due longest ago by a
 * lease ({@link Leases}), measures it, and stores the measurement in the transaction that gives the
 * lease back — so a room is measured once per round, never twice, and a worker that dies loses its
 * leases when they run out. Each slot has its own connection and its own lab: a capture holds
 * neither a transaction nor another slot's decoder.
 *
 * <p>Rounds keep to a grid: a room measured for the round due at D is next due at D + every, or, when
 * the estate has fallen two or more intervals behind, at the latest point of the grid already passed
 * (one catch-up measurement, not one per missed round).
 */
public final class SurveyWorker {
    /**
     * How long a lease lasts by default: a capture normally takes seconds, and a stream that stops
     * answering ends it within 10 s ({@code FfmpegSource.STREAM_TIMEOUT_MICROS}) per read; two minutes
     * is many times that, even for a slot on a loaded machine, and still a small part of a 15-minute
     * round for a dead worker's rooms to wait.
     */
    public static final long DEFAULT_LEASE_MILLIS = 120_000;

    /** How often an idle slot asks whether a room is due: light on the server, short against a round. */
    static final long POLL_MILLIS = 1000;

    /** Opens another connection to the same store for a slot. */
    public interface Stores {
        RoomStore open() throws StoreException;
    }

    /** A lab for a slot (a lab's face detector and analysis threads are not shared between captures). */
    public interface Labs {
        Lab create();
    }

    /** What a person watching the worker is told, besides each measurement. */
    public interface Progress extends Survey.Progress {
        /** A round this worker completed (the last room of it was this worker's). */
        void round(long dueMillis, int rooms, long tookMillis, long everyMillis, int workers);

        /** A room this worker measured after its lease ran out and another worker took it: not stored. */
        void leaseLost(Room room);
    }

    /**
     * @param site        the stored spelling of the only site to survey; null for every room
     * @param parallel    rooms measured at once
     * @param leaseMillis how long a claim lasts before another worker may take the room
     */
    public record Options(Survey.Options survey, int parallel, String site, long leaseMillis) {
    }

    /** A slot's way of measuring a room: a capture through a lab, or a stand-in for one in a simulation. */
    interface Measuring extends AutoCloseable {
        Measurement measure(Room room, Survey.LastFrame last, StopSignal stop);

        @Override
        void close();
    }

    /** Makes a slot's {@link Measuring} on its own connection. */
    interface Slots {
        Measuring open(RoomStore store, long start);
    }

    private final Stores stores;
    private final Slots slots;
    private final Survey.Clock clock;
    private final String id;

    public SurveyWorker(Stores stores, Labs labs, Survey.Options o, Survey.Clock clock, String id) {
        this(stores, (store, start) -> {
            Lab lab = labs.create();
            Survey survey = new Survey(store, lab, clock, id, start);
            return new Measuring() {
                @Override
                public Measurement measure(Room room, Survey.LastFrame last, StopSignal stop) {
                    return survey.measure(room, o, stop, last);
                }

                @Override
                public void close() {
                    lab.close();
                }
            };
        }, clock, id);
    }

    SurveyWorker(Stores stores, Slots slots, Survey.Clock clock, String id) {
        this.stores = stores;
        this.slots = slots;
        this.clock = clock;
        this.id = id;
    }

    /**
     * Measures rooms as they fall due until {@code stop}, or until the survey's length has passed
     * ({@link Survey.Options#forMillis()}), or — for one round — until no room is due.
     *
     * @return the measurements stored
     */
    public int run(Options o, StopSignal stop, Progress progress) throws StoreException {
        long start = clock.now();
        long end = o.survey().forMillis() <= 0 ? Long.MAX_VALUE : start + o.survey().forMillis();
        try (RoomStore first = stores.open()) {
            first.requireWritable();
            new Leases(first, id, o.site()).enrol(start);
        }
        AtomicInteger stored = new AtomicInteger();
        AtomicReference<StoreException> failure = new AtomicReference<>();
        StopSignal slotsStop = new StopSignal();
        List<Thread> slots = new ArrayList<>();
        for (int i = 0; i < o.parallel(); i++) {
            Thread t = new Thread(() -> {
                try {
                    stored.addAndGet(slot(o, start, end, stop, slotsStop, progress));
                } catch (StoreException e) {
                    failure.compareAndSet(null, e);
                    // one slot that cannot reach the store ends the worker, as it ends a survey
                    slotsStop.stop("the store failed");
                }
            }, "camlab-survey-" + i);
            t.start();
            slots.add(t);
        }
        for (Thread t : slots) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                slotsStop.stop("interrupted");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return stored.get();
    }

    private int slot(Options o, long start, long end, StopSignal stop, StopSignal slotsStop, Progress progress)
            throws StoreException {
        int stored = 0;
        long every = o.survey().everyMillis();
        try (RoomStore store = stores.open(); Measuring measuring = slots.open(store, start)) {
            Leases leases = new Leases(store, id, o.site());
            while (!stop.stopped() && !slotsStop.stopped()) {
                long now = clock.now();
                if (now >= end) {
                    return stored;
                }
                // one round measures a room once: a round longer than --every would otherwise make its first
                // rooms due again and never end (and rooms another worker enrolled a moment after this one
                // started are in it)
                Leases.Claim claim = leases.claim(now, end == Long.MAX_VALUE ? start : Long.MAX_VALUE, o
                        .leaseMillis());
                if (claim == null) {
                    if (end == Long.MAX_VALUE) {
                        progress.next(leases.nextChance()); // one round: nothing left due; when the next is
                        return stored;
                    }
                    leases.enrol(now);
                    long until = Math.min(end, Math.min(now + POLL_MILLIS, Math.max(now + 1, leases.nextChance())));
                    try {
                        clock.waitUntil(until, stop);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return stored;
                    }
                    continue;
                }
                Room room = store.room(claim.room()).orElse(null);
                if (room == null) {
                    continue; // removed since it was claimed: its lease row is not joined any more
                }
                Survey.LastFrame last = o.survey().snapshots() ? new Survey.LastFrame() : null;
                Measurement m = measuring.measure(room, last, stop);
                if (stop.stopped() && !m.ok()) {
                    leases.giveBack(claim); // interrupted mid-capture: not a failure of the room's camera
                    return stored;
                }
                long done = clock.now();
                long next = nextDue(claim.due(), every, done);
                if (!store.recordIf(m, last == null ? null : last.jpeg(), c -> leases.done(c, claim, next, done))) {
                    progress.leaseLost(room);
                    continue;
                }
                stored++;
                progress.measured(room, m);
                Leases.Round round = leases.finished(claim.due());
                if (round != null) {
                    progress.round(round.due(), round.rooms(), round.lastDone() - round.due(), every, round
                            .workers());
                }
            }
        }
        return stored;
    }

    /** The next point of the grid of {@code every} from {@code due}; the latest one passed when two or more are. */
    static long nextDue(long due, long every, long now) {
        long behind = (now - due) / every;
        return due + Math.max(1, behind) * every;
    }
}
