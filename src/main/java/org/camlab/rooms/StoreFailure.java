package org.camlab.rooms;

import java.sql.SQLException;

/**
 * A failure of the store told by its cause rather than by the statement that met it: SQLite's
 * "cannot commit - no transaction is active" after a full disk, or Flyway's "Unable to commit
 * transaction", say nothing a person can act on; the SQLite result code or PostgreSQL SQL state
 * somewhere in the chain does.
 */
final class StoreFailure {
    private StoreFailure() {
    }

    /** One line: the cause in words where it is known, else the first line of the message (no password). */
    static String words(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String known = known(t);
            if (known != null) {
                return known;
            }
        }
        return RoomStore.oneLine(e);
    }

    /**
     * True when an SQL state in the chain says the connection to the server was lost or refused while
     * it restarts: class 08, or 57P01–57P03 (shut down by an administrator, crashed, still starting).
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof SQLException s ? s.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state
                    .equals("57P03"))) {
                return true;
            }
        }
        return false;
    }

    private static String known(Throwable t) {
        if (!(t instanceof SQLException s)) {
            return null;
        }
        String m = s.getMessage() == null ? "" : s.getMessage();
        if (m.startsWith("[SQLITE_FULL]")) {
            return "the disk is full (SQLITE_FULL): free some space";
        }
        if (m.startsWith("[SQLITE_READONLY")) {
            return "the database file or its directory is read-only (SQLITE_READONLY)";
        }
        if ("53100".equals(s.getSQLState())) {
            return "the database server's disk is full (PostgreSQL 53100 disk_full)";
        }
        if ("25006".equals(s.getSQLState())) {
            return "the database server takes no writes (PostgreSQL 25006: a standby, or read-only transactions)";
        }
        return null;
    }
}
