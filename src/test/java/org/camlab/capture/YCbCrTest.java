package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Limited- to full-range expansion: the definition's end points, and the fast path equal to a byte at a time. */
class YCbCrTest {
    @Test
    void endPointsOfTheRanges() {
        assertEquals(0, YCbCr.LIMITED_TO_FULL_LUMA[16] & 0xFF);
        assertEquals(255, YCbCr.LIMITED_TO_FULL_LUMA[235] & 0xFF);
        assertEquals(0, YCbCr.LIMITED_TO_FULL_LUMA[3] & 0xFF, "below black clamps");
        assertEquals(255, YCbCr.LIMITED_TO_FULL_LUMA[250] & 0xFF, "above white clamps");
        assertEquals(128, YCbCr.LIMITED_TO_FULL_LUMA[126] & 0xFF, "(126 − 16) · 255 / 219 = 128.08");
        assertEquals(128, YCbCr.LIMITED_TO_FULL_CHROMA[128] & 0xFF);
        assertEquals(1, YCbCr.LIMITED_TO_FULL_CHROMA[16] & 0xFF, "(16 − 128) · 255 / 224 + 128 = 0.5, rounded up");
        assertEquals(255, YCbCr.LIMITED_TO_FULL_CHROMA[240] & 0xFF);
    }

    @Test
    void fourBytesAtATimeEqualsOneAtATime() {
        Random r = new Random(7);
        for (int length : new int[]{0, 1, 2, 3, 4, 5, 7, 8, 1003, 4096}) {
            byte[] plane = new byte[length + 5];
            r.nextBytes(plane);
            byte[] luma = plane.clone();
            byte[] chroma = plane.clone();
            byte[] wantLuma = plane.clone();
            byte[] wantChroma = plane.clone();
            for (int i = 0; i < length; i++) {
                wantLuma[i] = YCbCr.LIMITED_TO_FULL_LUMA[plane[i] & 0xFF];
                wantChroma[i] = YCbCr.LIMITED_TO_FULL_CHROMA[plane[i] & 0xFF];
            }
            YCbCr.expandLimitedLuma(luma, length);
            YCbCr.expandLimitedChroma(chroma, length);
            assertArrayEquals(wantLuma, luma, "luma, length " + length + " (bytes past it untouched)");
            assertArrayEquals(wantChroma, chroma, "chroma, length " + length);
        }
    }
}
