package org.camlab.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.camlab.rooms.SurveyWorker;
import org.camlab.session.StopSignal;
import picocli.CommandLine;
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

    @Option(names = "--all", description = "Survey every registered room in turn. On a PostgreSQL database any "
            + "number of surveys with --all, on any machines, share the rooms: each room is claimed for its next due "
            + "measurement by a lease, measured once per round, and a survey that dies loses its rooms to the others "
            + "when its leases run out (2 minutes).")
    boolean all;

    @Option(names = "--site", paramLabel = "SITE", description = "With --all: only the rooms of this site (any case).")
    String site;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1", description = "With --all on a PostgreSQL "
            + "database: measure up to N rooms at once, at most one per core (default: ${DEFAULT-VALUE}).")
    int parallel;

    /** How long a room's lease lasts: the tests shorten it to see a killed worker's room taken over. */
    @Option(names = "--lease", paramLabel = "TIME", converter = TimeConverter.class, hidden = true)
    Long leaseMicros;

    @Option(names = "--every", paramLabel = "TIME", defaultValue = "15m", converter = TimeConverter.class,
            description = "From one round's start to the next (default: ${DEFAULT-VALUE}).")
    long everyMicros;

    @Option(names = "--for", paramLabel = "TIME", converter = ForConverter.class, description = "How long to survey "
            + "(8h, 30m, or forever: until stopped, as a service runs it); default: one round.")
    Long forMicros;

    /** {@code --for}: a length of time, or {@code forever}. */
    static final class ForConverter implements CommandLine.ITypeConverter<Long> {
        /** A century: until stopped, without overflowing a time in milliseconds added to it. */
        static final long FOREVER_MICROS = 100L * 366 * 24 * 3600 * 1_000_000;

        @Override
        public Long convert(String value) {
            return value.equalsIgnoreCase("forever") ? FOREVER_MICROS : new TimeConverter().convert(value);
        }
    }

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
        int cores = Runtime.getRuntime().availableProcessors();
        if (parallel < 1 || parallel > cores) {
            // each capture decodes and analyses on a core of its own: more captures than cores would
            // slow each other and skew what a live camera's frames are timed by (fps, jitter, drops)
            throw badArgument("--parallel must be 1 to " + cores + " (this machine's cores): one capture per core");
        }
        if (site != null && !all) {
            throw badArgument("--site goes with --all");
        }
        long leaseMillis = leaseMicros == null ? SurveyWorker.DEFAULT_LEASE_MILLIS : leaseMicros / 1000;
        if (leaseMillis <= 0) {
            throw badArgument("--lease must be 1 ms or more");
        }
        FaceDetectors.Mode mode = faces.mode();
        StopSignal stop = new StopSignal();
        if (Main.ownsProcess()) {
            Interrupts.route(stop);
        }
        try (RoomStore store = db.open()) {
            String siteShown = site == null ? null : DbOption.site(store, site);
            if (all && store.shared()) {
                return work(store, siteShown, new Survey.Options(everyMillis, forMillis, frames, replay ? 1 : 0,
                        snapshots), leaseMillis, mode, stop);
            }
            if (parallel > 1) {
                throw badArgument("--parallel goes with --all on a PostgreSQL database (on SQLite a survey "
                        + "measures one room at a time)");
            }
            return alone(store, siteShown, everyMillis, forMillis, mode, stop);
        } catch (StoreException e) {
            throw new CamlabException(e.exitCode(), e.getMessage(), e);
        }
    }

    /** A survey on its own: one room, or every room on SQLite, one after another. */
    private int alone(RoomStore store, String siteShown, long everyMillis, long forMillis, FaceDetectors.Mode mode,
            StopSignal stop) throws StoreException {
        try (Lab lab = Lab.automatic(mode)) {
            List<Room> rooms;
            if (all) {
                rooms = store.rooms();
                if (siteShown != null) {
                    rooms = rooms.stream().filter(r -> siteShown.equalsIgnoreCase(r.site())).toList();
                }
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

                        @Override
                        public void away(String why) {
                            tell(awayLine(hm, why));
                        }

                        @Override
                        public void back(long awayMillis) {
                            tell(backLine(hm, awayMillis));
                        }

                        @Override
                        public void dropped(Room r, Measurement m) {
                            tell(droppedLine(hm, r, m));
                        }
                    });
            err().println("camlab: " + stored + " measurement" + (stored == 1 ? "" : "s") + " stored in " + store
                    .shown());
            return ExitCodes.OK;
        }
    }

    /** One of the survey workers sharing the rooms of a PostgreSQL database. */
    private int work(RoomStore store, String siteShown, Survey.Options o, long leaseMillis, FaceDetectors.Mode mode,
            StopSignal stop) throws StoreException {
        List<Room> rooms = store.rooms();
        if (siteShown != null) {
            rooms = rooms.stream().filter(r -> siteShown.equalsIgnoreCase(r.site())).toList();
        }
        if (rooms.isEmpty()) {
            throw new CamlabException(ExitCode.BAD_ARGUMENTS,
                    "no rooms to survey ('camlab rooms add NAME --source SOURCE')");
        }
        String id = UUID.randomUUID().toString();
        try (Lab lab = Lab.automatic(mode)) {
            try {
                new Survey(store, lab, Survey.Clock.SYSTEM).checkStandards(rooms);
            } catch (IllegalArgumentException e) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, e.getMessage()
                        + " ('camlab rooms standard' replaces it)", e);
            }
        }
        err().println("camlab: worker " + id + " sharing the rooms" + (siteShown == null ? "" : " of " + siteShown)
                + " of " + store.shown() + " with any other survey --all, " + parallel + " at a time");
        err().flush();
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
        SurveyWorker worker = new SurveyWorker(() -> RoomStore.open(db.target()), () -> Lab.automatic(mode), o,
                Survey.Clock.SYSTEM, id);
        AtomicLong nextDue = new AtomicLong(Long.MAX_VALUE);
        int stored = worker.run(new SurveyWorker.Options(o, parallel, siteShown, leaseMillis), stop,
                new SurveyWorker.Progress() {
                    @Override
                    public synchronized void measured(Room r, Measurement m) {
                        out().println(line(hm.format(Instant.ofEpochMilli(m.takenAt())), r, m));
                        out().flush();
                    }

                    @Override
                    public void next(long atMillis) {
                        nextDue.accumulateAndGet(atMillis, Math::min);
                    }

                    @Override
                    public synchronized void round(long due, int rooms, long took, long every, int workers,
                            long away) {
                        err().println("camlab: " + roundLine(hm.format(Instant.ofEpochMilli(due)), rooms, took, every,
                                workers, away));
                        err().flush();
                    }

                    @Override
                    public synchronized void away(String why) {
                        tell(awayLine(hm, why));
                    }

                    @Override
                    public synchronized void back(long awayMillis) {
                        tell(backLine(hm, awayMillis));
                    }

                    @Override
                    public synchronized void leaseLost(Room r) {
                        err().println("camlab: " + r.name() + ": measured after its lease ran out and another "
                                + "survey took it: not stored (its measurement is the other's)");
                        err().flush();
                    }
                });
        if (stored == 0 && nextDue.get() != Long.MAX_VALUE) {
            // the rooms are shared: another worker, or an earlier survey, measured them less than --every ago
            err().println("camlab: no room was due: the next is due at " + hm.format(Instant.ofEpochMilli(nextDue
                    .get())) + " (a room is due --every after its last round)");
        }
        err().println("camlab: " + stored + " measurement" + (stored == 1 ? "" : "s") + " stored in " + store.shown());
        return ExitCodes.OK;
    }

    private void tell(String line) {
        err().println("camlab: " + line);
        err().flush();
    }

    static String awayLine(DateTimeFormatter hm, String why) {
        return hm.format(Instant.now()) + " the database is away (" + why + "): measurements are held and stored "
                + "when it is back; it is tried again after 1 s, then less often, at least every 10 s";
    }

    static String backLine(DateTimeFormatter hm, long awayMillis) {
        return hm.format(Instant.now()) + " the database is back after " + words(awayMillis);
    }

    static String droppedLine(DateTimeFormatter hm, Room r, Measurement m) {
        return "the database has been away too long to hold more: the measurement of " + r.name() + " at " + hm
                .format(Instant.ofEpochMilli(m.takenAt())) + " is given up for a newer one";
    }

    /**
     * A finished round, and when it took longer than its interval, by how much and how many more workers
     * of the kind that measured it would keep up (the work spread evenly: workers × took / every) — not
     * counting the time the database was away, which more workers would not have shortened.
     */
    static String roundLine(String due, int rooms, long tookMillis, long everyMillis, int workers,
            long awayMillis) {
        String head = "round of " + rooms + " room" + (rooms == 1 ? "" : "s") + " due at " + due + " took "
                + words(tookMillis) + " of its " + words(everyMillis);
        if (tookMillis <= everyMillis) {
            return head;
        }
        long working = tookMillis - awayMillis;
        if (awayMillis > 0 && working <= everyMillis) {
            return head + " (" + words(tookMillis - everyMillis) + " late: the database was away " + words(awayMillis)
                    + " of it)";
        }
        String away = awayMillis > 0 ? ", the database away " + words(awayMillis) + " of it" : "";
        int w = Math.max(1, workers);
        int needed = (int) Math.ceil((double) w * working / everyMillis);
        int more = Math.max(1, needed - w);
        return head + " (" + words(tookMillis - everyMillis) + " late" + away + "): " + (more == 1
                ? "one more worker" : more + " more workers") + " would keep up";
    }

    /** A length of time as a person reads it: 40 s, 15 min, 17 min 20 s, 2 h 5 min; under 10 s to a tenth. */
    static String words(long millis) {
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = Math.round(millis / 1000.0);
        long h = s / 3600;
        long min = s % 3600 / 60;
        long sec = s % 60;
        if (h > 0) {
            return h + " h" + (min > 0 ? " " + min + " min" : "");
        }
        return min == 0 ? sec + " s" : min + " min" + (sec > 0 ? " " + sec + " s" : "");
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
