package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding cameras as Linux lists them (a sysfs tree laid out as the kernel lays it out: a UVC camera
 * has a capture node and a metadata node) and reading their modes from v4l2-ctl's own output. The
 * fixtures under {@code devices/} are real outputs, quoted with their sources in devices/SOURCES.md.
 */
class CamerasTest {
    /** What {@code v4l2-ctl --list-formats-ext} prints for a common 1080p USB webcam. */
    static final String V4L2_CTL = """
            ioctl: VIDIOC_ENUM_FMT
            	Type: Video Capture

            	[0]: 'YUYV' (YUYV 4:2:2)
            		Size: Discrete 640x480
            			Interval: Discrete 0.033s (30.000 fps)
            			Interval: Discrete 0.067s (15.000 fps)
            		Size: Discrete 1280x720
            			Interval: Discrete 0.100s (10.000 fps)
            		Size: Discrete 1920x1080
            			Interval: Discrete 0.200s (5.000 fps)
            	[1]: 'MJPG' (Motion-JPEG, compressed)
            		Size: Discrete 1280x720
            			Interval: Discrete 0.033s (30.000 fps)
            		Size: Discrete 1920x1080
            			Interval: Discrete 0.033s (30.000 fps)
            			Interval: Discrete 0.040s (25.000 fps)
            """;

    @Test
    void v4l2CtlModesAreReadAndTheBestIsTheLargestAt24FpsOrMore() {
        List<CameraMode> modes = Cameras.parseV4l2Ctl(V4L2_CTL);
        assertEquals(7, modes.size(), modes.toString());
        assertEquals(new CameraMode(640, 480, 30, "YUYV"), modes.get(0));
        assertEquals(new CameraMode(1920, 1080, 5, "YUYV"), modes.get(3));
        CameraMode best = CameraMode.best(modes);
        assertEquals(new CameraMode(1920, 1080, 30, "MJPG"), best, "not the 5 fps YUYV mode of the same size");
        assertEquals("mjpeg", best.ffmpegInputFormat());
        assertEquals("1920×1080 at 30 fps (MJPG)", best.toString());
    }

    @Test
    void withoutAModeAt24FpsTheLargestIsAskedFor() {
        List<CameraMode> slow = List.of(new CameraMode(640, 480, 15, "YUYV"), new CameraMode(1280, 720, 10, "YUYV"));
        assertEquals(new CameraMode(1280, 720, 10, "YUYV"), CameraMode.best(slow));
        assertNull(CameraMode.best(List.of()));
    }

    @Test
    void sizesWithoutRatesAreKept() {
        List<CameraMode> m = Cameras.parseV4l2Ctl("""
                	[0]: 'YUYV' (YUYV 4:2:2)
                		Size: Stepwise 320x240
                		Size: Discrete 640x480
                """);
        assertEquals(2, m.size(), m.toString());
        assertTrue(Double.isNaN(m.get(1).fps()));
    }

    @Test
    void camerasAreFoundInSysfsAndTheirMetadataNodesLeftOut(@TempDir Path dir) throws Exception {
        Path sys = dir.resolve("sys");
        node(sys, "video0", "Integrated Camera: Integrated C", "0");
        node(sys, "video1", "Integrated Camera: Integrated C", "1"); // the same camera's metadata node
        node(sys, "video2", "HD Pro Webcam C920", "0");
        node(sys, "video10", "OBS Virtual Camera", null); // v4l2loopback: no index file
        List<Camera> cams = new Cameras(sys, Path.of("/dev"), d -> d.equals("/dev/video2")
                ? Cameras.parseV4l2Ctl(V4L2_CTL) : List.of()).list();
        assertEquals(3, cams.size(), cams.toString());
        assertEquals(new Camera(0, "Integrated Camera: Integrated C", "/dev/video0", List.of()), cams.get(0));
        assertEquals("/dev/video2", cams.get(1).device());
        assertEquals(7, cams.get(1).modes().size());
        assertEquals("/dev/video10", cams.get(2).device(), "numeric order, not text order");
        assertEquals(cams.get(1), CameraSources.find("camera:1", cams));
        assertEquals(cams.get(0), CameraSources.find("camera", cams));
        assertEquals(cams.get(2), CameraSources.find("/dev/video10", cams));
        assertNull(CameraSources.find("camera:3", cams));
        assertTrue(CameraSources.missing("camera:3", cams).contains("3 cameras"), CameraSources.missing("camera:3",
                cams));
    }

    @Test
    void noVideoDevicesIsNoCamera(@TempDir Path dir) {
        assertEquals(List.of(), new Cameras(dir.resolve("absent"), Path.of("/dev"), d -> List.of()).list().stream()
                .filter(c -> c.device().startsWith(dir.toString())).toList());
        assertTrue(CameraSources.missing("camera", List.of()).contains("camlab check --demo"));
    }

    @Test
    void cameraNamesAreCameras() {
        for (String s : new String[]{"camera", "camera:0", "CAMERA:12", "/dev/video0"}) {
            assertTrue(CameraSources.isCamera(s), s);
        }
        for (String s : new String[]{"camera.mp4", "cameras", "/dev/video", "camera:x", "rtsp://camera"}) {
            assertTrue(!CameraSources.isCamera(s), s);
        }
    }

    // ---- v4l2-ctl's real outputs (devices/SOURCES.md) ----

    /** ELP 4K UVC camera: MJPG at 30 fps up to 3840x2160, YUYV at 1 fps there — raw cannot keep up. */
    @Test
    void theElp4kCameraIsOpenedInMjpegAt30FpsNotYuyvAt1Fps() {
        List<CameraMode> modes = Cameras.parseV4l2Ctl(fixture("v4l2-ctl-D-list-formats-ext-discrete-elp-4k.txt"));
        List<CameraMode> expected = new ArrayList<>();
        int[][] mjpgSizes = {{3840, 2160}, {1920, 1080}, {2592, 1944}, {2048, 1536}, {1600, 1200}, {1280, 960},
                {1280, 720}, {1024, 768}, {800, 600}, {640, 480}, {320, 240}};
        for (int[] s : mjpgSizes) {
            for (double fps : new double[]{30, 25, 20, 15, 10, 5}) {
                expected.add(new CameraMode(s[0], s[1], fps, "MJPG"));
            }
        }
        expected.addAll(List.of(yuyv(3840, 2160, 1), yuyv(1920, 1080, 3), yuyv(2592, 1944, 1), yuyv(2048, 1536, 3),
                yuyv(1600, 1200, 3), yuyv(1280, 960, 5), yuyv(1280, 720, 10), yuyv(1280, 720, 5), yuyv(1024, 768, 10),
                yuyv(1024, 768, 5), yuyv(800, 600, 20), yuyv(800, 600, 15), yuyv(800, 600, 10), yuyv(800, 600, 5)));
        for (double fps : new double[]{30, 25, 20, 15, 10, 5}) {
            expected.add(yuyv(640, 480, fps));
        }
        for (double fps : new double[]{30, 25, 20, 15, 10, 5}) {
            expected.add(yuyv(320, 240, fps));
        }
        assertEquals(expected, modes, "the driver-info header (-D) before the list is not read as modes");
        assertEquals(92, modes.size());
        CameraMode best = CameraMode.best(modes);
        assertEquals(new CameraMode(3840, 2160, 30, "MJPG"), best);
        assertEquals("mjpeg", best.ffmpegInputFormat());
    }

    /** Arducam firmware lists 1920x1080 twice and 30 fps twice under one size: each mode once. */
    @Test
    void sizesAndRatesListedTwiceGiveOneModeEach() {
        List<CameraMode> modes = Cameras.parseV4l2Ctl(fixture("v4l2-ctl-D-list-formats-ext-duplicates-arducam.txt"));
        assertEquals(List.of(new CameraMode(1920, 1080, 30, "MJPG"), new CameraMode(1280, 720, 30, "MJPG"),
                new CameraMode(640, 480, 30, "MJPG"), new CameraMode(320, 240, 30, "MJPG"),
                yuyv(640, 480, 30), yuyv(320, 240, 30)), modes);
        assertEquals(new CameraMode(1920, 1080, 30, "MJPG"), CameraMode.best(modes));
    }

    /** A stereo USB camera (tabs turned to spaces by its poster): MJPG up to 120 fps, YUYV 3200x1200 at 2 fps. */
    @Test
    void theStereoCameraIsOpenedAtItsWidestMjpegModeAt60Fps() {
        List<CameraMode> modes = Cameras.parseV4l2Ctl(fixture("v4l2-ctl-list-formats-ext-discrete-stereo-usb.txt"));
        List<CameraMode> expected = new ArrayList<>();
        for (int[] s : new int[][]{{3200, 1200}, {2560, 720}}) {
            for (double fps : new double[]{60, 30, 25, 20, 15, 10}) {
                expected.add(new CameraMode(s[0], s[1], fps, "MJPG"));
            }
        }
        for (int[] s : new int[][]{{1600, 600}, {1280, 480}, {640, 240}}) {
            for (double fps : new double[]{120, 60, 30, 25, 20, 15, 10}) {
                expected.add(new CameraMode(s[0], s[1], fps, "MJPG"));
            }
        }
        expected.addAll(List.of(yuyv(3200, 1200, 2), yuyv(2560, 720, 2), yuyv(1600, 600, 10), yuyv(1280, 480, 15),
                yuyv(1280, 480, 10)));
        for (double fps : new double[]{60, 30, 25, 20, 15, 10}) {
            expected.add(yuyv(640, 240, fps));
        }
        assertEquals(expected, modes);
        assertEquals(new CameraMode(3200, 1200, 60, "MJPG"), CameraMode.best(modes));
    }

    /** The Pi camera's bcm2835 driver: "Stepwise 32x32 - 2592x1944" is 2592x1944, not 32x32; no rates at all. */
    @Test
    void aStepwiseSizeIsItsLargestAndWithoutIntervalsTheRateIsUnknown() {
        List<CameraMode> modes = Cameras.parseV4l2Ctl(fixture("v4l2-ctl-list-formats-ext-stepwise-rpi-camera.txt"));
        assertEquals(List.of(stepwise("YU12"), stepwise("YUYV"), stepwise("RGB3"), stepwise("JPEG"), stepwise("H264"),
                stepwise("MJPG")), modes);
        CameraMode best = CameraMode.best(modes);
        assertEquals(2592, best.width());
        assertEquals(1944, best.height());
        assertTrue(best.compressed(), best.toString());
        assertTrue(Double.isNaN(best.fps()));
    }

    /** Older v4l-utils print "Index : / Pixel Format: 'YU12' (compressed) / Name :" blocks (truncated copy). */
    @Test
    void theOldIndexLayoutIsReadAsTheNewOne() {
        List<CameraMode> old = Cameras.parseV4l2Ctl(
                fixture("v4l2-ctl-list-formats-ext-stepwise-old-layout-truncated.txt"));
        assertEquals(Cameras.parseV4l2Ctl(fixture("v4l2-ctl-list-formats-ext-stepwise-rpi-camera.txt")), old);
        assertEquals(6, old.size(), old.toString());
    }

    /**
     * Continuous and stepwise intervals: no real listing has them (v4l2-ctl asks rates only for discrete
     * sizes, see SOURCES.md), so these lines are built from v4l-utils' own formats in print_frmsize and
     * print_frmival (utils/v4l2-ctl: "Size: Continuous %dx%d - %dx%d", "Interval: Continuous %ss - %ss
     * (%s-%s fps)", "Interval: Stepwise %ss - %ss with step %ss (%s-%s fps)"). The highest rate is the mode's.
     */
    @Test
    void aRateRangeGivesItsHighestRate() {
        List<CameraMode> m = Cameras.parseV4l2Ctl("""
                ioctl: VIDIOC_ENUM_FMT
                	Type: Video Capture

                	[0]: 'YUYV' (YUYV 4:2:2)
                		Size: Discrete 1280x720
                			Interval: Continuous 0.033s - 1.000s (1.000-30.000 fps)
                		Size: Discrete 640x480
                			Interval: Stepwise 0.017s - 1.000s with step 0.017s (1.000-60.000 fps)
                	[1]: 'NV12' (Y/UV 4:2:0)
                		Size: Continuous 160x120 - 1920x1080
                		Size: Continuous
                """);
        assertEquals(List.of(yuyv(1280, 720, 30), yuyv(640, 480, 60), new CameraMode(1920, 1080, Double.NaN, "NV12")),
                m,
                "an old bare 'Size: Continuous' names no size to ask for");
    }

    private static CameraMode yuyv(int w, int h, double fps) {
        return new CameraMode(w, h, fps, "YUYV");
    }

    private static CameraMode stepwise(String format) {
        return new CameraMode(2592, 1944, Double.NaN, format);
    }

    // ---- the v4l2-ctl deadline ----

    /** A v4l2-ctl that hangs (a driver stuck in an ioctl): the call ends at its deadline, and so does the tool. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aHangingV4l2CtlIsKilledAtTheDeadline(@TempDir Path dir) throws Exception {
        Path pid = dir.resolve("sleep.pid");
        // the sleep is a child of the script and holds its output open: killing the script alone would not end the read
        Path tool = script(dir, "sleep 30 &\necho $! > '" + pid + "'\nwait\n");
        long t0 = System.nanoTime();
        List<CameraMode> modes = Cameras.v4l2CtlModes(List.of("/bin/sh", tool.toString(), "--list-formats-ext", "-d",
                "/dev/video0"), Duration.ofSeconds(1));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertEquals(List.of(), modes);
        assertTrue(elapsed < 6, "returned after " + elapsed + " s");
        long sleep = Long.parseLong(Files.readString(pid).strip());
        assertFalse(aliveAfter(sleep, Duration.ofSeconds(3)), "the tool's child was left running");
    }

    /** Half a listing and then silence: not half the modes (a camera is not what it has half said). */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aV4l2CtlThatStopsHalfwayGivesNoModes(@TempDir Path dir) throws Exception {
        String full = fixture("v4l2-ctl-D-list-formats-ext-discrete-elp-4k.txt");
        Path half = Files.writeString(dir.resolve("half.txt"), full.substring(0, full.length() / 2));
        Path tool = script(dir, "cat '" + half + "'\nsleep 30\n");
        long t0 = System.nanoTime();
        List<CameraMode> modes = Cameras.v4l2CtlModes(List.of("/bin/sh", tool.toString()), Duration.ofSeconds(1));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        assertEquals(List.of(), modes);
        assertTrue(elapsed < 6, "returned after " + elapsed + " s");
    }

    /** The same fake answering at once is read; one that fails or is not installed gives no modes. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aV4l2CtlThatAnswersIsReadAndOneThatFailsIsNot(@TempDir Path dir) throws Exception {
        Path listing = Files.writeString(dir.resolve("arducam.txt"),
                fixture("v4l2-ctl-D-list-formats-ext-duplicates-arducam.txt"));
        Path ok = script(dir, "cat '" + listing + "'\n");
        assertEquals(6, Cameras.v4l2CtlModes(List.of("/bin/sh", ok.toString()), Duration.ofSeconds(10)).size());
        Path fails = script(dir, "cat '" + listing + "'\necho 'Cannot open device /dev/video7' >&2\nexit 1\n");
        assertEquals(List.of(), Cameras.v4l2CtlModes(List.of("/bin/sh", fails.toString()), Duration.ofSeconds(10)));
        assertEquals(List.of(), Cameras.v4l2CtlModes(List.of(dir.resolve("no-such-v4l2-ctl").toString()),
                Duration.ofSeconds(10)));
    }

    private static Path script(Path dir, String body) throws IOException {
        Path p = dir.resolve("v4l2-ctl-" + System.nanoTime() + ".sh");
        return Files.writeString(p, "#!/bin/sh\n" + body);
    }

    private static boolean aliveAfter(long pid, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            if (!running(pid)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Whether the process still runs. A killed child whose parent was killed too waits as a zombie until
     * init reaps it, which some containers' init does late or never; Java counts a zombie as alive.
     */
    private static boolean running(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (NoSuchFileException e) {
            return false; // gone while we looked
        } catch (IOException e) {
            return true; // no /proc (macOS): isAlive has said it runs
        }
    }

    // ---- FFmpeg's listing where v4l2-ctl gives nothing ----

    @Test
    void withoutV4l2CtlTheModesComeFromFfmpegsListing() {
        String ffmpeg = fixture("v4l2-list-formats-discrete-uvc.txt");
        Cameras.ModeProbe probe = Cameras.firstOf(d -> List.of(), d -> d.equals("/dev/video0") ? ffmpeg : null);
        List<CameraMode> modes = probe.modes("/dev/video0");
        assertEquals(V4l2Listing.formats(ffmpeg), modes);
        assertEquals(38, modes.size());
        // 1280×960 is larger, but a call's picture is 16:9: the largest 16:9 size, compressed
        assertEquals(new CameraMode(1280, 720, Double.NaN, "MJPG"), CameraMode.best(modes));
        assertEquals(List.of(), probe.modes("/dev/video2"), "FFmpeg has nothing for it either");

        // v4l2-ctl's modes carry rates: FFmpeg is not asked
        AtomicInteger ffmpegAsked = new AtomicInteger();
        List<CameraMode> rated = Cameras.firstOf(d -> Cameras.parseV4l2Ctl(V4L2_CTL), d -> {
            ffmpegAsked.incrementAndGet();
            return ffmpeg;
        }).modes("/dev/video0");
        assertEquals(Cameras.parseV4l2Ctl(V4L2_CTL), rated);
        assertEquals(0, ffmpegAsked.get());
        assertEquals(List.of(), Cameras.firstOf(d -> List.of(), d -> {
            throw new IllegalStateException("natives missing");
        }).modes("/dev/video0"), "a failing listing loses the modes, not the camera");
    }

    // ---- raw sensor nodes are not cameras ----

    /**
     * An IPU6 laptop (Galaxy Book, kernel 6.16, devices/v4l2-ctl-list-devices-ipu6-loopback.txt): 48 raw
     * nodes of the card "ipu6" and two v4l2loopback cameras. The raw nodes' sysfs names are "Intel IPU6
     * ISYS Capture N" (v4l2-ctl-all-ipu6-isys-capture-node.txt, the same laptop); they share one parent,
     * so the kernel numbers their index 0…47 and the first passes the UVC index rule.
     */
    @Test
    void anIpu6LaptopsRawNodesAreNotCamerasItsLoopbackIs(@TempDir Path dir) throws Exception {
        Path sys = sysfsOf(fixture("v4l2-ctl-list-devices-ipu6-loopback.txt"), dir.resolve("sys"));
        assertEquals("Intel IPU6 ISYS Capture 0", Files.readString(sys.resolve("video1/name")).strip());
        try (var nodes = Files.list(sys)) {
            assertEquals(50, nodes.count(), "48 raw nodes and 2 loopbacks");
        }
        List<Camera> cams = new Cameras(sys, Path.of("/dev"), d -> List.of()).list();
        assertEquals(List.of(new Camera(0, "Intel MIPI Camera Front", "/dev/video0", List.of()),
                new Camera(1, "Virtual Camera", "/dev/video10", List.of())), cams);
        assertEquals(cams.get(0), CameraSources.find("camera", cams));
    }

    /** The out-of-tree IPU6 driver (Arch, 2023): one raw node /dev/video1 and a loopback /dev/video0. */
    @Test
    void theOutOfTreeIpu6DriversNodeIsNotACameraEither(@TempDir Path dir) throws Exception {
        Path sys = sysfsOf(fixture("v4l2-ctl-list-devices-ipu6-out-of-tree.txt"), dir.resolve("sys"));
        assertEquals(List.of(new Camera(0, "Virtual Camera", "/dev/video0", List.of())),
                new Cameras(sys, Path.of("/dev"), d -> List.of()).list());
    }

    /** One UVC camera = /dev/video8 (capture, index 0) and /dev/video9 (metadata, index 1): one camera. */
    @Test
    void aUvcCamerasTwoNodesAreOneCamera(@TempDir Path dir) throws Exception {
        Path sys = sysfsOf(fixture("v4l2-ctl-list-devices-uvc-two-nodes.txt"), dir.resolve("sys"));
        assertEquals(List.of(new Camera(0, "HD USB CAMERA: HD USB CAMERA", "/dev/video8", List.of())),
                new Cameras(sys, Path.of("/dev"), d -> List.of()).list());
    }

    @Test
    void rawCaptureNamesAreKnownAndCameraNamesAreNot() {
        for (String raw : new String[]{"Intel IPU6 ISYS Capture 0", "Intel IPU6 ISYS Capture 47",
                "Intel IPU7 ISYS Capture 3", "Intel IPU6 CSI2 1", "ipu6", "IPU7", "ipu3-cio2 0", "ipu3-imgu 0 input",
                "Intel IPU6 CSI-2 0"}) {
            assertTrue(Cameras.RAW_CAPTURE.matcher(raw).find(), raw);
        }
        for (String cam : new String[]{"Intel MIPI Camera Front", "Intel MIPI Camera", "Virtual Camera",
                "Integrated Camera: Integrated C", "HD USB CAMERA: HD USB CAMERA", "USB 2.0 Camera: USB Camera",
                "OBS Virtual Camera", "Integrated_Webcam_HD: Integrate", "Intel(R) RealSense(TM) Depth Ca"}) {
            assertFalse(Cameras.RAW_CAPTURE.matcher(cam).find(), cam);
        }
    }

    /**
     * The sysfs tree behind a {@code v4l2-ctl --list-devices} listing: each /dev/videoN of a card becomes
     * video4linux/videoN with the card's name (the part before " (bus)") and its index among the card's
     * nodes, as the kernel numbers nodes that share a parent; the card "ipu6"'s nodes get the names the
     * IPU6 driver gives them, "Intel IPU6 ISYS Capture N", N in listing order.
     */
    private static Path sysfsOf(String listDevices, Path sys) throws Exception {
        Files.createDirectories(sys);
        String card = null;
        int index = 0;
        for (String line : listDevices.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                card = line.substring(0, line.lastIndexOf(" ("));
                index = 0;
            } else if (line.strip().startsWith("/dev/video")) {
                String name = card.equals("ipu6") ? "Intel IPU6 ISYS Capture " + index : card;
                node(sys, line.strip().substring("/dev/".length()), name, Integer.toString(index++));
            }
        }
        return sys;
    }

    static String fixture(String name) {
        try (InputStream in = CamerasTest.class.getResourceAsStream("devices/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void node(Path sys, String name, String label, String index) throws Exception {
        Path d = Files.createDirectories(sys.resolve(name));
        Files.writeString(d.resolve("name"), label + "\n");
        if (index != null) {
            Files.writeString(d.resolve("index"), index + "\n");
        }
    }

    /**
     * A camera another program holds: FFmpeg's v4l2 input fails with EBUSY (-16) as it opens it. No
     * camera exists here to hold, so the error FFmpeg gives (its own message, as JavaCV wraps it) is
     * what is fed in; the user reads what to do, not errno.
     */
    @Test
    void aBusyCameraSaysWhoHasItInOneLine() {
        String m = FfmpegSource.reason(new RuntimeException("avformat_open_input() error -16: Could not open input "
                + "\"/dev/video0\". (Has setFormat() been called?)"));
        assertEquals(
                "it is in use by another program (a meeting client or another camera app): close that and try again",
                m);
        assertTrue(!m.contains("\n"));
        // another error keeps FFmpeg's own words: ENOENT
        assertEquals("No such file or directory", FfmpegSource.reason(new RuntimeException(
                "avformat_open_input() error -2: Could not open input \"/dev/video9\"")));
    }
}
