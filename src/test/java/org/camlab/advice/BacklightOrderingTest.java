package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.camlab.core.Metric;
import org.camlab.face.Face;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.session.SessionReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * backlight.ratioStops on real portraits whose background (everything above the chin line outside
 * the head) is brightened step by step in linear light: the ratio must rise strictly with each
 * step and end positive, and a window-bright background must trip {@code backlight}.
 */
class BacklightOrderingTest {
    static final double[] STEPS = {0, 0.5, 1, 1.5, 2, 3, 4};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"astronaut.png", "face_portrait_man_outdoor.jpg", "face_portrait_man_white_bg.jpg"})
    void ratioRisesWithTheBackground(String name) {
        BufferedImage photo = Scenes.read(Fixtures.real(name));
        Face face = Portraits.face(photo);
        int chin = face.box().y() + face.box().h();
        double last = Double.NEGATIVE_INFINITY;
        StringBuilder trail = new StringBuilder(name);
        SessionReport r = null;
        for (double k : STEPS) {
            BufferedImage lit = Scenes.relight(photo, (x, y, rgb) -> y < chin && !Portraits.head(face, x, y) ? k : 0);
            r = Portraits.analyse(lit);
            double ratio = r.value(Metric.BACKLIGHT_RATIO);
            trail.append(String.format(" | +%.1f stops: ratio %.2f, bg %.0f clip %.1f%%", k, ratio, r.value(Metric.BACKGROUND_LUMA),
                    r.value(Metric.BACKGROUND_CLIPPED)));
            assertTrue(ratio > last, "ratio must rise: " + trail);
            last = ratio;
        }
        System.out.println(trail);
        assertTrue(last > 0, "background brighter than the face must give a positive ratio: " + trail);
        assertTrue(new Advisor().ids(r).contains("backlight"), "a window-bright background trips backlight: " + trail);
    }
}
