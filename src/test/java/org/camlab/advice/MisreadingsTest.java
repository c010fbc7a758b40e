package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Rect;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;

/**
 * The misreadings a new user met, each as a real photograph with a known change applied, next to a
 * look-alike that must read differently: a blurred picture is soft focus, not the cable; a white
 * shirt is clothing, not a window; black things beside the person are no problem, black on the face
 * is.
 */
class MisreadingsTest {
    private static final Advisor ADVISOR = new Advisor();

    private static List<String> ids(SessionReport r) {
        return ADVISOR.ids(r);
    }

    private static Recommendation find(SessionReport r, String id) {
        return Portraits.find(r, id);
    }

    @Test
    void aBlurredPhotographIsSoftFocusNotTheCable() {
        BufferedImage astronaut = Scenes.read(Fixtures.real("astronaut.png"));
        for (double sigma : new double[]{2, 3}) {
            SessionReport blurred = Portraits.analyse(Scenes.blur(astronaut, sigma));
            assertTrue(ids(blurred).contains("soft-focus"), "σ " + sigma + " px is soft: " + ids(blurred));
            assertFalse(ids(blurred).contains("upscaled"), "no interpolation traces: not the mode or the cable");
            assertTrue(find(blurred, "soft-focus").detail().toString().contains("Clean the lens"));
        }
        SessionReport slight = Portraits.analyse(Scenes.blur(astronaut, 1));
        assertFalse(ids(slight).contains("soft-focus"), "σ 1 px passes: " + slight.value(Metric.SHARPNESS_SCORE)
                + " upscale "
                + slight.value(Metric.UPSCALE) + " traced " + slight.value(Metric.INTERPOLATED));
        assertFalse(ids(Portraits.analyse(astronaut)).contains("soft-focus"));
    }

    @Test
    void anEnlargedPhotographIsUpscaledNotSoftFocus() {
        BufferedImage half = Scenes.upscale(Scenes.read(Fixtures.real("astronaut.png")), 0.5, true);
        SessionReport r = Portraits.analyse(Scenes.upscale(half, 2, true));
        assertEquals(2.0, r.value(Metric.UPSCALE), 0.05);
        assertTrue(r.value(Metric.INTERPOLATED) >= 0.5, "the traces of interpolation are found");
        assertTrue(ids(r).contains("upscaled"), ids(r).toString());
        assertFalse(ids(r).contains("soft-focus"), "sharp in its own pixels, and traced: " + ids(r));
    }

    /** The portrait with its body below the face painted white: a white T-shirt. */
    @Test
    void aWhiteShirtIsClothingAndAWindowIsAWindow() {
        Sitter p = Sitter.outdoor();
        BufferedImage portrait = p.picture();
        Rect b = p.face();
        int w = portrait.getWidth();
        int h = portrait.getHeight();
        int shirtTop = b.y() + (int) (1.4 * b.h());
        BufferedImage shirt = paint(portrait, Math.max(0, b.x() - b.w() / 2), shirtTop,
                Math.min(w, b.x() + b.w() + b.w() / 2), h, 0xFFFFFF);
        SessionReport s = Portraits.analyse(shirt);
        Recommendation rec = find(s, "clipping");
        assertTrue(rec != null, "the white shirt clips: " + s.value(Metric.CLIPPED_HIGHLIGHTS));
        assertEquals("White clothing loses its detail", rec.title().toString(), rec.detail().toString());
        assertFalse(rec.detail().toString().contains("window"), rec.detail().toString());
        // a window beside the head: the background left of it, from the top down to the chin
        BufferedImage window = paint(portrait, 0, 0, b.x() - (int) (0.35 * b.w()), b.y() + b.h(), 0xFFFFFF);
        SessionReport wnd = Portraits.analyse(window);
        Recommendation wrec = find(wnd, "clipping");
        assertTrue(wrec != null, "the window clips");
        assertEquals("Blown-out highlights", wrec.title().toString());
        assertTrue(wrec.detail().toString().contains("window"), wrec.detail().toString());
        assertTrue(wnd.value(Metric.CLIPPED_ON_PERSON) < 20, "the window is off the person: "
                + wnd.value(Metric.CLIPPED_ON_PERSON));
    }

    @Test
    void blackBesideThePersonIsNoProblemButBlackOnTheFaceIs() {
        Sitter p = Sitter.outdoor();
        BufferedImage portrait = p.picture();
        Rect b = p.face();
        int w = portrait.getWidth();
        int h = portrait.getHeight();
        // a dark room either side of the person: black from the frame's edges to clear of the head
        BufferedImage furniture = paint(paint(portrait, 0, 0, b.x() - (int) (0.4 * b.w()), h, 0x000000),
                b.x() + (int) (1.4 * b.w()), 0, w, h, 0x000000);
        SessionReport f = Portraits.analyse(furniture);
        assertTrue(f.value(Metric.CLIPPED_SHADOWS) > 10, "much of the picture is black: " + f.value(
                Metric.CLIPPED_SHADOWS));
        assertNull(find(f, "clipping"), "black furniture is not advised");
        // the same, and the lower half of the face in black shadow
        BufferedImage shadowed = paint(furniture, b.x(), b.y() + b.h() / 2, b.x() + b.w(), b.y() + b.h(), 0x000000);
        SessionReport s = Portraits.analyse(shadowed);
        Recommendation rec = find(s, "clipping");
        assertTrue(rec != null && rec.title().toString().equals("Your face is lost in shadow"), String.valueOf(rec)
                + " face crushed "
                + s.value(Metric.FACE_CRUSHED));
    }

    /** A real portrait and its face as camlab's detector finds it: the scene the misreadings are painted on. */
    private record Sitter(BufferedImage picture, Rect face) {
        static Sitter outdoor() {
            BufferedImage portrait = Scenes.read(Fixtures.real("face_portrait_man_outdoor.jpg"));
            return new Sitter(portrait, Portraits.face(portrait).box());
        }
    }

    private static BufferedImage paint(BufferedImage src, int x0, int y0, int x1, int y1, int rgb) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(src, 0, 0, null);
        for (int y = Math.max(0, y0); y < Math.min(src.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(src.getWidth(), x1); x++) {
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /** Camera-upgrade advice only where the camera is the limit: grain in good light, not grain in the dark. */
    @Test
    void grainInGoodLightBlamesTheSensorAndGrainInTheDarkAsksForLight() {
        BufferedImage astronaut = Scenes.read(Fixtures.real("astronaut.png"));
        SessionReport bright = Portraits.analyse(noise(astronaut, 10, 7));
        Recommendation b = find(bright, "low-light-noise");
        assertTrue(b != null, "σ 10 per channel is about 6.7 in luma: " + bright.value(Metric.NOISE_SIGMA));
        assertEquals("Grainy picture in good light", b.title().toString());
        assertTrue(b.detail().toString().contains("larger sensor"), b.detail().toString());
        // the same grain in a room 2.5 stops darker: light first
        BufferedImage dark = Scenes.relight(astronaut, (x, y, rgb) -> -2.5);
        SessionReport dim = Portraits.analyse(noise(dark, 10, 7));
        Recommendation d = find(dim, "low-light-noise");
        assertTrue(d != null, "the dark picture is grainy too: " + dim.value(Metric.NOISE_SIGMA));
        assertEquals("Grainy picture", d.title().toString());
        assertTrue(d.detail().toString().contains("More light") && !d.detail().toString().contains("sensor"), d.detail()
                .toString());
    }

    /** Independent Gaussian noise of σ code values on each channel, seeded. */
    private static BufferedImage noise(BufferedImage src, double sigma, long seed) {
        Random rnd = new Random(seed);
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                int r = clamp(((p >> 16) & 255) + rnd.nextGaussian() * sigma);
                int g = clamp(((p >> 8) & 255) + rnd.nextGaussian() * sigma);
                int b = clamp((p & 255) + rnd.nextGaussian() * sigma);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
