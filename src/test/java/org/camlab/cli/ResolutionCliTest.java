package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camlab.fixtures.SlantedEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab analyze} on a picture of slanted squares of known blur, as a user runs it: the JSON
 * carries the measured MTF50 within 5 % of the analytic value, in the centre and towards the
 * corners, its line widths per picture height, and the curve; the summary says what detail the
 * picture holds; a picture without straight edges reports null, not a guess.
 */
class ResolutionCliTest {
    static final double[][] CENTRES = {{640, 360}, {200, 130}, {1080, 130}, {200, 590}, {1080, 590}};

    static Path png(Path dir, byte[] plane, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, plane);
        Path f = dir.resolve("chart.png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void aPictureOfSlantedSquaresReportsItsMtf(@TempDir Path dir) throws Exception {
        double sigma = 1.2;
        Path f = png(dir, SlantedEdges.squares(1280, 720, CENTRES, 120, 5, sigma, 0.08, 0.55), 1280, 720);
        var r = CliRunner.run("analyze", "--json", "--faces", "none", f.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode res = new ObjectMapper().readTree(r.out()).get("resolution");
        double truth = SlantedEdges.mtf50(sigma);
        double mtf50 = res.get("mtf50").asDouble();
        assertEquals(truth, mtf50, 0.05 * truth, res.toString());
        assertEquals(truth, res.get("mtf50Centre").asDouble(), 0.05 * truth, res.toString());
        assertEquals(truth, res.get("mtf50Corners").asDouble(), 0.05 * truth, res.toString());
        assertEquals(2 * mtf50 * 720, res.get("mtf50LwPh").asDouble(), 1.0);
        assertTrue(res.get("edgesMeasured").asInt() >= 8, res.toString());
        JsonNode curve = res.get("mtfCurve");
        assertEquals(65, curve.size());
        assertEquals(1.0, curve.get(0).asDouble(), 0.01);
        assertEquals(SlantedEdges.mtf(sigma, 0.25), curve.get(16).asDouble(), 0.03, "at 0.25 cycles/pixel");
        assertEquals(SlantedEdges.mtf(sigma, 0.5), res.get("mtfNyquist").asDouble(), 0.03);

        var text = CliRunner.run("analyze", "--faces", "none", f.toString());
        var m = Pattern.compile("1280×720, resolves about the detail of (\\d+)×(\\d+)").matcher(text.out());
        assertTrue(m.find(), text.out());
        assertEquals(1280 * mtf50 / 0.30, Integer.parseInt(m.group(1)), 2, text.out());
        assertEquals(720 * mtf50 / 0.30, Integer.parseInt(m.group(2)), 2, text.out());
    }

    @Test
    void aPictureWithoutStraightEdgesReportsNull(@TempDir Path dir) throws Exception {
        Random rnd = new Random(5);
        byte[] noise = new byte[640 * 360];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (100 + rnd.nextInt(40));
        }
        var r = CliRunner.run("analyze", "--json", "--faces", "none", png(dir, noise, 640, 360).toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode res = new ObjectMapper().readTree(r.out()).get("resolution");
        assertTrue(res.get("mtf50").isNull(), res.toString());
        assertTrue(res.get("mtfCurve").isNull(), res.toString());
        assertEquals(0, res.get("edgesMeasured").asInt(), res.toString());
    }
}
