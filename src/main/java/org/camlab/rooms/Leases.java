package org.camlab.rooms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rooms' leases in PostgreSQL ({@code room_lease}, migration V3): the database is the survey
 * workers' only coordinator. A room is claimed for its next due measurement by one short statement
 * — {@code UPDATE … WHERE room = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)} — so that workers
 * claiming at the same instant each take a different room without waiting on one another, and the
 * lease is a row, not a lock held by a connection: a worker killed mid-capture holds no
 * transaction open, and its lease simply runs out ({@code lease_until}) for another to take. An
 * advisory lock would have ended with the dying worker's connection instead — at once on a clean
 * exit but only when TCP notices on a machine that vanished, and it would need a connection per room
 * held open through each capture.
 */
final class Leases {
    /** A room claimed for the measurement due at {@code due}. */
    record Claim(String room, long due) {
    }

    private final RoomStore store;
    private final String worker;
    private final String site;

    /** @param site the stored spelling of the site the worker keeps to; null for every room */
    Leases(RoomStore store, String worker, String site) {
        this.store = store;
        this.worker = worker;
        this.site = site;
    }

    private String siteFilter() {
        return site == null ? "" : " AND LOWER(r.site) = LOWER(?)";
    }

    /** Gives every room without a lease row one, due at {@code due}: rooms added since are taken in. */
    void enrol(long due) throws StoreException {
        try (PreparedStatement p = store.connection().prepareStatement(
                "INSERT INTO room_lease (room, next_due) SELECT name, ? FROM room "
                        + "WHERE name NOT IN (SELECT room FROM room_lease) ON CONFLICT (room) DO NOTHING")) {
            p.setLong(1, due);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot enrol the rooms for the survey: " + StoreFailure.words(e), e);
        }
    }

    /**
     * The server's time in ms: leases are given and run out by one clock, so that a worker whose clock is
     * ahead cannot take a live lease, nor one whose clock is behind keep a dead one.
     */
    private static final String DB_NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    /**
     * Claims the room due longest ago (and due by {@code now}) that no live lease holds: unleased, or
     * leased by a worker whose lease has run out by the server's clock.
     *
     * @param notDoneSince only a room not stored since then (one round: since the worker started)
     * @return the claim, or null when no room is due
     */
    Claim claim(long now, long notDoneSince, long leaseMillis) throws StoreException {
        try (PreparedStatement p = store.connection().prepareStatement(
                "UPDATE room_lease SET leased_by = ?, lease_until = " + DB_NOW + " + ? WHERE room = ("
                        + "SELECT l.room FROM room_lease l JOIN room r ON r.name = l.room "
                        + "WHERE l.next_due <= ? AND (l.last_done IS NULL OR l.last_done < ?) "
                        + "AND (l.leased_by IS NULL OR l.lease_until < " + DB_NOW + ")"
                        + siteFilter()
                        + " ORDER BY l.next_due, l.room LIMIT 1 FOR UPDATE OF l SKIP LOCKED) "
                        + "RETURNING room, next_due")) {
            p.setString(1, worker);
            p.setLong(2, leaseMillis);
            p.setLong(3, now);
            p.setLong(4, notDoneSince);
            if (site != null) {
                p.setString(5, site);
            }
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? new Claim(rs.getString(1), rs.getLong(2)) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot claim a room: " + StoreFailure.words(e), e);
        }
    }

    /**
     * Renews every lease this worker holds, for {@code leaseMillis} from now by the server's clock: a
     * capture slower than the lease (a loaded machine, a slow stream) keeps its room, while a worker
     * that dies stops renewing and its leases run out. A lease another worker has taken over is not
     * this worker's to renew.
     */
    void renew(long leaseMillis) throws StoreException {
        try (PreparedStatement p = store.connection().prepareStatement(
                "UPDATE room_lease SET lease_until = " + DB_NOW + " + ? WHERE leased_by = ?")) {
            p.setLong(1, leaseMillis);
            p.setString(2, worker);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot renew the leases: " + StoreFailure.words(e), e);
        }
    }

    /**
     * When the next room is due, or when a lease runs out, whichever is first after the rooms due now;
     * Long.MAX_VALUE when there are no rooms.
     */
    long nextChance() throws StoreException {
        try (PreparedStatement p = store.connection().prepareStatement(
                "SELECT MIN(CASE WHEN l.leased_by IS NULL THEN l.next_due ELSE l.lease_until END) FROM room_lease l "
                        + "JOIN room r ON r.name = l.room WHERE 1 = 1" + siteFilter())) {
            if (site != null) {
                p.setString(1, site);
            }
            try (ResultSet rs = p.executeQuery()) {
                long at = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Long.MAX_VALUE : at;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the rooms' leases: " + StoreFailure.words(e), e);
        }
    }

    /**
     * Gives the lease back with the room measured, in the transaction storing the measurement
     * ({@link RoomStore#recordIf}); the row stays locked until that commits.
     *
     * @return false when the lease is no longer this worker's (it ran out and another took the room)
     */
    boolean done(Connection c, Claim claim, long nextDue, long now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE room_lease SET next_due = ?, leased_by = NULL, "
                + "lease_until = NULL, last_due = ?, last_done = ?, last_by = ? "
                + "WHERE room = ? AND leased_by = ? AND next_due = ?")) {
            p.setLong(1, nextDue);
            p.setLong(2, claim.due());
            p.setLong(3, now);
            p.setString(4, worker);
            p.setString(5, claim.room());
            p.setString(6, worker);
            p.setLong(7, claim.due());
            return p.executeUpdate() == 1;
        }
    }

    /** Gives a lease back unmeasured (the survey was stopped mid-capture): the room is due again at once. */
    void giveBack(Claim claim) {
        try (PreparedStatement p = store.connection().prepareStatement(
                "UPDATE room_lease SET leased_by = NULL, lease_until = NULL WHERE room = ? AND leased_by = ?")) {
            p.setString(1, claim.room());
            p.setString(2, worker);
            p.executeUpdate();
        } catch (SQLException e) {
            // the lease runs out by itself
        }
    }

    /** A round's rooms, when they all have been measured: how many, when the last was stored, by how many workers. */
    record Round(long due, int rooms, long lastDone, int workers) {
    }

    /**
     * The round due at {@code due}, when no room of it is left to measure and no other worker has
     * told it yet (the one whose insert into {@code survey_round} succeeds tells it); null otherwise.
     */
    Round finished(long due) throws StoreException {
        Connection c = store.connection();
        try {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM room_lease l JOIN room r "
                    + "ON r.name = l.room WHERE l.next_due <= ?" + siteFilter())) {
                p.setLong(1, due);
                if (site != null) {
                    p.setString(2, site);
                }
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) {
                        return null;
                    }
                }
            }
            Round round;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COUNT(*), MAX(l.last_done), COUNT(DISTINCT l.last_by) FROM room_lease l "
                            + "JOIN room r ON r.name = l.room WHERE l.last_due = ?" + siteFilter())) {
                p.setLong(1, due);
                if (site != null) {
                    p.setString(2, site);
                }
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    round = new Round(due, rs.getInt(1), rs.getLong(2), rs.getInt(3));
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO survey_round (due, scope) VALUES (?, ?) ON CONFLICT (due, scope) DO NOTHING")) {
                p.setLong(1, due);
                p.setString(2, site == null ? "" : site);
                return p.executeUpdate() == 1 && round.rooms() > 0 ? round : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the round: " + StoreFailure.words(e), e);
        }
    }
}
