package org.camlab.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;

/**
 * The cameras of a Mac as FFmpeg's AVFoundation input lists them, and what its errors mean.
 *
 * <p>{@code ffmpeg -f avfoundation -list_devices true -i ""} prints the video devices, then the
 * screens FFmpeg adds to that list ({@code Capture screen N}), then the audio devices, each as
 * {@code [INDEX] NAME} after a log context ({@code [AVFoundation indev @ …]}, formerly
 * {@code [AVFoundation input device @ …]}). FFmpeg opens a camera by that index, in its own order,
 * which need not be Webcam Capture's. The sizes and rates are only printed when a request is
 * refused: a "Supported modes:" block of {@code WxH@[MIN MAX]fps} lines.
 */
final class AvfoundationListing {
    private static final Pattern DEVICE = Pattern.compile("^\\[(\\d+)\\] (.+)$");
    private static final Pattern SCREEN = Pattern.compile("Capture screen \\d+");
    private static final Pattern MODE = Pattern.compile("^(\\d+)x(\\d+)@\\[([0-9.]+) ([0-9.]+)\\]fps$");
    /**
     * macOS's refusals of the camera as FFmpeg passes them on: its own line, or (in some builds)
     * macOS's description alone, "Cannot use NAME". macOS's privacy service (TCC) logs its refusal to
     * the system log, not to FFmpeg's stderr, so its name is not looked for.
     */
    private static final Pattern DENIED = Pattern.compile(
            "not authori[sz]ed|failed to create av capture input device|cannot use ");
    private static final Pattern MISSING = Pattern.compile("invalid device index|video device not found");

    static final String PERMISSION = "macOS has not allowed camlab's terminal to use the camera: open"
            + " System Settings › Privacy & Security › Camera, allow your terminal app (or camlab), then run again";
    static final String GONE = "the camera went away or was never there: 'camlab devices' lists the cameras this Mac"
            + " has now";

    private AvfoundationListing() {
    }

    /**
     * The cameras in FFmpeg's device list, in its order; the screens it lists among them are left
     * out. A camera's device is FFmpeg's index for it ("0"): modes are not in the list (empty).
     */
    static List<Camera> cameras(String listDevicesText) {
        List<Camera> out = new ArrayList<>();
        if (listDevicesText == null) {
            return out;
        }
        boolean video = false;
        for (String line : listDevicesText.split("\\R")) {
            String m = FfmpegLogLine.message(line);
            if (m.startsWith("AVFoundation video devices")) {
                video = true;
                continue;
            }
            if (m.startsWith("AVFoundation audio devices")) {
                video = false;
                continue;
            }
            Matcher d = DEVICE.matcher(m);
            if (!video || !d.matches()) {
                continue;
            }
            String name = d.group(2).strip();
            if (!SCREEN.matcher(name).matches()) {
                out.add(new Camera(out.size(), name, d.group(1), List.of()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The modes in the "Supported modes:" block FFmpeg prints when a size or rate is refused: one
     * per size, at the highest rate a range of it reaches (FFmpeg opens a range by its maximum).
     * A list printed twice, or collapsed by "Last message repeated", gives each mode once.
     */
    static List<CameraMode> supportedModes(String text) {
        Map<String, CameraMode> bySize = new LinkedHashMap<>();
        if (text == null) {
            return List.of();
        }
        boolean block = false;
        for (String line : text.split("\\R")) {
            String m = FfmpegLogLine.message(line);
            if (m.startsWith("Supported modes:")) {
                block = true;
                continue;
            }
            Matcher mode = MODE.matcher(m);
            if (!block || !mode.matches()) {
                continue; // "Last message repeated N times", the error FFmpeg ends with
            }
            int w = Integer.parseInt(mode.group(1));
            int h = Integer.parseInt(mode.group(2));
            double max = Double.parseDouble(mode.group(4));
            bySize.merge(w + "x" + h, new CameraMode(w, h, max, ""), (a, b) -> b.fps() > a.fps() ? b : a);
        }
        return List.copyOf(bySize.values());
    }

    /**
     * What FFmpeg's log says went wrong, in a line for the user; null where it says nothing camlab
     * knows. A denied camera permission shows as "Failed to create AV capture input device: Cannot
     * use NAME" (macOS's own text) or "not authorized"; a camera index that is not (or no longer)
     * there as "Invalid device index" or, in newer builds, "Video device not found".
     */
    static String problem(String ffmpegLog) {
        if (ffmpegLog == null) {
            return null;
        }
        String log = ffmpegLog.toLowerCase(Locale.ROOT);
        if (DENIED.matcher(log).find()) {
            return PERMISSION;
        }
        return MISSING.matcher(log).find() ? GONE : null;
    }

    /**
     * FFmpeg refused the rate asked for: avfoundation opens a rate range only by its maximum (to
     * within 0.01), and asks 29.97 when no rate is given.
     */
    static boolean framerateRefused(String log) {
        return log != null && log.contains("Selected framerate (") && log.contains("is not supported");
    }
}
