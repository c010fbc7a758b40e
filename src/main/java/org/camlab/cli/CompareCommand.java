package org.camlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.camlab.report.Comparison;
import org.camlab.report.SavedReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Set two reports side by side: before and after a fix, or camera A against camera B. Shows "
                + "the scores, every number that changed, and which problems were fixed, are new or remain.", "",
                "BEFORE and AFTER are files written by 'camlab analyze … --json > FILE' (or check --json)."},
        footer = {"", "Exit codes: 0 compared · 2 a file is missing or is not a camlab report · 5 --report cannot be "
                + "written.", "",
                "Example:  camlab analyze room.mp4 --json > before.json; (close the blind); "
                        + "camlab analyze room.mp4 --json > after.json; camlab compare before.json after.json"})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BEFORE", descriptionKey = "BEFORE", description = "The first report (JSON).")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", descriptionKey = "AFTER", description = "The second report (JSON).")
    Path after;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write the comparison as a "
            + "self-contained HTML page with a chart of the scores before and after.")
    Path report;

    @picocli.CommandLine.Mixin
    LanguageOption lang = new LanguageOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (report != null) {
            ReportOptions.target(spec, "--report", report, "HTML", ".html", ".htm");
        }
        Comparison c;
        try {
            c = new Comparison(SavedReport.read(before), SavedReport.read(after));
        } catch (SavedReport.Unreadable e) {
            err.println("camlab: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        out.print(c.text(lang.terms()));
        out.flush();
        if (report != null && !ReportOptions.write(report, c.html(lang.terms()), "comparison", err)) {
            return ExitCodes.OUTPUT;
        }
        return ExitCodes.OK;
    }
}
