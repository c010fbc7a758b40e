package org.camlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * Whether a person is watching stderr: a terminal there, a real TERM, and not CI. On Windows, where
 * cmd and PowerShell set no TERM, a console inside Windows Terminal ({@code WT_SESSION}, which
 * understands the escape codes the live view redraws with); the classic console gets the plain
 * line-per-change view, which reads the same anywhere.
 */
final class Terminal {
    private static final Path TTY = Path.of("/dev/tty");

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

    /** The width last read; -1 when it must be read again (at first, and after the terminal was resized). */
    private static volatile int columns = -1;
    private static boolean watching;

    /**
     * Columns to wrap at: the controlling terminal's width ({@code stty size}, as the terminal is now),
     * else $COLUMNS, else 80. The size is read again only after SIGWINCH says the terminal changed,
     * so the live view asks twice a second for a few milliseconds' work once per resize; where
     * there is no SIGWINCH (Windows) the width read first stays. stty rather than JLine or Lanterna:
     * one process per resize measures 3.5 ms, and either library would replace the live view's
     * dozen lines of escape codes with a dependency of a megabyte.
     */
    static int columns() {
        watchResizes();
        int c = columns;
        if (c < 0) {
            c = read();
            columns = c;
        }
        return c;
    }

    private static synchronized void watchResizes() {
        if (watching) {
            return;
        }
        watching = true;
        try {
            Signal.handle(new Signal("WINCH"), s -> columns = -1);
        } catch (IllegalArgumentException e) {
            // no such signal here: the first width stays
        }
    }

    private static int read() {
        int tty = ttyColumns();
        if (tty > 0) {
            return tty;
        }
        String c = System.getenv("COLUMNS");
        if (c != null && c.matches("\\d{2,4}")) {
            return Integer.parseInt(c);
        }
        return 80;
    }

    /** The controlling terminal's columns, or 0 where there is none (a service, CI) or no stty (Windows). */
    private static int ttyColumns() {
        if (windows() || !Files.exists(TTY)) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(TTY.toFile()).redirectError(
                    ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0 || !size.matches("\\d+ \\d+")) {
                p.destroy();
                return 0;
            }
            return Integer.parseInt(size.substring(size.indexOf(' ') + 1));
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
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
