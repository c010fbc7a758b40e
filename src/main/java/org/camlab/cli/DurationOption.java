package org.camlab.cli;

import picocli.CommandLine.Option;

/** {@code --duration}: how long analyze and check measure; shared so that both read it alike. */
final class DurationOption {
    @Option(names = "--duration", paramLabel = "TIME", converter = TimeConverter.class, description = "Stop after this "
            + "long (30s, 2m, 500ms) and print the verdict: this much of a recording's own time, or of what a camera "
            + "or a stream sends. Default: a recording to its end, a camera or a stream until Ctrl-C.")
    Long micros;

    /** Microseconds; 0 when not given. */
    long micros() {
        return micros != null ? micros : 0;
    }
}
