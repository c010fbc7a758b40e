package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.camlab.fixtures.Scenes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExposureTruthTest {
    @ParameterizedTest(name = "flat field at {0}")
    @ValueSource(ints = {0, 1, 16, 64, 118, 128, 200, 235, 254, 255})
    void meanLumaOfFlatFieldWithinHalfCodeValue(int level) {
        FrameMetrics m = Analyze.frame(Scenes.flat(640, 360, level));
        assertEquals(level, m.meanLuma, 0.5);
        assertEquals(level >= 250 ? 100.0 : 0.0, m.clippedHighlightsPct, 0.1);
        assertEquals(level <= 5 ? 100.0 : 0.0, m.clippedShadowsPct, 0.1);
    }

    @ParameterizedTest(name = "{0} px at 252, {1} px at 3")
    @CsvSource({"0, 0", "2304, 0", "0, 9216", "11520, 4608", "46080, 23040"})
    void clippedPercentagesWithinATenthOfAPoint(int high, int low) {
        int w = 640;
        int h = 360;
        FrameMetrics m = Analyze.frame(Scenes.clipped(w, h, high, low, 7));
        assertEquals(100.0 * high / (w * h), m.clippedHighlightsPct, 0.1);
        assertEquals(100.0 * low / (w * h), m.clippedShadowsPct, 0.1);
        double mean = (252.0 * high + 3.0 * low + 128.0 * (w * h - high - low)) / (w * h);
        assertEquals(mean, m.meanLuma, 0.5);
    }

    @ParameterizedTest(name = "subject of a flat {0} frame")
    @ValueSource(ints = {40, 128, 220})
    void subjectLumaWithoutFaceIsTheCentre(int level) {
        var f = Scenes.flat(300, 300, 20);
        for (int y = 100; y < 200; y++) {
            for (int x = 100; x < 200; x++) {
                f.luma[y * 300 + x] = (byte) level;
            }
        }
        assertEquals(level, Analyze.frame(f).subjectLuma, 0.5);
    }
}
