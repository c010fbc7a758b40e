package org.camlab.face;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.camlab.capture.Frame;
import org.camlab.capture.SourceException;

/**
 * A detector that loads in the background (OpenCV's native libraries and the model take about
 * a third of a second) while the source is opened and the first frame decoded and measured: the
 * session asks for faces only after a frame's pixels are measured. A detector that cannot load
 * fails that first {@link #detect} with {@link FaceDetectorUnavailableException}.
 */
public final class PendingFaceDetector implements FaceDetector {
    private final CompletableFuture<FaceDetector> loading;
    private FaceDetector loaded;

    private PendingFaceDetector(CompletableFuture<FaceDetector> loading) {
        this.loading = loading;
    }

    /** Starts loading {@code mode}'s detector on a daemon thread. */
    public static PendingFaceDetector start(FaceDetectors.Mode mode) {
        CompletableFuture<FaceDetector> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(FaceDetectors.open(mode));
            } catch (SourceException | RuntimeException | LinkageError e) {
                f.completeExceptionally(e);
            }
        }, "camlab-face-loader");
        t.setDaemon(true);
        t.start();
        return new PendingFaceDetector(f);
    }

    /** Waits for the detector; a detector that cannot load is reported as the user's error. */
    public FaceDetector get() throws SourceException {
        if (loaded == null) {
            try {
                loaded = loading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted while loading the face detector");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof SourceException se ? se : new SourceException("the face detector cannot be loaded: " + c);
            }
        }
        return loaded;
    }

    @Override
    public List<Face> detect(Frame frame) {
        try {
            return get().detect(frame);
        } catch (SourceException e) {
            throw new FaceDetectorUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        try {
            return get().name();
        } catch (SourceException e) {
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
