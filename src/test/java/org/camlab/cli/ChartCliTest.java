package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.camlab.chart.ChartPhotos;
import org.camlab.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab chart} and {@code --chart} as a user runs them: the PDF on either paper (its page
 * size read back by pdfinfo, its words by pdftotext), bad arguments as one line and exit 2, and the
 * photographed chart of {@code ChartRoundTripTest} read by {@code camlab analyze --chart}.
 */
class ChartCliTest {
    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        return out;
    }

    @Test
    void theChartIsWrittenOnEitherPaper(@TempDir Path dir) throws Exception {
        Path a4 = dir.resolve("chart.pdf");
        var r = CliRunner.run("chart", "--out", a4.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("chart (A4 landscape: print at 100 %) written to " + a4), r.err());
        assertTrue(run("pdfinfo", a4.toString()).contains("841.89 x 595.2"), "A4 landscape: " + run("pdfinfo", a4
                .toString()));
        assertTrue(run("pdftotext", a4.toString(), "-").contains("camlab test chart"));
        Path letter = dir.resolve("letter.pdf");
        assertEquals(0, CliRunner.run("chart", "--out", letter.toString(), "--paper", "LETTER").exit());
        assertTrue(run("pdfinfo", letter.toString()).contains("792 x 612 pts"), run("pdfinfo", letter.toString()));
    }

    @Test
    void badArgumentsAreOneLine(@TempDir Path dir) {
        var paper = CliRunner.run("chart", "--out", dir.resolve("c.pdf").toString(), "--paper", "a3");
        assertEquals(2, paper.exit());
        assertTrue(paper.err().contains("a4 or letter, not 'a3'"), paper.err());
        var name = CliRunner.run("chart", "--out", dir.resolve("c.png").toString());
        assertEquals(2, name.exit());
        assertTrue(name.err().contains(".pdf"), name.err());
        var missing = CliRunner.run("chart");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--out"), missing.err());
    }

    @Test
    void analyzeChartReadsThePhotographedChart(@TempDir Path dir) throws Exception {
        Path photo = Path.of("target", "chart-photo.png");
        if (!Files.exists(photo)) {
            ChartPhotos.write(photo);
        }
        var r = CliRunner.run("analyze", "--json", "--faces", "none", "--chart", photo.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode c = new ObjectMapper().readTree(r.out()).get("chart");
        assertTrue(c.get("found").asBoolean(), c.toString());
        assertEquals(0.186, c.get("mtf50Centre").asDouble(), 0.01, c.toString());
        assertEquals(5, c.get("mtf50BySquare").size());
        assertEquals(10, c.get("stepLuma").size());
        var text = CliRunner.run("analyze", "--faces", "none", "--chart", "--lang", "zh-Hans", photo.toString());
        assertTrue(text.out().contains("测试图卡：已找到"), text.out());
        var none = CliRunner.run("analyze", "--json", "--faces", "none", "--chart",
                Fixtures.real("astronaut.png").toString());
        assertEquals(false, new ObjectMapper().readTree(none.out()).get("chart").get("found").asBoolean());
    }
}
