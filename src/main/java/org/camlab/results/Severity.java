package org.camlab.results;
import java.util.Locale;

/** How much a problem hurts the picture; also its weight in the score. */
public enum Severity {
    HIGH(25),
    MEDIUM(12),
    LOW(5);

    /** Points a recommendation of this severity takes off the 0–100 score. */
    public final int penalty;

    Severity(int penalty) {
        this.penalty = penalty;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
