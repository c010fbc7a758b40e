package org.camlab.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.report.Comparison;
import org.camlab.report.SavedReport;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Set two reports side by side: before and after a fix, or camera A against camera B. Shows "
                + "the scores, every number that changed, and which problems were fixed, are new or remain.", "",
                "BEFORE and AFTER are files written by 'camlab analyze … --json > FILE' (or check --json), or a room's "
                        + "stored measurement: ROOM@DATE (the day's last) or ROOM@DATETHH:MM (the last at or before then)."},
        footer = {"",
                "Example:  camlab analyze room.mp4 --json > before.json; (close the blind); "
                        + "camlab analyze room.mp4 --json > after.json; camlab compare before.json after.json",
                "          camlab compare 'Board room@2026-11-02' 'Board room@2026-11-30T15:00'   (before and after the new blinds)"})
public final class CompareCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "BEFORE", descriptionKey = "BEFORE",
            description = "The first report (JSON), or ROOM@DATE.")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER", descriptionKey = "AFTER",
            description = "The second report (JSON), or ROOM@DATE.")
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

    private static final Pattern ROOM_AT = Pattern.compile("(.+)@(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}))?");

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
        LocalDateTime end;
        try {
            LocalDate day = LocalDate.parse(m.group(2));
            end = m.group(3) == null ? day.plusDays(1).atStartOfDay() : day.atTime(LocalTime.parse(m.group(3)))
                    .plusMinutes(1);
        } catch (DateTimeException e) {
            throw new SavedReport.Unreadable(arg + ": not a date (ROOM@YYYY-MM-DD or ROOM@YYYY-MM-DDTHH:MM)");
        }
        var found = store.lastBefore(room, end.atZone(zone).toInstant().toEpochMilli());
        if (found.isEmpty() || found.get().report() == null) {
            throw new SavedReport.Unreadable("room '" + room + "' has no successful measurement by " + m.group(2)
                    + (m.group(3) == null ? "" : " " + m.group(3)) + " ('camlab history " + room + "')");
        }
        return SavedReport.parse(found.get().report(), arg);
    }
}
