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
        /**
         * A round this worker completed (the last room of it was this worker's).
         *
         * @param awayMillis how long of it the database was away
         */
        void round(long dueMillis, int rooms, long tookMillis, long everyMillis, int workers, long awayMillis);

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
        /** @throws StoreException the database is away and the room's standard was never read */
        Measurement measure(Room room, Survey.LastFrame last, StopSignal stop) throws StoreException;

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
                public Measurement measure(Room room, Survey.LastFrame last, StopSignal stop) throws StoreException {
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
        Outage outage = new Outage(clock, progress);
        RoomStore renewing = stores.open(); // a connection of the leases' own: renewed while the slots capture
        AtomicInteger stored = new AtomicInteger();
        AtomicReference<StoreException> failure = new AtomicReference<>();
        StopSignal slotsStop = new StopSignal();
        List<Thread> slots = new ArrayList<>();
        for (int i = 0; i < o.parallel(); i++) {
            Thread t = new Thread(() -> {
                try {
                    stored.addAndGet(slot(o, start, end, stop, slotsStop, progress, outage));
                } catch (StoreException e) {
                    failure.compareAndSet(null, e);
                    // one slot that cannot reach the store ends the worker, as it ends a survey
                    slotsStop.stop("the store failed");
                }
            }, "camlab-survey-" + i);
            t.start();
            slots.add(t);
        }
        Thread renewal = new Thread(() -> renewLeases(renewing, o, slotsStop), "camlab-lease-renewal");
        renewal.setDaemon(true);
        renewal.start();
        for (Thread t : slots) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                slotsStop.stop("interrupted");
            }
        }
        slotsStop.stop("the slots ended");
        if (failure.get() != null) {
            throw failure.get();
        }
        return stored.get();
    }

    /**
     * One slot: claims, measures and stores rooms as they fall due. Every statement waits out a lost
     * connection ({@link Outage}): a capture under way goes on, and its measurement is stored once the
     * database is back, if the lease is still this worker's.
     */
    private int slot(Options o, long start, long end, StopSignal stop, StopSignal slotsStop, Progress progress,
            Outage outage) throws StoreException {
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
                Leases.Claim claim = outage.run(store, stop, () -> leases.claim(now, end == Long.MAX_VALUE ? start
                        : Long.MAX_VALUE, o.leaseMillis()));
                if (claim == null) {
                    if (end == Long.MAX_VALUE) {
                        progress.next(outage.run(store, stop, leases::nextChance)); // one round: nothing left due
                        return stored;
                    }
                    long nextChance = outage.run(store, stop, () -> {
                        leases.enrol(now);
                        return leases.nextChance();
                    });
                    long until = Math.min(end, Math.min(now + POLL_MILLIS, Math.max(now + 1, nextChance)));
                    try {
                        clock.waitUntil(until, stop);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return stored;
                    }
                    continue;
                }
                Room room = outage.run(store, stop, () -> store.room(claim.room())).orElse(null);
                if (room == null) {
                    continue; // removed since it was claimed: its lease row is not joined any more
                }
                Survey.LastFrame last = o.survey().snapshots() ? new Survey.LastFrame() : null;
                Measurement m;
                try {
                    m = measuring.measure(room, last, stop);
                } catch (StoreException e) {
                    // the database went away before the room's standard was ever read: measured once it is back
                    if (!e.connectionLost() || !outage.waitFor(store, e, stop)) {
                        throw e;
                    }
                    leases.giveBack(claim);
                    continue;
                }
                if (stop.stopped() && !m.ok()) {
                    leases.giveBack(claim); // interrupted mid-capture: not a failure of the room's camera
                    return stored;
                }
                long done = clock.now();
                long next = nextDue(claim.due(), every, done);
                byte[] jpeg = last == null ? null : last.jpeg();
                // a commit whose answer was lost with the connection is not made twice: the store sees to it
                boolean kept = outage.run(store, stop, () -> store.recordIf(m, jpeg, c -> leases.done(c, claim, next,
                        done)));
                if (!kept) {
                    progress.leaseLost(room);
                    continue;
                }
                stored++;
                progress.measured(room, m);
                Leases.Round round = outage.run(store, stop, () -> leases.finished(claim.due()));
                if (round != null) {
                    // from when it was due, or, for a round due while no worker ran, from this worker's start:
                    // the time no worker ran is no measure of how many it takes
                    long from = Math.max(round.due(), start);
                    progress.round(round.due(), round.rooms(), round.lastDone() - from, every, round.workers(),
                            outage.awayBetween(from, round.lastDone()));
                }
            }
        }
        return stored;
    }

    /**
     * Renews this worker's leases three times per lease until its slots end, on a connection of its
     * own; a renewal that fails (the database away) is tried at the next, and a lease that ran out
     * meanwhile may be taken by another worker, as it should.
     */
    private void renewLeases(RoomStore store, Options o, StopSignal slotsEnded) {
        long every = Math.max(1, o.leaseMillis() / 3);
        boolean lost = false;
        try (store) {
            while (!slotsEnded.stopped()) {
                try {
                    clock.waitUntil(clock.now() + every, slotsEnded);
                } catch (InterruptedException e) {
                    return;
                }
                if (slotsEnded.stopped()) {
                    return;
                }
                try {
                    if (lost) {
                        store.reconnect();
                        lost = false;
                    }
                    new Leases(store, id, o.site()).renew(o.leaseMillis());
                } catch (StoreException e) {
                    lost = true; // tried again, on a new connection, at the next renewal
                }
            }
        }
    }

    /** The next point of the grid of {@code every} from {@code due}; the latest one passed when two or more are. */
    static long nextDue(long due, long every, long now) {
        long behind = (now - due) / every;
        return due + Math.max(1, behind) * every;
    }
}
