package org.camlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs camlab in-process as the command line would, capturing stdout, stderr and the exit code. */
public final class CliRunner {
    /** @param seconds the wall time of the whole in-process run */
    public record Result(int exit, String out, String err, double seconds) {
    }

    private CliRunner() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString(), (System.nanoTime() - started) / 1e9);
    }
}
