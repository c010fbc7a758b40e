package org.camlab.session;

import org.camlab.image.LumaSample;
import org.camlab.results.Flicker;
import org.camlab.results.Recent;
import org.camlab.results.Timeline;
import org.camlab.results.Timing;

/**
 * The statistics kept on every decoded frame, cheap enough for the decoder's rate: timestamps,
 * the frame mean (for flicker), the row means (for rolling bands) and the mean absolute difference
 * to the frame before (for freezes), all on the frame's {@link LumaSample}. Filled on the capture thread, read by snapshots on the
 * session thread; constant memory whatever the session's length.
 */
final class TemporalStats {
    private final FrameTiming timing;
    private final double fpsNominal;
    private final FlickerMeter flicker = new FlickerMeter();
    private final SecondBySecond seconds;
    private final RollingBands bands = new RollingBands();
    private LumaSample current = new LumaSample();
    private LumaSample previous = new LumaSample();
    private boolean havePrevious;
    private int frozen;
    /** The timestamp of the frame the current still run starts from; MIN_VALUE outside a run. */
    private long freezeFrom = Long.MIN_VALUE;
    /** The timestamp of the frame a run of exact repeats repeats; MIN_VALUE outside one. */
    private long exactFrom = Long.MIN_VALUE;
    private long longestFreezeMicros;
    private int runFrames;
    /** Still frames of the current run not counted yet: counted once the run lasts {@link Timing#STILL_SEC}. */
    private int uncounted;
    private int bridged;
    private static final long STILL_MICROS = Math.round(Timing.STILL_SEC * 1e6);
    /**
     * A freeze in a recording is broken by each key frame, which codes the frozen picture anew: the
     * key frame and the frame after it differ from the repeat before by 1 to 2.5 code values (H.264
     * at the fixtures' bitrate). Up to {@link #BRIDGE_FRAMES} such frames, after at least
     * {@link #BRIDGE_AFTER} frozen ones and each differing by less than {@link #BRIDGE_MAD}, do not
     * end the freeze when the picture stands still again after them (a picture repeated every other
     * frame, 15 fps sent as 30, has runs of one and is never bridged).
     */
    private static final int BRIDGE_AFTER = 5;
    private static final int BRIDGE_FRAMES = 2;
    private static final double BRIDGE_MAD = 3.0;
    private double lastMean = Double.NaN;
    // the recent figures (the live check's): tumbling windows of source time, the last complete one kept
    static final long RECENT_MICROS = 2_000_000L;
    private Window filling;
    private Window done;

    /** One window's own timing, flicker and freezes. */
    private static final class Window {
        final long start;
        final FrameTiming timing;
        final FlickerMeter flicker = new FlickerMeter();
        final RollingBands bands = new RollingBands();
        int frozen;
        long longestFreezeMicros;
        long lastPts;

        Window(long start, double fpsNominal) {
            this.start = start;
            this.timing = new FrameTiming(fpsNominal);
        }
    }

    TemporalStats(double fpsNominal) {
        this.fpsNominal = fpsNominal;
        this.timing = new FrameTiming(fpsNominal);
        this.seconds = new SecondBySecond(fpsNominal);
    }

    /** The sample to fill for the next frame (capture thread only). */
    LumaSample target() {
        return current;
    }

    /** Takes in the frame just sampled into {@link #target()}. */
    synchronized void commit() {
        LumaSample s = current;
        byte[] v = s.values;
        int n = s.count();
        lastMean = bands.take(s);
        double mad = havePrevious && previous.width == s.width && previous.height == s.height && n > 0
                ? meanAbsoluteDifference(previous.values, v, n) : Double.NaN;
        int counted = 0;
        long since = Long.MIN_VALUE; // where the freeze this frame is counted in began
        if (Timing.repeats(mad)) {
            exactFrom = exactFrom == Long.MIN_VALUE ? previous.ptsMicros : exactFrom;
        } else {
            exactFrom = Long.MIN_VALUE;
        }
        if (mad < Timing.STILL_MAD) {
            if (freezeFrom == Long.MIN_VALUE) {
                freezeFrom = previous.ptsMicros;
                runFrames = 0;
                uncounted = 0;
            }
            runFrames++;
            bridged = 0;
            if (s.ptsMicros - freezeFrom >= STILL_MICROS) {
                counted = uncounted + 1; // the run has lasted: its frames so far are frozen too
                uncounted = 0;
                since = freezeFrom;
            } else if (exactFrom != Long.MIN_VALUE) {
                counted = 1;
                since = exactFrom;
            } else {
                uncounted++;
            }
        } else if (freezeFrom != Long.MIN_VALUE && runFrames >= BRIDGE_AFTER && bridged < BRIDGE_FRAMES
                && mad < BRIDGE_MAD) {
            // a key frame coding the frozen picture anew differs from it by a little: the freeze goes on
            // if the picture then stands still again
            bridged++;
        } else {
            freezeFrom = Long.MIN_VALUE;
            uncounted = 0;
            bridged = 0;
        }
        frozen += counted;
        if (counted > 0) {
            longestFreezeMicros = Math.max(longestFreezeMicros, s.ptsMicros - since);
        }
        timing.add(s.ptsMicros);
        flicker.add(lastMean);
        seconds.add(s.ptsMicros, lastMean);
        recent(s, counted, since);
        current = previous;
        previous = s;
        havePrevious = true;
    }

    private void recent(LumaSample s, int counted, long since) {
        long pts = s.ptsMicros;
        if (filling == null || pts - filling.start >= RECENT_MICROS || pts < filling.start) {
            done = filling;
            filling = new Window(pts, fpsNominal); // every 2 s of source: a few hundred bytes, not per frame
        }
        Window w = filling;
        w.timing.add(pts);
        w.flicker.add(w.bands.takeAsWell(bands));
        w.lastPts = pts;
        if (counted > 0) {
            w.frozen += counted; // a still run's earlier frames counted here, though some were in the window before
            w.longestFreezeMicros = Math.max(w.longestFreezeMicros, pts - Math.max(since, w.start));
        }
    }

    /** The last complete window's figures, or the filling one's before there is one; null before any frame. */
    synchronized Recent recentFigures() {
        Window w = done != null ? done : filling;
        if (w == null) {
            return null;
        }
        Timing t = w.timing.timing(w.frozen, w.longestFreezeMicros / 1e6);
        double rate = rate(w.timing);
        return new Recent(t, stronger(w.flicker.result(rate), w.bands.result(rate)),
                (w.start - timing.firstPts()) / 1e6, (w.lastPts - w.start) / 1e6 + (fpsNominal > 0 ? 1 / fpsNominal
                        : 0));
    }

    private static Flicker stronger(Flicker whole, Flicker rolling) {
        if (whole == null) {
            return rolling;
        }
        return rolling != null && rolling.pct() > whole.pct() ? rolling : whole;
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b, int n) {
        long d = 0;
        for (int i = 0; i < n; i++) {
            d += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) d / n;
    }

    synchronized long decoded() {
        return timing.count();
    }

    /** Source time from the first decoded frame to the last, µs. */
    synchronized long spanMicros() {
        return timing.count() == 0 ? 0 : timing.lastPts() - timing.firstPts();
    }

    synchronized Timing timing() {
        return timing.timing(frozen, longestFreezeMicros / 1e6);
    }

    /** The timeline of the complete seconds so far. */
    synchronized Timeline timeline() {
        return seconds.timeline();
    }

    /** The stronger of the two kinds: the frame mean oscillating, or rolling bands across the rows. */
    synchronized Flicker flicker() {
        double rate = rate(timing);
        return stronger(flicker.result(rate), bands.result(rate));
    }

    /** The frame mean pumping slowly (auto-exposure hunting); null when it does not. */
    synchronized Flicker hunting() {
        return flicker.hunting(rate(timing));
    }

    /** The rate the frame means were sampled at: the source's own, else as measured from these timestamps. */
    private double rate(FrameTiming from) {
        return fpsNominal > 0 ? fpsNominal : from.timing(0).fpsMeasured();
    }

    /** Mean of the last frame's sample, code values. */
    synchronized double lastMean() {
        return lastMean;
    }
}
