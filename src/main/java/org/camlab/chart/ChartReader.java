package org.camlab.chart;

import org.camlab.core.ChartFinder;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;

/**
 * Reads the test chart ({@code --chart}) on the analysed frames, one a second of the source at
 * most (a reading costs a few milliseconds; the chart does not change faster): the latest
 * reading that found it is kept, with how many frames were looked at and found it.
 */
public final class ChartReader implements SessionListener {
    private static final long INTERVAL_MICROS = 1_000_000;

    private final ChartFinder finder = new ChartFinder();
    private long lastMicros = Long.MIN_VALUE;
    private volatile ChartFinder.Reading latest;
    private int looked;
    private int found;

    @Override
    public void analysed(FrameEvent e) {
        long t = e.frame().ptsMicros;
        if (lastMicros != Long.MIN_VALUE && t - lastMicros < INTERVAL_MICROS && t >= lastMicros) {
            return;
        }
        lastMicros = t;
        looked++;
        ChartFinder.Reading r = finder.read(e.frame());
        if (r != null) {
            latest = r;
            found++;
        }
    }

    /** The latest reading of the chart, or null when no frame showed it. */
    public ChartFinder.Reading reading() {
        return latest;
    }

    public int looked() {
        return looked;
    }

    public int found() {
        return found;
    }
}
