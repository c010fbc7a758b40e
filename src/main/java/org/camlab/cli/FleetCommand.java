package org.camlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camlab.report.Terms;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.FleetPage;
import org.camlab.rooms.FleetText;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.RoomTables;
import org.camlab.rooms.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
                "Every surveyed room, ranked by need: how often it falls below its standard, its score against the "
                        + "fleet's median, its worst problem, when in the day it fails, its trend, and the fix it asks for "
                        + "(lighting, camera, placement) with the count of each across the fleet. With --report, a self-contained "
                        + "HTML page with the charts and an hour × weekday heat map of each room's score and backlight, "
                        + "and a page per room linked from its row.",
                ""},
        footer = {"",
                "Examples:  camlab fleet",
                "           camlab fleet --since 2026-09-01 --report fleet.html --db jdbc:postgresql://db.example/camlab?user=report",
                "           camlab fleet --report reports/ --lang zh-Hans",
                "           camlab fleet --csv fleet.csv --json fleet.json"})
public final class FleetCommand extends StoreCommand {
    @Mixin
    PeriodOption period = new PeriodOption(28);

    @Option(names = "--report", paramLabel = "FILE.html|DIR",
            description = "Write the fleet report: one page, nothing fetched, no picture of any room, and a page "
                    + "per room linked from it (in FILE-rooms/ beside FILE.html; given a directory, DIR/fleet.html "
                    + "and DIR/rooms/).")
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
        if (report != null && !intoDirectory()) {
            ReportOptions.target(spec, "--report", report, "HTML", ".html", ".htm");
        } else if (report != null) {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw badArgument("--report: no directory " + parent);
            }
        }
        if (csv != null) {
            ReportOptions.target(spec, "--csv", csv, "CSV", ".csv");
        }
        if (json != null) {
            ReportOptions.target(spec, "--json", json, "JSON", ".json");
        }
        Terms t = terms();
        return db.run(store -> {
            long[] days = period.days(store.zone());
            String siteShown = site == null ? null : DbOption.site(store, site);
            Fleet f = Fleet.read(store, days[0], days[1], siteShown);
            if (f.rooms().isEmpty()) {
                out().println(t.get("fleet.empty"));
            } else {
                out().print(FleetText.render(f, top, t));
            }
            out().flush();
            if (report != null && !writeReport(store, f, t)) {
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

    /** A directory named, or a name without an ending: the pages go into it. */
    private boolean intoDirectory() {
        Path name = report.getFileName();
        return Files.isDirectory(report) || name == null || !name.toString().contains(".");
    }

    /** The room pages first, so that the fleet page's links lead somewhere from the moment it is there. */
    private boolean writeReport(RoomStore store, Fleet f, Terms t) throws StoreException {
        boolean directory = intoDirectory();
        Path page = directory ? report.resolve("fleet.html") : report;
        String stem = page.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path rooms = directory ? report.resolve("rooms") : page.resolveSibling(stem + "-rooms");
        try {
            Files.createDirectories(rooms);
        } catch (IOException e) {
            err().println("camlab: cannot make the directory " + rooms + " for the room pages: " + e.getMessage());
            return false;
        }
        Map<String, String> links = RoomPageFiles.write(store, f, t, rooms, "../" + page.getFileName(), err());
        if (links == null) {
            return false;
        }
        if (!f.rooms().isEmpty()) {
            err().println("camlab: " + f.rooms().size() + (f.rooms().size() == 1 ? " room page" : " room pages")
                    + " written to " + rooms);
        }
        return ReportOptions.write(page, FleetPage.render(f, store.shown(), store.zone(), t, links), "fleet report",
                err());
    }
}
