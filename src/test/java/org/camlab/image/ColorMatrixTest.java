package org.camlab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.camlab.capture.YCbCr;
import org.junit.jupiter.api.Test;

/**
 * The one Y'CbCr to R'G'B' conversion against the readable formula each of its four callers
 * (preview, snapshot, detector thumbnail, CIELAB table) wrote out before, over every 8-bit sample
 * and both matrices, and against the inverse that capture applies to RGB pictures.
 */
class ColorMatrixTest {
    /** R = Y + 2(1 − Kr)(Cr − 128), B = Y + 2(1 − Kb)(Cb − 128), G from Y = Kr R + Kg G + Kb B. */
    private static double[] reference(ColorMatrix m, int y, int cb, int cr) {
        double r = y + 2 * (1 - m.kr) * (cr - 128);
        double b = y + 2 * (1 - m.kb) * (cb - 128);
        double g = (y - m.kr * r - m.kb * b) / m.kg;
        return new double[]{r, g, b};
    }

    /** The snapshot's and the thumbnail's rounding. */
    private static int rounded(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The preview's rounding, half up by truncation. */
    private static int halfUp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5);
    }

    @Test
    void everySampleConvertsAsEachCallerDidBefore() {
        for (ColorMatrix m : ColorMatrix.values()) {
            for (int y = 0; y < 256; y++) {
                for (int cb = 0; cb < 256; cb++) {
                    for (int cr = 0; cr < 256; cr++) {
                        double[] ref = reference(m, y, cb, cr);
                        assertEquals(ref[0], m.red(y, cr));
                        assertEquals(ref[2], m.blue(y, cb));
                        assertEquals(ref[1], m.green(y, m.red(y, cr), m.blue(y, cb)));
                        int expected = rounded(ref[0]) << 16 | rounded(ref[1]) << 8 | rounded(ref[2]);
                        int p = m.rgb(y, cb, cr);
                        if (p != expected || p != (halfUp(ref[0]) << 16 | halfUp(ref[1]) << 8 | halfUp(ref[2]))) {
                            assertEquals(Integer.toHexString(expected), Integer.toHexString(p), m + " " + y + "," + cb
                                    + "," + cr);
                        }
                    }
                }
            }
        }
    }

    @Test
    void grayStaysGrayInEitherMatrix() {
        for (ColorMatrix m : ColorMatrix.values()) {
            for (int y = 0; y < 256; y++) {
                assertEquals(y << 16 | y << 8 | y, m.rgb(y, 128, 128), m + " Y " + y);
            }
        }
    }

    @Test
    void capturesRgbToBt601ComesBackWithinOneCodeValue() {
        for (int r = 0; r < 256; r += 15) {
            for (int g = 0; g < 256; g += 15) {
                for (int b = 0; b < 256; b += 15) {
                    int p = ColorMatrix.BT601.rgb(YCbCr.luma(r, g, b), YCbCr.cb(r, g, b), YCbCr.cr(r, g, b));
                    String at = r + "," + g + "," + b + " -> " + Integer.toHexString(p);
                    assertTrue(Math.abs((p >> 16 & 255) - r) <= 1, at);
                    assertTrue(Math.abs((p >> 8 & 255) - g) <= 1, at);
                    assertTrue(Math.abs((p & 255) - b) <= 1, at);
                }
            }
        }
    }
}
