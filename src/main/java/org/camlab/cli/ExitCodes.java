package org.camlab.cli;

/** camlab's exit codes (docs/CONTRACT.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug: an error camlab did not expect. The message says so. */
    public static final int INTERNAL = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int SOURCE = 3;
    public static final int REQUIREMENT_FAILED = 4;
    /** The report could not be written (a full disk, a closed output). */
    public static final int OUTPUT = 5;

    private ExitCodes() {
    }
}
