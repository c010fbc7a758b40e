package org.camlab.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cameras of this machine and their modes, found the way FFmpeg, which opens them, sees them:
 * on Linux the kernel's list (sysfs) with the modes from v4l2-ctl or else FFmpeg's own
 * {@code -list_formats all}; on Windows DirectShow's device list and each device's
 * {@code -list_options} through FFmpeg (names, alternative names for cameras of one name, the real
 * modes and rates); on macOS AVFoundation's device list in FFmpeg's own order and each camera's
 * "Supported modes". Webcam Capture is no longer asked on either: on Windows its mode list is a
 * fixed 176×144 … 640×480 whatever the camera (every camera looked unable to do HD) and it names
 * cameras in a way dshow cannot open; on macOS its native library is for Intel Macs only and its
 * grabber finds no camera since macOS 10.15.
 */
public final class CameraDiscovery {
    private static final Logger log = LoggerFactory.getLogger(CameraDiscovery.class);

    private CameraDiscovery() {
    }

    /** This machine's cameras; empty when there are none or they cannot be listed. */
    public static List<Camera> system() {
        return of(DeviceOpen.os(System.getProperty("os.name", "")));
    }

    static List<Camera> of(String os) {
        try {
            return switch (os) {
                case "windows" -> windows();
                case "macos" -> macos();
                default -> Cameras.system(device -> FfmpegDeviceQuery.ask("v4l2", device, Map.of("list_formats",
                        "all"))).list();
            };
        } catch (RuntimeException | LinkageError e) {
            // no camera is a finding, not a failure: the caller says "no camera found" in one line
            log.debug("cannot list the cameras", e);
            return List.of();
        }
    }

    private static List<Camera> windows() {
        // FFmpeg opens the camera, so FFmpeg's list is the one that counts: a camera it does not list it
        // could not open either (Webcam Capture's list would add only its fixed VGA modes)
        String devices = FfmpegDeviceQuery.ask("dshow", "dummy", Map.of("list_devices", "true"));
        if (devices == null) {
            return List.of();
        }
        return DshowListing.cameras(devices, device -> FfmpegDeviceQuery.ask("dshow", device, Map.of("list_options",
                "true")));
    }

    private static List<Camera> macos() {
        String devices = FfmpegDeviceQuery.ask("avfoundation", "", Map.of("list_devices", "true"));
        if (devices == null) {
            return List.of();
        }
        List<Camera> out = new ArrayList<>();
        for (Camera c : AvfoundationListing.cameras(devices)) {
            // avfoundation lists a camera's modes only when refusing one: ask for one no camera has
            String refusal = FfmpegDeviceQuery.ask("avfoundation", c.device() + ":none",
                    Map.of("video_size", "1x1", "framerate", "1"));
            List<CameraMode> modes = refusal == null ? List.of() : AvfoundationListing.supportedModes(refusal);
            out.add(new Camera(c.index(), c.name(), c.device(), modes));
        }
        return out;
    }
}
