package org.camlab.capture;

import java.util.regex.Pattern;

/**
 * A line of FFmpeg's log as its device listings and errors are read: without the context FFmpeg
 * puts before it. Apart from {@link FfmpegLogging} so that the listings' parsers stay pure (no
 * native library loaded to read a text).
 */
final class FfmpegLogLine {
    /** The log context ({@code [dshow @ 0x…] }, {@code [in#0 @ …] }, several in a row) and a level tag. */
    private static final Pattern CONTEXT = Pattern.compile(
            "^(?:\\[[^\\]]* @ [^\\]]*\\] ?)*(?:\\[(?:trace|debug|verbose|info|warning|error|fatal|panic)\\] ?)?");

    private FfmpegLogLine() {
    }

    /** "[dshow @ 0x55d…] Could not find video device" → "Could not find video device". */
    static String message(String line) {
        return CONTEXT.matcher(line).replaceFirst("").strip();
    }
}
