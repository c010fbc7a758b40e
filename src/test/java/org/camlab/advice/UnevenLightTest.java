package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The uneven-light rule: real photographs as taken — dark backgrounds, a bright window, composites
 * among them — are not uneven light; the same photographs lit 4 stops brighter from one side are.
 * Light that reaches only the middle is measured (the corner falloff) but not advised on: it reads
 * no darker than real photographs' dark backgrounds do, which this test shows too.
 */
class UnevenLightTest {
    private static Recommendation uneven(SessionReport r) {
        return Portraits.find(r, "uneven-light");
    }

    private static String values(SessionReport r) {
        return String.format(Locale.ROOT, "corners %.2f stops, left/right %.2f stops",
                r.value(Metric.CORNER_FALLOFF), r.value(Metric.LEFT_RIGHT));
    }

    @Test
    void noPhotographAsTakenIsUnevenLight() throws Exception {
        List<Path> photos = Fixtures.realPhotographs("png", "jpg");
        assertTrue(photos.size() >= 15, "the real photographs: " + photos.size());
        for (Path p : photos) {
            SessionReport r = Portraits.analyse(Scenes.read(p));
            assertEquals(null, uneven(r), p.getFileName() + ": " + values(r));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"astronaut.png", "face_portrait_man_white_bg.jpg", "coffee.png", "chelsea.png"})
    void lightFromOneSideIsUnevenLight(String name) {
        BufferedImage photo = Scenes.read(Fixtures.real(name));
        int w = photo.getWidth();
        int h = photo.getHeight();
        double far = Math.hypot(w / 2.0, h / 2.0);
        SessionReport spot = Portraits.analyse(Scenes.relight(photo,
                (x, y, rgb) -> -3 * Math.pow(Math.hypot(x - w / 2.0, y - h / 2.0) / far, 2)));
        SessionReport window = Portraits.analyse(Scenes.relight(photo, (x, y, rgb) -> -4.0 * (w - 1 - x) / (w - 1)));
        System.out.printf("[uneven-light] %s: spot %s; window right %s%n", name, values(spot), values(window));
        assertTrue(spot.value(Metric.CORNER_FALLOFF) > -1.7 && uneven(spot) == null,
                "lit only in the middle, no darker in the corners than a dark background: " + values(spot));
        Recommendation k = uneven(window);
        assertTrue(k != null, name + " lit from the right: " + values(window));
        assertTrue(k.detail().toString().contains("The right third") && k.detail().toString().contains(
                "lamp on the left side"), k.detail().toString());
    }
}
