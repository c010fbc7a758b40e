package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.camlab.fixtures.Scenes;
import org.camlab.image.ColorMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColourTruthTest {
    @ParameterizedTest(name = "a* {0}, b* {1}")
    @CsvSource({"0, 0", "0, 12", "0, -10", "8, 0", "-6, 4", "5, 15"})
    void castOfNeutralsWithinOneUnit(double a, double b) {
        FrameMetrics m = Analyze.frame(Scenes.colourCast(640, 360, a, b));
        assertEquals(a, m.castA, 1.0, "a*");
        assertEquals(b, m.castB, 1.0, "b*");
    }

    /**
     * A white wall lit warm (L* 90, b* +12) over a dark wooden table that fills four fifths of the
     * view (L* 40, a* 8, b* 18, near-neutral by C* ≤ 25): the grey world reads the table, the
     * highlight cast reads the wall.
     */
    @Test
    void theHighlightCastReadsTheWallNotTheTable() {
        BufferedImage img = new BufferedImage(640, 360,
                BufferedImage.TYPE_3BYTE_BGR);
        int wall = Scenes.labToSrgb(90, 0, 12);
        int table = Scenes.labToSrgb(40, 8, 18);
        for (int y = 0; y < 360; y++) {
            for (int x = 0; x < 640; x++) {
                img.setRGB(x, y, y < 72 ? wall : table);
            }
        }
        FrameMetrics m = Analyze.frame(Scenes.frame(img));
        assertEquals(0, m.highlightCastA, 1.0, "the wall's a*");
        assertEquals(12, m.highlightCastB, 1.0, "the wall's b*");
        assertEquals(0.2 * 12 + 0.8 * 18, m.castB, 1.0, "the grey world: a fifth wall, four fifths table");
        // and with no table, the wall alone: both read the same
        FrameMetrics plain = Analyze.frame(Scenes.colourCast(640, 360, 5, 15));
        assertEquals(plain.castA, 5, 1.0);
        assertEquals(5, plain.highlightCastA, 1.0, "a uniform cast is the same on the brightest neutrals");
        assertEquals(15, plain.highlightCastB, 1.0);
    }

    @Test
    void neutralGreyUnderD65Is6500K() {
        FrameMetrics m = Analyze.frame(Scenes.colourCast(640, 360, 0, 0));
        assertEquals(6504, m.cctKelvin, 150);
    }

    @Test
    void warmAndCoolCastsMoveCctTheRightWay() {
        double neutral = Analyze.frame(Scenes.colourCast(320, 180, 0, 0)).cctKelvin;
        double warm = Analyze.frame(Scenes.colourCast(320, 180, 2, 18)).cctKelvin;
        double cool = Analyze.frame(Scenes.colourCast(320, 180, 0, -12)).cctKelvin;
        assertTrue(warm < neutral - 1000, "warm " + warm);
        assertTrue(cool > neutral + 1000, "cool " + cool);
    }

    @Test
    void mccamyAtKnownChromaticities() {
        // Illuminant A (x 0.44757, y 0.40745) is 2856 K; D50 (0.34567, 0.35850) is 5003 K.
        assertEquals(2856, cctOfXy(0.44757, 0.40745), 30);
        assertEquals(5003, cctOfXy(0.34567, 0.35850), 30);
    }

    @Test
    void grayFrameHasNoMeasurableCast() {
        FrameMetrics m = Analyze.frame(Scenes.flat(320, 240, 128));
        assertTrue(Double.isNaN(m.castA) && Double.isNaN(m.cctKelvin));
    }

    @Test
    void labTableAgreesWithDirectConversion() {
        double[] lab = new double[3];
        CieLabTable.toLab(ColorMatrix.BT601, 128, 128, 128, lab);
        assertEquals(0, lab[1], 0.05);
        assertEquals(0, lab[2], 0.05);
        assertEquals(53.6, lab[0], 0.5); // sRGB 128 gray is L* 53.6
    }

    private static double cctOfXy(double x, double y) {
        double yy = 0.5;
        double xx = x / y * yy;
        double zz = (1 - x - y) / y * yy;
        double fx = Math.cbrt(xx / Cie.XN);
        double fy = Math.cbrt(yy / Cie.YN);
        double fz = Math.cbrt(zz / Cie.ZN);
        return Cie.cctMcCamy(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }
}
