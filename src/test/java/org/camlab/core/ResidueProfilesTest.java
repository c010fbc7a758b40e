package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lock of a residue line to the frame's edge, measured on a real photograph enlarged with known
 * factors: ×3 and ×1.5 share the line at 1/3, and the sign each gives it is the one {@link
 * UpscaleEstimator#expectedSign} predicts (×3 −, ×1.5 +) in both directions; the same photograph
 * as taken (no enlargement) has no line there that keeps one phase.
 */
class ResidueProfilesTest {
    private static final int SIZE = 720;

    @ParameterizedTest(name = "×{0} {1}")
    @CsvSource({"3, true", "3, false", "1.5, true", "1.5, false"})
    void anEnlargementsLineIsLockedWithItsFactorsSign(double factor, boolean bicubic) {
        BufferedImage photo = Scenes.read(Fixtures.real("coffee.png"));
        int small = (int) Math.round(SIZE / factor);
        BufferedImage sensor = Scenes.grain(Scenes.shrink(photo, small, small * 2 / 3), 2, 1);
        Frame frame = Scenes.frame(Scenes.resize(sensor, SIZE, SIZE * 2 / 3, bicubic));
        ResidueProfiles residue = new ResidueProfiles();
        residue.measure(frame.luma, frame.width, frame.height);
        ResidueProfiles.Lock lock = residue.lock(1.0 / 3, new ResidueProfiles.Lock());
        assertEquals(2, lock.directions(), "locked across and down: " + lock);
        assertEquals(UpscaleEstimator.expectedSign(1.0 / 3, factor), lock.sign(), lock.toString());
        assertTrue(lock.share() >= UpscaleEstimator.LOCKED_LINE_SHARE, "a clear line: " + lock);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"coffee.png", "astronaut.png", "chelsea.png"})
    void aPhotographAsTakenHasNoLockedLine(String name) {
        Frame frame = Scenes.frame(Scenes.grain(Scenes.read(Fixtures.real(name)), 2, 1));
        ResidueProfiles residue = new ResidueProfiles();
        residue.measure(frame.luma, frame.width, frame.height);
        for (double f : new double[]{1.0 / 3, 7.0 / 16, 1.0 / 5}) {
            ResidueProfiles.Lock lock = residue.lock(f, new ResidueProfiles.Lock());
            assertTrue(lock.directions() == 0 || lock.share() < UpscaleEstimator.LOCKED_LINE_SHARE, f + ": " + lock);
        }
    }
}
