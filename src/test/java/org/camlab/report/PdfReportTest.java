package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.camlab.cli.CliRunner;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --report out.pdf}, read back as a reader would: poppler's {@code pdftotext} finds the
 * verdict, the advice and the units (σ, ×: the embedded font has them), and {@code pdftoppm}'s
 * picture of page 1 shows the score chart's bars.
 */
class PdfReportTest {
    @Test
    void thePdfHoldsTheVerdictTheAdviceAndTheCharts(@TempDir Path dir) throws Exception {
        Path rec = Recordings.lit(30, 90, 640, 360, new int[0], false, 0.8, 0, 0, 0, 5.0, 0.2);
        Path pdf = dir.resolve("report.pdf");
        var r = CliRunner.run("analyze", "--every", "1", "--faces", "none", "--report", pdf.toString(), rec.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(pdf) > 10_000, "a PDF with charts: " + Files.size(pdf) + " bytes");
        String text = run(dir, "pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("camlab report"), text);
        assertTrue(text.contains("What to change") && text.contains("Flickering light"), text);
        assertTrue(text.contains("noise.sigma") && text.contains("×"), "units in their own characters: " + text);
        run(dir, "pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", pdf.toString(), dir.resolve("page").toString());
        // the advice's own chart and the camera targets come first: the score chart follows on page 2
        run(dir, "pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2", pdf.toString(), dir.resolve("next").toString());
        BufferedImage page = ImageIO.read(png(dir, "page").toFile());
        BufferedImage next = ImageIO.read(png(dir, "next").toFile());
        // only the light flickers: lighting, sharpness, colour and framing score 100, their bars green
        Color bars = Charts.GOOD;
        int n = 0;
        int ink = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                Color c = new Color(page.getRGB(x, y));
                n += HtmlReportBrowserTest.near(c, bars, 16) ? 1 : 0;
                n += HtmlReportBrowserTest.near(new Color(next.getRGB(x, y)), bars, 16) ? 1 : 0;
                ink += HtmlReportBrowserTest.near(c, Color.WHITE, 12) ? 0 : 1;
            }
        }
        assertTrue(ink > page.getWidth() * page.getHeight() / 50, "page 1 is not blank: " + ink);
        assertTrue(n > 150, "the score chart's green bars on pages 1–2: " + n);
    }

    private static Path png(Path dir, String prefix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".png"))
                    .findFirst().orElseThrow();
        }
    }

    static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": "
                + Files.readString(dir.resolve("err.txt")));
        return out;
    }
}
