package org.camlab.results;

/** The groups of the report, in the order every output shows them. */
public enum Category {
    EXPOSURE("exposure", "exposure", null),
    BACKLIGHT("backlight", "light", "no face: backlight not measured"),
    UNIFORMITY("uniformity", "uniformity", null),
    SHARPNESS("sharpness", "sharpness", null),
    NOISE("noise", "noise", null),
    COLOR("color", "colour", null),
    RESOLUTION("resolution", "resolution", null),
    TEMPORAL("temporal", "timing", "one picture: no timing"),
    FRAMING("framing", "framing", "no face");

    /** The JSON object's name. */
    public final String key;
    /** The word the terminal summary uses. */
    public final String title;
    /** What the summary says when none of the category's numbers could be measured; null: show them as n/a. */
    public final String whenUnmeasured;

    Category(String key, String title, String whenUnmeasured) {
        this.key = key;
        this.title = title;
        this.whenUnmeasured = whenUnmeasured;
    }
}
