package org.camlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.camlab.report.Charts;
import org.camlab.rooms.History;
import org.camlab.rooms.Measurement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"A room's stored measurements: a table of each, and its day by the hour — mean score, backlight "
                + "and light level, and how often it met its standard — to see when in the day it fails.", ""},
        footer = {"",
                "Examples:  camlab history 'Board room'",
                "           camlab history 'Board room' --since 2026-11-01 --chart board-room.png"})
public final class HistoryCommand extends StoreCommand {
    @Parameters(paramLabel = "ROOM", description = "The room ('camlab rooms list').")
    String room;

    @Mixin
    PeriodOption period = new PeriodOption(7);

    @Option(names = "--rows", paramLabel = "N", defaultValue = "48", description = "Measurements listed, the latest "
            + "(default: ${DEFAULT-VALUE}; 0 for the hourly profile alone).")
    int rows;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also write the time-of-day chart (score, backlight, "
            + "light by hour) as a PNG.")
    Path chart;

    @Override
    public Integer call() {
        if (chart != null) {
            ReportOptions.target(spec, "--chart", chart, "PNG", ".png");
        }
        if (rows < 0) {
            throw badArgument("--rows must be 0 or more");
        }
        return db.run(store -> {
            ZoneId zone = store.zone();
            long[] days = period.days(zone);
            if (store.room(room).isEmpty()) {
                throw DbOption.noRoom(room);
            }
            long[] ms = PeriodOption.millis(days, zone);
            History h = History.read(store, room, ms[0], ms[1], days[0], days[1], rows);
            print(h, zone, out());
            out().flush();
            if (chart != null && !ReportOptions.write(chart, Charts.png(h.timeOfDayChart()), "chart", err())) {
                return ExitCodes.OUTPUT;
            }
            return ExitCodes.OK;
        });
    }

    private void print(History h, ZoneId zone, PrintWriter out) {
        List<Measurement> ms = h.measurements();
        out.println(h.room() + ": " + h.total() + (h.total() == 1 ? " measurement" : " measurements") + " in the period");
        if (!ms.isEmpty()) {
            DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
            out.println();
            out.println(String.format(Locale.ROOT, "%-16s  %5s  %-9s  %9s  %5s  %s", "taken", "score", "standard", "backlight",
                    "light", "top problem"));
            int earlier = h.total() - ms.size();
            if (earlier > 0) {
                out.println("… " + earlier + " earlier (--rows, --since)");
            }
            for (Measurement m : ms) {
                String t = when.format(Instant.ofEpochMilli(m.takenAt()));
                if (!m.ok()) {
                    out.println(String.format(Locale.ROOT, "%-16s  failed: %s", t, m.error()));
                    continue;
                }
                out.println(String.format(Locale.ROOT, "%-16s  %5d  %-9s  %9s  %5s  %s", t, m.score(),
                        m.standardPass() == 1 ? "met" : m.standardPass() == 0 ? "not met" : "—", num(m.backlightStops(), 2, " st"),
                        num(m.lightLevel(), 0, ""), m.topProblem() == null ? "none" : m.topProblem()));
            }
        }
        out.println();
        out.println("By hour of the day (means over the period):");
        out.println(String.format(Locale.ROOT, "%-5s  %4s  %5s  %9s  %5s  %8s", "hour", "n", "score", "backlight", "light", "standard"));
        double[][] b = h.byHour();
        boolean any = false;
        for (int hour = 0; hour < 24; hour++) {
            if (Double.isNaN(b[4][hour])) {
                continue;
            }
            any = true;
            out.println(String.format(Locale.ROOT, "%02d:00  %4.0f  %5s  %9s  %5s  %8s  %s", hour, b[4][hour], num(b[0][hour], 0, ""),
                    num(b[1][hour], 2, " st"), num(b[2][hour], 0, ""), Double.isNaN(b[3][hour]) ? "—"
                            : String.format(Locale.ROOT, "%.0f %%", b[3][hour] * 100), bar(b[0][hour])));
        }
        if (!any) {
            out.println("(nothing measured in the period)");
        }
    }

    private static String bar(double score) {
        return Double.isNaN(score) ? "" : "█".repeat((int) Math.round(score / 5));
    }

    private static String num(double x, int decimals, String unit) {
        return Double.isNaN(x) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", x) + unit;
    }
}
