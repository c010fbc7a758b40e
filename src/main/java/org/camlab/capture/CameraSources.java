package org.camlab.capture;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.camlab.image.SourceInfo;

/**
 * Cameras named on the command line: {@code camera} (the first one), {@code camera:N}, or a device
 * node such as {@code /dev/video0}. Opened through FFmpeg (video4linux2, avfoundation, dshow) in the
 * camera's best mode ({@link CameraMode#best}); where the driver refuses that mode, in its own.
 */
public final class CameraSources {
    private static final Pattern SPEC = Pattern.compile("camera(?::(\\d+))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DEVICE = Pattern.compile("/dev/video\\d+");

    private CameraSources() {
    }

    /** {@code camera}, {@code camera:N} or {@code /dev/videoN}. */
    public static boolean isCamera(String spec) {
        return SPEC.matcher(spec).matches() || DEVICE.matcher(spec).matches();
    }

    /** The camera a spec names, or null where there is no such camera. */
    public static Camera find(String spec, List<Camera> cameras) {
        Matcher m = SPEC.matcher(spec);
        if (m.matches()) {
            int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            return index < cameras.size() ? cameras.get(index) : null;
        }
        for (Camera c : cameras) {
            if (c.device().equals(spec)) {
                return c;
            }
        }
        return null;
    }

    /** What to say where a spec names no camera. */
    public static String missing(String spec, List<Camera> cameras) {
        if (cameras.isEmpty()) {
            return "no camera found on this machine: try 'camlab check --demo', or give a recording or a stream URL";
        }
        return "no camera " + spec + ": this machine has " + cameras.size() + (cameras.size() == 1 ? " camera"
                : " cameras")
                + " ('camlab devices' lists them)";
    }

    /** How long the open of a camera may wait while macOS asks the person whether camlab may use it. */
    public static final Duration PERMISSION_WAIT = Duration.ofMinutes(2);

    /** On macOS the first open of a camera waits for the person to answer the camera-permission prompt. */
    public static boolean waitsForPermission() {
        return DeviceOpen.os(System.getProperty("os.name", "")).equals("macos");
    }

    /** Opens a camera in its best mode, or in the driver's own where that mode is refused. */
    public static FrameSource open(Camera camera) throws SourceException {
        return open(camera, DeviceOpen.os(System.getProperty("os.name", "")));
    }

    static FrameSource open(Camera camera, String os) throws SourceException {
        String name = camera.name() + " (" + camera.device() + ")";
        CameraMode best = camera.best();
        if (best != null) {
            DeviceOpen plan = DeviceOpen.of(os, camera, best);
            try {
                return new FfmpegSource(plan.device(), name, SourceInfo.Kind.CAMERA, false, plan.format(), plan
                        .options());
            } catch (SourceException refused) {
                if (refused.getMessage().contains(AvfoundationListing.PERMISSION)) {
                    throw refused; // no other mode will be allowed either
                }
                org.slf4j.LoggerFactory.getLogger(CameraSources.class).debug("{} refused {}: {}", name, best,
                        refused.getMessage());
            }
        }
        DeviceOpen own = DeviceOpen.of(os, camera, null);
        return new FfmpegSource(own.device(), name, SourceInfo.Kind.CAMERA, false, own.format(), own.options());
    }
}
