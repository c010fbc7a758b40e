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
    /** camlab cannot run here: a jar missing, native libraries for another system or that cannot be loaded or
     *  unpacked, a Java runtime older than 17 ({@link org.camlab.install.Launch}, which says it before this class loads). */
    public static final int INSTALLATION = org.camlab.install.Launch.EXIT_INSTALLATION;

    private ExitCodes() {
    }
}
