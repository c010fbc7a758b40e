package org.camlab.readiness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;

/**
 * The camera a call would use: built in or plugged in, and the best mode it offers (from the
 * device listing), so that "turn on HD" becomes "it can do 1920×1080 at 30 fps".
 *
 * @param builtIn true built in, false external, null unknown
 * @param best    the mode camlab asks for, null when the platform does not list modes
 */
public record CameraFacts(String name, String device, Boolean builtIn, CameraMode best) {
    /** A best mode smaller than this is not HD. */
    public static final int HD_HEIGHT = 720;

    /** The first camera of the list (camlab's default), or null when there is none. */
    public static CameraFacts first(List<Camera> cameras, Path sysRoot) {
        if (cameras.isEmpty()) {
            return null;
        }
        Camera c = cameras.get(0);
        return new CameraFacts(c.name(), c.device(), builtIn(c, sysRoot), c.best());
    }

    /** "1920×1080 at 30 fps", or null: the best mode as words, for the layers above capture. */
    public String bestText() {
        return best == null ? null : best.toString();
    }

    /** The best mode's height, 0 when not told. */
    public int bestHeight() {
        return best == null ? 0 : best.height();
    }

    public boolean hd() {
        return best != null && best.height() >= HD_HEIGHT;
    }

    /**
     * Linux says whether the USB port a camera hangs on is "fixed" (inside the laptop) or
     * "removable"; where it does not, the names laptop makers give their cameras.
     */
    static Boolean builtIn(Camera c, Path sysRoot) {
        if (c.device() != null && c.device().startsWith("/dev/video")) {
            Path dev = sysRoot.resolve("sys/class/video4linux").resolve(c.device().substring("/dev/".length())).resolve(
                    "device");
            try {
                Path real = dev.toRealPath();
                for (Path p = real; p != null && p.startsWith(sysRoot.resolve("sys")); p = p.getParent()) {
                    Path removable = p.resolve("removable");
                    if (Files.isRegularFile(removable)) {
                        String v = Files.readString(removable).trim();
                        if (v.equals("fixed")) {
                            return true;
                        }
                        if (v.equals("removable")) {
                            return false;
                        }
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not a sysfs device: fall back to the name
            }
        }
        String n = c.name() == null ? "" : c.name().toLowerCase(Locale.ROOT);
        if (n.contains("integrated") || n.contains("built-in") || n.contains("facetime") || n.contains("internal")) {
            return true;
        }
        return null;
    }
}
