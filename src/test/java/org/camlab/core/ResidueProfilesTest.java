package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.junit.jupiter.api.Test;
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

    /**
     * Ruled lines every 6 px, defocused: the light itself has the line its residue has, at 1/6; a
     * photograph enlarged ×1.5 has its residue line at 1/3 and, in its light, at most a ripple there.
     */
    @Test
    void theLightSharesAContentsLineAndNotAScalers() {
        BufferedImage ruled = new BufferedImage(720, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            int v = y % 6 < 2 ? 40 : 220;
            for (int x = 0; x < 720; x++) {
                ruled.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        Frame lines = Scenes.frame(Scenes.grain(Scenes.blur(ruled, 1.5), 1, 2));
        ResidueProfiles residue = new ResidueProfiles();
        residue.measure(lines.luma, lines.width, lines.height);
        assertTrue(residue.contentLine(1.0 / 6) >= 10 * UpscaleEstimator.CONTENT_LINE, "ruled lines' light: "
                + residue.contentLine(1.0 / 6));
        assertTrue(residue.contentLine(1.0 / 6) >= residue.line(1.0 / 6) * UpscaleEstimator.CONTENT_SHARE);

        BufferedImage small = Scenes.grain(Scenes.shrink(Scenes.read(Fixtures.real("coffee.png")), 480, 320), 2, 1);
        Frame enlarged = Scenes.frame(Scenes.resize(small, 720, 480, true));
        residue.measure(enlarged.luma, enlarged.width, enlarged.height);
        double light = residue.contentLine(1.0 / 3);
        assertTrue(light < UpscaleEstimator.CONTENT_SHARE * residue.line(1.0 / 3), "an enlargement's light: " + light
                + " against its residue's " + residue.line(1.0 / 3));
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
