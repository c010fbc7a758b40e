package org.camlab.cli;

import java.io.PrintWriter;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;
import picocli.CommandLine.Option;

/** {@code --db}: where the rooms and their history are kept. */
final class DbOption {
    @Option(names = "--db", paramLabel = "FILE|URL", description = "The history database: an SQLite file (default: "
            + "~/.local/share/camlab/rooms.db), or jdbc:postgresql://HOST/DATABASE?user=U&password=P for a database "
            + "shared by many survey machines. The password is never shown.")
    String db;

    String target() {
        return db != null ? db : RoomStore.defaultDatabase();
    }

    /** Opens the store, or says why not in one line (bad URL: exit 2; cannot reach or open: exit 3). */
    RoomStore open(PrintWriter err) throws Failed {
        String t = target();
        if (t.startsWith("jdbc:") && !t.startsWith("jdbc:postgresql://") && !t.startsWith("jdbc:sqlite:")) {
            err.println("camlab: --db: a file, or a jdbc:postgresql://HOST/DATABASE URL");
            throw new Failed(ExitCodes.BAD_ARGUMENTS);
        }
        try {
            return RoomStore.open(t);
        } catch (StoreException e) {
            err.println("camlab: " + e.getMessage());
            throw new Failed(ExitCodes.SOURCE);
        }
    }

    /** What a command does with the open store: its exit code. */
    interface StoreWork {
        int run(RoomStore store) throws StoreException, Failed;
    }

    /**
     * Opens the store, runs {@code work} and closes it: a store that cannot be opened, read or
     * written is one line and exit 3 (a bad URL: 2).
     */
    int run(PrintWriter err, StoreWork work) {
        try (RoomStore store = open(err)) {
            return work.run(store);
        } catch (Failed f) {
            return f.exit;
        } catch (StoreException e) {
            err.println("camlab: " + e.getMessage());
            return ExitCodes.SOURCE;
        }
    }

    /** An unknown room, told as every room command tells it. @return exit 2 */
    static int noRoom(PrintWriter err, String name) {
        err.println("camlab: no room named '" + name + "' ('camlab rooms list' lists them)");
        return ExitCodes.BAD_ARGUMENTS;
    }

    /** A failure already told to the user, with the exit code it means. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final int exit;

        Failed(int exit) {
            super(null, null, false, false);
            this.exit = exit;
        }
    }
}
