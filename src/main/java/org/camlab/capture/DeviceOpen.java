package org.camlab.capture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;

/**
 * What FFmpeg is given to open a camera in a mode: its input format, the device string and the
 * input format's options. Pure, so that each platform's answer is tested on any machine.
 *
 * @param format  FFmpeg's input format: v4l2, dshow or avfoundation
 * @param device  the device string for that format
 * @param options the input format's options, in the order they are listed here
 */
record DeviceOpen(String format, String device, Map<String, String> options) {
    /** FFmpeg's own rtbufsize (libavformat's max_picture_buffer): about 3 MB. */
    static final long DEFAULT_RTBUFSIZE = 3_041_280;
    /** The rate assumed where a mode tells none: what webcams deliver by default. */
    static final double USUAL_FPS = 30;

    DeviceOpen {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** {@link #of(String, Camera, CameraMode, int)} for a camera that its device string singles out. */
    static DeviceOpen of(String os, Camera camera, CameraMode mode) {
        return of(os, camera, mode, 0);
    }

    /**
     * How to open a camera in a mode, or in the driver's own where the mode is null.
     *
     * @param os                 "linux", "windows" or "macos" ({@link #os(String)})
     * @param videoDeviceNumber  Windows only: which of several cameras of one name this is
     *                           ({@link DshowListing#deviceNumber}); 0 for the first or only one
     */
    static DeviceOpen of(String os, Camera camera, CameraMode mode, int videoDeviceNumber) {
        Map<String, String> options = new LinkedHashMap<>();
        switch (os) {
            case "linux" -> {
                if (mode != null) {
                    sizeAndRate(mode, options);
                    String input = mode.ffmpegInputFormat();
                    if (input != null) {
                        options.put("input_format", input);
                    }
                }
                return new DeviceOpen("v4l2", camera.device(), options);
            }
            case "windows" -> {
                if (mode != null) {
                    // fpsText gives back the rate of every interval UVC cameras use (333333 ×100 ns is
                    // "30", 666666 "15", 333667 "29.97"): dshow takes a capability only where the
                    // interval asked for lies within its own
                    sizeAndRate(mode, options);
                    options.putAll(DshowListing.formatOption(mode));
                }
                if (videoDeviceNumber > 0) {
                    options.put("video_device_number", Integer.toString(videoDeviceNumber));
                }
                options.put("rtbufsize", Long.toString(rtbufsize(mode)));
                return new DeviceOpen("dshow", camera.device(), options);
            }
            case "macos" -> {
                if (mode != null) {
                    options.put("video_size", mode.width() + "x" + mode.height());
                }
                // avfoundation opens a rate range only by its maximum (to within 0.01) and, told no
                // rate, asks 29.97 (its "ntsc" default): a camera whose ranges end at 30 then refuses
                // ("Selected framerate (29.970030) is not supported"), with or without a size. There
                // is no driver's own rate to fall back on, so 30, the usual maximum, is asked where
                // the mode does not tell one.
                double fps = mode == null || Double.isNaN(mode.fps()) ? USUAL_FPS : mode.fps();
                options.put("framerate", CameraMode.fpsText(fps));
                // Told no format, avfoundation asks yuv420p, which AVFoundation's video output does
                // not offer, and logs an error before it picks another: uyvy422 (Core Video's 2vuy)
                // is asked instead.
                String f = mode == null ? "" : mode.pixelFormat().toUpperCase(Locale.ROOT);
                options.put("pixel_format", f.equals("NV12") ? "nv12" : f.equals("YUYV") ? "yuyv422" : "uyvy422");
                // "VIDEO:AUDIO": the camera alone, no microphone (nor its permission prompt)
                return new DeviceOpen("avfoundation", camera.device() + ":none", options);
            }
            default -> throw new IllegalArgumentException("no camera input for " + os);
        }
    }

    /**
     * DirectShow's buffer for frames FFmpeg has not yet read, sized to hold 2 s of the mode's raw
     * frames (2 bytes a pixel, as YUYV; a compressed frame is smaller). FFmpeg's own 3041280 bytes
     * is less than one raw 1080p frame (4147200 bytes): one such frame fills it, and every frame
     * that arrives before camlab has read the last is dropped ("real-time buffer … too full").
     * Never below FFmpeg's own; at most what the option takes (an int). Without a mode, the
     * driver's own is taken to be at most 1080p at 30 fps.
     */
    static long rtbufsize(CameraMode mode) {
        long pixels = mode == null ? 1920L * 1080 : (long) mode.width() * mode.height();
        double fps = mode == null || Double.isNaN(mode.fps()) ? USUAL_FPS : mode.fps();
        long bytes = Math.round(pixels * 2 * fps * 2);
        return Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_RTBUFSIZE, bytes));
    }

    private static void sizeAndRate(CameraMode mode, Map<String, String> options) {
        options.put("video_size", mode.width() + "x" + mode.height());
        if (!Double.isNaN(mode.fps())) {
            options.put("framerate", CameraMode.fpsText(mode.fps()));
        }
    }

    /** "linux", "windows" or "macos" for a Java {@code os.name} ("Mac OS X", "Windows 11", "Linux"). */
    static String os(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        // "Darwin" holds "win": the Mac test comes first
        if (n.contains("mac") || n.contains("darwin")) {
            return "macos";
        }
        return n.contains("win") ? "windows" : "linux";
    }
}
