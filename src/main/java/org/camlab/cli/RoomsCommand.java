package org.camlab.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.camlab.advice.Advisor;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.RoomText;
import org.camlab.rooms.Standard;
import org.camlab.rooms.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rooms", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"The meeting rooms camlab surveys: each a name, where it is, and its camera.", ""},
        footer = {"",
                "Examples:  camlab rooms add 'Board room' --source rtsp://user:pass@10.0.4.12/stream --site HQ --floor 3",
                "           camlab rooms list",
                "           camlab rooms standard --site HQ hq-standard.json",
                "           camlab survey 'Board room' --every 15m --for 8h"},
        subcommands = {RoomsCommand.Add.class, RoomsCommand.ListRooms.class, RoomsCommand.Show.class,
                RoomsCommand.Edit.class, RoomsCommand.Remove.class, RoomsCommand.StandardCmd.class})
public final class RoomsCommand extends CamlabCommand {

    @Override
    public Integer call() {
        spec.commandLine().usage(out());
        return ExitCodes.OK;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a room and its camera.")
    static final class Add extends StoreCommand {
        @Parameters(paramLabel = "NAME", description = "The room's name, as people call it.")
        String name;

        @Option(names = "--source", required = true, paramLabel = "SOURCE",
                description = "Its camera: camera:N, /dev/videoN, "
                        + "a recording, or a stream URL (rtsp://user:pass@host/…; the credentials are kept for the survey and never shown).")
        String source;

        @Option(names = "--site", description = "Site or campus.")
        String site;

        @Option(names = "--building", description = "Building.")
        String building;

        @Option(names = "--floor", description = "Floor.")
        String floor;

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, "a room needs a name");
            }
            return db.run(store -> {
                Room r = new Room(name.trim(), site == null ? null : store.site(site).orElse(site.strip()), building,
                        floor, source);
                store.add(r);
                out().println("added " + RoomText.line(r));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the rooms, by site, building and floor.")
    static final class ListRooms extends StoreCommand {

        @Override
        public Integer call() {
            return db.run(store -> {
                List<Room> rooms = store.rooms();
                if (rooms.isEmpty()) {
                    out().println("No rooms yet: 'camlab rooms add NAME --source SOURCE'.");
                }
                for (Room r : rooms) {
                    out().println(RoomText.line(r));
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One room, and how many measurements it has.")
    static final class Show extends RoomCommand {
        @Override
        public Integer call() {
            return db.run(store -> {
                var room = store.room(name);
                if (room.isEmpty()) {
                    throw DbOption.noRoom(name);
                }
                var ms = store.measurements(name, Long.MIN_VALUE, Long.MAX_VALUE);
                out().println(RoomText.line(room.get()));
                out().println(ms.size() + (ms.size() == 1 ? " measurement" : " measurements") + (ms.isEmpty() ? ""
                        : ", the last at "
                                + Instant.ofEpochMilli(ms.get(ms.size() - 1).takenAt())));
                try {
                    var st = Standard.of(store, room.get(), new Advisor());
                    out().println("held to " + st.name() + " (" + st.origin() + "; 'camlab rooms standard "
                            + RoomText.shell(name) + "' lists it)");
                } catch (IllegalArgumentException e) {
                    out().println("its standard is malformed: " + e.getMessage());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Change a room's camera, where it is, or its name; its measurements are kept.", ""},
            footer = {"",
                    "Examples:  camlab rooms edit 'Board room' --source rtsp://user:pass@10.0.4.13/stream",
                    "           camlab rooms edit 'Board room' --floor 4 --name 'Board room 4'",
                    "           camlab rooms edit 'Board room' --building ''      (no building any more)"})
    static final class Edit extends RoomCommand {
        @Option(names = "--source", paramLabel = "SOURCE", description = "Its new camera, as for 'rooms add'.")
        String source;

        @Option(names = "--site", paramLabel = "SITE", description = "Its site or campus ('' for none).")
        String site;

        @Option(names = "--building", paramLabel = "BUILDING", description = "Its building ('' for none).")
        String building;

        @Option(names = "--floor", paramLabel = "FLOOR", description = "Its floor ('' for none).")
        String floor;

        @Option(names = "--name", paramLabel = "NEW", description = "Its new name; its measurements follow it.")
        String newName;

        @Override
        public Integer call() {
            if (source == null && site == null && building == null && floor == null && newName == null) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS,
                        "nothing to change: give --source, --site, --building, --floor or --name");
            }
            if (source != null && source.isBlank()) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, "--source: a room needs a camera");
            }
            if (newName != null && newName.isBlank()) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, "--name: a room needs a name");
            }
            return db.run(store -> {
                store.requireWritable();
                var found = store.room(name);
                if (found.isEmpty()) {
                    throw DbOption.noRoom(name);
                }
                Room r = found.get();
                String where = site == null ? r.site() : site.isBlank() ? null : store.site(site).orElse(site.strip());
                Room changed = new Room(newName == null ? r.name() : newName.strip(), where, or(building, r.building()),
                        or(floor, r.floor()), source == null ? r.source() : source);
                if (!store.edit(r.name(), changed)) {
                    throw DbOption.noRoom(name);
                }
                int n = store.count(changed.name(), Long.MIN_VALUE, Long.MAX_VALUE);
                out().println("changed " + RoomText.line(changed) + "  (" + n
                        + (n == 1 ? " measurement" : " measurements") + " kept)");
                return ExitCodes.OK;
            });
        }

        /** The value given, '' for none, or the room's own when not given. */
        private static String or(String given, String was) {
            return given == null ? was : given.isBlank() ? null : given.strip();
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = {"Remove a room and its measurements "
            + "for good. On a terminal it asks first (y/N); elsewhere (a script, CI) it needs --yes.", ""})
    static final class Remove extends RoomCommand {
        @Option(names = {"-y", "--yes"}, description = "Remove without asking; needed where no one can be asked.")
        boolean yes;

        @Override
        public Integer call() {
            return db.run(store -> {
                // a store that cannot be written says so before anyone is asked a question it cannot act on
                store.requireWritable();
                if (store.room(name).isEmpty()) {
                    throw DbOption.noRoom(name);
                }
                int n = store.count(name, Long.MIN_VALUE, Long.MAX_VALUE);
                String what = "'" + name + "' and its " + n + (n == 1 ? " measurement" : " measurements");
                if (!yes) {
                    Console console = System.console();
                    if (console == null) {
                        throw new CamlabException(ExitCode.BAD_ARGUMENTS, "rooms remove deletes " + what
                                + " for good: give --yes to remove it where no one can be asked");
                    }
                    err().print("Remove " + what + " for good? [y/N] ");
                    err().flush();
                    String answer = console.readLine();
                    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                        throw new CamlabException(ExitCode.BAD_ARGUMENTS, "kept " + what + ": nothing removed");
                    }
                }
                if (!store.remove(name)) {
                    throw DbOption.noRoom(name);
                }
                out().println("removed " + what);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "standard", mixinStandardHelpOptions = true, sortOptions = false,
            description = {
                    "Show or set the standard a room is held to. Every room meets camlab's bundled room standard "
                            + "(backlight ≤ 0.6 stop, enough and even light, effective resolution, fps ≥ 24, no flicker; each bound "
                            + "with its cited source) unless its site or the room itself has its own: a --require profile "
                            + "(docs/CONTRACT.md, Requirements). Each measurement keeps its result per requirement.",
                    ""},
            footer = {"",
                    "Examples:  camlab rooms standard 'Board room'                 (the standard in force, and where from)",
                    "           camlab rooms standard --site HQ hq-standard.json",
                    "           camlab rooms standard 'Board room' --clear           (back to the site's or the bundled one)"})
    static final class StandardCmd extends StoreCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ROOM", description = "The room (or --site).")
        String room;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE.json", description = "The standard to set.")
        Path file;

        @Option(names = "--site", paramLabel = "SITE", description = "Set or show a whole site's standard instead.")
        String site;

        @Option(names = "--clear", description = "Remove the room's (or site's) own standard.")
        boolean clear;

        @Override
        public Integer call() {
            if (site != null && file == null && room != null) {
                file = Path.of(room); // rooms standard --site HQ FILE: the file came first
                room = null;
            }
            if ((site == null) == (room == null)) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, "give a ROOM or --site SITE");
            }
            if (clear && file != null) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, "give a FILE or --clear, not both");
            }
            Advisor advisor = new Advisor();
            String json = null;
            if (file != null) {
                try {
                    json = Files.readString(file, StandardCharsets.UTF_8);
                    Standard.parse(json, file.toString(), "", advisor);
                } catch (IOException e) {
                    throw new CamlabException(ExitCode.BAD_ARGUMENTS, "cannot read " + file + ": "
                            + (e instanceof NoSuchFileException
                                    ? "no such file" : e.getMessage()));
                } catch (IllegalArgumentException e) {
                    throw new CamlabException(ExitCode.BAD_ARGUMENTS, e.getMessage());
                }
            }
            String text = json;
            return db.run(store -> {
                String site = this.site == null ? null : known(store, this.site);
                Room r = null;
                if (room != null) {
                    var found = store.room(room);
                    if (found.isEmpty()) {
                        throw DbOption.noRoom(room);
                    }
                    r = found.get();
                }
                if (text != null || clear) {
                    if (r != null) {
                        store.setRoomStandard(r.name(), text);
                    } else {
                        store.setSiteStandard(site, text);
                    }
                    out().println((clear ? "cleared the standard of " : "set the standard of ") + (r != null ? r.name()
                            : "site " + site));
                    return ExitCodes.OK;
                }
                Standard st;
                try {
                    st = r != null ? Standard.of(store, r, advisor)
                            : store.siteStandard(site) != null
                                    ? Standard.parse(store.siteStandard(site), "site " + site, "site " + site + "'s",
                                            advisor)
                                    : Standard.bundled(advisor);
                } catch (IllegalArgumentException e) {
                    throw new CamlabException(ExitCode.BAD_ARGUMENTS, e.getMessage());
                }
                out().println(st.name() + " (" + st.origin() + ")");
                for (var q : st.profile().requirements()) {
                    out().println("  " + q.expression() + (q.source().isEmpty() ? "" : "    — " + q.source()));
                }
                return ExitCodes.OK;
            });
        }

        /**
         * The site as the rooms spell it; a site no room is on and with no standard of its own is refused,
         * since a standard set on a misspelt site would hold no room to it and say nothing.
         */
        private static String known(RoomStore store, String site) throws StoreException {
            if (store.site(site).isEmpty() && store.siteStandard(site) != null) {
                return site;
            }
            return DbOption.site(store, site);
        }
    }
}
