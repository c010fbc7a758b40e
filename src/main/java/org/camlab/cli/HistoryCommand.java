package org.camlab.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import org.camlab.report.Charts;
import org.camlab.rooms.History;
import org.camlab.rooms.HistoryText;
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

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Also write the time-of-day chart (score, backlight, "
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
            out().print(HistoryText.render(h, zone));
            out().flush();
            if (chart != null && !ReportOptions.write(chart, Charts.png(h.timeOfDayChart()), "chart", err())) {
                return ExitCodes.OUTPUT;
            }
            return ExitCodes.OK;
        });
    }
}
