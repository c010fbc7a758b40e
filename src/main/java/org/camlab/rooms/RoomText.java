package org.camlab.rooms;

import java.util.stream.Stream;

/** A room in one line, as {@code camlab rooms} lists it: name, where it is, its camera (credentials hidden). */
public final class RoomText {
    private RoomText() {
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
