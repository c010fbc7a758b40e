package org.camlab.rooms;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.camlab.report.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One room over a period: its measurements, and its day by the hour — mean score, backlight and
 * light level, and the share meeting its standard, for each hour of the day (from the hourly
 * rollups, so a year costs what a week does).
 *
 * @param byHour [0] score, [1] backlight stops, [2] light level (code value), [3] share meeting the
 *               standard (0–1), [4] measurements; each [24], NaN where nothing was measured
 */
public record History(String room, List<Measurement> measurements, double[][] byHour) {
    public static History read(RoomStore store, String room, long fromMillis, long toMillis, long fromDay, long toDay)
            throws StoreException {
        double[][] h = new double[5][24];
        for (double[] row : h) {
            Arrays.fill(row, Double.NaN);
        }
        try (PreparedStatement p = store.connection().prepareStatement("SELECT hour, SUM(n), SUM(scored), SUM(score_sum), "
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
            throw new StoreException("cannot read the history: " + RoomStore.oneLine(e), e);
        }
        return new History(room, store.measurements(room, fromMillis, toMillis), h);
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Score, backlight and light level by hour of the day, one above the other. */
    public JFreeChart timeOfDayChart() {
        NumberAxis hours = new NumberAxis("hour of the day");
        hours.setRange(0, 24);
        hours.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(hours);
        plot.setGap(8);
        plot.add(panel("score", byHour[0], 0, 100, Charts.SERIES));
        plot.add(panel("backlight (stops)", byHour[1], 0, Math.max(2, max(byHour[1]) * 1.1), Charts.FIX));
        plot.add(panel("light (of 255)", byHour[2], 0, 255, Charts.SERIES_2));
        JFreeChart chart = new JFreeChart(room + ": by hour of the day", new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot panel(String label, double[] v, double lo, double hi, Color colour) {
        XYSeries s = new XYSeries(label);
        for (int h = 0; h < 24; h++) {
            if (!Double.isNaN(v[h])) {
                s.add(h + 0.5, v[h]);
            }
        }
        NumberAxis y = new NumberAxis(label);
        y.setRange(lo, hi);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot p = new XYPlot(new XYSeriesCollection(s), null, y, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        return p;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }
}
