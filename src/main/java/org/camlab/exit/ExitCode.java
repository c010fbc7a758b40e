package org.camlab.exit;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camlab.install.Launch;

/** camlab's exit codes (docs/CONTRACT.md "Exit codes"): the one table the code, --help and the docs follow. */
public enum ExitCode {
    OK(0, "analysed"),
    /** A bug: an error camlab did not expect. The message says so. */
    INTERNAL(1, "a camlab bug (the message says so)"),
    BAD_ARGUMENTS(2, "bad arguments"),
    SOURCE(3, "a source cannot be opened or decoded"),
    REQUIREMENT_FAILED(4, "a --require is not met"),
    /** The report could not be written (a full disk, a closed output). */
    OUTPUT(5, "the report cannot be written"),
    /** camlab cannot run here; {@link Launch} says it before the rest of camlab loads. */
    INSTALLATION(Launch.EXIT_INSTALLATION,
            "camlab cannot run here (its installation, its native libraries or the Java runtime)"),
    SIGINT(130, "interrupted by Ctrl-C (the partial report printed)"),
    SIGTERM(143, "interrupted by SIGTERM (the partial report printed)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** "0 analysed · 2 bad arguments · …" for the codes given, as --help's footers list them. */
    public static String list(ExitCode... codes) {
        return Arrays.stream(codes).map(c -> c.code + " " + c.meaning).collect(Collectors.joining(" · "));
    }
}
