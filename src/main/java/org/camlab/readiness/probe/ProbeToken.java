package org.camlab.readiness.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared token's file, read the same way by {@code camlab probe-server} and {@code camlab
 * readiness}: its first line, with the whitespace around it (and a UTF-8 byte order mark) removed.
 * What follows the first line is ignored, so a trailing newline or a comment below it is harmless
 * and the same file works on both ends.
 */
public final class ProbeToken {
    private ProbeToken() {
    }

    /**
     * @return the token; never empty
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when its first line is empty
     */
    public static String read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return of(text);
    }

    /** The token in a file's text: its first line, trimmed. */
    static String of(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = t.lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("its first line is empty");
        }
        return first;
    }
}
