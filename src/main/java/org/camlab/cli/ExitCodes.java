package org.camlab.cli;

import org.camlab.exit.ExitCode;

/** The exit codes as the commands return them: numbers read from the one table, {@link ExitCode}. */
public final class ExitCodes {
    public static final int OK = ExitCode.OK.code();
    public static final int INTERNAL = ExitCode.INTERNAL.code();
    public static final int BAD_ARGUMENTS = ExitCode.BAD_ARGUMENTS.code();
    public static final int SOURCE = ExitCode.SOURCE.code();
    public static final int REQUIREMENT_FAILED = ExitCode.REQUIREMENT_FAILED.code();
    public static final int OUTPUT = ExitCode.OUTPUT.code();
    public static final int INSTALLATION = ExitCode.INSTALLATION.code();

    private ExitCodes() {
    }
}
