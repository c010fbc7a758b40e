package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding cameras as Linux lists them (a sysfs tree laid out as the kernel lays it out: a UVC camera
 * has a capture node and a metadata node) and reading their modes from v4l2-ctl's own output.
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
        assertTrue(CameraSources.missing("camera:3", cams).contains("3 cameras"), CameraSources.missing("camera:3", cams));
    }

    @Test
    void noVideoDevicesIsNoCamera(@TempDir Path dir) {
        assertEquals(List.of(), new Cameras(dir.resolve("absent"), Path.of("/dev"), d -> List.of()).list().stream()
                .filter(c -> c.device().startsWith(dir.toString())).toList());
        assertTrue(CameraSources.missing("camera", List.of()).contains("camlab check --demo"));
    }

    @Test
    void cameraNamesAreCameras() {
        for (String s : new String[] {"camera", "camera:0", "CAMERA:12", "/dev/video0"}) {
            assertTrue(CameraSources.isCamera(s), s);
        }
        for (String s : new String[] {"camera.mp4", "cameras", "/dev/video", "camera:x", "rtsp://camera"}) {
            assertTrue(!CameraSources.isCamera(s), s);
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
        assertEquals("it is in use by another program (a meeting client or another camera app): close that and try again", m);
        assertTrue(!m.contains("\n"));
        // another error keeps FFmpeg's own words: ENOENT
        assertEquals("No such file or directory", FfmpegSource.reason(new RuntimeException(
                "avformat_open_input() error -2: Could not open input \"/dev/video9\"")));
    }
}
