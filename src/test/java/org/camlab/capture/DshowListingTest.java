package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.junit.jupiter.api.Test;

/**
 * Windows cameras as FFmpeg's dshow input lists them, read from real FFmpeg output (the fixtures
 * under devices/, quoted with their sources in SOURCES.md). Where a case was not found in any
 * public output (two cameras of one name, a ':' in a name, a device of both media types), it is
 * built from a real listing by renaming a device in it; each such test says which.
 */
class DshowListingTest {
    private String fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/org/camlab/capture/devices/" + name + ".txt")) {
            assertNotNull(in, "fixture " + name + ".txt is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Camera> cameras(String text) {
        return DshowListing.cameras(text, device -> null);
    }

    @Test
    void theOldLayoutListsTheVideoSectionOnly() throws IOException {
        List<String> asked = new ArrayList<>();
        List<Camera> cams = DshowListing.cameras(fixture("dshow-list-devices-old-format-two-cameras"), device -> {
            asked.add(device);
            return null;
        });
        assertEquals(List.of(new Camera(0, "USB 2861 Device", "video=USB 2861 Device", List.of()),
                new Camera(1, "FaceTime HD Camera", "video=FaceTime HD Camera", List.of())), cams);
        assertEquals(List.of("video=USB 2861 Device", "video=FaceTime HD Camera"), asked,
                "the options are asked by the device string, once per camera, never for the microphone");
    }

    @Test
    void theOldestLayoutHasNoAlternativeNames() throws IOException {
        assertEquals(List.of(new Camera(0, "Integrated Camera", "video=Integrated Camera", List.of()),
                new Camera(1, "screen-capture-recorder", "video=screen-capture-recorder", List.of())),
                cameras(fixture("dshow-list-devices-2012-no-alternative-name")));
    }

    @Test
    void theNewLayoutTypesEachDevice() throws IOException {
        assertEquals(List.of(new Camera(0, "DirectShow Softcam", "video=DirectShow Softcam", List.of()),
                new Camera(1, "OBS Virtual Camera", "video=OBS Virtual Camera", List.of())),
                cameras(fixture("dshow-list-devices-modern-virtual-cameras")));
    }

    @Test
    void aDeviceOfTypeNoneIsNoCamera() throws IOException {
        assertEquals(List.of(new Camera(0, "OBS Virtual Camera", "video=OBS Virtual Camera", List.of())),
                cameras(fixture("dshow-list-devices-modern-type-none")));
    }

    @Test
    void theIn0PrefixAndTheDshowPrefixAreBothRead() throws IOException {
        assertEquals(List.of(new Camera(0, "screen-capture-recorder", "video=screen-capture-recorder", List.of())),
                cameras(fixture("dshow-list-devices-in0-prefix-master")));
    }

    @Test
    void theTrailerAloneHoldsNoCamera() throws IOException {
        assertEquals(List.of(), cameras(fixture("dshow-list-devices-trailer-ffmpeg7")));
        assertEquals(List.of(), cameras(""));
        assertEquals(List.of(), cameras(null));
    }

    @Test
    void twoCamerasOfOneNameAreOpenedByTheirAlternativeNames() throws IOException {
        // built: the old-layout listing with its second camera renamed to the first one's name, as
        // two identical USB cameras would be listed (their PnP paths, the alternative names, differ)
        String listing = fixture("dshow-list-devices-old-format-two-cameras")
                .replace(" \"FaceTime HD Camera\"", " \"USB 2861 Device\"");
        List<Camera> cams = cameras(listing);
        assertEquals(2, cams.size(), cams.toString());
        assertEquals("USB 2861 Device", cams.get(0).name());
        assertEquals("USB 2861 Device", cams.get(1).name());
        assertEquals("video=@device_pnp_\\\\?\\usb#vid_eb1a&pid_5051&mi_00#6&1298c10a&0&0000"
                + "#{65e8773d-8f56-11d0-a3b9-00a0c9223196}\\{54353d15-e717-4d94-b574-685ce1a209e9}", cams.get(0)
                        .device());
        assertEquals("video=@device_pnp_\\\\?\\pci#ven_14e4&dev_1570&subsys_157014e4&rev_00#000000ffff00000000"
                + "#{65e8773d-8f56-11d0-a3b9-00a0c9223196}\\global", cams.get(1).device());
        assertEquals(0, DshowListing.deviceNumber(cams, cams.get(1)), "an alternative name needs no number");
    }

    @Test
    void twoCamerasOfOneNameInTheNewLayout() throws IOException {
        // built: the 5.0+ listing with "DirectShow Softcam" renamed to the other camera's name
        String listing = fixture("dshow-list-devices-modern-virtual-cameras")
                .replace("\"DirectShow Softcam\" (video)", "\"OBS Virtual Camera\" (video)");
        List<Camera> cams = cameras(listing);
        assertEquals(List.of(
                "video=@device_sw_{860BB310-5D01-11D0-BD3B-00A0C911CE86}\\DirectShow Softcam",
                "video=@device_sw_{860BB310-5D01-11D0-BD3B-00A0C911CE86}\\{A3FCE0F5-3493-419F-958A-ABA1250EC20B}"),
                cams.stream().map(Camera::device).toList());
        assertEquals(List.of("OBS Virtual Camera", "OBS Virtual Camera"), cams.stream().map(Camera::name).toList());
    }

    @Test
    void twoCamerasOfOneNameWithoutAlternativeNamesAreTheirNumber() throws IOException {
        // built: the 2012 listing with its second video device renamed to the first one's name
        String listing = fixture("dshow-list-devices-2012-no-alternative-name")
                .replace("\"screen-capture-recorder\"", "\"Integrated Camera\"");
        List<Camera> cams = cameras(listing);
        assertEquals(List.of(new Camera(0, "Integrated Camera", "video=Integrated Camera", List.of()),
                new Camera(1, "Integrated Camera", "video=Integrated Camera", List.of())), cams);
        assertEquals(0, DshowListing.deviceNumber(cams, cams.get(0)));
        assertEquals(1, DshowListing.deviceNumber(cams, cams.get(1)));
    }

    @Test
    void aNameWithAColonIsOpenedByItsAlternativeName() throws IOException {
        // built: "OBS Virtual Camera" renamed "OBS: Virtual Camera"; FFmpeg splits "video=…:audio=…" at ':'
        String listing = fixture("dshow-list-devices-modern-virtual-cameras")
                .replace("\"OBS Virtual Camera\"", "\"OBS: Virtual Camera\"");
        List<Camera> cams = cameras(listing);
        assertEquals("video=DirectShow Softcam", cams.get(0).device());
        assertEquals("OBS: Virtual Camera", cams.get(1).name());
        assertEquals("video=@device_sw_{860BB310-5D01-11D0-BD3B-00A0C911CE86}\\{A3FCE0F5-3493-419F-958A-ABA1250EC20B}",
                cams.get(1).device());
    }

    @Test
    void aDeviceOfBothMediaTypesIsACameraUnlessItIsInTheAudioCategory() throws IOException {
        // built: both devices of the in#0 listing marked "(audio, video)", as dshow.c prints a device
        // with both kinds of pins; the second is in DirectShow's audio category (its alternative
        // name says so) and cannot be opened as video=
        String listing = fixture("dshow-list-devices-in0-prefix-master")
                .replace("(video)", "(audio, video)").replace("(audio)", "(audio, video)");
        assertEquals(List.of(new Camera(0, "screen-capture-recorder", "video=screen-capture-recorder", List.of())),
                cameras(listing));
    }

    @Test
    void theOptionsGiveOneModePerSizeAndFormatAtItsHighestRate() throws IOException {
        List<CameraMode> modes = DshowListing.modes(fixture("dshow-list-options-vmware-virtual-colorspace"));
        assertEquals(List.of(new CameraMode(1280, 720, 10, "YUYV"), new CameraMode(1280, 720, 23, "NV12")), modes,
                "each line is printed twice, once with its colour space");
        CameraMode best = CameraMode.best(modes);
        assertEquals(new CameraMode(1280, 720, 23, "NV12"), best, "none reaches 24 fps: the faster of the two");
        assertEquals(Map.of("pixel_format", "nv12"), DshowListing.formatOption(best));
    }

    @Test
    void eachCameraGetsTheModesOfItsOwnOptions() throws IOException {
        String options = fixture("dshow-list-options-vmware-virtual-colorspace");
        List<Camera> cams = DshowListing.cameras(fixture("dshow-list-devices-modern-virtual-cameras"),
                device -> device.equals("video=OBS Virtual Camera") ? options : null);
        assertEquals(List.of(), cams.get(0).modes());
        assertEquals(List.of(new CameraMode(1280, 720, 10, "YUYV"), new CameraMode(1280, 720, 23, "NV12")),
                cams.get(1).modes());
        assertEquals(new CameraMode(1280, 720, 23, "NV12"), cams.get(1).best());
    }

    @Test
    void compressedAndOlderCapabilityLines() {
        // in the format dshow.c prints ("  vcodec=%s" then "  min s=%ldx%ld fps=%g max s=%ldx%ld fps=%g"),
        // not a captured output: no complete webcam listing was found (SOURCES.md)
        List<CameraMode> modes = DshowListing.modes("""
                [dshow @ 0000000000a1b2c0] DirectShow video device options (from video devices)
                [dshow @ 0000000000a1b2c0]  Pin "Capture" (alternative pin name "0")
                [dshow @ 0000000000a1b2c0]   pixel_format=yuyv422  min s=1280x720 fps=5 max s=1280x720 fps=10
                [dshow @ 0000000000a1b2c0]   vcodec=mjpeg  min s=1920x1080 fps=15 max s=1920x1080 fps=15
                [dshow @ 0000000000a1b2c0]   vcodec=mjpeg  min s=1920x1080 fps=30 max s=1920x1080 fps=30
                [dshow @ 0000000000a1b2c0]   vcodec=h264  min s=1920x1080 fps=5 max s=1920x1080 fps=29.97
                [dshow @ 0000000000a1b2c0]   unknown compression type 0x3231564E  min s=640x480 fps=30 max s=640x480 fps=30
                [dshow @ 0000000000a1b2c0]   min s=640x480 fps=5 max s=640x480 fps=inf
                """);
        assertEquals(4, modes.size(), modes.toString());
        assertEquals(new CameraMode(1280, 720, 10, "YUYV"), modes.get(0));
        assertEquals(new CameraMode(1920, 1080, 30, "MJPG"), modes.get(1),
                "the two 1080p MJPEG lines at the faster rate");
        assertEquals(new CameraMode(1920, 1080, 29.97, "H264"), modes.get(2));
        assertEquals(640, modes.get(3).width());
        assertEquals("", modes.get(3).pixelFormat(), "FFmpeg before 2014 printed no format");
        assertTrue(Double.isNaN(modes.get(3).fps()), "an infinite rate is no rate");
        assertEquals(new CameraMode(1920, 1080, 30, "MJPG"), CameraMode.best(modes));
    }

    @Test
    void theFormatOptionGivesFfmpegItsOwnName() {
        assertEquals(Map.of("vcodec", "mjpeg"), DshowListing.formatOption(new CameraMode(1920, 1080, 30, "MJPG")));
        assertEquals(Map.of("vcodec", "h264"), DshowListing.formatOption(new CameraMode(1920, 1080, 30, "H264")));
        assertEquals(Map.of("pixel_format", "yuyv422"), DshowListing.formatOption(new CameraMode(640, 480, 30,
                "YUYV")));
        assertEquals(Map.of("pixel_format", "nv12"), DshowListing.formatOption(new CameraMode(640, 480, 30, "NV12")));
        assertEquals(Map.of("pixel_format", "bgr24"), DshowListing.formatOption(new CameraMode(640, 480, 30, "BGR24")));
        assertEquals(Map.of("vcodec", "hevc"), DshowListing.formatOption(new CameraMode(3840, 2160, 30, "HEVC")));
        assertEquals(Map.of(), DshowListing.formatOption(new CameraMode(640, 480, Double.NaN, "")));
        for (String name : List.of("mjpeg", "h264", "yuyv422", "nv12", "bgr24", "uyvy422")) {
            CameraMode m = new CameraMode(640, 480, 30, CameraMode.fourcc(name));
            assertEquals(name, DshowListing.formatOption(m).values().iterator().next(), "round trip of " + name);
        }
    }
}
