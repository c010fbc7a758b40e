package org.camlab.rooms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.camlab.report.Charts;
import org.camlab.report.Terms;
import org.jfree.chart.JFreeChart;

/**
 * One room over a period: its measurements, and its day by the hour — mean score, backlight and
 * light level, and the share meeting its standard, for each hour of the day (from the hourly
 * rollups, so a year costs what a week does).
 *
 * @param measurements the latest measurements of the period, oldest first, at most the number asked for
 *                     (without their reports: a year of them is 100 MB)
 * @param total        measurements in the period
 * @param byHour [0] score, [1] backlight stops, [2] light level (code value), [3] share meeting the
 *               standard (0–1), [4] measurements; each [24], NaN where nothing was measured
 */
public record History(String room, List<Measurement> measurements, int total, double[][] byHour) {
    public static History read(RoomStore store, String room, long fromMillis, long toMillis, long fromDay, long toDay,
            int latest)
            throws StoreException {
        double[][] h = new double[5][24];
        for (double[] row : h) {
            Arrays.fill(row, Double.NaN);
        }
        try (PreparedStatement p = store.connection().prepareStatement(
                "SELECT hour, SUM(n), SUM(scored), SUM(score_sum), "
                        + "SUM(backlight_n), SUM(backlight_sum), SUM(light_n), SUM(light_sum), SUM(judged), SUM(passed) FROM room_hour "
                        + "WHERE room = ? AND day >= ? AND day < ? GROUP BY hour")) {
            p.setString(1, room);
            p.setLong(2, fromDay);
            p.setLong(3, toDay);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    int hour = rs.getInt(1);
                    h[0][hour] = mean(rs.getDouble(4), rs.getLong(3));
                    h[1][hour] = mean(rs.getDouble(6), rs.getLong(5));
                    h[2][hour] = mean(rs.getDouble(8), rs.getLong(7));
                    h[3][hour] = mean(rs.getLong(10), rs.getLong(9));
                    h[4][hour] = rs.getLong(2);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the history: " + StoreFailure.words(e), e);
        }
        return new History(room, store.latest(room, fromMillis, toMillis, latest), store.count(room, fromMillis,
                toMillis), h);
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Score, backlight and light level by hour of the day, one above the other. */
    public JFreeChart timeOfDayChart(Terms t) {
        return new Charts(t).timeOfDay(room, byHour[0], byHour[1], byHour[2]);
    }
}
