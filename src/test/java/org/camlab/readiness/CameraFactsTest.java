package org.camlab.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built in or external from sysfs' "removable" of the camera's USB port, as Linux lays it out. */
class CameraFactsTest {
    static Path usbCamera(Path root, String video, String removable) throws Exception {
        Path port = root.resolve("sys/devices/pci0000:00/0000:00:14.0/usb1/1-" + video.length());
        Path iface = port.resolve("1-1:1.0");
        Files.createDirectories(iface);
        Files.writeString(port.resolve("removable"), removable + "\n");
        Path cls = root.resolve("sys/class/video4linux").resolve(video);
        Files.createDirectories(cls);
        Files.createSymbolicLink(cls.resolve("device"), iface);
        return cls;
    }

    @Test
    void fixedPortIsBuiltInRemovableIsExternal(@TempDir Path root) throws Exception {
        usbCamera(root, "video0", "fixed");
        usbCamera(root, "video10", "removable");
        var modes = List.of(new CameraMode(640, 480, 30, "YUYV"), new CameraMode(1280, 720, 30, "MJPG"));
        var builtIn = CameraFacts.first(List.of(new Camera(0, "Laptop Camera", "/dev/video0", modes)), root);
        assertTrue(builtIn.builtIn());
        assertTrue(builtIn.hd());
        assertEquals(720, builtIn.best().height());
        var external = CameraFacts.first(List.of(new Camera(0, "USB Camera", "/dev/video10",
                List.of(new CameraMode(640, 480, 30, "YUYV")))), root);
        assertFalse(external.builtIn());
        assertFalse(external.hd());
    }

    @Test
    void unknownWithoutSysfsUnlessTheNameSays(@TempDir Path root) {
        assertNull(CameraFacts.first(List.of(new Camera(0, "Some Camera", "/dev/video3", List.of())), root).builtIn());
        assertTrue(CameraFacts.first(List.of(new Camera(0, "Integrated Webcam", "/dev/video3", List.of())), root)
                .builtIn());
        assertNull(CameraFacts.first(List.of(), root));
    }
}
