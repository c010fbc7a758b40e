package org.camlab.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the cameras of this machine and what each offers.
 *
 * <p>On Linux the kernel's own list (/sys/class/video4linux) is read: it needs no native library
 * and answers at once; each camera's modes come from {@code v4l2-ctl --list-formats-ext} (Debian
 * {@code v4l-utils}) where it is installed, the only one of the available tools that also gives
 * the frame rates, and otherwise from FFmpeg's own {@code -list_formats all} (sizes without rates),
 * so that v4l-utils stays optional. Elsewhere Webcam Capture lists the devices and their picture sizes.
 */
public final class Cameras {
    private static final Logger log = LoggerFactory.getLogger(Cameras.class);
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");
    /**
     * Video nodes that carry a sensor's raw stream, not a picture an application can show. Intel IPU
     * laptops (IPU3 {@code ipu3-cio2}/{@code ipu3-imgu}, IPU6, IPU7) expose one "Intel IPU6 ISYS Capture N"
     * node per CSI-2 stream — 48 on a Galaxy Book with IPU6 (kernel 6.16), each giving Bayer frames
     * ('BG12') that only the vendor's image processing (libcamera, icamerasrc) turns into a picture — and
     * name sensor-side entities "Intel IPU6 CSI2 N". The camera there is what that processing feeds, a
     * v4l2loopback node such as "Intel MIPI Camera Front". Matched on the node's sysfs {@code name},
     * case-insensitively, as whole words: ipuN, ISYS, CSI2 (or CSI-2).
     */
    static final Pattern RAW_CAPTURE = Pattern.compile("\\b(?:ipu\\d+|isys|csi-?2)\\b", Pattern.CASE_INSENSITIVE);
    /** How long v4l2-ctl may take to list one device's modes: it answers in milliseconds unless a driver hangs. */
    static final Duration V4L2_CTL_DEADLINE = Duration.ofSeconds(3);
    /** More than any device's mode list; the rest is read and dropped, so the tool never blocks on a full pipe. */
    private static final int MAX_OUTPUT = 1 << 20;

    private final Path sysfs;
    private final Path dev;
    private final ModeProbe probe;

    /** Lists a device's modes; empty where it cannot tell. */
    @FunctionalInterface
    public interface ModeProbe {
        List<CameraMode> modes(String device);
    }

    /** This machine's cameras; on Linux their modes come from v4l2-ctl only (see {@link #system(Function)}). */
    public static Cameras system() {
        return system(device -> null);
    }

    /**
     * This machine's cameras; on Linux a camera v4l2-ctl cannot list (v4l-utils not installed, or it
     * failed or hung) gets its modes from {@code ffmpegListFormats}: FFmpeg's own log of
     * {@code -f v4l2 -list_formats all -i DEVICE} for that device, or null where it has none.
     */
    public static Cameras system(Function<String, String> ffmpegListFormats) {
        return new Cameras(Path.of("/sys/class/video4linux"), Path.of("/dev"), v4l2Modes(ffmpegListFormats));
    }

    /** Modes from v4l2-ctl, which gives frame rates, else from FFmpeg's listing, which gives sizes only. */
    public static ModeProbe v4l2Modes(Function<String, String> ffmpegListFormats) {
        return firstOf(Cameras::v4l2CtlModes, ffmpegListFormats);
    }

    /** {@code v4l2Ctl}'s modes, or where it has none those in FFmpeg's listing of the device. */
    static ModeProbe firstOf(ModeProbe v4l2Ctl, Function<String, String> ffmpegListFormats) {
        return device -> {
            List<CameraMode> modes = v4l2Ctl.modes(device);
            if (!modes.isEmpty()) {
                return modes;
            }
            String text;
            try {
                text = ffmpegListFormats.apply(device);
            } catch (RuntimeException e) {
                // the modes are advice for choosing one; a listing that fails must not lose the camera itself
                log.debug("FFmpeg cannot list the formats of {}", device, e);
                return List.of();
            }
            return text == null ? List.of() : V4l2Listing.formats(text);
        };
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
                // an IPU's raw nodes share one parent, so their indexes run 0, 1, 2, …: the first passes that rule
                if (name != null && RAW_CAPTURE.matcher(name).find()) {
                    log.debug("{} ({}) is a raw sensor node, not a camera", p.getFileName(), name);
                    continue;
                }
                nodes.add(new int[]{Integer.parseInt(m.group(1)), names.size()});
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

    /** Modes from {@code v4l2-ctl --list-formats-ext}; empty when it is not installed, fails or is not done in 3 s. */
    static List<CameraMode> v4l2CtlModes(String device) {
        return v4l2CtlModes(List.of("v4l2-ctl", "--list-formats-ext", "-d", device), V4L2_CTL_DEADLINE);
    }

    /** The modes {@code command} prints in v4l2-ctl's form; empty unless it exits 0 within {@code deadline}. */
    static List<CameraMode> v4l2CtlModes(List<String> command, Duration deadline) {
        String out = output(command, deadline);
        return out == null ? List.of() : parseV4l2Ctl(out);
    }

    /**
     * What {@code command} prints on its standard output, or null when it cannot be started, exits with
     * an error or is still running at {@code deadline}; then it and what it started are killed. The output
     * is read on its own thread: a read on this one would wait for the tool, however long it hangs.
     */
    static String output(List<String> command, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null; // not installed
        }
        CompletableFuture<byte[]> out = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out.complete(readAtMost(in, MAX_OUTPUT));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        }, "camlab " + command.get(0));
        reader.setDaemon(true); // a child that escaped the kill may hold the pipe open; the JVM must not wait for it
        reader.start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                log.debug("{} did not answer within {}", command, deadline);
                kill(p);
                return null;
            }
            // the tool has exited: its output ends at once, unless a child of it still holds the pipe
            byte[] bytes = out.get(Math.max(end - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200)),
                    TimeUnit.NANOSECONDS);
            return p.exitValue() == 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
        } catch (IOException | ExecutionException | TimeoutException e) {
            kill(p);
            return null;
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The tool and what it started, its children first: once it is gone they are no longer its
     * descendants, and a child (a script's sleep) keeps the output pipe open.
     */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) >= 0;) {
            kept.write(buf, 0, Math.max(0, Math.min(n, max - kept.size())));
        }
        return kept.toByteArray();
    }

    /** A format: {@code [0]: 'MJPG' (…)}, or {@code Pixel Format: 'YU12'} in older v4l-utils' Index/Name layout. */
    private static final Pattern FORMAT = Pattern.compile("^\\s*(?:\\[\\d+\\]:|Pixel Format\\s*:)\\s*'([^']*)'");
    /**
     * A size: {@code Discrete WxH}, {@code Stepwise MINxMIN - MAXxMAX with step a/b}, {@code Continuous
     * MINxMIN - MAXxMAX}; older v4l-utils print a bare {@code Continuous} (no size to ask for).
     */
    private static final Pattern SIZE = Pattern.compile(
            "^\\s*Size:\\s*\\w+(?:\\s+(\\d+)x(\\d+)(?:\\s*-\\s*(\\d+)x(\\d+))?)?");
    private static final Pattern INTERVAL = Pattern.compile("^\\s*Interval:");
    /** {@code (30.000 fps)}, or a range {@code (1.000-30.000 fps)} for a Continuous or Stepwise interval. */
    private static final Pattern FPS = Pattern.compile("\\(\\s*([0-9.]+)(?:\\s*-\\s*([0-9.]+))?\\s*fps\\)");

    /**
     * The modes in the text {@code v4l2-ctl --list-formats-ext} prints: one per format × size × rate, in
     * its order, each once (some firmware lists a size or a rate twice). A stepwise or continuous size
     * is its largest; a rate range its highest rate; a size without a rate (v4l2-ctl asks rates only
     * for discrete sizes) has fps NaN.
     */
    static List<CameraMode> parseV4l2Ctl(String text) {
        Set<CameraMode> out = new LinkedHashSet<>();
        String format = "";
        int w = 0;
        int h = 0;
        boolean rateless = false; // the last size has had no rate yet
        for (String line : text.split("\\R")) {
            Matcher m;
            if ((m = FORMAT.matcher(line)).find()) {
                if (rateless) {
                    out.add(new CameraMode(w, h, Double.NaN, format));
                }
                format = m.group(1).strip();
                w = 0;
                h = 0;
                rateless = false;
            } else if ((m = SIZE.matcher(line)).find()) {
                if (rateless) {
                    out.add(new CameraMode(w, h, Double.NaN, format));
                }
                int last = m.group(3) != null ? 3 : 1;
                w = m.group(last) == null ? 0 : Integer.parseInt(m.group(last));
                h = m.group(last) == null ? 0 : Integer.parseInt(m.group(last + 1));
                rateless = w > 0;
            } else if (INTERVAL.matcher(line).find() && w > 0 && (m = FPS.matcher(line)).find()) {
                double fps = Double.parseDouble(m.group(1));
                if (m.group(2) != null) {
                    fps = Math.max(fps, Double.parseDouble(m.group(2)));
                }
                out.add(new CameraMode(w, h, fps, format));
                rateless = false;
            }
        }
        if (rateless) {
            out.add(new CameraMode(w, h, Double.NaN, format));
        }
        return List.copyOf(out);
    }
}
