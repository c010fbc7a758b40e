package org.camlab.rooms;

/**
 * One stored measurement of a room: the figures the history and the fleet report read, its result
 * against the room's standard, and the whole {@code camlab.report/1} JSON for anything else. A
 * failed capture has {@code ok} false and its {@code error}, the figures NaN.
 *
 * @param takenAt      milliseconds since the epoch, UTC
 * @param fix          what the top problem asks for ({@link Fix}), null with none
 * @param standard     the standard's name, null when none was applied (a failed capture)
 * @param standardPass 1 met, 0 not met, -1 not judged
 * @param requirements each requirement's result as JSON, null when not judged
 */
public record Measurement(String room, long takenAt, String survey, boolean ok, String error, int score,
        double backlightStops, double lightLevel, double uniformity, double fps, double mtf50,
        String topProblem, Fix fix, String standard, int standardPass, String requirements,
        String report) {
    public static Measurement failed(String room, long takenAt, String survey, String error) {
        return new Measurement(room, takenAt, survey, false, error, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, null, null, null, -1, null, null);
    }

    /** The same measurement judged against a standard. */
    public Measurement judged(String standardName, boolean passed, String requirementsJson) {
        return new Measurement(room, takenAt, survey, ok, error, score, backlightStops, lightLevel, uniformity, fps,
                mtf50,
                topProblem, fix, standardName, passed ? 1 : 0, requirementsJson, report);
    }
}
