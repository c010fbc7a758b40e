package org.camlab.rooms;

import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A room in one line, as {@code camlab rooms} lists it: name, where it is, its camera (credentials hidden). */
public final class RoomText {
    private RoomText() {
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
    private static final Pattern UNSAFE_IN_DOUBLE_QUOTES = Pattern.compile("[\"$`\\\\!]");

    /**
     * A name as one shell word, so that a hint holding it can be pasted into a shell: double quotes
     * where they suffice, since hints are themselves set in single quotes and nested ones would read
     * as ending them; single quotes (with {@code '\''}) for a name that double quotes would expand.
     */
    public static String shell(String name) {
        if (PLAIN.matcher(name).matches()) {
            return name;
        }
        if (!UNSAFE_IN_DOUBLE_QUOTES.matcher(name).find()) {
            return '"' + name + '"';
        }
        return "'" + name.replace("'", "'\\''") + "'";
    }

    public static String line(Room r) {
        StringBuilder b = new StringBuilder(r.name());
        String where = String.join(" · ", Stream.of(r.site(), r.building(), r.floor() == null ? null : "floor " + r
                .floor())
                .filter(s -> s != null && !s.isBlank()).toList());
        if (!where.isEmpty()) {
            b.append("  (").append(where).append(')');
        }
        return b.append("  ").append(r.shownSource()).toString();
    }
}
