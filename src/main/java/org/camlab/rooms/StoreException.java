package org.camlab.rooms;

import org.camlab.exit.ExitCode;

/**
 * The history store cannot do what was asked: a one-line message for the user, and what kind of
 * failure it is, so that every command ends the same failure with the same exit code.
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the person running camlab is concerned. */
    public enum Kind {
        /** The store cannot be reached, opened, read or written (a server away, a full disk): the store's fault. */
        UNAVAILABLE(ExitCode.SOURCE),
        /** The store can be read but not written (a read-only file, a newer camlab's schema). */
        READ_ONLY(ExitCode.SOURCE),
        /** What was asked contradicts what is stored (a room's name taken): the argument is the user's to change. */
        CONFLICT(ExitCode.BAD_ARGUMENTS);

        private final ExitCode exitCode;

        Kind(ExitCode exitCode) {
            this.exitCode = exitCode;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** An unavailable store. */
    public StoreException(String message, Throwable cause) {
        this(Kind.UNAVAILABLE, message, cause);
    }

    /** An unavailable store. */
    public StoreException(String message) {
        this(Kind.UNAVAILABLE, message);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * True when the connection to a database server was lost or refused while the server restarts
     * (SQL state class 08, or 57P01–57P03: shut down by an administrator, crashed, still starting):
     * a failure that may pass, which a survey waits out rather than ending on.
     */
    public boolean connectionLost() {
        return StoreFailure.connectionLost(this);
    }

    /** docs/CONTRACT.md's code for this failure: 3 for a store that cannot be reached or written, 2 for a bad argument. */
    public ExitCode exitCode() {
        return kind.exitCode;
    }
}
