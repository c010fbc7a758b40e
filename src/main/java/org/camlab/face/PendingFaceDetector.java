package org.camlab.face;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camlab.image.Face;
import org.camlab.image.Frame;

/**
 * A detector that loads in the background (OpenCV's native libraries and the model take about
 * a third of a second) while the source is opened and the first frame decoded and measured: the
 * session asks for faces only after a frame's pixels are measured. A detector that cannot load
 * fails that first {@link #detect} with {@link FaceDetectorUnavailableException}; one that has not
 * loaded within {@link #LOAD_TIMEOUT_SEC} seconds (a machine so loaded that something is wrong, or a
 * native loader stuck) fails the same way rather than leave the session waiting.
 */
public final class PendingFaceDetector implements FaceDetector {
    static final long LOAD_TIMEOUT_SEC = 60;

    private final CompletableFuture<FaceDetector> loading;
    private FaceDetector loaded;

    private PendingFaceDetector(CompletableFuture<FaceDetector> loading) {
        this.loading = loading;
    }

    /** Starts loading {@code mode}'s detector on a daemon thread. */
    public static PendingFaceDetector start(FaceDetectors.Mode mode) {
        CompletableFuture<FaceDetector> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long started = System.nanoTime();
            try {
                FaceDetector d = FaceDetectors.open(mode);
                org.slf4j.LoggerFactory.getLogger(PendingFaceDetector.class).debug("face detector {} loaded in {} ms",
                        d.name(), (System.nanoTime() - started) / 1_000_000);
                f.complete(d);
            } catch (RuntimeException | LinkageError e) {
                f.completeExceptionally(e);
            } catch (OutOfMemoryError e) {
                f.completeExceptionally(new FaceDetectorUnavailableException(
                        "not enough memory to load the face detector"));
            }
        }, "camlab-face-loader");
        t.setDaemon(true);
        t.start();
        return new PendingFaceDetector(f);
    }

    /** Waits for the detector; a detector that cannot load is reported as the user's error. */
    public FaceDetector get() {
        if (loaded == null) {
            try {
                loaded = loading.get(LOAD_TIMEOUT_SEC, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FaceDetectorUnavailableException("interrupted while loading the face detector");
            } catch (TimeoutException e) {
                throw new FaceDetectorUnavailableException("the face detector did not load within " + LOAD_TIMEOUT_SEC
                        + " s (use --faces none to analyse without it)");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof FaceDetectorUnavailableException u ? u
                        : new FaceDetectorUnavailableException("the face detector cannot be loaded: " + c, c);
            }
        }
        return loaded;
    }

    @Override
    public List<Face> detect(Frame frame) {
        return get().detect(frame);
    }

    @Override
    public String name() {
        if (!loading.isDone()) {
            return "loading";
        }
        try {
            return get().name();
        } catch (FaceDetectorUnavailableException e) {
            return "unavailable";
        }
    }

    @Override
    public void close() {
        if (loaded != null) {
            loaded.close();
        } else {
            loading.thenAccept(FaceDetector::close);
        }
    }
}
