package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.camlab.fixtures.SlantedEdges;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;

/**
 * Soft optics or an enlarged picture, told apart on slanted squares (a test chart's) with camera
 * noise of 1.5 code values: blurred by σ 1.2 px at full size (MTF50 0.156) the lens is blamed;
 * made at half size and enlarged ×2 the enlargement is; sharp (σ 0.6 px, MTF50 0.312) neither.
 */
class LowDetailTest {
    static final double[][] CENTRES = {{640, 360}, {200, 130}, {1080, 130}, {200, 590}, {1080, 590}};

    static BufferedImage image(byte[] plane, int w, int h, double noise, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = Math.max(0, Math.min(255, (int) Math.round((plane[y * w + x] & 0xFF) + noise * r
                        .nextGaussian())));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    static SessionReport chart(double sigma) {
        return Portraits.analyse(image(SlantedEdges.squares(1280, 720, CENTRES, 120, 5, sigma, 0.08, 0.55), 1280, 720,
                1.5, 1));
    }

    @Test
    void aSoftLensIsBlamedOnTheLens() {
        SessionReport r = chart(1.2);
        Recommendation rec = Portraits.find(r, "low-detail");
        assertTrue(rec != null, "MTF50 " + r.value(Metric.MTF50) + ", sharpness " + r.value(Metric.SHARPNESS_SCORE));
        assertTrue(rec.detail().toString().contains("lens is soft, dirty or out of focus"), rec.detail().toString());
        assertEquals(null, Portraits.find(r, "upscaled"), "a blurred native picture is not an enlarged one");
    }

    @Test
    void aSharpPictureGetsNoDetailAdvice() {
        SessionReport r = chart(0.6);
        assertEquals(null, Portraits.find(r, "low-detail"), "MTF50 " + r.value(Metric.MTF50));
        assertEquals(null, Portraits.find(r, "upscaled"));
        assertEquals(null, Portraits.find(r, "soft-focus"));
    }

    @Test
    void anEnlargedPictureIsBlamedOnTheEnlargement() {
        double[][] small = new double[CENTRES.length][];
        for (int i = 0; i < small.length; i++) {
            small[i] = new double[]{CENTRES[i][0] / 2, CENTRES[i][1] / 2};
        }
        BufferedImage low = image(SlantedEdges.squares(640, 360, small, 60, 5, 0.6, 0.08, 0.55), 640, 360, 1.5, 2);
        BufferedImage big = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        var g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(low, 0, 0, 1280, 720, null);
        g.dispose();
        SessionReport r = Portraits.analyse(big);
        Recommendation up = Portraits.find(r, "upscaled");
        Recommendation detail = Portraits.find(r, "low-detail");
        String seen = "MTF50 " + r.value(Metric.MTF50) + ", upscale " + r.value(Metric.UPSCALE) + ", traced "
                + r.value(Metric.INTERPOLATED);
        assertTrue(r.value(Metric.MTF50) < 0.2, seen);
        assertTrue(up != null || detail != null && detail.title().toString().contains("enlarged"), seen);
        assertTrue(detail == null || !detail.detail().toString().contains("lens is soft"), seen);
    }
}
