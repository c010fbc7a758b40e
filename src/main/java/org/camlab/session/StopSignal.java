package org.camlab.session;

/** Asks a running session to end early with what it has (Ctrl-C, a window closed). Thread-safe. */
public final class StopSignal {
    private volatile String reason;

    /** @param why shown in the report, e.g. "interrupted (SIGINT)" */
    public void stop(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean stopped() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }
}
