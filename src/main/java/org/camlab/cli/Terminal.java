package org.camlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person is watching stderr: a terminal there, a real TERM, and not CI. */
final class Terminal {
    private Terminal() {
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
        String term = System.getenv("TERM");
        if (term == null || term.equals("dumb") || System.getenv("CI") != null) {
            return false;
        }
        return stderrIsTerminal();
    }

    /** A person reads standard output: a console, a real TERM, not CI. */
    static boolean stdoutIsTerminal() {
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
