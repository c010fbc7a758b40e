package org.camlab.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.report.Comparison;
import org.camlab.report.SavedReport;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.RoomText;
import org.camlab.rooms.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Set two reports side by side: before and after a fix, or camera A against camera B. Shows "
                + "which problems were fixed, are new or remain, then the scores and every number that changed by "
                + "more than its measurement noise, marked better or worse.", "",
                "BEFORE and AFTER are files written by 'camlab analyze … --json > FILE' (or check --json), HTML "
                        + "reports written by --report FILE.html, or a room's "
                        + "stored measurement: ROOM@DATE (the day's last), ROOM@DATETHH:MM (the one nearest to then, "
                        + "within 2 h), ROOM@today or ROOM@yesterday; the measurement taken is named on stderr."},
        footer = {"", "Example:  camlab analyze room.mp4 --json > before.json",
                "          (close the blind)",
                "          camlab analyze room.mp4 --json > after.json",
                "          camlab compare before.json after.json",
                "          camlab compare before.html after.html   (the pages --report wrote)",
                "          camlab compare 'Board room@2026-11-02' 'Board room@2026-11-30T15:00'   (before and after the "
                        + "new blinds)",
                "          camlab compare 'Board room@yesterday' 'Board room@today'"})
public final class CompareCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "BEFORE", descriptionKey = "BEFORE",
            description = "The first report (JSON or HTML), or ROOM@DATE.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", descriptionKey = "AFTER",
            description = "The second report (JSON or HTML), or ROOM@DATE.")
    String after;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write the comparison as a "
            + "self-contained HTML page with a chart of the scores before and after.")
    Path report;

    @Override
    public Integer call() {
        if (report != null) {
            ReportOptions.target(spec, "--report", report, "HTML", ".html", ".htm");
        }
        Comparison c;
        try (Stored stored = new Stored()) {
            c = new Comparison(load(before, stored), load(after, stored));
        } catch (SavedReport.Unreadable e) {
            throw new CamlabException(ExitCode.BAD_ARGUMENTS, e.getMessage(), e);
        } catch (StoreException e) {
            throw new CamlabException(e.exitCode(), e.getMessage(), e);
        }
        out().print(c.text(terms()));
        out().flush();
        if (report != null && !ReportOptions.write(report, c.html(terms()), "comparison", err())) {
            return ExitCodes.OUTPUT;
        }
        return ExitCodes.OK;
    }

    /** The history database, opened only when a ROOM@DATE asks for it. */
    private final class Stored implements AutoCloseable {
        RoomStore store;

        RoomStore get() {
            if (store == null) {
                store = db.open();
            }
            return store;
        }

        @Override
        public void close() {
            if (store != null) {
                store.close();
            }
        }
    }

    private static final Pattern ROOM_AT = Pattern.compile(
            "(.+)@(\\d{4}-\\d{2}-\\d{2}|(?i:today|yesterday))(?:[T ](\\d{2}:\\d{2}(?::\\d{2})?))?");

    /**
     * How far from a time asked for a measurement may be taken: a survey round stores its measurement
     * a minute or so after it was due, and one on the quarter hour stands for the hour, but another
     * part of the day is not the one asked for.
     */
    static final Duration WINDOW = Duration.ofHours(2);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static boolean exists(String arg) {
        try {
            return Files.exists(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private SavedReport load(String arg, Stored stored) throws SavedReport.Unreadable, StoreException {
        Matcher m = ROOM_AT.matcher(arg);
        if (!m.matches() || exists(arg)) {
            return SavedReport.read(Path.of(arg));
        }
        String room = m.group(1);
        RoomStore store = stored.get();
        if (store.room(room).isEmpty()) {
            throw new SavedReport.Unreadable("no file " + arg + ", and no room named '" + room
                    + "' ('camlab rooms list' lists them)");
        }
        ZoneId zone = store.zone();
        LocalDate day;
        LocalTime time;
        try {
            day = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "today" -> LocalDate.now(zone);
                case "yesterday" -> LocalDate.now(zone).minusDays(1);
                default -> LocalDate.parse(m.group(2));
            };
            time = m.group(3) == null ? null : LocalTime.parse(m.group(3));
        } catch (DateTimeException e) {
            throw new SavedReport.Unreadable(arg + ": not a date (ROOM@YYYY-MM-DD, ROOM@YYYY-MM-DDTHH:MM, ROOM@today "
                    + "or ROOM@yesterday)");
        }
        Measurement found = time == null ? dayLast(arg, store, room, day) : nearest(arg, store, room, day.atTime(time)
                .atZone(zone));
        if (found.report() == null) {
            throw new SavedReport.Unreadable(arg + ": the measurement of " + taken(found, day, zone)
                    + " kept no report ('camlab history " + RoomText.shell(room) + "')");
        }
        // which measurement stood for the time asked is part of the answer: a survey stores it after it was due
        err().println(arg + ": the measurement of " + taken(found, day, zone));
        return SavedReport.parse(found.report(), arg);
    }

    /** The last successful measurement of the day; refused, naming the nearest days that have one, when none. */
    private static Measurement dayLast(String arg, RoomStore store, String room, LocalDate day)
            throws SavedReport.Unreadable, StoreException {
        ZoneId zone = store.zone();
        long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Optional<Measurement> last = store.lastBefore(room, to);
        if (last.isPresent() && last.get().takenAt() >= from) {
            return last.get();
        }
        List<String> near = new ArrayList<>();
        last.ifPresent(b -> near.add(localDay(b, zone).toString()));
        store.firstFrom(room, to).ifPresent(a -> near.add(localDay(a, zone).toString()));
        throw new SavedReport.Unreadable(arg + ": no successful measurement of " + room + " on " + day
                + (near.isEmpty() ? " nor on any other day" : "; the nearest days with one: " + String.join(", ",
                        near)) + " ('camlab history " + RoomText.shell(room) + "')");
    }

    /** The successful measurement nearest to {@code at}, the earlier on a tie; refused beyond {@link #WINDOW}. */
    private static Measurement nearest(String arg, RoomStore store, String room, ZonedDateTime at)
            throws SavedReport.Unreadable, StoreException {
        long t = at.toInstant().toEpochMilli();
        Optional<Measurement> before = store.lastBefore(room, t + 1);
        Optional<Measurement> after = store.firstFrom(room, t + 1);
        Optional<Measurement> best = before.isEmpty() ? after : after.isEmpty() ? before
                : t - before.get().takenAt() <= after.get().takenAt() - t ? before : after;
        if (best.isPresent() && Math.abs(best.get().takenAt() - t) <= WINDOW.toMillis()) {
            return best.get();
        }
        List<String> near = new ArrayList<>();
        before.ifPresent(b -> near.add(taken(b, null, at.getZone())));
        after.ifPresent(a -> near.add(taken(a, null, at.getZone())));
        throw new SavedReport.Unreadable(arg + ": no successful measurement of " + room + " within "
                + WINDOW.toHours() + " h of " + at.toLocalTime() + (near.isEmpty() ? ""
                        : "; the nearest: " + String.join(" and ", near)) + " ('camlab history "
                + RoomText.shell(room) + "')");
    }

    private static LocalDate localDay(Measurement m, ZoneId zone) {
        return Instant.ofEpochMilli(m.takenAt()).atZone(zone).toLocalDate();
    }

    /** When a measurement was taken, local time; its date too when it is not {@code day}. */
    private static String taken(Measurement m, LocalDate day, ZoneId zone) {
        ZonedDateTime when = Instant.ofEpochMilli(m.takenAt()).atZone(zone);
        return (when.toLocalDate().equals(day) ? CLOCK : DAY_AND_CLOCK).format(when);
    }
}
