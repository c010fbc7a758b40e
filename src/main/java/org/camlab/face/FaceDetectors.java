package org.camlab.face;

import java.io.IOException;
import java.util.Locale;
import org.camlab.install.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses and loads a face detector. */
public final class FaceDetectors {
    private static final Logger log = LoggerFactory.getLogger(FaceDetectors.class);

    public enum Mode {
        AUTO,
        BLAZEFACE,
        CASCADE,
        NONE;

        public static Mode parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown face detector '" + s
                        + "' (choose auto, blazeface, cascade or none)");
            }
        }
    }

    private FaceDetectors() {
    }

    /**
     * Starts loading OpenCV's native libraries on a daemon thread, before the command line is even
     * parsed: loading them is the longest step to a still's verdict (benchmarks/RESULTS.md,
     * "Start-up"), and the detector that needs them is made later. Harmless when it fails: the
     * detector's own load reports the error.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            try {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_dnn.class);
            } catch (Throwable e) {
                log.debug("warming up OpenCV failed: {}", e.toString());
            }
        }, "camlab-opencv-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Loads the detector for {@code mode}. AUTO prefers BlazeFace and falls back to the Haar cascade
     * (and to none, with a warning, if OpenCV itself cannot load).
     */
    public static FaceDetector open(Mode mode) {
        switch (mode) {
            case NONE:
                return FaceDetector.NONE;
            case BLAZEFACE:
                try {
                    return BlazeFaceDetector.load();
                } catch (IOException | RuntimeException | LinkageError e) {
                    throw new FaceDetectorUnavailableException("BlazeFace is not available: " + e.getMessage()
                            + " (run scripts/fetch-models.sh before building, or use --faces cascade)");
                }
            case CASCADE:
                try {
                    return new CascadeFaceDetector();
                } catch (IOException | RuntimeException | LinkageError e) {
                    throw new FaceDetectorUnavailableException("the Haar cascade cannot be loaded: " + e.getMessage());
                }
            default:
                try {
                    return BlazeFaceDetector.load();
                } catch (IOException | RuntimeException | LinkageError e) {
                    log.debug("BlazeFace not available ({}); using the Haar cascade", e.getMessage());
                }
                try {
                    return new CascadeFaceDetector();
                } catch (LinkageError e) {
                    // OpenCV itself does not load: a broken installation or native cache, not a missing model
                    throw new FaceDetectorUnavailableException(Installation.explain(e), e);
                } catch (IOException | RuntimeException e) {
                    log.warn("no face detector could be loaded ({}); the centre of the frame is used as the subject", e
                            .toString());
                    return FaceDetector.NONE;
                }
        }
    }
}
