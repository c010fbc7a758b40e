package org.camlab.rooms;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Measurements a survey took while its database was away, kept in memory and stored in the order
 * they were taken once it is back: captures go on through a server's restart, and a measurement is
 * told as stored only once it is. At most {@link #LIMIT} are held — a day of a 15-minute survey of
 * a dozen rooms, about 60 MB with snapshots — and past that the oldest gives way, said in a line.
 */
final class HeldMeasurements {
    static final int LIMIT = 1000;

    private record Held(Room room, Measurement m, byte[] jpeg) {
    }

    private final RoomStore store;
    private final Outage outage;
    private final Survey.Progress progress;
    private final Deque<Held> held = new ArrayDeque<>();
    private int stored;

    HeldMeasurements(RoomStore store, Outage outage, Survey.Progress progress) {
        this.store = store;
        this.outage = outage;
        this.progress = progress;
    }

    void add(Room room, Measurement m, byte[] jpeg) {
        if (held.size() == LIMIT) {
            Held oldest = held.removeFirst();
            progress.dropped(oldest.room(), oldest.m());
        }
        held.addLast(new Held(room, m, jpeg));
    }

    int size() {
        return held.size();
    }

    /** The measurements stored so far. */
    int stored() {
        return stored;
    }

    /**
     * Stores what is held, oldest first, as far as the database lets, without waiting for it.
     *
     * @return true when nothing is held any more; false while the database is away
     * @throws StoreException a failure that is not a lost connection (a full disk, a read-only store)
     */
    boolean store() throws StoreException {
        while (!held.isEmpty()) {
            if (!outage.reachable(store)) {
                return false;
            }
            Held h = held.peekFirst();
            try {
                // a commit whose answer was lost with the connection is not made twice: the store sees to it
                store.record(h.m(), h.jpeg());
            } catch (StoreException e) {
                if (!e.connectionLost()) {
                    throw e;
                }
                if (!outage.connectedAgain(store, e)) {
                    return false;
                }
                continue;
            }
            held.removeFirst();
            stored++;
            progress.measured(h.room(), h.m());
        }
        return true;
    }
}
