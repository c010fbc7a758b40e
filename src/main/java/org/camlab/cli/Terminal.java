package org.camlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a person is watching stderr: a terminal there, a real TERM, and not CI. On Windows, where
 * cmd and PowerShell set no TERM, a console inside Windows Terminal ({@code WT_SESSION}, which
 * understands the escape codes the live view redraws with); the classic console gets the plain
 * line-per-change view, which reads the same anywhere.
 */
final class Terminal {
    private Terminal() {
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    /** Windows Terminal around a console: escape codes work though no TERM is set. */
    private static boolean windowsTerminal() {
        return windows() && System.getenv("WT_SESSION") != null && System.console() != null && System.getenv(
                "CI") == null;
    }

    /** Columns to wrap the summary at: $COLUMNS where the shell exports it, else 80. */
    static int columns() {
        String c = System.getenv("COLUMNS");
        if (c != null && c.matches("\\d{2,4}")) {
            return Integer.parseInt(c);
        }
        return 80;
    }

    static boolean interactive() {
        if (windows() && System.getenv("TERM") == null) {
            return windowsTerminal();
        }
        String term = System.getenv("TERM");
        if (term == null || term.equals("dumb") || System.getenv("CI") != null) {
            return false;
        }
        return stderrIsTerminal();
    }

    /** A person reads standard output: a console, a real TERM, not CI. */
    static boolean stdoutIsTerminal() {
        if (windows() && System.getenv("TERM") == null) {
            return windowsTerminal();
        }
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb") && System.getenv("CI") == null;
    }

    /**
     * {@code --json > out.json} leaves stderr on the terminal, where progress belongs, though
     * {@link System#console()} is then null. On Linux the descriptor itself says; elsewhere the
     * console is the best guess.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
