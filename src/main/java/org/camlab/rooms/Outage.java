package org.camlab.rooms;

import java.util.ArrayDeque;
import java.util.Deque;
import org.camlab.session.StopSignal;

/**
 * A database server that went away — restarted, failed over, or cut off by the network — waited out
 * rather than ending the survey: its connection is tried again after 1 s, then after twice as long
 * each time up to 10 s, so that a restart of a few seconds is over within a few seconds of the
 * server coming back, while a server away for an hour is asked six times a minute by each worker's
 * connection, not flooded. One outage is shared by the connections of a worker: the person watching
 * is told once that the database is away, and once that it is back.
 */
public final class Outage {
    static final long FIRST_WAIT_MILLIS = 1000;
    static final long LONGEST_WAIT_MILLIS = 10_000;

    /** What the person watching the survey is told. */
    public interface Listener {
        /** The database was found away; {@code why} is the store's one line. */
        void away(String why);

        /** The database answered again after being away for {@code awayMillis}. */
        void back(long awayMillis);
    }

    /** Work against the store that a lost connection interrupts: run again once connected. */
    public interface Work<T> {
        T run() throws StoreException;
    }

    private final Survey.Clock clock;
    private final Listener listener;
    private long since = -1;
    /** The outages over, as [from, to] pairs: a round they fell in was late through no worker's fault. */
    private final Deque<long[]> past = new ArrayDeque<>();
    private long wait;
    private long nextTry;

    public Outage(Survey.Clock clock, Listener listener) {
        this.clock = clock;
        this.listener = listener;
    }

    /** True while the database is known to be away. */
    public synchronized boolean away() {
        return since >= 0;
    }

    /**
     * Runs {@code work} on {@code store}, waiting out a lost connection: connecting again with
     * back-off until the work runs or {@code stop}.
     *
     * @throws StoreException a failure other than a lost connection, or the lost connection when
     *                        stopped while the database is away
     */
    public <T> T run(RoomStore store, StopSignal stop, Work<T> work) throws StoreException {
        while (true) {
            try {
                return work.run();
            } catch (StoreException e) {
                if (!e.connectionLost() || !waitFor(store, e, stop)) {
                    throw e;
                }
            }
        }
    }

    /**
     * After {@code lost}, connects {@code store} again, waiting with back-off while the database is away.
     *
     * @return true once connected; false when stopped first
     */
    boolean waitFor(RoomStore store, StoreException lost, StopSignal stop) {
        if (connectedAgain(store, lost)) {
            return true;
        }
        while (!stop.stopped()) {
            try {
                clock.waitUntil(nextTry(), stop);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (stop.stopped()) {
                return false;
            }
            StoreException still = connect(store);
            if (still == null) {
                return true;
            }
            failed(still);
        }
        return false;
    }

    /**
     * After {@code lost}, without waiting: true when {@code store} connects again at once (its connection
     * was left stale by an outage another connection already waited out); false when the database is
     * away, which is then told.
     */
    boolean connectedAgain(RoomStore store, StoreException lost) {
        if (!away() && connect(store) == null) {
            return true;
        }
        failed(lost);
        return false;
    }

    /**
     * Without waiting: true when {@code store} can be used now — the database is not known to be away,
     * or its back-off has passed and it connects again.
     */
    boolean reachable(RoomStore store) {
        synchronized (this) {
            if (since < 0) {
                return true;
            }
            if (clock.now() < nextTry) {
                return false;
            }
        }
        StoreException still = connect(store);
        if (still != null) {
            failed(still);
        }
        return still == null;
    }

    /** Tells of a lost connection (the first time) and sets when to try again. */
    synchronized void failed(StoreException lost) {
        long now = clock.now();
        if (since < 0) {
            since = now;
            wait = FIRST_WAIT_MILLIS;
            listener.away(lost.getMessage());
        }
        nextTry = Math.max(nextTry, now + wait);
        wait = Math.min(2 * wait, LONGEST_WAIT_MILLIS);
    }

    /** How long the database was away between {@code from} and {@code to}. */
    public synchronized long awayBetween(long from, long to) {
        long away = since >= 0 ? Math.max(0, to - Math.max(from, since)) : 0;
        for (long[] p : past) {
            away += Math.max(0, Math.min(to, p[1]) - Math.max(from, p[0]));
        }
        return away;
    }

    /** When the database is to be tried again. */
    synchronized long nextTry() {
        return nextTry;
    }

    /** Connects {@code store} again; null once connected, else why not. */
    private StoreException connect(RoomStore store) {
        try {
            store.reconnect();
        } catch (StoreException e) {
            return e;
        }
        synchronized (this) {
            if (since >= 0) {
                long now = clock.now();
                past.addLast(new long[]{since, now});
                if (past.size() > 100) {
                    past.removeFirst();
                }
                listener.back(now - since);
                since = -1;
            }
        }
        return null;
    }
}
