package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.Test;

class RealPhotoSharpnessTest {
    static final double[] SIGMAS = {0, 0.5, 1, 1.5, 2, 3, 4, 6};

    @Test
    void scoreAndLaplacianStrictlyDecreaseAlongABlurSeries() {
        for (String name : new String[]{"astronaut.png", "coffee.png", "face_portrait_man_outdoor.jpg"}) {
            BufferedImage photo = Scenes.read(Fixtures.real(name));
            double lastScore = Double.MAX_VALUE;
            double lastLap = Double.MAX_VALUE;
            StringBuilder trail = new StringBuilder(name);
            for (double s : SIGMAS) {
                FrameMetrics m = Analyze.frame(Scenes.frame(Scenes.blur(photo, s)), List.of(), false);
                trail.append(String.format(" | σ%.1f: score %.2f width %.2f lapvar %.1f", s, m.sharpnessScore,
                        m.edgeWidthPx,
                        m.laplacianVariance));
                assertTrue(m.sharpnessScore < lastScore, "score not decreasing: " + trail);
                assertTrue(m.laplacianVariance < lastLap, "Laplacian variance not decreasing: " + trail);
                lastScore = m.sharpnessScore;
                lastLap = m.laplacianVariance;
            }
            System.out.println(trail);
        }
    }

    @Test
    void scoreDoesNotDependOnContrast() {
        BufferedImage photo = Scenes.read(Fixtures.real("astronaut.png"));
        BufferedImage soft = Scenes.blur(photo, 2);
        double full = Analyze.frame(Scenes.frame(soft)).sharpnessScore;
        // Halve the contrast around mid-grey.
        BufferedImage low = new BufferedImage(soft.getWidth(), soft.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < soft.getHeight(); y++) {
            for (int x = 0; x < soft.getWidth(); x++) {
                int p = soft.getRGB(x, y);
                int r = 64 + ((p >> 16) & 0xFF) / 2;
                int g = 64 + ((p >> 8) & 0xFF) / 2;
                int b = 64 + (p & 0xFF) / 2;
                low.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        double half = Analyze.frame(Scenes.frame(low)).sharpnessScore;
        assertTrue(Math.abs(full - half) < 5, "score at full contrast " + full + ", at half " + half);
    }

    @Test
    void scoreDoesNotDependOnResolution() {
        // The same sharp content at two resolutions (a 2× box downscale stays sharp) scores alike.
        BufferedImage photo = Scenes.read(Fixtures.real("face_portrait_man_outdoor.jpg"));
        BufferedImage half = new BufferedImage(photo.getWidth() / 2, photo.getHeight() / 2,
                BufferedImage.TYPE_3BYTE_BGR);
        var g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        double a = Analyze.frame(Scenes.frame(Scenes.blur(photo, 1.0))).sharpnessScore;
        double b = Analyze.frame(Scenes.frame(Scenes.blur(half, 1.0))).sharpnessScore;
        assertTrue(Math.abs(a - b) < 12, "full " + a + " vs half resolution " + b);
    }
}
