package org.camlab.results;

/** The groups of the report, in the order every output shows them. */
public enum Category {
    EXPOSURE("exposure", "exposure", null, ScoreArea.LIGHTING),
    BACKLIGHT("backlight", "light", "no face: backlight not measured", ScoreArea.LIGHTING),
    UNIFORMITY("uniformity", "uniformity", null, ScoreArea.LIGHTING),
    SHARPNESS("sharpness", "sharpness", null, ScoreArea.SHARPNESS),
    NOISE("noise", "noise", null, ScoreArea.NOISE),
    COLOR("color", "colour", null, ScoreArea.COLOUR),
    RESOLUTION("resolution", "resolution", null, ScoreArea.SHARPNESS),
    TEMPORAL("temporal", "timing", "one picture: no timing", ScoreArea.MOTION),
    FRAMING("framing", "framing", "no face", ScoreArea.FRAMING);

    /** The JSON object's name. */
    public final String key;
    /** The word the terminal summary uses. */
    public final String title;
    /** What the summary says when none of the category's numbers could be measured; null: show them as n/a. */
    public final String whenUnmeasured;
    /** The verdict's score this category's problems count against. */
    public final ScoreArea area;

    Category(String key, String title, String whenUnmeasured, ScoreArea area) {
        this.area = area;
        this.key = key;
        this.title = title;
        this.whenUnmeasured = whenUnmeasured;
    }
}
