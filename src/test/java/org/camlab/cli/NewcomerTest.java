package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.camlab.results.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command line as a newcomer meets it: help, typos, the summary at 80 columns, the legend, limits. */
@Timeout(120)
class NewcomerTest {
    private static String astronaut() {
        return Fixtures.real("astronaut.png").toString();
    }

    private static JsonNode json(CliRunner.Result r) throws Exception {
        return new ObjectMapper().readTree(r.out().strip());
    }

    @Test
    void helpPrintsNoWarning() throws Exception {
        for (String[] args : new String[][]{{"analyze", "--help"}, {"--help"}, {"explain", "--help"}, {"demo",
                "--help"}}) {
            ChildProcess.Result r = new ChildProcess().run(60, args);
            assertEquals(0, r.exit(), r.err());
            assertEquals("", r.err(), "help of " + String.join(" ", args) + " prints nothing on stderr");
            assertTrue(r.out().contains("Usage: camlab"), r.out());
        }
    }

    @Test
    void aMistypedCommandGetsTheClosestOne() {
        CliRunner.Result r = CliRunner.run("analize", astronaut());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("camlab: unknown command 'analize'; did you mean 'analyze'?"), r.err());
        assertFalse(r.err().contains("Unmatched argument"), r.err());
        CliRunner.Result far = CliRunner.run("frobnicate");
        assertEquals(2, far.exit());
        assertTrue(far.err().contains("commands: analyze"), far.err());
    }

    @Test
    void analyseIsAnalyze() throws Exception {
        CliRunner.Result r = CliRunner.run("analyse", "--json", astronaut());
        assertEquals(0, r.exit(), r.err());
        assertEquals("camlab.report/1", json(r).get("schema").asText());
    }

    @Test
    void aFileNamedLikeAnOptionGetsAHint() {
        CliRunner.Result r = CliRunner.run("analyze", "-x.png");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("camlab analyze -- -x.png"), r.err());
    }

    @Test
    void theSummaryWrapsAtWordsWithinEightyColumns() {
        CliRunner.Result r = CliRunner.run("analyze", astronaut());
        assertEquals(0, r.exit(), r.err());
        for (String line : r.out().split("\n")) {
            assertTrue(line.codePointCount(0, line.length()) <= 80, "over 80 columns: '" + line + "'");
        }
        // an item is never split from its value: "min/max" and its number stay on one line
        assertTrue(r.out().lines().anyMatch(l -> l.matches(".*min/max \\d\\.\\d{3}.*")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.endsWith("min/max")), r.out());
    }

    @Test
    void theSummaryHasALegendAndExplainDefinesEveryNumber() {
        CliRunner.Result r = CliRunner.run("analyze", astronaut());
        assertTrue(r.out().contains("[check] worth a look") && r.out().contains("Score: 100, less 25"), r.out());
        assertTrue(r.out().contains("off centre > 0 is right of centre"), r.out());
        CliRunner.Result all = CliRunner.run("explain", "all");
        assertEquals(0, all.exit(), all.err());
        for (Metric m : Metric.values()) {
            assertTrue(all.out().contains(m.path()), "explain lists " + m.path());
        }
        CliRunner.Result one = CliRunner.run("explain", "sideLightStops");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().replaceAll("\\s+", " ").contains(Metric.SIDE_LIGHT.definition), one.out());
        assertTrue(one.out().contains("side-light"), "and the rule that reads it: " + one.out());
        assertEquals(2, CliRunner.run("explain", "nonsense").exit());
    }

    @Test
    void demoIntoAMissingDirectorySaysSo() {
        CliRunner.Result r = CliRunner.run("demo", "--out", "/missing/dir/x.mp4");
        assertEquals(ExitCodes.OUTPUT, r.exit());
        assertEquals("camlab: cannot write /missing/dir/x.mp4: there is no directory /missing/dir", r.err().strip());
    }

    @Test
    void demoSecondsZeroIsRefusedTruthfully() {
        CliRunner.Result r = CliRunner.run("demo", "--seconds", "0");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("more than 0"), r.err());
    }

    @Test
    void verboseSaysWhatWasOpenedAndHowItRan() throws Exception {
        Path rec = Recordings.constantRate(30.0, 30, 320, 240);
        ChildProcess.Result r = new ChildProcess().run(60, "analyze", "--verbose", "--faces", "cascade", rec
                .toString());
        assertEquals(0, r.exit(), r.err());
        for (String s : new String[]{"opened", "codec h264", "pixel format yuv420p",
                "face detector haar-cascade loaded",
                "cadence auto", "frames decoded", "analysed", "ms each"}) {
            assertTrue(r.err().contains(s), "--verbose tells '" + s + "':\n" + r.err());
        }
    }

    @Test
    void requireChecksTheCatalogue() {
        assertEquals(0, CliRunner.run("analyze", astronaut(), "--require", "sharpness.score>=40", "--require",
                "score>=50").exit());
        CliRunner.Result fail = CliRunner.run("analyze", astronaut(), "--require", "sharpness.score>=100");
        assertEquals(ExitCodes.REQUIREMENT_FAILED, fail.exit());
        assertTrue(fail.err().contains("sharpness.score >= 100 (measured 99)"), fail.err());
        CliRunner.Result unmeasured = CliRunner.run("analyze", astronaut(), "--require", "temporal.droppedFrames<=0");
        assertEquals(ExitCodes.REQUIREMENT_FAILED, unmeasured.exit(), "a still has no timing: not met");
        assertTrue(unmeasured.err().contains("not measured"), unmeasured.err());
        CliRunner.Result bad = CliRunner.run("analyze", astronaut(), "--require", "sharpness.scor>=1");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("no metric 'sharpness.scor'"), bad.err());
    }

    @Test
    void everyAndDurationTakeTimes() throws Exception {
        Path rec = Recordings.steadyLong(300, 30, 320, 240, 10);
        CliRunner.Result r = CliRunner.run("analyze", "--json", "--every", "10s", rec.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        assertEquals(30, j.get("frames").get("decoded").asInt(), "key frames only");
        assertEquals(30, j.get("frames").get("analyzed").asInt());
        assertTrue(j.get("temporal").get("fpsMeasured").isNull());
        CliRunner.Result d = CliRunner.run("analyze", "--json", "--duration", "2s", rec.toString());
        assertEquals(0, d.exit(), d.err());
        assertEquals(60, json(d).get("frames").get("decoded").asInt(), "2 s at 30 fps");
        for (String bad : new String[]{"0", "0s", "ten", "-5", "5x"}) {
            CliRunner.Result b = CliRunner.run("analyze", "--every", bad, rec.toString());
            assertEquals(2, b.exit(), "--every " + bad);
            assertTrue(b.err().startsWith("camlab: --every"), b.err());
        }
        assertEquals(2, CliRunner.run("analyze", "--duration", "forever", rec.toString()).exit());
    }

    @Test
    void aLiveStreamWithoutALimitSaysHowToStop() throws Exception {
        // a stream that opens: an MPEG-TS recording served by a one-shot local HTTP server
        Path mp4 = Recordings.steadyLong(20, 30, 320, 240, 1);
        Path ts = mp4.resolveSibling(mp4.getFileName() + ".ts");
        if (!Files.isRegularFile(ts)) {
            Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", mp4.toString(), "-c",
                    "copy",
                    "-f", "mpegts", ts.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
        }
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (var s = server.accept(); var out = s.getOutputStream()) {
                    s.getInputStream().read(new byte[4096]);
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: video/mp2t\r\nConnection: close\r\n\r\n".getBytes());
                    Files.copy(ts, out);
                } catch (IOException e) {
                    // the client went away
                }
            });
            t.setDaemon(true);
            t.start();
            CliRunner.Result r = CliRunner.run("analyze", "--json", "http://user:pw@127.0.0.1:" + server.getLocalPort()
                    + "/live.ts");
            assertTrue(r.err().contains("is live: measuring until it ends or Ctrl-C (or give --duration 30s)"), r
                    .err());
            assertFalse(r.err().contains(":pw@"), r.err());
        }
        CliRunner.Result refused = CliRunner.run("analyze", "rtsp://127.0.0.1:9/none");
        assertEquals(3, refused.exit());
        assertEquals(1, refused.err().lines().count(), "a stream that never opens gets one line: " + refused.err());
    }
}
