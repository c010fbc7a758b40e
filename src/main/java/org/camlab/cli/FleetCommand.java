package org.camlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.camlab.rooms.Fix;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.FleetPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fleet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Every surveyed room, ranked by need: how often it falls below its standard, its score against the "
                + "fleet's median, its worst problem, when in the day it fails, its trend, and the fix it asks for "
                + "(lighting, camera, placement) with the count of each across the fleet. With --report, a self-contained "
                + "HTML page with the charts and an hour × weekday heat map of each room's score and backlight.", ""},
        footer = {"",
                "Examples:  camlab fleet",
                "           camlab fleet --since 2026-09-01 --report fleet.html --db jdbc:postgresql://db.example/camlab?user=report"})
public final class FleetCommand extends StoreCommand {
    @Mixin
    PeriodOption period = new PeriodOption(28);

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the fleet report: one page, nothing fetched, "
            + "no picture of any room.")
    Path report;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Rooms listed here, worst first (default: "
            + "${DEFAULT-VALUE}; the report lists them all).")
    int top;

    @Override
    public Integer call() {
        if (report != null) {
            ReportOptions.target(spec, "--report", report, "HTML", ".html", ".htm");
        }
        return db.run(store -> {
            long[] days = period.days(store.zone());
            Fleet f = Fleet.read(store, days[0], days[1]);
            if (f.rooms().isEmpty()) {
                out().println("No measurements in the period: 'camlab survey --all' takes them.");
            } else {
                print(f, out());
            }
            out().flush();
            if (report != null && !ReportOptions.write(report, FleetPage.render(f, store.shown(), store.zone()), "fleet report", err())) {
                return ExitCodes.OUTPUT;
            }
            return ExitCodes.OK;
        });
    }

    private void print(Fleet f, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "%d %s; the fleet's median score %s", f.rooms().size(), f.rooms().size() == 1 ? "room" : "rooms",
                Double.isNaN(f.medianScore()) ? "—" : String.format(Locale.ROOT, "%.0f", f.medianScore())));
        for (Fix fix : Fix.values()) {
            int n = f.fixCounts().getOrDefault(fix, 0);
            out.println(String.format(Locale.ROOT, "  %3d %s %s", n, n == 1 ? "room needs" : "rooms need", fix.words()));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%3s  %-24s  %6s  %5s  %6s  %-16s  %-13s  %s", "#", "room", "below", "score", "vs med",
                "worst problem", "fails at", "fix"));
        int rank = 0;
        for (Fleet.RoomSummary r : f.rooms()) {
            if (rank++ == top) {
                out.println("… " + (f.rooms().size() - top) + " more (--top, --report)");
                break;
            }
            out.println(String.format(Locale.ROOT, "%3d  %-24s  %6s  %5s  %6s  %-16s  %-13s  %s", rank, clip(r.room(), 24),
                    Double.isNaN(r.needShare()) ? "—" : String.format(Locale.ROOT, "%.0f %%", r.needShare() * 100),
                    Double.isNaN(r.meanScore()) ? "—" : String.format(Locale.ROOT, "%.0f", r.meanScore()),
                    Double.isNaN(r.meanScore()) ? "—" : String.format(Locale.ROOT, "%+.0f", r.vsMedian(f.medianScore())),
                    r.worstProblem() == null ? "none" : r.worstProblem(), r.failingHours().isEmpty() ? "—"
                            : clip(Fleet.hours(r.failingHours()), 40), r.fix() == null ? "—" : r.fix().id()));
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
