package org.camlab.capture;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.image.CameraMode;

/**
 * The modes in FFmpeg's own listing of a V4L2 device, {@code ffmpeg -f v4l2 -list_formats all -i /dev/videoN},
 * so that camlab needs no v4l2-ctl (v4l-utils is an optional package) to choose a mode on Linux.
 *
 * <p>FFmpeg (libavdevice/v4l2.c, {@code list_formats} and {@code list_framesizes}) logs one line per format:
 * <pre>
 * [video4linux2,v4l2 @ 0x…] Raw       :     yuyv422 :           YUYV 4:2:2 : 640x480 160x120 …
 * [video4linux2,v4l2 @ 0x…] Compressed:       mjpeg :          Motion-JPEG : 640x480 …
 * </pre>
 * ({@code "Raw       : %11s : %20s :"}, an optional {@code " Emulated :"}, then {@code " %ux%u"} per discrete
 * size or {@code " {%u-%u, %u}x{%u-%u, %u}"} — min-max, step — per stepwise or continuous one). It asks the
 * driver no frame intervals, so every mode's fps is NaN.
 */
public final class V4l2Listing {
    /** A format's line, with or without FFmpeg's {@code [video4linux2,v4l2 @ 0x…]} prefix. */
    private static final Pattern LINE = Pattern.compile("\\b(Raw|Compressed)\\s*:\\s*(\\S+)\\s+:(.*)$");
    private static final String ONE_SIZE = "\\d+x\\d+|\\{\\d+-\\d+,\\s*\\d+\\}x\\{\\d+-\\d+,\\s*\\d+\\}";
    /**
     * The sizes: the run of size tokens that ends the line. The description before them is free text
     * ("YUYV 4:2:2" has colons of its own), so the sizes are found from the end, not by splitting on ':'.
     */
    private static final Pattern SIZES = Pattern.compile("((?:\\s+(?:" + ONE_SIZE + "))*)\\s*$");
    private static final Pattern SIZE = Pattern.compile(
            "\\{(\\d+)-(\\d+),\\s*(\\d+)\\}x\\{(\\d+)-(\\d+),\\s*(\\d+)\\}|(\\d+)x(\\d+)");

    private V4l2Listing() {
    }

    /**
     * The modes of every format FFmpeg can open, in its order, each once (FFmpeg prints MJPG and JPEG
     * both as "mjpeg"): a stepwise size is its largest, fps is NaN, the pixel format is v4l2-ctl's
     * FourCC name ({@link CameraMode#ffmpegInputFormat} maps it back). "Unsupported" formats — FFmpeg
     * has no name for them, so they cannot be asked for — are left out.
     */
    public static List<CameraMode> formats(String text) {
        Set<CameraMode> out = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.find() || m.group(2).equals("Unsupported")) {
                continue;
            }
            String format = CameraMode.fourcc(m.group(2));
            Matcher sizes = SIZES.matcher(m.group(3));
            if (!sizes.find()) {
                continue;
            }
            Matcher s = SIZE.matcher(sizes.group(1));
            while (s.find()) {
                boolean range = s.group(1) != null;
                int w = Integer.parseInt(range ? s.group(2) : s.group(7));
                int h = Integer.parseInt(range ? s.group(5) : s.group(8));
                out.add(new CameraMode(w, h, Double.NaN, format));
            }
        }
        return List.copyOf(out);
    }
}
