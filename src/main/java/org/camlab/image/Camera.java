package org.camlab.image;

import java.util.List;

/**
 * A camera found on this machine.
 *
 * @param index  camlab's number for it ({@code camera:INDEX}), in the order the platform lists them
 * @param name   what the device calls itself
 * @param device what FFmpeg opens: /dev/video0 on Linux, the device name elsewhere
 * @param modes  what it offers, empty where the platform does not tell
 */
public record Camera(int index, String name, String device, List<CameraMode> modes) {
    public CameraMode best() {
        return CameraMode.best(modes);
    }
}
