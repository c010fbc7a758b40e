package org.camlab.session;

import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.camlab.capture.Frame;
import org.camlab.capture.FrameSource;
import org.camlab.capture.PrefetchingSource;
import org.camlab.capture.SourceException;
import org.camlab.capture.SourceInfo;
import org.camlab.core.Bands;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameDifference;
import org.camlab.core.FrameMetrics;
import org.camlab.core.Metric;
import org.camlab.face.Face;
import org.camlab.face.FaceDetector;

/**
 * Runs a source through the analysis core and aggregates what it measures. Frame buffers are
 * reused in turn, so the previous analysed frame is still at hand for freeze detection without a
 * copy. With several threads, consecutive frames of a recording are measured side by side and
 * then taken in order for everything that depends on order (faces, freezes, the series).
 */
public final class SessionRunner {
    /** Told after every frame read, analysed or skipped. */
    public interface Progress {
        void frame(long framesRead, long frameCountHint, long ptsMicros);
    }

    /** Metric.values() copies its array on every call; the frame loop reads this one. */
    private static final Metric[] METRICS = Metric.values();

    /** Measures the first {@code count} frames of the batch, one analyser each, all but one on the pool. */
    private void measure(FrameAnalyzer[] analyzers, Frame[] batch, boolean[] resolution, FrameMetrics[] metrics, int count) {
        if (count == 1) {
            analyzers[0].measure(batch[0], resolution[0], metrics[0]);
        } else if (count > 1) {
            Bands.run(pool, count, count, (lane, from, to) -> analyzers[lane].measure(batch[lane], resolution[lane], metrics[lane]));
        }
    }

    private final SessionOptions options;
    private final FaceDetector faces;
    private final Progress progress;
    private final ExecutorService pool;
    private final int threads;

    public SessionRunner(SessionOptions options, FaceDetector faces, Progress progress) {
        this(options, faces, progress, null, 1);
    }

    /** @param pool worker threads for the per-pixel passes ({@code threads − 1} of them), or null */
    public SessionRunner(SessionOptions options, FaceDetector faces, Progress progress, ExecutorService pool, int threads) {
        this.options = options;
        this.faces = faces;
        this.progress = progress == null ? (a, b, c) -> { } : progress;
        this.pool = pool;
        this.threads = threads;
    }

    /**
     * Runs the whole source. Recordings and streams are decoded ahead on their own thread
     * ({@link PrefetchingSource}); the source itself is not closed here.
     */
    public SessionReport run(FrameSource input) {
        if (input.frameCountHint() == 1) {
            return analyse(input);
        }
        PrefetchingSource ahead = new PrefetchingSource(new Unclosed(input), options.every());
        try {
            return analyse(ahead);
        } finally {
            ahead.close();
        }
    }

    /** Lets the prefetcher stop its thread without closing the caller's source. */
    private record Unclosed(FrameSource source) implements FrameSource {
        @Override
        public SourceInfo info() {
            return source.info();
        }

        @Override
        public boolean read(Frame into) throws SourceException {
            return source.read(into);
        }

        @Override
        public boolean skip(Frame scratch) throws SourceException {
            return source.skip(scratch);
        }

        @Override
        public long frameCountHint() {
            return source.frameCountHint();
        }

        @Override
        public void close() {
        }
    }

    private SessionReport analyse(FrameSource source) {
        long started = System.nanoTime();
        SourceInfo info = source.info();
        // A recording on several threads: two frames measured at once, one analyser each (whole
        // frames scale better than bands of one frame); a still: bands of its one frame.
        int lanes = pool != null && threads >= 2 && source.frameCountHint() != 1 ? 2 : 1;
        FrameAnalyzer[] analyzers = new FrameAnalyzer[lanes];
        FrameMetrics[] metrics = new FrameMetrics[lanes];
        Frame[] batch = new Frame[lanes];
        boolean[] resolution = new boolean[lanes];
        for (int i = 0; i < lanes; i++) {
            analyzers[i] = lanes > 1 ? new FrameAnalyzer() : new FrameAnalyzer(pool, threads);
            metrics[i] = new FrameMetrics();
            batch[i] = new Frame();
        }
        EnumMap<Metric, Series> series = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            series.put(m, new Series());
        }
        Frame previous = new Frame();
        Frame skipped = new Frame();
        boolean havePrevious = false;
        long[] pts = new long[1024];
        int read = 0;
        int analysed = 0;
        int frozen = 0;
        List<Face> found = List.of();
        long lastFaceUs = Long.MIN_VALUE;
        long lastResolutionUs = Long.MIN_VALUE;
        long faceIntervalUs = (long) (options.faceIntervalSec() * 1e6);
        long resolutionIntervalUs = (long) (options.resolutionIntervalSec() * 1e6);
        int every = Math.max(1, options.every());
        String error = null;
        long hint = source.frameCountHint();
        boolean end = false;
        while (!end) {
            // 1. the next frames to analyse, in order, timing the skipped ones in between
            int got = 0;
            try {
                while (got < lanes && (options.maxFrames() <= 0 || analysed + got < options.maxFrames())) {
                    boolean analyse = read % every == 0;
                    Frame target = analyse ? batch[got] : skipped;
                    if (!(analyse ? source.read(target) : source.skip(target))) {
                        end = true;
                        break;
                    }
                    if (read == pts.length) {
                        pts = java.util.Arrays.copyOf(pts, read * 2);
                    }
                    pts[read++] = target.ptsMicros;
                    progress.frame(read, hint, target.ptsMicros);
                    if (analyse) {
                        long t = target.ptsMicros;
                        resolution[got] = lastResolutionUs == Long.MIN_VALUE || t - lastResolutionUs >= resolutionIntervalUs
                                || t < lastResolutionUs;
                        if (resolution[got]) {
                            lastResolutionUs = t;
                        }
                        got++;
                    }
                }
            } catch (SourceException e) {
                error = e.getMessage();
                end = true;
            }
            if (got < lanes && !end) {
                end = true; // --max-frames reached
            }
            // 2. their pixels, side by side
            measure(analyzers, batch, resolution, metrics, got);
            // 3. in order: faces (after the pixels, so a detector still loading gets that long),
            //    then what depends on them, the series and the comparison with the frame before
            for (int i = 0; i < got; i++) {
                Frame current = batch[i];
                if (lastFaceUs == Long.MIN_VALUE || current.ptsMicros - lastFaceUs >= faceIntervalUs
                        || current.ptsMicros < lastFaceUs) {
                    found = faces.detect(current);
                    lastFaceUs = current.ptsMicros;
                }
                analyzers[i].locate(current, found, metrics[i]);
                for (Metric m : METRICS) {
                    series.get(m).add(m.of(metrics[i]));
                }
                if (havePrevious && previous.width == current.width && previous.height == current.height
                        && FrameDifference.meanAbsoluteBelow(previous.luma, current.luma, current.pixelCount(), Timing.FROZEN_MAD)) {
                    frozen++;
                }
                analysed++;
                batch[i] = previous; // the frame before is no longer needed: its planes are reused
                previous = current;
                havePrevious = true;
            }
            if (options.maxFrames() > 0 && analysed >= options.maxFrames()) {
                end = true;
            }
        }
        EnumMap<Metric, Double> medians = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            medians.put(m, series.get(m).median());
        }
        Timing timing = Timing.of(pts, read, info.fpsNominal(), frozen);
        double duration = 0;
        if (read > 1) {
            double frameSec = info.fpsNominal() > 0 ? 1 / info.fpsNominal() : (pts[read - 1] - pts[0]) / 1e6 / (read - 1);
            duration = (pts[read - 1] - pts[0]) / 1e6 + frameSec;
        }
        double sampleRate = timing.fpsMeasured() / Math.max(1, options.every());
        Flicker flicker = Flicker.detect(series.get(Metric.MEAN_LUMA).toArray(), analysed, sampleRate);
        double wall = (System.nanoTime() - started) / 1e9;
        return new SessionReport(info, analysed, duration, wall, medians, timing, flicker, faces.name(), error);
    }
}
