package org.camlab.results;

/**
 * A metric over the session, for charts: at most a fixed number of points however long the
 * session, each the mean of the analysed frames it stands for.
 *
 * @param seconds source time of each point, from the first frame
 * @param values  the metric's value there (NaN where it was not measured)
 */
public record TimeSeries(double[] seconds, double[] values) {
    public int size() {
        return seconds.length;
    }
}
