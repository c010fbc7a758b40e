package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Face;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * backlight.ratioStops on real portraits whose background (everything above the chin line outside
 * the head) is brightened step by step in linear light: the ratio must rise strictly with each
 * step. Its sign is known where the scene leaves no doubt: all three backgrounds start darker than
 * the faces; brightened 4 stops, the astronaut's and the white-backdrop one end brighter (the
 * outdoor one, from 3.3 stops darker, clips before it gets there). The astronaut's window-bright
 * background must trip {@code backlight}.
 */
class BacklightOrderingTest {
    static final double[] STEPS = {0, 0.5, 1, 1.5, 2, 3, 4};

    @ParameterizedTest(name = "{0}")
    @CsvSource({"astronaut.png, true, true", "face_portrait_man_outdoor.jpg, false, false",
            "face_portrait_man_white_bg.jpg, true, false"})
    void ratioRisesWithTheBackground(String name, boolean endsBrighter, boolean tripsBacklight) {
        BufferedImage photo = Scenes.read(Fixtures.real(name));
        Face face = Portraits.face(photo);
        int chin = face.box().y() + face.box().h();
        double last = Double.NEGATIVE_INFINITY;
        double first = Double.NaN;
        StringBuilder trail = new StringBuilder(name);
        SessionReport r = null;
        for (double k : STEPS) {
            BufferedImage lit = Scenes.relight(photo, (x, y, rgb) -> y < chin && !Portraits.head(face, x, y) ? k : 0);
            r = Portraits.analyse(lit);
            double ratio = r.value(Metric.BACKLIGHT_RATIO);
            trail.append(String.format(" | +%.1f stops: ratio %.2f, bg %.0f clip %.1f%%", k, ratio, r.value(
                    Metric.BACKGROUND_LUMA),
                    r.value(Metric.BACKGROUND_CLIPPED)));
            assertTrue(ratio > last, "ratio must rise: " + trail);
            if (k == 0) {
                first = ratio;
            }
            last = ratio;
        }
        System.out.println(trail);
        assertTrue(first < 0, "backgrounds start darker than the face: " + trail);
        assertEquals(endsBrighter, last > 0, "sign after +4 stops: " + trail);
        assertEquals(tripsBacklight, new Advisor().ids(r).contains("backlight"), "backlight advice: " + trail);
    }
}
