package org.camlab.face;

/**
 * The face detector that was asked for could not be loaded. Unchecked, because it surfaces from
 * {@link FaceDetector#detect} of a detector that was still loading when the analysis began.
 */
public final class FaceDetectorUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FaceDetectorUnavailableException(String message) {
        super(message);
    }

    public FaceDetectorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** OpenCV's native libraries themselves cannot be loaded: the installation or its native cache is broken. */
    public boolean nativeLibraries() {
        return getCause() instanceof LinkageError;
    }
}
