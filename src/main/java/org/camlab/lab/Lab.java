package org.camlab.lab;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camlab.advice.Advisor;
import org.camlab.capture.CameraDiscovery;
import org.camlab.capture.CameraSources;
import org.camlab.capture.FfmpegSource;
import org.camlab.capture.FrameSource;
import org.camlab.capture.Natives;
import org.camlab.capture.PacedSource;
import org.camlab.capture.Redact;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;
import org.camlab.face.FaceDetectors;
import org.camlab.face.PendingFaceDetector;
import org.camlab.image.Camera;
import org.camlab.image.SourceInfo;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.Cadence;
import org.camlab.session.Session;
import org.camlab.session.SessionListener;
import org.camlab.session.SessionOptions;
import org.camlab.session.StopSignal;

/**
 * The one place a measurement is assembled: a source, the face detector, the session engine, the
 * advice. Commands (analyze today; live, survey and readiness next) ask a lab to measure and decide
 * only what to do with the result. One lab serves many sources: the face detector loads once, in
 * the background, while the first source opens.
 */
public final class Lab implements AutoCloseable {
    private final PendingFaceDetector faces;
    private final ExecutorService pool;
    private final int threads;
    private final boolean threadsChosen;
    private final Advisor advisor = new Advisor();

    /** @param threads threads for the per-pixel analysis, 1 or more, whatever the source */
    public Lab(FaceDetectors.Mode faceMode, int threads) {
        this(faceMode, threads, true);
    }

    /**
     * A lab that picks the analysis threads by source: a still's rows split over {@link
     * #defaultThreads()} cores; a recording or a stream on one, since its decoder already keeps the
     * cores busy (60 s of 1080p30: 6.89 s on one thread against 7.48 s on two, benchmarks/RESULTS.md).
     */
    public static Lab automatic(FaceDetectors.Mode faceMode) {
        return new Lab(faceMode, defaultThreads(), false);
    }

    private Lab(FaceDetectors.Mode faceMode, int threads, boolean threadsChosen) {
        this.threadsChosen = threadsChosen;
        if (faceMode != FaceDetectors.Mode.NONE) {
            Natives.init(); // before the face loader and the capture threads load native libraries
        }
        this.faces = PendingFaceDetector.start(faceMode);
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "camlab-analysis");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** The number of analysis threads a machine gets by default: its cores, at most 4. */
    public static int defaultThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /** What a source named on the command line is, before it is opened. */
    public static SourceInfo.Kind kindOf(String spec) {
        return Sources.kindOf(spec);
    }

    /** The name of a source as it may be shown: credentials removed. */
    public static String displayName(String spec) {
        return Redact.url(spec);
    }

    /**
     * Measures one source to its end (or the options' limits, or {@code stop}).
     *
     * @throws SourceException when it cannot be opened or not one frame of it analysed
     * @throws org.camlab.face.FaceDetectorUnavailableException when the chosen face detector cannot load
     */
    public SessionReport measure(String spec, SessionOptions options, StopSignal stop, List<SessionListener> listeners)
            throws SourceException {
        SourceInfo.Kind kind = Sources.kindOf(spec);
        if (kind == SourceInfo.Kind.CAMERA && CameraSources.waitsForPermission()) {
            // macOS holds the open while it asks whether this terminal (or app) may use the camera: a
            // person answering that is not a camera that does not answer
            options = options.withTimeouts(CameraSources.PERMISSION_WAIT, options.stallTimeout());
        }
        if (kind != SourceInfo.Kind.IMAGE) {
            // FFmpeg loads on the capture thread. A still is read by ImageIO, which needs no native library;
            // OpenCV reads what ImageIO cannot (WebP), and without faces the capture thread is its only loader.
            Natives.init();
        }
        int t = threadsChosen || kind == SourceInfo.Kind.IMAGE ? threads : 1;
        Session session = new Session(options, faces, t > 1 ? pool : null, t, stop);
        for (SessionListener l : listeners) {
            session.listen(l);
        }
        return session.run(kind, Redact.url(spec), keyFrames -> Sources.open(spec, keyFrames));
    }

    /**
     * Measures a recording from {@code atMicros} on, as a survey reads a recording standing in for a
     * room's camera: analysed every 0.2 s of its time as the live check analyses a camera; past its
     * end, from its start again (a camera that never ends).
     */
    public SessionReport measureFrom(String spec, long atMicros, SessionOptions options, StopSignal stop,
            List<SessionListener> listeners) throws SourceException {
        Natives.init();
        Session session = new Session(options.withCadence(Cadence.period(LIVE_PERIOD_MICROS)), faces, null, 1, stop);
        for (SessionListener l : listeners) {
            session.listen(l);
        }
        return session.run(SourceInfo.Kind.FILE, Redact.url(spec), keyFrames -> {
            FrameSource s = Sources.open(spec, false);
            if (s instanceof FfmpegSource f) {
                try {
                    f.seek(atMicros);
                } catch (SourceException e) {
                    s.close();
                    throw e;
                }
            }
            return s;
        });
    }

    /**
     * The live check's analysis period: a full analysis every 0.2 s of the source (the verdict is on the
     * last second: 5 frames) keeps its cost beside capture small (benchmarks/RESULTS.md, "Live check");
     * timing and flicker are still measured on every frame. The check and a survey's replay both use it.
     */
    public static final long LIVE_PERIOD_MICROS = 200_000;

    /**
     * Measures one source as the live check does: a camera or a stream as it comes; a recording
     * replayed at its real pace as a virtual camera (its analysis dropped when busy, like a camera's).
     *
     * @param name what to call a replayed recording in reports; null: its file name
     * @param loop replay a recording again from the start when it ends (a camera that never ends)
     */
    public SessionReport watch(String spec, String name, boolean loop, SessionOptions options, StopSignal stop,
            List<SessionListener> listeners) throws SourceException {
        SourceInfo.Kind kind = Sources.kindOf(spec);
        if (kind != SourceInfo.Kind.FILE) {
            return measure(spec, options, stop, listeners);
        }
        Natives.init();
        Session session = new Session(options, faces, null, 1, stop);
        for (SessionListener l : listeners) {
            session.listen(l);
        }
        // told CAMERA: frames come at their pace and are analysed when the analysis is free
        return session.run(SourceInfo.Kind.CAMERA, name != null ? name : Redact.url(spec),
                keyFrames -> new PacedSource(() -> Sources.open(spec, false), loop, name));
    }

    /** The cameras of this machine. */
    public static List<Camera> cameras() {
        return CameraDiscovery.system();
    }

    /** The camera a spec names ({@code camera}, {@code camera:N}, {@code /dev/videoN}), or null. */
    public static Camera camera(String spec) {
        return CameraSources.isCamera(spec) ? CameraSources.find(spec, cameras()) : null;
    }

    public Advisor advisor() {
        return advisor;
    }

    public Verdict judge(SessionReport report) {
        return advisor.judge(report);
    }

    @Override
    public void close() {
        faces.close();
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
