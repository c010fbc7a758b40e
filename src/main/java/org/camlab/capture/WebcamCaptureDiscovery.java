package org.camlab.capture;

import com.github.sarxos.webcam.Webcam;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cameras as Webcam Capture lists them, for the platforms without a kernel list camlab reads
 * itself (macOS, Windows): names and picture sizes; the rates are not told. FFmpeg then opens the
 * device by its index (avfoundation) or name (dshow).
 */
final class WebcamCaptureDiscovery {
    private static final Logger log = LoggerFactory.getLogger(WebcamCaptureDiscovery.class);
    private static final long TIMEOUT_MILLIS = 5000;

    private WebcamCaptureDiscovery() {
    }

    static List<Camera> list() {
        List<Webcam> found;
        try {
            found = Webcam.getWebcams(TIMEOUT_MILLIS);
        } catch (Exception | LinkageError e) {
            // its default driver throws where there is no camera, or no native library for this platform
            log.debug("Webcam Capture found no camera", e);
            return List.of();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        List<Camera> out = new ArrayList<>();
        for (Webcam w : found) {
            List<CameraMode> modes = new ArrayList<>();
            Dimension[] sizes = w.getViewSizes();
            if (sizes != null) {
                for (Dimension d : sizes) {
                    modes.add(new CameraMode(d.width, d.height, Double.NaN, ""));
                }
            }
            int index = out.size();
            out.add(new Camera(index, w.getName(), windows ? "video=" + w.getName() : Integer.toString(index),
                    List.copyOf(modes)));
        }
        return out;
    }
}
