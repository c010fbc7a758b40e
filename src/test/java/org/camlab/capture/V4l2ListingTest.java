package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.image.CameraMode;
import org.junit.jupiter.api.Test;

/** Reading FFmpeg's own {@code -f v4l2 -list_formats all} log, the modes camlab has where v4l2-ctl is not installed. */
class V4l2ListingTest {
    /**
     * The line formats in FFmpeg's libavdevice/v4l2.c (FFmpeg/FFmpeg, stored version
     * 008b0b4a3b0cbafa568d0dcbf78c798d56929802): list_formats() logs {@code "Raw       : %11s : %20s :"} or
     * {@code "Compressed: %11s : %20s :"}, then list_framesizes() {@code " %ux%u"} for a discrete size and
     * {@code av_log(ctx, AV_LOG_INFO, " {%u-%u, %u}x{%u-%u, %u}", min_width, max_width, step_width,
     * min_height, max_height, step_height)} for a stepwise or continuous one (about line 262 there).
     */
    static final String RAW = "Raw       : %11s : %20s :";
    static final String COMPRESSED = "Compressed: %11s : %20s :";
    static final String STEPWISE = " {%d-%d, %d}x{%d-%d, %d}";

    /** A UVC webcam (devices/v4l2-list-formats-discrete-uvc.txt): 19 discrete sizes in each of YUYV and MJPEG. */
    @Test
    void discreteSizesOfEachFormatAreModesWithoutARate() {
        List<CameraMode> modes = V4l2Listing.formats(CamerasTest.fixture("v4l2-list-formats-discrete-uvc.txt"));
        String sizes = "640x480 160x120 176x144 320x176 320x240 352x288 432x240 544x288 640x360 752x416 800x448 800x600 "
                + "864x480 960x544 960x720 1024x576 1184x656 1280x720 1280x960";
        List<CameraMode> expected = new ArrayList<>();
        for (String format : new String[]{"YUYV", "MJPG"}) {
            for (String s : sizes.split(" ")) {
                String[] wh = s.split("x");
                expected.add(new CameraMode(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), Double.NaN, format));
            }
        }
        assertEquals(expected, modes);
        CameraMode best = CameraMode.best(modes);
        // 1280×960 is larger, but a call's picture is 16:9; with no rates known, the compressed one
        assertEquals(new CameraMode(1280, 720, Double.NaN, "MJPG"), best);
        assertEquals("mjpeg", best.ffmpegInputFormat());
        assertEquals("1280×720 (MJPG)", best.toString());
    }

    /**
     * No real FFmpeg listing of a stepwise device could be quoted with its source (SOURCES.md), so the
     * Pi camera's (bcm2835-v4l2, whose v4l2-ctl listing is a fixture: YU12, YUYV, RGB3, JPEG, H264, MJPG,
     * all "Stepwise 32x32 - 2592x1944 with step 2/2") is built from FFmpeg's own format strings above.
     * FFmpeg names both JPEG and MJPG "mjpeg": one mode.
     */
    @Test
    void aStepwiseSizeIsItsLargest() {
        String sizes = String.format(Locale.ROOT, STEPWISE, 32, 2592, 2, 32, 1944, 2);
        String prefix = "[video4linux2,v4l2 @ 0x55f1c2a4b6c0] ";
        String log = String.join("\n",
                prefix + String.format(RAW, "yuv420p", "Planar YUV 4:2:0") + sizes,
                prefix + String.format(RAW, "yuyv422", "YUYV 4:2:2") + sizes,
                prefix + String.format(RAW, "rgb24", "24-bit RGB 8-8-8") + sizes,
                prefix + String.format(COMPRESSED, "mjpeg", "JFIF JPEG") + sizes,
                prefix + String.format(COMPRESSED, "h264", "H.264") + sizes,
                prefix + String.format(COMPRESSED, "mjpeg", "Motion-JPEG") + sizes,
                "/dev/video0: Immediate exit requested");
        assertEquals(prefix + "Raw       :     yuv420p :     Planar YUV 4:2:0 : {32-2592, 2}x{32-1944, 2}",
                log.lines().findFirst().orElseThrow(), "the format strings give FFmpeg's layout");
        List<CameraMode> modes = V4l2Listing.formats(log);
        assertEquals(List.of(mode("YU12"), mode("YUYV"), mode("RGB3"), mode("MJPG"), mode("H264")), modes);
        assertEquals("yuv420p", modes.get(0).ffmpegInputFormat(), "the FourCC maps back to what FFmpeg calls it");
    }

    /** Formats FFmpeg cannot name are not offered; an emulated (libv4l2) format and a prefix-less log line are read. */
    @Test
    void unsupportedFormatsAreLeftOutAndEmulatedOnesKept() {
        String log = String.join("\n",
                String.format(RAW, "Unsupported", "10-bit Bayer RGRG/GBGB") + " 1920x1080",
                String.format(RAW, "bgr24", "24-bit BGR 8-8-8") + " Emulated :" + " 640x480 1280x720",
                String.format(RAW, "nv12", "Y/CbCr 4:2:0") + " 1920x1080"
                        + String.format(Locale.ROOT, STEPWISE, 16, 4096, 16, 16, 2160, 8));
        assertEquals(List.of(new CameraMode(640, 480, Double.NaN, "BGR3"),
                new CameraMode(1280, 720, Double.NaN, "BGR3"), new CameraMode(1920, 1080, Double.NaN, "NV12"),
                new CameraMode(4096, 2160, Double.NaN, "NV12")), V4l2Listing.formats(log));
        assertEquals(List.of(), V4l2Listing.formats(""));
        assertEquals(List.of(), V4l2Listing.formats("/dev/video0: Inappropriate ioctl for device"));
    }

    @Test
    void ffmpegNamesBecomeV4l2CtlFourccs() {
        assertEquals("YUYV", CameraMode.fourcc("yuyv422"));
        assertEquals("MJPG", CameraMode.fourcc("mjpeg"));
        assertEquals("H264", CameraMode.fourcc("h264"));
        assertEquals("NV12", CameraMode.fourcc("nv12"));
        assertEquals("YU12", CameraMode.fourcc("yuv420p"));
        assertEquals("HEVC", CameraMode.fourcc("hevc"), "others upper-cased");
        for (String f : new String[]{"yuyv422", "mjpeg", "h264", "nv12", "yuv420p"}) {
            assertEquals(f, new CameraMode(640, 480, 30, CameraMode.fourcc(f)).ffmpegInputFormat(), f);
        }
    }

    private static CameraMode mode(String format) {
        return new CameraMode(2592, 1944, Double.NaN, format);
    }
}
