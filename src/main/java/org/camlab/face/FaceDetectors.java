package org.camlab.face;

import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses and loads a face detector. */
public final class FaceDetectors {
    private static final Logger log = LoggerFactory.getLogger(FaceDetectors.class);

    public enum Mode {
        AUTO, BLAZEFACE, CASCADE, NONE;

        public static Mode parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown face detector '" + s + "' (choose auto, blazeface, cascade or none)");
            }
        }
    }

    private FaceDetectors() {
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
                } catch (IOException | RuntimeException | LinkageError e) {
                    log.warn("no face detector could be loaded ({}); the centre of the frame is used as the subject", e.toString());
                    return FaceDetector.NONE;
                }
        }
    }
}
