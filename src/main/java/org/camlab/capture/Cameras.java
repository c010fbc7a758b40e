package org.camlab.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the cameras of this machine and what each offers.
 *
 * <p>On Linux the kernel's own list (/sys/class/video4linux) is read: it needs no native library
 * and answers at once; each camera's modes come from {@code v4l2-ctl --list-formats-ext} (Debian
 * {@code v4l-utils}) where it is installed, the only one of the available tools that also gives
 * the frame rates. Elsewhere Webcam Capture lists the devices and their picture sizes.
 */
public final class Cameras {
    private static final Logger log = LoggerFactory.getLogger(Cameras.class);
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");

    private final Path sysfs;
    private final Path dev;
    private final ModeProbe probe;

    /** Lists a device's modes; empty where it cannot tell. */
    @FunctionalInterface
    public interface ModeProbe {
        List<CameraMode> modes(String device);
    }

    /** This machine's cameras. */
    public static Cameras system() {
        return new Cameras(Path.of("/sys/class/video4linux"), Path.of("/dev"), Cameras::v4l2CtlModes);
    }

    /** Cameras as a kernel's sysfs tree under {@code sysfs} describes them, device nodes under {@code dev}. */
    public Cameras(Path sysfs, Path dev, ModeProbe probe) {
        this.sysfs = sysfs;
        this.dev = dev;
        this.probe = probe;
    }

    public static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** The cameras, in the platform's order; empty when there are none. */
    public List<Camera> list() {
        if (Files.isDirectory(sysfs) || linux()) {
            return fromSysfs();
        }
        return WebcamCaptureDiscovery.list();
    }

    private List<Camera> fromSysfs() {
        List<int[]> nodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(sysfs)) {
            return List.of();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sysfs)) {
            for (Path p : ds) {
                Matcher m = VIDEO_NODE.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                // a UVC camera has two nodes: index 0 captures, index 1 carries metadata only
                String index = read(p.resolve("index"));
                if (index != null && !index.equals("0")) {
                    continue;
                }
                String name = read(p.resolve("name"));
                nodes.add(new int[] {Integer.parseInt(m.group(1)), names.size()});
                names.add(name == null || name.isEmpty() ? p.getFileName().toString() : name);
            }
        } catch (IOException e) {
            log.debug("cannot list {}", sysfs, e);
            return List.of();
        }
        nodes.sort(Comparator.comparingInt(n -> n[0]));
        List<Camera> out = new ArrayList<>();
        for (int[] n : nodes) {
            String device = dev.resolve("video" + n[0]).toString();
            out.add(new Camera(out.size(), names.get(n[1]), device, List.copyOf(probe.modes(device))));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** Modes from {@code v4l2-ctl --list-formats-ext}, empty when it is not installed or fails within 3 s. */
    static List<CameraMode> v4l2CtlModes(String device) {
        try {
            Process p = new ProcessBuilder("v4l2-ctl", "--list-formats-ext", "-d", device).redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(1 << 20);
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? parseV4l2Ctl(new String(out, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException e) {
            return List.of(); // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static final Pattern FORMAT = Pattern.compile("^\\s*\\[\\d+\\]:\\s*'([^']*)'");
    private static final Pattern SIZE = Pattern.compile("^\\s*Size:\\s*\\w+\\s+(\\d+)x(\\d+)");
    private static final Pattern INTERVAL = Pattern.compile("^\\s*Interval:.*\\(([0-9.]+) fps\\)");

    /** The modes in the text {@code v4l2-ctl --list-formats-ext} prints: one per format × size × rate. */
    static List<CameraMode> parseV4l2Ctl(String text) {
        List<CameraMode> out = new ArrayList<>();
        String format = "";
        int w = 0;
        int h = 0;
        boolean sizeHasRate = true;
        for (String line : text.split("\\R")) {
            Matcher m;
            if ((m = FORMAT.matcher(line)).find()) {
                if (!sizeHasRate) {
                    out.add(new CameraMode(w, h, Double.NaN, format));
                }
                format = m.group(1).strip();
                sizeHasRate = true;
            } else if ((m = SIZE.matcher(line)).find()) {
                if (!sizeHasRate) {
                    out.add(new CameraMode(w, h, Double.NaN, format));
                }
                w = Integer.parseInt(m.group(1));
                h = Integer.parseInt(m.group(2));
                sizeHasRate = false;
            } else if ((m = INTERVAL.matcher(line)).find() && w > 0) {
                out.add(new CameraMode(w, h, Double.parseDouble(m.group(1)), format));
                sizeHasRate = true;
            }
        }
        if (!sizeHasRate) {
            out.add(new CameraMode(w, h, Double.NaN, format));
        }
        return out;
    }
}
