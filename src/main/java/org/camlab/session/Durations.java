package org.camlab.session;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a user writes them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 1.5s}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException when it is not a duration with a unit */
    public static long parseMicros(String s) {
        Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + s + "' (write it as 30s, 500ms, 2m or 1h)");
        }
        double v = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
            case "ms" -> 1e3;
            case "s" -> 1e6;
            case "m", "min" -> 60e6;
            default -> 3600e6;
        };
        double micros = v * unit;
        if (micros > 366 * 24 * 3600e6) {
            throw new IllegalArgumentException("duration too long: '" + s + "' (at most a year)");
        }
        return Math.round(micros);
    }

    public static String format(long micros) {
        if (micros % 3_600_000_000L == 0) {
            return micros / 3_600_000_000L + " h";
        }
        if (micros % 60_000_000L == 0) {
            return micros / 60_000_000L + " min";
        }
        if (micros % 1_000_000L == 0) {
            return micros / 1_000_000L + " s";
        }
        if (micros % 1000 == 0) {
            return micros / 1000 + " ms";
        }
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }
}
