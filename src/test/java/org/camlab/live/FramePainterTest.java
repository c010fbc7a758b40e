package org.camlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;
import org.junit.jupiter.api.Test;

/** The overlays land where the picture says: zebra exactly on clipped pixels, the face box on the face. */
class FramePainterTest {
    private static Frame scene() {
        Frame f = new Frame();
        f.resize(320, 180, 160, 90);
        Arrays.fill(f.luma, 0, 320 * 180, (byte) 120);
        for (int y = 20; y < 80; y++) {
            for (int x = 20; x < 100; x++) {
                f.luma[y * 320 + x] = (byte) 252; // a blown-out window
            }
        }
        Arrays.fill(f.cb, 0, 160 * 90, (byte) 128);
        Arrays.fill(f.cr, 0, 160 * 90, (byte) 128);
        return f;
    }

    @Test
    void zebraStripesCoverTheClippedAreaAndNothingElse() {
        FramePainter p = new FramePainter();
        p.histogram = false;
        p.peaking = false;
        BufferedImage img = p.paint(scene(), List.of(), 320);
        int inside = 0;
        int outside = 0;
        for (int y = 1; y < 179; y++) {
            for (int x = 1; x < 319; x++) {
                boolean zebra = (img.getRGB(x, y) & 0xFFFFFF) == FramePainter.ZEBRA;
                boolean clipped = x >= 20 && x < 100 && y >= 20 && y < 80;
                if (zebra) {
                    if (clipped) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        assertEquals(0, outside);
        assertEquals(80 * 60 / 2.0, inside, 80 * 60 * 0.05, "stripes: about half of the clipped pixels");
        // gray stays gray where nothing is drawn
        assertEquals(0x787878, img.getRGB(200, 150) & 0xFFFFFF);
    }

    @Test
    void theFaceBoxAndItsBackgroundBandsAreDrawnAtScale() {
        FramePainter p = new FramePainter();
        p.zebra = false;
        p.peaking = false;
        p.histogram = false;
        Face face = new Face(new Rect(140, 60, 40, 50), 0.9, 80);
        BufferedImage img = p.paint(scene(), List.of(face), 160); // half size
        assertEquals(FramePainter.FACE.getRGB(), img.getRGB(70, 45), "the box's left edge at x 140/2");
        assertEquals(FramePainter.FACE.getRGB(), img.getRGB(80, 30), "its top edge at y 60/2");
        // the left band runs from x − 2w to x − 0.5w: 60..120 in the frame, 30..60 at half size
        assertEquals(FramePainter.BACKGROUND.getRGB(), img.getRGB(30, 40));
        assertTrue((img.getRGB(45, 40) & 0xFFFFFF) != (FramePainter.BACKGROUND.getRGB() & 0xFFFFFF),
                "inside the band: the picture");
    }
}
