package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.junit.jupiter.api.Test;

/**
 * Mac cameras as FFmpeg's avfoundation input lists them, the modes it prints when it refuses one,
 * and what its errors mean: read from real FFmpeg output (devices/, sources in SOURCES.md).
 */
class AvfoundationListingTest {
    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/camlab/capture/devices/" + name + ".txt")) {
            assertNotNull(in, "fixture " + name + ".txt is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMacBookHasOneCameraAndTheScreenIsLeftOut() throws IOException {
        assertEquals(List.of(new Camera(0, "FaceTime HD Camera", "0", List.of())),
                AvfoundationListing.cameras(fixture("avfoundation-list-devices-macbook")));
    }

    @Test
    void anExternalWebcamComesFirstInFfmpegsOrder() throws IOException {
        assertEquals(List.of(new Camera(0, "Dell Webcam WB5023", "0", List.of()),
                new Camera(1, "FaceTime HD Camera", "1", List.of())),
                AvfoundationListing.cameras(fixture("avfoundation-list-devices-external-webcam-continuity-warning")));
    }

    @Test
    void virtualAndFireWireDevicesAreCamerasToo() throws IOException {
        assertEquals(List.of(new Camera(0, "CamTwist", "0", List.of()),
                new Camera(1, "FaceTime HD Camera (Built-in)", "1", List.of()),
                new Camera(2, "CamTwist (2VUY)", "2", List.of()),
                new Camera(3, "DV-VCR", "3", List.of())),
                AvfoundationListing.cameras(fixture("avfoundation-list-devices-several-cameras")));
    }

    @Test
    void theBuiltInSuffixIsPartOfTheName() throws IOException {
        assertEquals(List.of(new Camera(0, "FaceTime HD Camera (Built-in)", "0", List.of())),
                AvfoundationListing.cameras(fixture("avfoundation-list-devices-builtin-suffix")));
    }

    @Test
    void theOlderLoggerNameAndATrailingSpaceAreRead() throws IOException {
        assertEquals(List.of(new Camera(0, "FaceTime HD Camera", "0", List.of())),
                AvfoundationListing.cameras(fixture("avfoundation-list-devices-old-prefix-two-screens")));
    }

    @Test
    void anErrorLogListsNoCamera() throws IOException {
        assertEquals(List.of(), AvfoundationListing.cameras(fixture("avfoundation-invalid-device-index")));
        assertEquals(List.of(), AvfoundationListing.cameras(fixture("avfoundation-supported-modes-facetime-1-30")));
        assertEquals(List.of(), AvfoundationListing.cameras(null));
    }

    @Test
    void faceTimeModesAreRangesOpenedAtTheirMaximum() throws IOException {
        String log = fixture("avfoundation-supported-modes-facetime-1-30");
        List<CameraMode> modes = AvfoundationListing.supportedModes(log);
        assertEquals(List.of(new CameraMode(1920, 1080, 30, ""), new CameraMode(1280, 720, 30, ""),
                new CameraMode(1080, 1920, 30, ""), new CameraMode(1760, 1328, 30, ""),
                new CameraMode(640, 480, 30, ""), new CameraMode(1328, 1760, 30, ""),
                new CameraMode(1552, 1552, 30, "")), modes);
        // 1760×1328, the square 1552×1552 and the portrait modes are larger than 1920×1080, but a call's
        // picture is 16:9: CameraMode.best takes the largest 16:9 mode
        assertEquals(new CameraMode(1920, 1080, 30, ""), CameraMode.best(modes));
        assertTrue(AvfoundationListing.framerateRefused(log), "24 is inside [1 30] but not its maximum");
        assertNull(AvfoundationListing.problem(log), "a refused rate is camlab's to fix, not the user's");
    }

    @Test
    void collapsedLinesGiveEachModeOnce() throws IOException {
        String log = fixture("avfoundation-supported-modes-29.97-last-message-repeated");
        List<CameraMode> modes = AvfoundationListing.supportedModes(log);
        assertEquals(List.of(new CameraMode(1280, 720, 30, ""), new CameraMode(640, 480, 30, ""),
                new CameraMode(320, 240, 30, "")), modes);
        assertEquals(new CameraMode(1280, 720, 30, ""), CameraMode.best(modes));
        assertTrue(AvfoundationListing.framerateRefused(log));
        assertNull(AvfoundationListing.problem(log));
    }

    @Test
    void aRepeatedListWithSingleRatesGivesEachSizeAtItsFastest() throws IOException {
        String log = fixture("avfoundation-supported-modes-29.97-uvc");
        List<CameraMode> modes = AvfoundationListing.supportedModes(log);
        assertEquals(List.of(new CameraMode(640, 360, 15.000015, ""), new CameraMode(1280, 720, 2, "")), modes,
                "15.000015, 10 and 2 fps at 640×360 (one line with trailing spaces), each listed twice");
        // none reaches 24 fps: CameraMode.best takes the largest, 720p at 2 fps, over 640×360 at 15
        assertEquals(new CameraMode(1280, 720, 2, ""), CameraMode.best(modes));
        assertTrue(AvfoundationListing.framerateRefused(log));
    }

    @Test
    void theFastestRangeOfASizeIsKeptWhereverItIsListed() throws IOException {
        // built: the UVC fixture's lines in reverse order, so that 2 and 10 fps come before 15
        List<String> lines = new ArrayList<>(List.of(fixture("avfoundation-supported-modes-29.97-uvc").split("\\R")));
        Collections.reverse(lines);
        lines.remove("[avfoundation @ 0x7fcbeb831400] Supported modes:");
        lines.add(0, "[avfoundation @ 0x7fcbeb831400] Supported modes:");
        assertEquals(List.of(new CameraMode(1280, 720, 2, ""), new CameraMode(640, 360, 15.000015, "")),
                AvfoundationListing.supportedModes(String.join("\n", lines)));
    }

    @Test
    void modeLinesOutsideTheBlockAreNotModes() {
        assertEquals(List.of(),
                AvfoundationListing.supportedModes("[avfoundation @ 0x1]   640x480@[1.000000 30.000000]fps"));
        assertEquals(List.of(), AvfoundationListing.supportedModes(null));
    }

    @Test
    void aMissingCameraIsSaidSo() throws IOException {
        assertEquals(AvfoundationListing.GONE, AvfoundationListing.problem(fixture(
                "avfoundation-invalid-device-index")));
        assertEquals(AvfoundationListing.GONE,
                AvfoundationListing.problem(fixture("avfoundation-video-device-not-found-ffmpeg9")));
        assertFalse(AvfoundationListing.framerateRefused(fixture("avfoundation-invalid-device-index")));
    }

    @Test
    void aDeniedPermissionIsSaidWithWhatToDo() {
        // no FFmpeg log of a denial was found whole (SOURCES.md): these are the lines quoted in the
        // issues it names (homebridge-camera-isight #27, dvrescue #301), with FFmpeg's log context
        assertEquals(AvfoundationListing.PERMISSION, AvfoundationListing.problem("[avfoundation @ 0x7fd1c0c04a40]"
                + " Failed to create AV capture input device: Cannot use FaceTime HD Camera (Built-in)"));
        assertEquals(AvfoundationListing.PERMISSION,
                AvfoundationListing.problem("this app is not authorized to use DV-VCR"));
        // macOS's description alone, as builds that log it with "%s" print it
        assertEquals(AvfoundationListing.PERMISSION,
                AvfoundationListing.problem("Cannot use FaceTime HD Camera (Built-in)"));
        assertTrue(AvfoundationListing.PERMISSION.contains("System Settings › Privacy & Security › Camera"));
    }

    @Test
    void aListingSaysNothingIsWrong() throws IOException {
        // the Continuity warning says "to use", not "cannot use": no permission problem
        assertNull(AvfoundationListing.problem(fixture(
                "avfoundation-list-devices-external-webcam-continuity-warning")));
        assertNull(AvfoundationListing.problem(fixture("avfoundation-list-devices-several-cameras")));
        assertNull(AvfoundationListing.problem(null));
        assertFalse(AvfoundationListing.framerateRefused(fixture("avfoundation-list-devices-macbook")));
    }
}
