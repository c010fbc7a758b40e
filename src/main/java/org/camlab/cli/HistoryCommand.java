package org.camlab.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import org.camlab.report.Charts;
import org.camlab.rooms.History;
import org.camlab.rooms.HistoryText;
import org.camlab.rooms.RoomTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"A room's stored measurements: a table of each, and its day by the hour — mean score, backlight "
                + "and light level, and how often it met its standard — to see when in the day it fails.", ""},
        footer = {"",
                "Examples:  camlab history 'Board room'",
                "           camlab history 'Board room' --since 2026-11-01 --chart board-room.png",
                "           camlab history 'Board room' --since 2026-11-01 --csv board-room.csv"})
public final class HistoryCommand extends StoreCommand {
    @Parameters(paramLabel = "ROOM", description = "The room ('camlab rooms list').")
    String room;

    @Mixin
    PeriodOption period = new PeriodOption(7);

    @Option(names = "--rows", paramLabel = "N", defaultValue = "48", description = "Measurements listed, the latest "
            + "(default: ${DEFAULT-VALUE}; 0 for the hourly profile alone).")
    int rows;

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Also write the time-of-day chart (score, backlight, "
                    + "light by hour) as a PNG.")
    Path chart;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write every measurement of the period "
            + "as CSV, one row each, oldest first (columns: docs/CONTRACT.md).")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write every measurement of the "
            + "period as JSON (camlab.history/1: the room, the period and one object per measurement).")
    Path json;

    @Override
    public Integer call() {
        if (chart != null) {
            ReportOptions.target(spec, "--chart", chart, "PNG", ".png");
        }
        if (csv != null) {
            ReportOptions.target(spec, "--csv", csv, "CSV", ".csv");
        }
        if (json != null) {
            ReportOptions.target(spec, "--json", json, "JSON", ".json");
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
            out().print(HistoryText.render(h, zone, terms()));
            out().flush();
            if (chart != null && !ReportOptions.write(chart, Charts.png(h.timeOfDayChart(terms())), "chart", err())) {
                return ExitCodes.OUTPUT;
            }
            if (csv != null || json != null) {
                // all of the period, not the --rows shown: a file is for what the screen leaves out
                var all = store.latest(room, ms[0], ms[1], Integer.MAX_VALUE);
                if (csv != null && !ReportOptions.write(csv, RoomTables.historyCsv(all, zone), "history CSV", err())) {
                    return ExitCodes.OUTPUT;
                }
                if (json != null && !ReportOptions.write(json, RoomTables.historyJson(room, all, days[0], days[1],
                        zone), "history JSON", err())) {
                    return ExitCodes.OUTPUT;
                }
            }
            return ExitCodes.OK;
        });
    }
}
