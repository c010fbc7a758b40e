package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camlab.cli.CliRunner;
import org.camlab.fixtures.Fixtures;
import org.camlab.results.Metric;
import org.junit.jupiter.api.Test;

/**
 * {@code camlab analyze --json} keeps the camlab.report/1 contract: the fields of its first
 * version (listed here by hand, so that a rename in the catalogue fails) and every metric of the
 * catalogue, each with its type.
 */
class JsonContractTest {
    static final List<String> CONTRACT = List.of("schema", "source.kind", "source.name", "source.width",
            "source.height",
            "source.fpsNominal", "frames.analyzed", "frames.durationSec", "exposure.meanLuma",
            "exposure.clippedHighlightsPct",
            "exposure.clippedShadowsPct", "exposure.subjectLuma", "uniformity.minMaxRatio",
            "uniformity.cornerFalloffStops",
            "uniformity.leftRightStops", "backlight.faceDetected", "backlight.ratioStops", "backlight.sideLightStops",
            "sharpness.laplacianVariance", "sharpness.tenengrad", "sharpness.score", "noise.sigma", "color.castA",
            "color.castB", "color.cctKelvin", "resolution.mtf50", "resolution.mtf50LwPh", "resolution.edgesMeasured",
            "resolution.upscaleFactor", "temporal.fpsMeasured", "temporal.jitterMs", "temporal.droppedFrames",
            "temporal.frozenFrames", "temporal.flickerHz", "temporal.flickerPct", "framing.faceHeightPct",
            "framing.eyeLinePct", "framing.offCentrePct", "score", "recommendations");

    static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String p : path.split("\\.")) {
            n = n.get(p);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    @Test
    void everyContractFieldIsPresentWithItsType() throws Exception {
        var r = CliRunner.run("analyze", "--json", Fixtures.real("astronaut.png").toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, "one object per line");
        JsonNode root = new ObjectMapper().readTree(lines[0]);
        for (String path : CONTRACT) {
            assertTrue(at(root, path) != null, "missing " + path);
        }
        for (Metric m : Metric.values()) {
            JsonNode v = at(root, m.path());
            assertTrue(v != null, "the catalogue's " + m.path() + " is not written");
            switch (m.format) {
                case BOOLEAN -> assertTrue(v.isBoolean(), m.path() + " is a boolean: " + v);
                case INTEGER -> assertTrue(v.isNull() || v.isIntegralNumber(), m.path() + " is an integer or null: "
                        + v);
                default -> assertTrue(v.isNull() || v.isNumber(), m.path() + " is a number or null: " + v);
            }
        }
        assertTrue(at(root, "exposure.surroundLuma").isNumber() && at(root, "exposure.surroundHighlightLuma")
                .isNumber(),
                "the surround cues the underexposed rule reads are written");
        assertTrue(at(root, "frames.durationSec").isNull(), "a still has no duration");
        assertTrue(at(root, "temporal.droppedFrames").isNull() && at(root, "temporal.fpsMeasured").isNull(),
                "a still has no timing: null, not 0");
        assertEquals(1, at(root, "frames.decoded").asInt());
        assertFalse(root.get("partial").asBoolean());
        assertFalse(root.get("camlabVersion").asText().isBlank());
        Instant when = Instant.parse(root.get("measuredAt").asText());
        assertTrue(Math.abs(Duration.between(when, Instant.now()).toSeconds()) < 600, "measured just now: " + when);
        assertEquals("camlab.report/1", root.get("schema").asText());
        assertEquals("image", at(root, "source.kind").asText());
        assertEquals(512, at(root, "source.width").asInt());
        assertTrue(at(root, "source.fpsNominal").isNull(), "a still has no frame rate");
        assertTrue(at(root, "backlight.faceDetected").asBoolean());
        assertTrue(at(root, "sharpness.score").isIntegralNumber());
        assertTrue(root.get("score").isInt());
        JsonNode mtf50 = at(root, "resolution.mtf50");
        int edges = at(root, "resolution.edgesMeasured").asInt();
        assertTrue(edges > 0 ? mtf50.isNumber() && mtf50.asDouble() > 0 && mtf50.asDouble() < 1 : mtf50.isNull(),
                "slanted-edge MTF from the edges measured, null without them: " + mtf50 + " from " + edges);
        double wall = at(root, "frames.wallSec").asDouble();
        assertTrue(wall > 0 && wall < r.seconds(), "the analysis's own wall time, " + wall + " s, within the command's "
                + r.seconds() + " s");
        for (JsonNode rec : root.get("recommendations")) {
            for (String f : List.of("id", "severity", "title", "detail", "metric", "value", "threshold")) {
                assertTrue(rec.has(f), "recommendation lacks " + f);
            }
            assertTrue(rec.get("id").asText().matches("[a-z]+(-[a-z]+)*"), "kebab-case id");
        }
    }

    @Test
    void severalSourcesGiveOneLineEach() throws Exception {
        var r = CliRunner.run("analyze", "--json", Fixtures.real("astronaut.png").toString(),
                Fixtures.real("coffee.png").toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        for (String l : lines) {
            assertEquals("camlab.report/1", new ObjectMapper().readTree(l).get("schema").asText());
        }
    }

    @Test
    void humanSummaryHasEveryCategoryAndUnits() {
        var r = CliRunner.run("analyze", Fixtures.real("astronaut.png").toString());
        assertEquals(0, r.exit(), r.err());
        for (String s : List.of("exposure", "light", "uniformity", "sharpness", "noise", "colour", "resolution",
                "framing",
                "timing", "stops", "code values", "Score")) {
            assertTrue(r.out().contains(s), "summary lacks '" + s + "':\n" + r.out());
        }
    }

    @Test
    void helpReadsWell() {
        var top = CliRunner.run("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("analyze") && top.out().contains("Exit codes"), top.out());
        var sub = CliRunner.run("analyze", "--help");
        assertEquals(0, sub.exit());
        for (String opt : List.of("--json", "--max-frames", "--every", "--faces")) {
            assertTrue(sub.out().contains(opt), sub.out());
        }
    }
}
