package org.camlab.chart;

import org.camlab.core.ChartFinder;
import org.camlab.results.ChartReading;
import org.camlab.results.ChartResult;
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
    private volatile ChartReading latest;
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
            latest = published(r);
            found++;
        }
    }

    /** What was found so far: frames looked at and found, and the latest reading (null when none). */
    public ChartResult result() {
        return new ChartResult(looked, found, latest);
    }

    /** The analysis' reading as the results publish it (core knows nothing of the catalogue above it). */
    private static ChartReading published(ChartFinder.Reading r) {
        return new ChartReading(r.mtf50BySquare(), r.mtf50Centre(), r.mtf50Corners(), r.stepLuma(), r.stepNoise(),
                r.neutralA(), r.neutralB(), r.widthPct(), r.edges());
    }
}
