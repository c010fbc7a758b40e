package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpscaleTruthTest {
    private static final UpscaleEstimator ESTIMATOR = new UpscaleEstimator();

    static double estimate(BufferedImage img) {
        var f = Scenes.frame(img);
        return ESTIMATOR.estimate(f.luma, f.width, f.height);
    }

    @ParameterizedTest(name = "{0} ×{1} bicubic={2}")
    @CsvSource({"astronaut.png, 1.5, true", "astronaut.png, 2, true", "astronaut.png, 3, true",
            "astronaut.png, 4, true",
            "coffee.png, 1.5, true", "coffee.png, 2, true", "coffee.png, 3, true", "coffee.png, 4, true",
            "astronaut.png, 2, false", "coffee.png, 3, false"})
    void knownUpscalesOfRealPhotosWithinFifteenPercent(String name, double factor, boolean bicubic) {
        BufferedImage up = Scenes.upscale(Scenes.read(Fixtures.real(name)), factor, bicubic);
        double k = estimate(up);
        assertEquals(factor, k, 0.15 * factor, name + " ×" + factor + " estimated " + k);
    }

    @Test
    void nativePhotosAreAboutOne() {
        for (String name : new String[]{"astronaut.png", "coffee.png", "face_portrait_man_outdoor.jpg"}) {
            double k = estimate(Scenes.read(Fixtures.real(name)));
            assertTrue(k < 1.2, name + " native estimated " + k);
        }
    }

    @Test
    void flatFrameIsUnknown() {
        var f = Scenes.flat(640, 480, 100);
        assertTrue(Double.isNaN(ESTIMATOR.estimate(f.luma, f.width, f.height)));
    }
}
