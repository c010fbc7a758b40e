package org.camlab.cli;

/** camlab's exit codes (design.md). */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug: an error camlab did not expect. The message says so. */
    public static final int INTERNAL = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int SOURCE = 3;
    public static final int REQUIREMENT_FAILED = 4;

    private ExitCodes() {
    }
}
