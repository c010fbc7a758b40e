package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same photograph in every still format camlab reads gives the same luma (lossless exactly, lossy closely). */
class StillFormatsTest {
    static double meanLuma(Path p) throws SourceException {
        Frame f = new Frame();
        try (FrameSource s = Sources.open(p.toString())) {
            s.read(f);
        }
        long sum = 0;
        for (int i = 0; i < f.pixelCount(); i++) {
            sum += f.luma[i] & 0xFF;
        }
        return (double) sum / f.pixelCount();
    }

    static final BufferedImage PHOTO = Scenes.read(Fixtures.real("coffee.png"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "bmp", "gif", "jpg"})
    void imageIoFormats(String format) throws Exception {
        double truth = meanLuma(Fixtures.real("coffee.png"));
        BufferedImage img = format.equals("gif") ? Scenes.toGray(PHOTO) : PHOTO; // GIF: a 256-level gray palette is lossless
        double expected = format.equals("gif") ? meanLuma(Scenes.write(Scenes.toGray(PHOTO), "coffee-gray.png"))
                : truth;
        double got = meanLuma(Scenes.write(img, "coffee-formats." + format));
        assertEquals(expected, got, format.equals("jpg") ? 1.0 : 1e-9, format);
    }

    @Test
    void rgbaPngIgnoresAlpha() throws Exception {
        BufferedImage rgba = new BufferedImage(PHOTO.getWidth(), PHOTO.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < PHOTO.getHeight(); y++) {
            for (int x = 0; x < PHOTO.getWidth(); x++) {
                rgba.setRGB(x, y, (0x80 << 24) | (PHOTO.getRGB(x, y) & 0xFFFFFF));
            }
        }
        assertEquals(meanLuma(Fixtures.real("coffee.png")), meanLuma(Scenes.write(rgba, "coffee-rgba.png")), 1e-9);
    }

    @Test
    void webpThroughOpenCv() throws Exception {
        Path webp = Fixtures.generated().resolve("coffee-lossless.webp");
        if (!Files.isRegularFile(webp)) {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", Fixtures.real("coffee.png").toString(),
                    "-lossless", "1", webp.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg: " + log);
        }
        // lossless WebP keeps RGB exactly; only the RGB→Y rounding path differs (OpenCV's BGR order)
        assertEquals(meanLuma(Fixtures.real("coffee.png")), meanLuma(webp), 0.05);
    }
}
