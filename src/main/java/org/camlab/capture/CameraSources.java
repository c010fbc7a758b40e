package org.camlab.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        return "no camera " + spec + ": this machine has " + cameras.size() + (cameras.size() == 1 ? " camera" : " cameras")
                + " ('camlab devices' lists them)";
    }

    /** Opens a camera in its best mode, or in the driver's own where that mode is refused. */
    public static FrameSource open(Camera camera) throws SourceException {
        String format = inputFormat();
        String name = camera.name() + " (" + camera.device() + ")";
        CameraMode best = camera.best();
        if (best != null) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("video_size", best.width() + "x" + best.height());
            if (!Double.isNaN(best.fps())) {
                options.put("framerate", CameraMode.fpsText(best.fps()));
            }
            String input = best.ffmpegInputFormat();
            if (input != null && format.equals("v4l2")) {
                options.put("input_format", input);
            }
            try {
                return new FfmpegSource(camera.device(), name, SourceInfo.Kind.CAMERA, false, format, options);
            } catch (SourceException refused) {
                org.slf4j.LoggerFactory.getLogger(CameraSources.class).debug("{} refused {}: {}", name, best,
                        refused.getMessage());
            }
        }
        return new FfmpegSource(camera.device(), name, SourceInfo.Kind.CAMERA, false, format, Map.of());
    }

    private static String inputFormat() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "avfoundation" : os.contains("win") ? "dshow" : "v4l2";
    }
}
