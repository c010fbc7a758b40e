package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab compare} and {@code --require} profiles as a user runs them, on two recordings of
 * the same still scene: one under light that beats by ±20 % at 5 Hz (flicker of 40 % peak to peak,
 * the truth), one under steady light. The fix between them is the flicker, and only the flicker.
 */
class CompareAndRequireTest {
    static Path flickering;
    static Path steady;

    @BeforeAll
    static void record() {
        flickering = Recordings.lit(30, 90, 640, 360, new int[0], false, 0.8, 0, 0, 0, 5.0, 0.2);
        steady = Recordings.lit(30, 90, 640, 360, new int[0], false, 0.8, 0, 0, 0, 0, 0);
    }

    static Path json(Path dir, String name, Path recording) throws Exception {
        var r = CliRunner.run("analyze", "--json", "--faces", "none", recording.toString());
        assertEquals(0, r.exit(), r.err());
        Path f = dir.resolve(name);
        Files.writeString(f, r.out());
        return f;
    }

    @Test
    void compareShowsTheFixAndWhatChanged(@TempDir Path dir) throws Exception {
        Path before = json(dir, "before.json", flickering);
        Path after = json(dir, "after.json", steady);
        Path html = dir.resolve("compare.html");
        var r = CliRunner.run("compare", before.toString(), after.toString(), "--report", html.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("Fixed:\n  flicker — Flickering light"), out);
        assertFalse(out.contains("New:"), "nothing appeared: " + out);
        JsonNode a = new ObjectMapper().readTree(Files.readString(before));
        JsonNode b = new ObjectMapper().readTree(Files.readString(after));
        int sa = a.get("score").asInt();
        int sb = b.get("score").asInt();
        assertTrue(sb > sa, "the steady light scores higher: " + sa + " → " + sb);
        assertTrue(out.contains(String.format("  score      %3d → %3d  %+d", sa, sb, sb - sa)), out);
        assertTrue(out.contains(String.format("  motion     %3d → %3d", a.get("scores").get("motion").asInt(),
                b.get("scores").get("motion").asInt())), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("temporal.flickerPct") && l.contains("→ n/a")), out);
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"chart-before-after\"") && page.contains("data:image/png;base64,"),
                "chart embedded");
        assertFalse(page.contains("src=\"http"), "self-contained");
    }

    @Test
    void compareRejectsWhatIsNotAReportInOneLine(@TempDir Path dir) throws Exception {
        Path good = json(dir, "good.json", steady);
        Path text = Files.writeString(dir.resolve("notes.json"), "hello");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"something/2\"}");
        Path two = Files.writeString(dir.resolve("two.json"), Files.readString(good).strip() + "\n" + Files.readString(
                good));
        for (Path bad : new Path[]{dir.resolve("missing.json"), text, other, two}) {
            var r = CliRunner.run("compare", good.toString(), bad.toString());
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
            assertTrue(r.err().startsWith("camlab: ") && !r.err().contains("Exception"), r.err());
        }
        var missingArg = CliRunner.run("compare", good.toString());
        assertEquals(2, missingArg.exit());
    }

    @Test
    void theDefaultProfileFailsOnTheFlickerWithExit4AndPrintsEachRequirement() {
        var bad = CliRunner.run("analyze", "--faces", "none", "--require", "default", flickering.toString());
        assertEquals(4, bad.exit(), bad.err());
        assertTrue(bad.out().contains("  FAIL  no flicker (found: Flickering light)"), bad.out());
        assertTrue(bad.out().contains("  pass  no backlight (none found)"), bad.out());
        assertTrue(bad.err().contains("fails --require no flicker"), bad.err());
    }

    @Test
    void aProfileFileBoundsARuleByItsOwnThreshold(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("room.json"), """
                {"profile": "room standard",
                 "requirements": [
                   {"rule": "flicker", "op": "<=", "absent": "pass"},
                   {"require": "frames.analyzed>=1", "source": "x"}
                 ]}""".replace("frames.analyzed>=1", "exposure.meanLuma>=20"));
        var steadyRun = CliRunner.run("analyze", "--faces", "none", "--json", "--require", profile.toString(),
                steady.toString());
        assertEquals(0, steadyRun.exit(), steadyRun.err());
        JsonNode j = new ObjectMapper().readTree(steadyRun.out().strip());
        JsonNode reqs = j.get("requirements");
        assertEquals(2, reqs.size());
        assertEquals("temporal.flickerPct <= 2", reqs.get(0).get("requirement").asText(), "the rule's own threshold");
        assertTrue(reqs.get(0).get("met").asBoolean(), "no flicker found (null) passes with absent: pass");
        assertTrue(reqs.get(0).get("source").asText().contains("2 %"), reqs.get(0).toString());
        var flickerRun = CliRunner.run("analyze", "--faces", "none", "--require", profile.toString(), flickering
                .toString());
        assertEquals(4, flickerRun.exit());
        assertTrue(flickerRun.out().contains("FAIL  temporal.flickerPct <= 2 (measured 39."), flickerRun.out());
    }

    @Test
    void aMalformedProfileIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        String[] bad = {"{not json", "{\"requirements\": []}", "[1, 2]",
                "{\"requirements\": [{\"rule\": \"no-such-rule\"}]}",
                "{\"requirements\": [{\"rule\": \"flicker\", \"op\": \"~\"}]}",
                "{\"requirements\": [{\"require\": \"nonsense.metric>1\"}]}",
                "{\"requirements\": [{\"what\": 1}]}"};
        int i = 0;
        for (String text : bad) {
            Path p = Files.writeString(dir.resolve("p" + i++ + ".json"), text);
            var r = CliRunner.run("analyze", "--require", p.toString(), steady.toString());
            assertEquals(2, r.exit(), text + ": " + r.err());
            assertTrue(r.err().contains("--require"), text + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        var missing = CliRunner.run("analyze", "--require", dir.resolve("none.json").toString(), steady.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no profile file"), missing.err());
    }
}
