package org.camlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rooms", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"The meeting rooms camlab surveys: each a name, where it is, and its camera.", ""},
        footer = {"", "Exit codes: 0 done · 2 bad arguments or an unknown room · 3 the database cannot be opened.", "",
                "Examples:  camlab rooms add 'Board room' --source rtsp://user:pass@10.0.4.12/stream --site HQ --floor 3",
                "           camlab rooms list",
                "           camlab survey 'Board room' --every 15m --for 8h"},
        subcommands = {RoomsCommand.Add.class, RoomsCommand.ListRooms.class, RoomsCommand.Show.class, RoomsCommand.Remove.class})
public final class RoomsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String line(Room r) {
        StringBuilder b = new StringBuilder(r.name());
        String where = String.join(" · ", java.util.stream.Stream.of(r.site(), r.building(), r.floor() == null ? null : "floor " + r.floor())
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!where.isEmpty()) {
            b.append("  (").append(where).append(')');
        }
        return b.append("  ").append(r.shownSource()).toString();
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a room and its camera.")
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The room's name, as people call it.")
        String name;

        @Option(names = "--source", required = true, paramLabel = "SOURCE", description = "Its camera: camera:N, /dev/videoN, "
                + "a recording, or a stream URL (rtsp://user:pass@host/…; the credentials are kept for the survey and never shown).")
        String source;

        @Option(names = "--site", description = "Site or campus.")
        String site;

        @Option(names = "--building", description = "Building.")
        String building;

        @Option(names = "--floor", description = "Floor.")
        String floor;

        @Mixin
        DbOption db = new DbOption();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (name.isBlank()) {
                err.println("camlab: a room needs a name");
                return ExitCodes.BAD_ARGUMENTS;
            }
            try (RoomStore store = db.open(err)) {
                Room r = new Room(name.trim(), site, building, floor, source);
                store.add(r);
                spec.commandLine().getOut().println("added " + line(r));
                return ExitCodes.OK;
            } catch (DbOption.Failed f) {
                return f.exit;
            } catch (StoreException e) {
                err.println("camlab: " + e.getMessage());
                return ExitCodes.BAD_ARGUMENTS;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rooms, by site, building and floor.")
    static final class ListRooms implements Callable<Integer> {
        @Mixin
        DbOption db = new DbOption();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (RoomStore store = db.open(err)) {
                List<Room> rooms = store.rooms();
                if (rooms.isEmpty()) {
                    spec.commandLine().getOut().println("No rooms yet: 'camlab rooms add NAME --source SOURCE'.");
                }
                for (Room r : rooms) {
                    spec.commandLine().getOut().println(line(r));
                }
                return ExitCodes.OK;
            } catch (DbOption.Failed f) {
                return f.exit;
            } catch (StoreException e) {
                err.println("camlab: " + e.getMessage());
                return ExitCodes.SOURCE;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One room, and how many measurements it has.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        DbOption db = new DbOption();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (RoomStore store = db.open(err)) {
                var room = store.room(name);
                if (room.isEmpty()) {
                    err.println("camlab: no room named '" + name + "' ('camlab rooms list' lists them)");
                    return ExitCodes.BAD_ARGUMENTS;
                }
                var ms = store.measurements(name, Long.MIN_VALUE, Long.MAX_VALUE);
                PrintWriter out = spec.commandLine().getOut();
                out.println(line(room.get()));
                out.println(ms.size() + (ms.size() == 1 ? " measurement" : " measurements") + (ms.isEmpty() ? "" : ", the last at "
                        + java.time.Instant.ofEpochMilli(ms.get(ms.size() - 1).takenAt())));
                return ExitCodes.OK;
            } catch (DbOption.Failed f) {
                return f.exit;
            } catch (StoreException e) {
                err.println("camlab: " + e.getMessage());
                return ExitCodes.SOURCE;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a room and its measurements.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        DbOption db = new DbOption();

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (RoomStore store = db.open(err)) {
                if (!store.remove(name)) {
                    err.println("camlab: no room named '" + name + "' ('camlab rooms list' lists them)");
                    return ExitCodes.BAD_ARGUMENTS;
                }
                spec.commandLine().getOut().println("removed " + name);
                return ExitCodes.OK;
            } catch (DbOption.Failed f) {
                return f.exit;
            } catch (StoreException e) {
                err.println("camlab: " + e.getMessage());
                return ExitCodes.SOURCE;
            }
        }
    }
}
