package org.camlab.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.camlab.core.ChartFinder;
import org.camlab.core.TestChartLayout;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.Test;

/**
 * The chart's round trip: camlab writes the PDF, Debian's pdftoppm renders it at 300 dpi, and a
 * simulated camera photographs it — the chart tilted in perspective, each camera pixel the
 * rendered chart integrated under a Gaussian point spread of known σ (in camera pixels), the light
 * uneven across the view (the left 40 % darker than the right, whose white paper stays just below
 * clipping), a white balance a little warm, 8-bit sRGB with noise of 1.5 code values. camlab must find the chart (the
 * right way up, or upside down) and measure MTF50 within 5 % of the truth: the Gaussian's MTF times
 * what the 300 dpi render itself adds (its pixel and the bilinear reading of it, about 1 %).
 */
class ChartRoundTripTest {
    static ChartFinder.Reading read(BufferedImage photo) {
        return new ChartFinder().read(Scenes.frame(photo));
    }

    @Test
    void theChartIsFoundAndMeasuredWithin5PercentOfTruth() throws Exception {
        BufferedImage photo = ChartPhotos.photograph(ChartPhotos.QUAD, 1);
        ImageIO.write(photo, "png", Path.of("target", "chart-photo.png").toFile());
        ChartFinder.Reading reading = read(photo);
        assertTrue(reading != null, "the chart is found");
        // a millimetre of the chart is about 3.4 camera pixels: the 300 dpi render's pixel, 0.29 of one
        double[] q = ChartPhotos.QUAD;
        double chartPx = (Math.hypot(q[2] - q[0], q[3] - q[1]) + Math.hypot(q[4] - q[6], q[5] - q[7])) / 2;
        double truth = ChartPhotos.truth(chartPx / TestChartLayout.WIDTH_MM * 25.4 / ChartPhotos.DPI);
        System.out.printf(Locale.ROOT, "[chart] truth %.4f: centre %.4f (%+.1f %%), corners %.4f (%+.1f %%), by square "
                + "%s; %d edges; steps %s; noise %s; neutral a* %s b* %s; width %.1f %%%n", truth, reading
                        .mtf50Centre(),
                100 * (reading.mtf50Centre() / truth - 1), reading.mtf50Corners(),
                100 * (reading.mtf50Corners() / truth - 1), Arrays.toString(reading.mtf50BySquare()),
                reading.edges(), Arrays.toString(reading.stepLuma()),
                Arrays.toString(reading.stepNoise()), Arrays.toString(reading.neutralA()),
                Arrays.toString(reading.neutralB()), reading.widthPct());
        assertEquals(truth, reading.mtf50Centre(), 0.05 * truth, "centre");
        assertEquals(truth, reading.mtf50Corners(), 0.05 * truth, "corners");
        assertTrue(reading.edges() >= 16, "edges measured: " + reading.edges());
        for (int i = 1; i < TestChartLayout.STEPS; i++) {
            assertTrue(reading.stepLuma()[i] > reading.stepLuma()[i - 1] + 5, "the grey steps rise: "
                    + Arrays.toString(reading.stepLuma()));
        }
        for (int i = 0; i < TestChartLayout.NEUTRALS.length; i++) {
            assertTrue(reading.neutralB()[i] > 3, "the warm white balance shows on the neutral patches (b* > 0): "
                    + Arrays.toString(reading.neutralB()));
        }
        double width = 100 * chartPx / ChartPhotos.W;
        assertEquals(width, reading.widthPct(), 2.0, "how large the chart appears");
    }

    @Test
    void anUpsideDownChartIsReadTheSame() throws Exception {
        double[] q = ChartPhotos.QUAD;
        double[] turned = {q[4], q[5], q[6], q[7], q[0], q[1], q[2], q[3]};
        ChartFinder.Reading up = read(ChartPhotos.photograph(ChartPhotos.QUAD, 2));
        ChartFinder.Reading down = read(ChartPhotos.photograph(turned, 2));
        assertTrue(up != null && down != null, "found both ways up");
        for (int i = 1; i < TestChartLayout.STEPS; i++) {
            assertTrue(down.stepLuma()[i] > down.stepLuma()[i - 1], "steps in the chart's order upside down too: "
                    + Arrays.toString(down.stepLuma()));
        }
        assertEquals(up.mtf50Centre(), down.mtf50Centre(), 0.05 * up.mtf50Centre());
    }

    @Test
    void aFrameWithoutTheChartIsNotRead() {
        BufferedImage room = Scenes.read(Fixtures.real("astronaut.png"));
        assertEquals(null, read(room));
        BufferedImage flat = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        assertEquals(null, read(flat));
    }
}
