package org.camlab.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.face.FaceDetectors;
import org.camlab.lab.Lab;
import org.camlab.report.RequirementReport;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;
import org.camlab.rooms.Survey;
import org.camlab.session.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "survey", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Measure a room (or every room) at intervals and keep each measurement: a short capture, the "
                + "whole analysis, the advice and the score, committed to the database as it is taken. A capture that "
                + "fails (camera gone, stream down) is kept as a failed measurement with its reason, and the survey goes "
                + "on; Ctrl-C ends it, keeping everything measured.", ""},
        footer = {"",
                "Examples:  camlab survey 'Board room' --every 15m --for 8h",
                "           camlab survey --all --every 30m --for 10h --db jdbc:postgresql://db.example/camlab?user=survey"})
public final class SurveyCommand extends StoreCommand {
    @Parameters(paramLabel = "ROOM", arity = "0..1", description = "The room to survey ('camlab rooms list').")
    String room;

    @Option(names = "--all", description = "Survey every registered room in turn.")
    boolean all;

    @Option(names = "--every", paramLabel = "TIME", defaultValue = "15m", converter = TimeConverter.class,
            description = "From one round's start to the next (default: ${DEFAULT-VALUE}).")
    long everyMicros;

    @Option(names = "--for", paramLabel = "TIME", converter = TimeConverter.class, description = "How long to survey "
            + "(8h, 30m); default: one round.")
    Long forMicros;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "60",
            description = "Frames analysed per measurement (default: ${DEFAULT-VALUE}).")
    int frames;

    @picocli.CommandLine.Mixin
    FacesOption faces = new FacesOption();

    @Option(names = "--replay", description = "A room whose source is a recording is treated as a live camera: each "
            + "measurement reads the recording at the time elapsed since the survey started (from its start again when it "
            + "ends), analysed as the live check analyses a camera. For trying a survey on a recording of a day.")
    boolean replay;

    @Option(names = "--snapshots",
            description = "Keep a picture (JPEG, 640 px wide) of each measurement in the database. "
                    + "Off by default: nothing of the picture is stored unless asked.")
    boolean snapshots;

    @Override
    public Integer call() {
        if (all == (room != null)) {
            throw badArgument("give a ROOM or --all");
        }
        if (frames < 1) {
            throw badArgument("--frames must be 1 or more");
        }
        long everyMillis = everyMicros / 1000;
        long forMillis = forMicros == null ? 0 : forMicros / 1000;
        if (everyMillis <= 0) {
            throw badArgument("--every must be 1 ms or more");
        }
        FaceDetectors.Mode mode = faces.mode();
        StopSignal stop = new StopSignal();
        if (Main.ownsProcess()) {
            Interrupts.route(stop);
        }
        try (RoomStore store = db.open(); Lab lab = Lab.automatic(mode)) {
            List<Room> rooms;
            if (all) {
                rooms = store.rooms();
                if (rooms.isEmpty()) {
                    throw new CamlabException(ExitCode.BAD_ARGUMENTS,
                            "no rooms to survey ('camlab rooms add NAME --source SOURCE')");
                }
            } else {
                var r = store.room(room);
                if (r.isEmpty()) {
                    throw DbOption.noRoom(room);
                }
                rooms = List.of(r.get());
            }
            Survey survey = new Survey(store, lab, Survey.Clock.SYSTEM);
            try {
                survey.checkStandards(rooms);
            } catch (IllegalArgumentException e) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, e.getMessage()
                        + " ('camlab rooms standard' replaces it)", e);
            }
            DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId
                    .systemDefault());
            int stored = survey.run(rooms, new Survey.Options(everyMillis, forMillis, frames, replay ? 1 : 0,
                    snapshots), stop, new Survey.Progress() {
                        @Override
                        public void measured(Room r, Measurement m) {
                            out().println(line(hm.format(Instant.ofEpochMilli(m.takenAt())), r, m));
                            out().flush();
                        }

                        @Override
                        public void next(long atMillis) {
                            err().println("camlab: next round at " + hm.format(Instant.ofEpochMilli(atMillis)));
                            err().flush();
                        }
                    });
            err().println("camlab: " + stored + " measurement" + (stored == 1 ? "" : "s") + " stored in " + store
                    .shown());
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw new CamlabException(e.exitCode(), e.getMessage(), e);
        }
    }

    /** The requirements a measurement did not meet, as the standard writes them. */
    static String failed(Measurement m) {
        List<String> unmet = RequirementReport.unmet(m.requirements());
        return unmet == null ? "?" : String.join(", ", unmet);
    }

    static String line(String time, Room r, Measurement m) {
        if (!m.ok()) {
            return String.format(Locale.ROOT, "%s  %s: failed: %s", time, r.name(), m.error());
        }
        return String.format(Locale.ROOT, "%s  %s: score %d, %s, backlight %s, light %s%s", time, r.name(), m.score(),
                m.standardPass() == 1 ? "meets the standard" : m.standardPass() == 0 ? "below the standard (" + failed(
                        m) + ")"
                        : "not judged",
                Double.isNaN(m.backlightStops()) ? "—" : String.format(Locale.ROOT, "%.2f stops", m.backlightStops()),
                Double.isNaN(m.lightLevel()) ? "—" : String.format(Locale.ROOT, "%.0f of 255", m.lightLevel()),
                m.topProblem() == null ? "" : ", top problem: " + m.topProblem());
    }
}
