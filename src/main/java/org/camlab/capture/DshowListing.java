package org.camlab.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;

/**
 * The cameras of a Windows machine as FFmpeg's DirectShow input lists them: the text
 * {@code ffmpeg -list_devices true -f dshow -i dummy} prints, and each camera's modes from
 * {@code ffmpeg -list_options true -f dshow -i video=…}. FFmpeg is asked rather than Webcam Capture
 * because dshow opens a camera by its exact friendly or alternative name (Webcam Capture appends
 * an index to the name) and because only FFmpeg tells the real sizes, formats and rates.
 *
 * <p>Every layout seen in real output is read (libavdevice/dshow.c over the years): before FFmpeg
 * 5.0 a "DirectShow video devices" section then a "DirectShow audio devices" one, each device a
 * {@code "NAME"} line; from 5.0 one line per device, {@code "NAME" (video)}, {@code (audio)},
 * {@code (audio, video)} or {@code (none)}, the video category first; from about 2.8 each device
 * followed by {@code Alternative name "@device_…"}; lines prefixed {@code [dshow @ …]} or, in the
 * newest builds, {@code [in#0 @ …]}, mixed in one listing.
 */
final class DshowListing {
    private static final Pattern DEVICE = Pattern.compile("^\"(.*)\"(?:\\s*\\(([^()]*)\\))?$");
    private static final Pattern ALTERNATIVE = Pattern.compile("^Alternative name \"(.*)\"$");
    /**
     * A video capability: {@code pixel_format=yuyv422  min s=1280x720 fps=5 max s=1280x720 fps=10}, or
     * {@code vcodec=mjpeg …}; no format before 2014; FFmpeg 5.0+ may add the colour space after it. The
     * rates are printed with %g: {@code 29.97}, {@code 30}, {@code inf} for a driver's zero interval.
     */
    private static final Pattern CAPABILITY = Pattern.compile("(?:(pixel_format|vcodec)=(\\S+)\\s+)?"
            + "min s=(\\d+)x(\\d+) fps=(\\S+) max s=(\\d+)x(\\d+) fps=(\\S+)");
    /**
     * DirectShow's audio-input category (CLSID_AudioInputDeviceCategory), part of the alternative
     * name of every device in it: FFmpeg 5.0+ lists that category after the video one, and a device
     * there cannot be opened as {@code video=…} whatever media types its pins show.
     */
    private static final String AUDIO_CATEGORY = "{33D9A762-90C8-11D0-BD43-00A0C911CE86}";
    /**
     * The FFmpeg decoders dshow names with {@code vcodec=} for a camera's compressed formats (its RIFF
     * tags): told apart from pixel formats, whose names never collide with these, when a mode's
     * format is given back to FFmpeg.
     */
    private static final Set<String> CODECS = Set.of("mjpeg", "h264", "hevc", "dvvideo", "mpeg4", "mpeg2video",
            "mpeg1video", "vp8", "vp9", "av1", "cavs", "h263");

    private DshowListing() {
    }

    /** A device line as FFmpeg printed it. */
    private record Listed(String name, String alternative) {
    }

    /**
     * The cameras in FFmpeg's listing, in its order.
     *
     * <p>Each camera's device is {@code video=NAME}, which dshow matches against the friendly name,
     * or {@code video=ALTERNATIVE} where the friendly name cannot single it out: another video
     * device has the same name, or the name holds a ':' (FFmpeg splits its device string at ':' into
     * the video and the audio part). Alternative names are unique (DirectShow's moniker, ':' made
     * '_' by FFmpeg itself). FFmpeg before about 2.8 printed none: two cameras of one name then stay
     * {@code video=NAME}, and which one is meant is {@link #deviceNumber}, FFmpeg's
     * {@code video_device_number}.
     *
     * @param listDevicesText what {@code -list_devices true} printed (stderr)
     * @param listOptions     the {@code -list_options true} text for a camera's device string, null
     *                        (or a null function) where it cannot be had: that camera's modes are
     *                        then empty
     */
    static List<Camera> cameras(String listDevicesText, Function<String, String> listOptions) {
        List<Listed> listed = videoDevices(listDevicesText);
        Map<String, Integer> sameName = new HashMap<>();
        for (Listed l : listed) {
            sameName.merge(l.name, 1, Integer::sum);
        }
        List<Camera> out = new ArrayList<>();
        for (Listed l : listed) {
            boolean ambiguous = sameName.get(l.name) > 1 || l.name.indexOf(':') >= 0;
            String device = "video=" + (ambiguous && l.alternative != null ? l.alternative : l.name);
            String options = listOptions == null ? null : listOptions.apply(device);
            out.add(new Camera(out.size(), l.name, device, options == null ? List.of() : modes(options)));
        }
        return List.copyOf(out);
    }

    /**
     * FFmpeg's {@code video_device_number} for a camera: how many cameras before it in the list
     * share its device string. Non-zero only for two cameras of one name where FFmpeg printed no
     * alternative names (FFmpeg before about 2.8, never the one camlab bundles); 0 otherwise, which
     * is FFmpeg's default.
     */
    static int deviceNumber(List<Camera> cameras, Camera camera) {
        int n = 0;
        for (Camera c : cameras) {
            if (c.index() == camera.index()) {
                return n;
            }
            if (c.device().equals(camera.device())) {
                n++;
            }
        }
        return 0;
    }

    private static List<Listed> videoDevices(String text) {
        List<Listed> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        // Pre-5.0 layout: the section says which category a device is in. 5.0+: the types after
        // the name say what its pins carry, and the alternative name which category it is in.
        boolean sections = false;
        boolean videoSection = false;
        boolean lastIsVideo = false;
        for (String line : text.split("\\R")) {
            String m = FfmpegLogLine.message(line);
            if (m.startsWith("DirectShow video devices")) {
                sections = true;
                videoSection = true;
                continue;
            }
            if (m.startsWith("DirectShow audio devices")) {
                sections = true;
                videoSection = false;
                continue;
            }
            Matcher alt = ALTERNATIVE.matcher(m);
            if (alt.matches()) {
                String name = alt.group(1);
                if (lastIsVideo && name.toUpperCase(Locale.ROOT).contains(AUDIO_CATEGORY)) {
                    out.remove(out.size() - 1); // a video-capable device of the audio category
                } else if (lastIsVideo) {
                    Listed last = out.remove(out.size() - 1);
                    out.add(new Listed(last.name, name));
                }
                lastIsVideo = false;
                continue;
            }
            Matcher d = DEVICE.matcher(m);
            if (!d.matches()) {
                lastIsVideo = false;
                continue;
            }
            String types = d.group(2);
            boolean video;
            if (types != null) {
                video = List.of(types.split(",\\s*")).contains("video");
            } else {
                video = sections && videoSection;
            }
            if (video) {
                out.add(new Listed(d.group(1), null));
            }
            lastIsVideo = video;
        }
        return out;
    }

    /**
     * The modes in a {@code -list_options true} text: one per size and format, at the highest rate
     * listed for it (each mode is printed twice by FFmpeg 5.0+, once with its colour space). A
     * capability that spans sizes is taken at its largest.
     */
    static List<CameraMode> modes(String listOptionsText) {
        Map<String, CameraMode> byKey = new LinkedHashMap<>();
        for (String line : listOptionsText.split("\\R")) {
            String text = FfmpegLogLine.message(line);
            Matcher m = CAPABILITY.matcher(text);
            if (!m.find() || text.startsWith("unknown compression type")) {
                continue; // headers, audio, and formats FFmpeg has no decoder for
            }
            String format = m.group(2) == null ? "" : CameraMode.fourcc(m.group(2));
            int w = Integer.parseInt(m.group(6));
            int h = Integer.parseInt(m.group(7));
            double fps = rate(m.group(8));
            if (w <= 0 || h <= 0) {
                continue;
            }
            CameraMode mode = new CameraMode(w, h, fps, format);
            byKey.merge(w + "x" + h + " " + format, mode, (a, b) -> Double.isNaN(a.fps()) || b.fps() > a.fps() ? b : a);
        }
        return List.copyOf(byKey.values());
    }

    /** A rate as %g printed it; NaN for none that a camera can have (inf, nan, 0). */
    private static double rate(String text) {
        try {
            double fps = Double.parseDouble(text);
            return fps > 0 && fps < 1000 ? fps : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The dshow option that asks for a mode's format: {@code vcodec=mjpeg} (or another decoder) for
     * a compressed one, {@code pixel_format=yuyv422} (or another) for a raw one; empty where the
     * mode names no format. dshow matches either against each capability, so the rate and size
     * asked for are taken in that format and not in another that happens to offer them.
     */
    static Map<String, String> formatOption(CameraMode mode) {
        if (mode.pixelFormat().isEmpty()) {
            return Map.of();
        }
        String known = mode.ffmpegInputFormat();
        // a name CameraMode.fourcc only upper-cased (hevc, p010 …) is FFmpeg's own, lower-cased back
        String name = known != null ? known : mode.pixelFormat().toLowerCase(Locale.ROOT);
        return Map.of(CODECS.contains(name) ? "vcodec" : "pixel_format", name);
    }

    /** A line without FFmpeg's log context, trimmed. */
}
