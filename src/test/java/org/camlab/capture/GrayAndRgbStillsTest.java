package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameMetrics;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.junit.jupiter.api.Test;

/** A gray PNG and an RGB PNG of the same scene must give the same numbers (ImageIO's gray gamma trap). */
class GrayAndRgbStillsTest {
    static FrameMetrics analyse(Path p) throws SourceException {
        Frame f = new Frame();
        try (FrameSource s = Sources.open(p.toString())) {
            s.read(f);
        }
        FrameMetrics m = new FrameMetrics();
        new FrameAnalyzer().analyze(f, List.of(), true, m);
        return m;
    }

    @Test
    void grayPngAndRgbPngOfOneSceneGiveTheSameNumbers() throws Exception {
        BufferedImage gray = Scenes.toGray(Scenes.read(Fixtures.real("astronaut.png")));
        Path grayPng = Scenes.write(gray, "astronaut-gray.png");
        Path rgbPng = Scenes.write(Scenes.grayToRgb(gray), "astronaut-gray-as-rgb.png");
        FrameMetrics g = analyse(grayPng);
        FrameMetrics c = analyse(rgbPng);
        for (Metric m : Metric.perFrameMetrics()) {
            if (m.category == Category.COLOR) {
                continue; // a gray file has no colour to measure (null); its RGB twin measures a* = b* = 0
            }
            double a = m.of(g);
            double b = m.of(c);
            if (Double.isNaN(a)) {
                assertEquals(a, b, m.path());
            } else {
                assertEquals(a, b, 1e-9 * Math.max(1, Math.abs(a)), m.path());
            }
        }
        assertEquals(0.0, c.castA, 0.05);
        assertEquals(0.0, c.castB, 0.05);
    }

    @Test
    void sixteenBitGrayPngIsScaledNotGammaConverted() throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                img.getRaster().setSample(x, y, 0, x < 32 ? 100 * 257 : 200 * 257);
            }
        }
        FrameMetrics m = analyse(Scenes.write(img, "gray16.png"));
        assertEquals(150.0, m.meanLuma, 0.01);
    }
}
