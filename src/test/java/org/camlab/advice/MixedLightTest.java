package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Locale;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mixed-light rule on real photographs: as taken (one light each) and under one light of a
 * single colour (the whole picture 1.4× warmer: a cast, not a mix) they get no mixed-light advice;
 * lit by two colours across the picture — 1.35× warmer at one edge, 1.35× cooler at the other, the
 * log of the factor changing linearly between — they do, naming the warm side. Coloured things on
 * one side (orange fur, a wooden table) are not light. The values are printed: the calibration.
 */
class MixedLightTest {
    static final double EDGE = 1.35;

    private static double diff(SessionReport r) {
        return r.value(Metric.LEFT_RIGHT_CAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"astronaut.png", "face_portrait_man_outdoor.jpg", "face_portrait_man_white_bg.jpg",
            "face_portrait_man_goatee.jpg", "face_webcam_woman_indoor_overlay.jpg", "chelsea.png", "coffee.png"})
    void twoColoursOfLightAreFoundAndOneColourIsNot(String name) {
        BufferedImage photo = Scenes.read(Fixtures.real(name));
        SessionReport plain = Portraits.analyse(photo);
        SessionReport warm = Portraits.analyse(Scenes.tint(photo, 1.4));
        SessionReport warmLeft = Portraits.analyse(Scenes.tintAcross(photo, EDGE, 1 / EDGE));
        SessionReport warmRight = Portraits.analyse(Scenes.tintAcross(photo, 1 / EDGE, EDGE));
        System.out.printf(Locale.ROOT, "[mixed-light] %s: as taken %+.1f, all 1.4× warmer %+.1f, warm left %+.1f, "
                + "warm right %+.1f%n", name, diff(plain), diff(warm), diff(warmLeft), diff(warmRight));
        assertEquals(null, Portraits.find(plain, "mixed-light"), name + " as taken: " + diff(plain));
        assertEquals(null, Portraits.find(warm, "mixed-light"), name + " under one warm light: " + diff(warm));

        Recommendation l = Portraits.find(warmLeft, "mixed-light");
        assertTrue(l != null && diff(warmLeft) > 0, name + " warm on the left: " + diff(warmLeft));
        assertTrue(l.detail().toString().startsWith("White and light surfaces on the left"), l.detail().toString());
        Recommendation r = Portraits.find(warmRight, "mixed-light");
        assertTrue(r != null && diff(warmRight) < 0, name + " warm on the right: " + diff(warmRight));
        assertTrue(r.detail().toString().contains("on the right of the picture"), r.detail().toString());
    }
}
