package org.camlab.cli;

import java.util.List;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
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

    /**
     * Opens the store; a URL that is neither a file nor a PostgreSQL or SQLite URL ends the command with
     * exit 2 (RoomStore decides which are), a store that cannot be reached or opened with exit 3 (the
     * store says which kind of failure it met: {@link StoreException#exitCode}).
     */
    RoomStore open() {
        try {
            return RoomStore.open(target());
        } catch (StoreException e) {
            throw new CamlabException(e.exitCode(), e.getMessage(), e);
        }
    }

    /** What a command does with the open store: its exit code. */
    interface StoreWork {
        int run(RoomStore store) throws StoreException;
    }

    /**
     * Opens the store, runs {@code work} and closes it: a store that cannot be read or written ends with
     * exit 3, a request that contradicts it (a room's name taken) with exit 2, in every command alike.
     */
    int run(StoreWork work) {
        try (RoomStore store = open()) {
            return work.run(store);
        } catch (StoreException e) {
            throw new CamlabException(e.exitCode(), e.getMessage(), e);
        }
    }

    /**
     * The site as the rooms spell it ({@code hq} for {@code HQ}); a site no room is on is refused as
     * every command refuses it, with the sites there are: exit 2.
     */
    static String site(RoomStore store, String site) throws StoreException {
        var known = store.site(site);
        if (known.isPresent()) {
            return known.get();
        }
        List<String> sites = store.sites();
        throw new CamlabException(ExitCode.BAD_ARGUMENTS, "no room is on site '" + site + "' ("
                + (sites.isEmpty() ? "no room has a site" : "sites: " + String.join(", ", sites))
                + "; 'camlab rooms edit ROOM --site SITE' puts a room on one)");
    }

    /** An unknown room, told as every room command tells it: exit 2. */
    static CamlabException noRoom(String name) {
        return new CamlabException(ExitCode.BAD_ARGUMENTS, "no room named '" + name
                + "' ('camlab rooms list' lists them)");
    }
}
