package org.camlab.cli;

/** Whether a person is watching: a console, a real TERM, and not CI. */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.equals("dumb") && System.getenv("CI") == null;
    }
}
