package org.camlab.rooms;

/**
 * One stored measurement of a room: the figures the history and the fleet report read, and the
 * whole {@code camlab.report/1} JSON for anything else. A failed capture has {@code ok} false and
 * its {@code error}, the figures NaN.
 *
 * @param takenAt milliseconds since the epoch, UTC
 */
public record Measurement(String room, long takenAt, String survey, boolean ok, String error, int score,
                          double backlightStops, double lightLevel, double uniformity, double fps, String topProblem,
                          String report) {
    public static Measurement failed(String room, long takenAt, String survey, String error) {
        return new Measurement(room, takenAt, survey, false, error, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null);
    }
}
