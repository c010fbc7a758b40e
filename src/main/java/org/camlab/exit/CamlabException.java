package org.camlab.exit;

/**
 * Ends a command with an exit code and one line for the person running it (without "camlab: ",
 * which the command line adds). Any layer may throw it; the command line maps it, once, to the line
 * on stderr and the code — no stack trace. Unchecked: it passes through code that has nothing to add.
 */
public class CamlabException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public CamlabException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CamlabException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
