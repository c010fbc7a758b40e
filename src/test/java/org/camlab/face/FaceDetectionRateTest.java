package org.camlab.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How often each detector finds the face in real portraits — lighter and darker skin, dim and
 * low-key, and the same faces made two stops darker — and that neither finds faces where there
 * are none. BlazeFace is camlab's choice; the numbers printed here go into the issue notes.
 */
class FaceDetectionRateTest {
    /** Pictures with exactly one main face, of varied skin tone and light. */
    static final List<String> PORTRAITS = List.of("astronaut.png", "face_portrait_man_white_bg.jpg",
            "face_portrait_man_outdoor.jpg", "face_portrait_man_goatee.jpg", "face_portrait_woman_lowkey.gif",
            "face_webcam_woman_indoor_overlay.jpg", "face_webcam_woman_dim_overlay.jpg", "messi5.jpg", "camera.png");
    static final List<String> NO_FACE = List.of("coffee.png", "chelsea.png");

    static FaceDetector blaze;
    static FaceDetector cascade;

    @BeforeAll
    static void load() throws Exception {
        blaze = BlazeFaceDetector.load();
        cascade = new CascadeFaceDetector();
    }

    @AfterAll
    static void close() {
        blaze.close();
        cascade.close();
    }

    static int found(FaceDetector d, List<String> names, double stops, StringBuilder log) {
        int n = 0;
        for (String name : names) {
            BufferedImage img = Scenes.read(Fixtures.real(name));
            if (stops != 0) {
                img = Scenes.relight(img, (x, y, rgb) -> stops);
            }
            Frame f = Scenes.frame(img);
            List<Face> faces = d.detect(f);
            if (!faces.isEmpty()) {
                n++;
            }
            log.append(String.format("%n  %-14s %-40s %s", d.name(), name + (stops != 0 ? " (" + stops + " stops)"
                    : ""),
                    faces.isEmpty() ? "-" : String.format("%.2f", faces.get(0).score())));
        }
        return n;
    }

    @Test
    void blazeFaceFindsEveryPortraitAndBeatsTheCascade() {
        StringBuilder log = new StringBuilder("face detection on real portraits:");
        int blazeNormal = found(blaze, PORTRAITS, 0, log);
        int blazeDark = found(blaze, PORTRAITS, -2, log);
        int cascadeNormal = found(cascade, PORTRAITS, 0, log);
        int cascadeDark = found(cascade, PORTRAITS, -2, log);
        int blazeFalse = found(blaze, NO_FACE, 0, log);
        int cascadeFalse = found(cascade, NO_FACE, 0, log);
        log.append(String.format("%nBlazeFace %d/%d (%d/%d two stops darker, %d false on %d face-free); "
                + "cascade %d/%d (%d/%d darker, %d false)", blazeNormal, PORTRAITS.size(), blazeDark, PORTRAITS.size(),
                blazeFalse, NO_FACE.size(), cascadeNormal, PORTRAITS.size(), cascadeDark, PORTRAITS.size(),
                cascadeFalse));
        System.out.println(log);
        assertEquals(PORTRAITS.size(), blazeNormal, log.toString());
        assertTrue(blazeDark >= PORTRAITS.size() - 1, log.toString());
        assertEquals(0, blazeFalse, log.toString());
        assertTrue(blazeNormal + blazeDark >= cascadeNormal + cascadeDark, log.toString());
    }

    @Test
    void eyesOfTheAstronautAreWhereTheyAre() {
        // Her eyes sit about 100 px (of 512) from the top; the face box spans x ≈ 175–275.
        List<Face> faces = blaze.detect(Scenes.frame(Scenes.read(Fixtures.real("astronaut.png"))));
        Face f = faces.get(0);
        assertEquals(105, f.eyeY(), 15);
        assertEquals(225, f.centreX(), 20);
        assertTrue(f.score() > 0.9);
    }
}
