package org.camlab.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.camlab.capture.FrameSource;
import org.camlab.capture.SourceException;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameMetrics;
import org.camlab.face.FaceDetector;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.camlab.results.Flicker;
import org.camlab.results.Recent;
import org.camlab.results.SessionReport;
import org.camlab.results.Timeline;
import org.camlab.results.Timing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session over one source, at two rates: the capture thread decodes every frame and keeps the
 * temporal statistics on each; this thread runs the full analysis (core and faces) on the frames
 * the {@link Cadence} picks, as fast as it goes. {@link #snapshot()} is a complete result at any
 * moment; listeners hear of every analysed frame and of a snapshot every half second.
 *
 * <p>The session, not each source, guarantees the end: a source that does not open within
 * {@link SessionOptions#openTimeout()} or yields no frame within the stall timeout ends it with one
 * message, a decoder that dies ends it with the frames measured so far, and memory does not grow
 * with the session's length. One session runs once.
 */
public final class Session {
    private static final Logger log = LoggerFactory.getLogger(Session.class);
    private static final long POLL_MILLIS = 50;
    /** How long a stopping capture thread gets to finish its frame before it is left behind. */
    private static final long JOIN_MILLIS = 2000;

    private final SessionOptions options;
    private final FaceDetector faces;
    private final FrameAnalyzer analyzer;
    private final List<SessionListener> listeners = new ArrayList<>();
    private final StopSignal stop;
    private final FrameMetrics metrics = new FrameMetrics();
    private final SpatialStats spatial = new SpatialStats();
    private volatile TemporalStats temporal;
    private SourceInfo info;
    private Instant startedAt = Instant.now();
    private long startedNanos = System.nanoTime();
    private String error;
    private boolean partial;
    private List<Face> found = List.of();
    private long lastFaceUs = Long.MIN_VALUE;
    private double faceIntervalSec;
    private long lastResolutionUs = Long.MIN_VALUE;
    private long analysisNanos;
    private final int threads;

    /**
     * @param pool    worker threads for the per-pixel passes ({@code threads − 1} of them), or null
     * @param stop    ends the session early when signalled; may be null
     */
    public Session(SessionOptions options, FaceDetector faces, ExecutorService pool, int threads, StopSignal stop) {
        this.options = options;
        this.faces = faces;
        this.analyzer = new FrameAnalyzer(pool, threads);
        this.threads = pool == null ? 1 : Math.max(1, threads);
        this.stop = stop != null ? stop : new StopSignal();
    }

    public Session listen(SessionListener l) {
        listeners.add(l);
        return this;
    }

    /**
     * Opens the source on the capture thread and runs the session to the source's end, a limit of
     * the options, a stop or a stall. The source is closed when done.
     *
     * @param kind what {@code opener} opens (known before opening: whether key frames suffice)
     * @param name the source as the user named it, credentials removed, for messages
     * @throws SourceException when the source cannot be opened, or not one frame of it analysed
     */
    public SessionReport run(SourceInfo.Kind kind, String name, SourceOpener opener) throws SourceException {
        startedAt = Instant.now();
        startedNanos = System.nanoTime();
        Handoff handoff = new Handoff();
        FrameTap tap = null;
        for (SessionListener l : listeners) {
            if (l instanceof FrameTap t) {
                tap = t;
                break;
            }
        }
        CaptureLoop capture = new CaptureLoop(opener, kind, name, options, handoff, tap);
        Thread thread = new Thread(capture, "camlab-capture");
        thread.setDaemon(true); // a thread stuck in a native call must not keep the process alive
        thread.start();
        try {
            FrameSource source = awaitOpen(handoff, capture, name);
            info = source.info();
            temporal = capture.temporal();
            log.debug("session: {} ({}), cadence {}, {}", name, kind.json(), options.cadence(),
                    options.cadence().keyFramesOnly(kind) ? "key frames only" : "every frame decoded");
            for (SessionListener l : listeners) {
                l.opened(info, source.frameCountHint());
            }
            faceIntervalSec = options.faceIntervalFor(kind.live());
            loop(handoff, capture, name, kind.live());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stop("interrupted");
            partial = true;
        } finally {
            handoff.stop();
        }
        join(thread, capture);
        if (spatial.analysed() == 0) {
            String why = error != null ? error : stop.stopped() ? "stopped before the first frame of " + name
                    + " was analysed" : name + " holds no frame that camlab could decode";
            throw new SourceException(why);
        }
        SessionReport r = snapshot();
        for (SessionListener l : listeners) {
            l.snapshot(r);
        }
        if (log.isDebugEnabled()) {
            log.debug(String.format(Locale.ROOT, "session: %d frames decoded (%.0f/s), %d analysed (%.1f/s, "
                    + "%.2f ms each on %d thread%s) in %.2f s", r.framesDecoded(), r.framesDecoded() / r.wallSec(),
                    r.framesAnalyzed(), r.framesAnalyzed() / r.wallSec(), analysisNanos / 1e6 / r.framesAnalyzed(),
                    threads,
                    threads == 1 ? "" : "s", r.wallSec()));
        }
        return r;
    }

    /** Runs a source opened elsewhere (a camera the window holds, frames in memory); it is closed when done. */
    public SessionReport run(FrameSource source) throws SourceException {
        return run(source.info().kind(), source.info().name(), keyFrames -> source);
    }

    private FrameSource awaitOpen(Handoff handoff, CaptureLoop capture, String name)
            throws SourceException, InterruptedException {
        long timeout = Math.max(1, options.openTimeout().toMillis());
        FrameSource s = handoff.awaitOpen(timeout);
        Throwable failure = handoff.openFailure();
        if (failure instanceof SourceException e) {
            throw e;
        }
        if (failure != null) {
            throw new SourceException("cannot open " + name + ": " + failure.getMessage());
        }
        if (s == null) {
            capture.abandon();
            throw new SourceException("cannot open " + name + ": no answer within " + timeout / 1000.0 + " s");
        }
        return s;
    }

    private void loop(Handoff handoff, CaptureLoop capture, String name, boolean live) throws InterruptedException {
        long stallNanos = options.stallTimeoutFor(live).toNanos();
        long snapshotNanos = options.snapshotInterval().toNanos();
        long nextSnapshot = System.nanoTime() + snapshotNanos;
        while (true) {
            Frame f = handoff.take(POLL_MILLIS);
            if (f != null) {
                try {
                    analyse(f, temporal.decoded());
                } catch (OutOfMemoryError e) {
                    // the frame and the analysis's buffers are let go; what was measured before stays
                    error = "not enough memory to analyse " + name + " (a larger -Xmx, or a smaller resolution)";
                    partial = true;
                    return;
                } finally {
                    handoff.recycle(f);
                    handoff.progressed(); // the time spent analysing is not the source stalling
                }
                if (options.maxFrames() > 0 && spatial.analysed() >= options.maxFrames()) {
                    return;
                }
            } else if (handoff.drained()) {
                String e = handoff.endError();
                if (e != null) {
                    error = e;
                    partial = true;
                }
                return;
            }
            if (stop.stopped()) {
                error = stop.reason();
                partial = true;
                return;
            }
            if (handoff.nanosSinceProgress() > stallNanos) {
                capture.abandon();
                error = (temporal.decoded() == 0 ? "no frame from " : "no new frame from ") + name + " for "
                        + stallNanos / 1_000_000_000 + " s";
                partial = true;
                return;
            }
            if (!listeners.isEmpty() && System.nanoTime() >= nextSnapshot) {
                nextSnapshot = System.nanoTime() + snapshotNanos;
                SessionReport r = snapshot();
                for (SessionListener l : listeners) {
                    l.snapshot(r);
                }
            }
        }
    }

    private void analyse(Frame f, long decoded) {
        long started = System.nanoTime();
        long t = f.ptsMicros;
        boolean resolution = due(lastResolutionUs, t, options.resolutionIntervalSec());
        if (resolution) {
            lastResolutionUs = t;
        }
        analyzer.measure(f, resolution, metrics);
        // faces after the pixels, so that a detector still loading gets that long
        if (due(lastFaceUs, t, faceIntervalSec)) {
            found = faces.detect(f);
            lastFaceUs = t;
        }
        analyzer.locate(f, found, metrics);
        spatial.add(t / 1e6, metrics);
        analysisNanos += System.nanoTime() - started;
        if (!listeners.isEmpty()) {
            FrameEvent e = new FrameEvent(spatial.analysed(), decoded, f, metrics, found);
            for (SessionListener l : listeners) {
                l.analysed(e);
            }
        }
    }

    private static boolean due(long last, long now, double intervalSec) {
        return last == Long.MIN_VALUE || now < last || now - last >= (long) (intervalSec * 1e6);
    }

    private void join(Thread thread, CaptureLoop capture) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            capture.abandon(); // stuck in the decoder: left behind as a daemon, its source not touched again
            log.debug("capture thread still busy after {} ms; left behind", JOIN_MILLIS);
        }
    }

    /** The result so far: complete and valid whenever it is taken, on the session's thread. */
    public SessionReport snapshot() {
        TemporalStats ts = temporal;
        boolean still = info == null || info.isStill();
        long decoded = ts == null ? 0 : ts.decoded();
        Timing timing = null;
        Flicker flicker = null;
        Timeline timeline = null;
        Recent recent = null;
        Flicker hunting = null;
        double duration = Double.NaN;
        if (!still && ts != null) {
            boolean keyOnly = options.cadence().keyFramesOnly(info.kind());
            if (!keyOnly && decoded > 1) {
                timing = ts.timing();
                flicker = ts.flicker();
                timeline = ts.timeline();
                recent = ts.recentFigures();
                hunting = ts.hunting();
            }
            if (decoded > 0) {
                double frame = info.fpsNominal() > 0 ? 1 / info.fpsNominal()
                        : decoded > 1 ? ts.spanMicros() / 1e6 / (decoded - 1) : 0;
                duration = ts.spanMicros() / 1e6 + (keyOnly ? 0 : frame);
            }
        }
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        return new SessionReport(info, startedAt, decoded, spatial.analysed(), duration, wall, spatial.medians(),
                timing,
                flicker, faces.name(), error, partial, spatial.series(),
                spatial.maps(), timeline, recent, hunting, spatial.mtfCurve());
    }
}
