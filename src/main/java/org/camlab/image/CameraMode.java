package org.camlab.image;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One mode a camera offers.
 *
 * @param width       pixels
 * @param height      pixels
 * @param fps         frames per second, NaN where the platform does not tell
 * @param pixelFormat the driver's name for it (YUYV, MJPG, NV12, …), or "" where unknown
 */
public record CameraMode(int width, int height, double fps, String pixelFormat) {
    /** The rate a call needs: HD at 24 fps or more (webcam specifications and meeting clients). */
    public static final double MIN_FPS = 24;

    /**
     * The mode camlab asks for: among the 16:9 modes where there are any (else the landscape ones), the largest picture offered at {@link #MIN_FPS} or more (the highest
     * rate among those, then a compressed format, which USB 2 can carry at that size); the largest
     * at any rate where none reaches it; null for no modes.
     */
    public static CameraMode best(List<CameraMode> modes) {
        // a call's picture is 16:9 (meeting clients ask for 1280×720 or 1920×1080): a MacBook's FaceTime
        // camera also offers 1760×1328, 1552×1552 and 1080×1920, all larger than 1920×1080, which the
        // client would crop; then any landscape mode, then whatever there is
        List<CameraMode> wide = modes.stream().filter(m -> Math.abs((double) m.width / m.height - 16.0 / 9) < 0.04)
                .toList();
        List<CameraMode> landscape = modes.stream().filter(m -> m.width > m.height).toList();
        if (!wide.isEmpty()) {
            modes = wide;
        } else if (!landscape.isEmpty()) {
            modes = landscape;
        }
        Comparator<CameraMode> bySize = Comparator.comparingLong(m -> (long) m.width * m.height);
        Comparator<CameraMode> order = bySize.thenComparingDouble(m -> Double.isNaN(m.fps) ? 0 : m.fps)
                .thenComparing(m -> m.compressed() ? 1 : 0);
        CameraMode fast = modes.stream().filter(m -> m.fps >= MIN_FPS).max(order).orElse(null);
        return fast != null ? fast : modes.stream().max(order).orElse(null);
    }

    /** MJPEG or H.264 from the camera: decoded by FFmpeg. */
    public boolean compressed() {
        String f = pixelFormat.toUpperCase(Locale.ROOT);
        return f.equals("MJPG") || f.equals("JPEG") || f.equals("H264");
    }

    /**
     * The driver's FourCC (v4l2-ctl's names, which camlab uses for every platform) for FFmpeg's pixel
     * format or codec name, as libavdevice/v4l2-common.c pairs them; {@link #ffmpegInputFormat} goes back.
     */
    public static String fourcc(String ffmpegName) {
        return switch (ffmpegName) {
            case "yuyv422" -> "YUYV";
            case "uyvy422" -> "UYVY";
            case "mjpeg" -> "MJPG";
            case "h264" -> "H264";
            case "nv12" -> "NV12";
            case "yuv420p" -> "YU12";
            case "rgb24" -> "RGB3";
            case "bgr24" -> "BGR3";
            case "gray" -> "GREY";
            default -> ffmpegName.toUpperCase(Locale.ROOT);
        };
    }

    /** FFmpeg's v4l2 input_format for this pixel format, or null to let the driver choose. */
    public String ffmpegInputFormat() {
        return switch (pixelFormat.toUpperCase(Locale.ROOT)) {
            case "MJPG", "JPEG" -> "mjpeg";
            case "H264" -> "h264";
            case "YUYV" -> "yuyv422";
            case "UYVY" -> "uyvy422";
            case "NV12" -> "nv12";
            case "YU12", "I420" -> "yuv420p";
            case "RGB3" -> "rgb24";
            case "BGR3" -> "bgr24";
            case "GREY" -> "gray";
            default -> null;
        };
    }

    @Override
    public String toString() {
        String rate = Double.isNaN(fps) ? "" : String.format(Locale.ROOT, " at %s fps", fpsText(fps));
        return width + "×" + height + rate + (pixelFormat.isEmpty() ? "" : " (" + pixelFormat + ")");
    }

    public static String fpsText(double fps) {
        return Math.abs(fps - Math.rint(fps)) < 0.01 ? Long.toString(Math.round(fps)) : String.format(Locale.ROOT,
                "%.2f", fps);
    }
}
