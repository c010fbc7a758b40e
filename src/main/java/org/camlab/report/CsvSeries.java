package org.camlab.report;

import java.util.ArrayList;
import java.util.List;
import org.camlab.results.Decimals;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.camlab.results.TimeSeries;

/**
 * The per-frame series of a session as CSV: a header of JSON paths (units as in docs/CONTRACT.md),
 * then one row per point, {@code seconds} first (source time from the first frame). A point is one
 * analysed frame; in a long session it is the mean of 2, 4, … consecutive ones, so the file stays
 * under 1,025 rows whatever the length. An empty cell: not measured on that frame (no face).
 */
public final class CsvSeries {
    private CsvSeries() {
    }

    public static String render(SessionReport r) {
        List<Metric> metrics = new ArrayList<>();
        List<TimeSeries> series = new ArrayList<>();
        for (Metric m : Metric.perFrameMetrics()) {
            TimeSeries s = r.series() == null ? null : r.series().get(m);
            if (s != null) {
                metrics.add(m);
                series.add(s);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("seconds");
        for (Metric m : metrics) {
            sb.append(',').append(m.path());
        }
        sb.append('\n');
        int rows = series.isEmpty() ? 0 : series.get(0).size();
        for (int i = 0; i < rows; i++) {
            sb.append(number(series.get(0).seconds()[i], 3));
            for (int j = 0; j < metrics.size(); j++) {
                TimeSeries s = series.get(j);
                sb.append(',');
                if (i < s.size()) {
                    Metric m = metrics.get(j);
                    sb.append(number(s.values()[i], m.format == Metric.Format.NUMBER ? m.decimals + 1 : 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String number(double v, int decimals) {
        return Decimals.text(v, decimals);
    }
}
