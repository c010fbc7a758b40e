package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.camlab.image.SourceInfo;
import org.junit.jupiter.api.Test;

/**
 * FFmpeg's own log, captured rather than printed: what a device input says is what camlab reads
 * its cameras from and what it tells a person when a camera does not open. Real FFmpeg, real v4l2
 * input, on a machine without a camera.
 */
class FfmpegDeviceQueryTest {
    @Test
    void aDeviceQueryReturnsWhatFfmpegLogged() {
        String text = FfmpegDeviceQuery.ask("v4l2", "/dev/video-camlab-none", Map.of("list_formats", "all"));
        assertTrue(text != null && text.contains("/dev/video-camlab-none") && text.contains(
                "No such file or directory"),
                String.valueOf(text));
    }

    @Test
    void anInputThisFfmpegLacksAnswersNothing() {
        // Linux's FFmpeg has no DirectShow: a Windows listing asked here is "nothing", not an error
        assertNull(FfmpegDeviceQuery.ask("dshow", "dummy", Map.of("list_devices", "true")));
    }

    @Test
    void aCameraThatCannotOpenSaysWhatTheDeviceSaid() {
        SourceException e = assertThrows(SourceException.class, () -> new FfmpegSource("/dev/video-camlab-none",
                "Integrated Webcam (/dev/video-camlab-none)", SourceInfo.Kind.CAMERA, false, "v4l2", Map.of()));
        // the exception's own text is FFmpeg's error number; the device's reason is only in FFmpeg's log
        assertTrue(e.getMessage().startsWith("cannot open Integrated Webcam (/dev/video-camlab-none): ")
                && e.getMessage().contains("Cannot open video device /dev/video-camlab-none"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
