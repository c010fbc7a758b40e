package org.camlab.cli;

import org.camlab.session.StopSignal;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM end the running session with what it has measured, rather than the
 * JVM: the report of the frames so far is printed, marked partial, and camlab exits 130 or 143.
 * A second signal ends the process at once.
 */
final class Interrupts {
    private static volatile StopSignal current;
    private static volatile int signalled;
    private static boolean installed;

    private Interrupts() {
    }

    /** Signals from now on stop {@code stop}. */
    static synchronized void route(StopSignal stop) {
        current = stop;
        if (!installed) {
            installed = true;
            install("INT", 130);
            install("TERM", 143);
        }
    }

    /** 130 after SIGINT, 143 after SIGTERM, 0 when none came. */
    static int exitCode() {
        return signalled;
    }

    /**
     * The process's exit code once a command has returned {@code code}: an interrupt's wins over
     * whatever the command ended with (its partial report is printed; a source that broke off because
     * of the interrupt is not a failure of the source).
     */
    static int decide(int code) {
        return signalled != 0 ? signalled : code;
    }

    private static void install(String name, int code) {
        try {
            Signal.handle(new Signal(name), s -> {
                if (signalled != 0) {
                    Runtime.getRuntime().halt(signalled);
                }
                signalled = code;
                StopSignal stop = current;
                if (stop != null) {
                    stop.stop("interrupted (SIG" + name + ")");
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // a platform without this signal: the JVM's default stays
        }
    }
}
