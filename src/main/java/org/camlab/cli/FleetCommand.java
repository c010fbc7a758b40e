package org.camlab.cli;

import java.nio.file.Path;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.FleetPage;
import org.camlab.rooms.FleetText;
import org.camlab.rooms.RoomTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
                "Every surveyed room, ranked by need: how often it falls below its standard, its score against the "
                        + "fleet's median, its worst problem, when in the day it fails, its trend, and the fix it asks for "
                        + "(lighting, camera, placement) with the count of each across the fleet. With --report, a self-contained "
                        + "HTML page with the charts and an hour × weekday heat map of each room's score and backlight.",
                ""},
        footer = {"",
                "Examples:  camlab fleet",
                "           camlab fleet --since 2026-09-01 --report fleet.html --db jdbc:postgresql://db.example/camlab?user=report",
                "           camlab fleet --csv fleet.csv --json fleet.json"})
public final class FleetCommand extends StoreCommand {
    @Mixin
    PeriodOption period = new PeriodOption(28);

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write the fleet report: one page, nothing fetched, "
                    + "no picture of any room.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the rooms as CSV, one row per "
            + "room, worst first (columns: docs/CONTRACT.md).")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the fleet as JSON "
            + "(camlab.fleet/1: the period, the median and one object per room, the CSV's columns).")
    Path json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "Rooms listed here, worst first (default: "
                    + "${DEFAULT-VALUE}; the report lists them all).")
    int top;

    @Option(names = "--site", paramLabel = "SITE", description = "Only the rooms of this site (any case).")
    String site;

    @Override
    public Integer call() {
        if (report != null) {
            ReportOptions.target(spec, "--report", report, "HTML", ".html", ".htm");
        }
        if (csv != null) {
            ReportOptions.target(spec, "--csv", csv, "CSV", ".csv");
        }
        if (json != null) {
            ReportOptions.target(spec, "--json", json, "JSON", ".json");
        }
        return db.run(store -> {
            long[] days = period.days(store.zone());
            String siteShown = site == null ? null : DbOption.site(store, site);
            Fleet f = Fleet.read(store, days[0], days[1], siteShown);
            if (f.rooms().isEmpty()) {
                out().println("No measurements in the period: 'camlab survey --all' takes them.");
            } else {
                out().print(FleetText.render(f, top));
            }
            out().flush();
            if (report != null && !ReportOptions.write(report, FleetPage.render(f, store.shown(), store.zone()),
                    "fleet report", err())) {
                return ExitCodes.OUTPUT;
            }
            if (csv != null && !ReportOptions.write(csv, RoomTables.fleetCsv(f), "fleet CSV", err())) {
                return ExitCodes.OUTPUT;
            }
            if (json != null && !ReportOptions.write(json, RoomTables.fleetJson(f), "fleet JSON", err())) {
                return ExitCodes.OUTPUT;
            }
            return ExitCodes.OK;
        });
    }
}
