package org.camlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.camlab.live.Snapshot;
import org.camlab.readiness.Readiness;
import org.camlab.report.CsvSeries;
import org.camlab.report.HtmlReport;
import org.camlab.report.PdfReport;
import org.camlab.report.Terms;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.SessionListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --report FILE.html} and {@code --csv FILE}: the files a session writes only when asked.
 * Each is written whole or not at all (a temporary file beside it, then moved), so an interrupted
 * run never leaves half a report where the last good one was.
 */
final class ReportOptions {
    @Option(names = "--report", paramLabel = "FILE.html|FILE.pdf", description = "Also write the report: one "
            + "self-contained HTML page (the verdict, the advice, charts and every number; nothing is loaded from the "
            + "network), or an A4 PDF hand-out. With several sources, the second is FILE-2.html and so on.")
    Path report;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the per-frame series (one row per "
            + "analysed frame, or per 2, 4, … in long sessions; columns are JSON paths) as CSV.")
    Path csv;

    @Option(names = "--snapshot", description = "Also put one analysed frame into the report, annotated as the live "
            + "window shows it (clipped highlights, focus, the face and its background, the light grid): halfway "
            + "through a recording. A picture of the room, so only when asked.")
    boolean snapshot;

    /** The keeper of the snapshot for the source being measured; null unless --snapshot. */
    private Snapshot keeper;

    /** Checks what can be checked before measuring: a name camlab can write in a directory that exists. */
    void validate(CommandSpec spec) {
        if (snapshot && report == null) {
            throw new ParameterException(spec.commandLine(), "--snapshot goes into the report: give --report FILE.html "
                    + "(or FILE.pdf) too");
        }
        if (report != null) {
            target(spec, "--report", report, "HTML or PDF", ".html", ".htm", ".pdf");
        }
        if (csv != null) {
            target(spec, "--csv", csv, null);
        }
    }

    /**
     * A file an option will write: its name ends in one of the endings (when kind names them) and
     * its directory exists; else a ParameterException, one line, before anything is measured.
     */
    static void target(CommandSpec spec, String option, Path file, String kind, String... endings) {
        if (kind != null) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean named = false;
            for (String e : endings) {
                named |= n.endsWith(e);
            }
            if (!named) {
                String shown = endings.length == 1 ? endings[0] : endings[0] + " or " + endings[endings.length - 1];
                throw new ParameterException(spec.commandLine(), option + " writes " + kind + ": give a file ending in "
                        + shown + " (" + file + ")");
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), option + ": no directory " + dir);
        }
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + ": " + file
                    + " is a directory; give a file name");
        }
    }

    /** Adds what the files need to see of the next source's session (the snapshot's keeper) to its listeners. */
    void watch(List<SessionListener> listeners) {
        keeper = snapshot ? new Snapshot() : null;
        if (keeper != null) {
            listeners.add(keeper);
        }
    }

    private Readiness readiness;
    private List<Recommendation> readinessAdvice = List.of();

    /** The computer and network findings, for the HTML report's section and advice. */
    void readiness(Readiness r, List<Recommendation> advice) {
        readiness = r;
        readinessAdvice = advice;
    }

    boolean any() {
        return report != null || csv != null;
    }

    /**
     * Writes what was asked for the {@code index}-th source (0 first).
     *
     * @return false when a file could not be written (said in one line on {@code err})
     */
    boolean write(SessionReport r, Verdict v, int index, PrintWriter err, Terms terms) {
        boolean ok = true;
        if (report != null) {
            Path file = numbered(report, index);
            byte[] png = keeper == null ? null : keeper.png();
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                try {
                    if (!PdfReport.speaks(terms.language())) {
                        err.println("camlab: no font for " + terms.language().tag + " characters is installed (Debian: "
                                + "fonts-wqy-zenhei): the PDF is in English");
                    }
                    ok &= write(file, PdfReport.render(r, v, png, terms), "report", err);
                } catch (IOException | RuntimeException e) {
                    // the series below is still written: one failure never costs the other file
                    err.println("camlab: cannot make the PDF report: " + e.getMessage());
                    ok = false;
                }
            } else {
                ok &= write(file, HtmlReport.render(r, v, png, keeper == null ? Double.NaN : keeper.seconds(), terms,
                        readiness, readinessAdvice), "report", err);
            }
        }
        if (csv != null) {
            ok &= write(numbered(csv, index), CsvSeries.render(r), "series", err);
        }
        return ok;
    }

    static Path numbered(Path file, int index) {
        if (index == 0) {
            return file;
        }
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        String numbered = dot > 0 ? n.substring(0, dot) + "-" + (index + 1) + n.substring(dot) : n + "-" + (index + 1);
        return file.resolveSibling(numbered);
    }

    static boolean write(Path file, String text, String what, PrintWriter err) {
        return write(file, text.getBytes(StandardCharsets.UTF_8), what, err);
    }

    static boolean write(Path file, byte[] bytes, String what, PrintWriter err) {
        return write(file, bytes, what, err, true);
    }

    /** @param tell whether to say the file was written (one of many pages is said once, for them all) */
    static boolean write(Path file, byte[] bytes, String what, PrintWriter err, boolean tell) {
        Path tmp = null;
        try {
            // made as any new file is, so it has the mode the umask gives (createTempFile's is 0600 whatever the umask)
            tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid()
                    + "."
                    + System.nanoTime() + ".part");
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (tell) {
                err.println("camlab: " + what + " written to " + file);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("camlab: cannot write the " + what + " to " + file + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the message above is what matters
                }
            }
            return false;
        } finally {
            err.flush();
        }
    }
}
