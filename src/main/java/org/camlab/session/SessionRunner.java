package org.camlab.session;

import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.camlab.capture.Frame;
import org.camlab.capture.FrameSource;
import org.camlab.capture.PrefetchingSource;
import org.camlab.capture.SourceException;
import org.camlab.capture.SourceInfo;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameDifference;
import org.camlab.core.FrameMetrics;
import org.camlab.core.Metric;
import org.camlab.face.Face;
import org.camlab.face.FaceDetector;

/**
 * Runs a source through the analysis core and aggregates what it measures. Two frames are used
 * in turn, so the previous analysed frame is still at hand for freeze detection without a copy.
 */
public final class SessionRunner {
    /** Told after every frame read, analysed or skipped. */
    public interface Progress {
        void frame(long framesRead, long frameCountHint, long ptsMicros);
    }

    /** Metric.values() copies its array on every call; the frame loop reads this one. */
    private static final Metric[] METRICS = Metric.values();

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
        SourceInfo info = source.info();
        FrameAnalyzer analyzer = new FrameAnalyzer(pool, threads);
        FrameMetrics metrics = new FrameMetrics();
        EnumMap<Metric, Series> series = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            series.put(m, new Series());
        }
        Frame current = new Frame();
        Frame previous = new Frame();
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
        String error = null;
        long hint = source.frameCountHint();
        try {
            while (options.maxFrames() <= 0 || analysed < options.maxFrames()) {
                boolean analyse = read % Math.max(1, options.every()) == 0;
                boolean got = analyse ? source.read(current) : source.skip(current);
                if (!got) {
                    break;
                }
                if (read == pts.length) {
                    pts = java.util.Arrays.copyOf(pts, read * 2);
                }
                pts[read++] = current.ptsMicros;
                progress.frame(read, hint, current.ptsMicros);
                if (!analyse) {
                    continue;
                }
                boolean resolution = lastResolutionUs == Long.MIN_VALUE
                        || current.ptsMicros - lastResolutionUs >= resolutionIntervalUs || current.ptsMicros < lastResolutionUs;
                if (resolution) {
                    lastResolutionUs = current.ptsMicros;
                }
                analyzer.measure(current, resolution, metrics);
                // faces after the pixels: a detector still loading in the background gets that long
                if (lastFaceUs == Long.MIN_VALUE || current.ptsMicros - lastFaceUs >= faceIntervalUs
                        || current.ptsMicros < lastFaceUs) {
                    found = faces.detect(current);
                    lastFaceUs = current.ptsMicros;
                }
                analyzer.locate(current, found, metrics);
                for (Metric m : METRICS) {
                    series.get(m).add(m.of(metrics));
                }
                if (havePrevious && previous.width == current.width && previous.height == current.height
                        && FrameDifference.meanAbsoluteBelow(previous.luma, current.luma, current.pixelCount(), Timing.FROZEN_MAD)) {
                    frozen++;
                }
                analysed++;
                Frame t = previous;
                previous = current;
                current = t;
                havePrevious = true;
            }
        } catch (SourceException e) {
            error = e.getMessage();
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
        return new SessionReport(info, analysed, duration, medians, timing, flicker, faces.name(), error);
    }
}
