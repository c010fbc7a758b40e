package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.camlab.report.TextReport;
import org.camlab.results.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code camlab check} and {@code camlab devices} as a user runs them, on a machine without a camera. */
@Timeout(180)
class CheckCommandTest {
    private static ChildProcess camlab() {
        return new ChildProcess().env("CAMLAB_CACHE", Fixtures.generated().toString());
    }

    @Test
    void theDemoCheckShowsTheBacklightAndEndsWithTheReport() throws Exception {
        ChildProcess.Result r = camlab().run(120, "check", "--demo", "--duration", "5s", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out().strip());
        assertEquals("camlab.report/1", j.get("schema").asText());
        assertEquals(5.0, j.get("frames").get("durationSec").asDouble(), 0.1);
        assertTrue(j.get("frames").get("analyzed").asInt() > 10, j.toString());
        assertTrue(r.err().contains("backlight (fix): Bright light behind you"), "the live log on stderr: " + r.err());
        boolean backlight = false;
        for (JsonNode rec : j.get("recommendations")) {
            backlight |= rec.get("id").asText().equals("backlight");
        }
        assertTrue(backlight, j.toString());
    }

    /** A flickering lamp replaced 6 s into the check: the flicker is said, then cleared, while the check goes on. */
    @Test
    void aFlickerFixedClearsFromTheLiveCheck() throws Exception {
        String rec = Recordings.flickerThenSteady(30, 30 * 15, 320, 180, 30 * 6, 5.0, 0.2).toString();
        ChildProcess.Result r = camlab().run(90, "check", rec, "--faces", "none");
        assertEquals(0, r.exit(), r.err());
        String log = r.out();
        int said = log.indexOf("] flicker");
        int cleared = log.indexOf("cleared: flicker");
        assertTrue(said > 0, "the flicker is said while the lamp beats:\n" + log);
        assertTrue(cleared > said, "and cleared once it is steady:\n" + log);
    }

    @Test
    void theSummaryFollowsTheLiveLogOnStdout() throws Exception {
        ChildProcess.Result r = camlab().run(120, "check", "--demo", "--duration", "3s", "--faces", "none");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("[  "), r.out());
        assertTrue(r.out().contains("checking demo scene"), r.out());
        assertTrue(r.out().contains("Score "), r.out());
    }

    /** The live score counts the computer's advice as the summary does: the check ends with the score it showed. */
    @Test
    void theLiveScoreIsTheScoreTheCheckEndsWith() throws Exception {
        ChildProcess.Result r = camlab().run(120, "check", "--demo", "--duration", "6s", "--faces", "none");
        assertEquals(0, r.exit(), r.err());
        Matcher live = Pattern.compile("(?m)^\\[ *[0-9.]+ s\\] .*: score (\\d+)/100").matcher(r.out());
        String lastLive = null;
        while (live.find()) {
            lastLive = live.group(1);
        }
        Matcher end = Pattern.compile("(?m)^  Score (\\d+)/100").matcher(r.out());
        assertTrue(lastLive != null && end.find(), r.out());
        assertTrue(r.out().contains("What to change:"), r.out());
        assertEquals(end.group(1), lastLive, "the live score and the summary's:\n" + r.out());
    }

    /** The report of a check on the demo names the demo where a camera check names the camera. */
    @Test
    void theReportOfACheckOnTheDemoNamesItsSource(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("check.html");
        ChildProcess.Result r = camlab().run(120, "check", "--demo", "--duration", "3s", "--no-view", "--faces",
                "none", "--report", html.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("id=\"readiness\""), "the check's findings are in the report");
        assertFalse(page.contains("Camera: none found"), page);
        assertTrue(page.contains("Source: demo scene"), page);
    }

    /** The summary's end: one list and one score with the computer's advice, wrapped, the demo named as the source. */
    @Test
    void theSummaryIsOneListOneScoreWrappedAtTheWidth() throws Exception {
        for (int columns : new int[]{80, 120}) {
            ChildProcess.Result r = camlab().env("COLUMNS", Integer.toString(columns)).run(120, "check", "--demo",
                    "--duration", "3s", "--no-view");
            assertEquals(0, r.exit(), r.err());
            String out = r.out();
            for (String line : out.lines().toList()) {
                assertTrue(TextReport.columns(line) <= columns, columns + " columns: " + line);
            }
            assertFalse(out.contains("Camera: none found"), out);
            assertTrue(out.replaceAll("\\s+", " ").contains(
                    "Source: demo scene (a person before a bright window), a file rather than a camera"), out);
            Matcher item = Pattern.compile("(?m)^ *\\d+\\. \\[(fix|check|note)\\]").matcher(out);
            int penalties = 0;
            int items = 0;
            while (item.find()) {
                items++;
                penalties += switch (item.group(1)) {
                    case "fix" -> Severity.HIGH.penalty;
                    case "check" -> Severity.MEDIUM.penalty;
                    default -> Severity.LOW.penalty;
                };
            }
            assertEquals(1, Pattern.compile("(?m)^ *1\\. \\[").matcher(out).results().count(), "one list:\n" + out);
            assertTrue(out.contains("Score " + Math.max(0, 100 - penalties) + "/100"), items + " items, one score:\n"
                    + out);
        }
    }

    @Test
    void noCameraIsOneLineThatSuggestsTheDemo() throws Exception {
        for (String[] args : new String[][]{{"check"}, {"check", "camera:0"}, {"check", "/dev/video0"}}) {
            ChildProcess.Result r = camlab().run(60, args);
            assertEquals(3, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().contains("no camera") && r.err().contains("--demo"), r.err());
        }
    }

    @Test
    void devicesSaysThereIsNoCamera() throws Exception {
        ChildProcess.Result r = camlab().run(60, "devices");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("No camera found"), r.out());
        ChildProcess.Result j = camlab().run(60, "devices", "--json");
        assertEquals(0, j.exit(), j.err());
        assertEquals("[]", j.out().strip());
    }

    @Test
    void badArgumentsAreExitTwo() throws Exception {
        String rec = Recordings.constantRate(30, 30, 320, 240).toString();
        for (String[] args : new String[][]{{"check", "--demo", rec}, {"check", "--duration", "0s", rec},
                {"check", "--duration", "soon", rec}, {"check", "--faces", "eyes", rec}}) {
            ChildProcess.Result r = camlab().run(60, args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("camlab: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aRecordingIsReplayedAtItsPace() throws Exception {
        String rec = Recordings.constantRate(30, 90, 320, 240).toString();
        ChildProcess.Result r = camlab().run(60, "check", rec, "--json", "--faces", "none");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out().strip());
        assertEquals(90, j.get("frames").get("decoded").asInt());
        assertEquals(3.0, j.get("frames").get("wallSec").asDouble(), 0.8, "90 frames at 30 fps take 3 s");
    }

    @Test
    void aDeadStreamAndASilentOneEachEndInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        ChildProcess.Result dead = camlab().run(30, "check", "rtsp://user:secret@127.0.0.1:" + port + "/room");
        assertEquals(3, dead.exit(), dead.err());
        assertEquals(1, dead.errLines().size(), dead.err());
        assertFalse(dead.err().contains("secret") || dead.out().contains("secret"), dead.err());
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepts, never answers
                    }
                } catch (Exception ignored) {
                    // closed
                }
            });
            accept.setDaemon(true);
            accept.start();
            ChildProcess.Result r = camlab().run(40, "check", "rtsp://127.0.0.1:" + silent.getLocalPort() + "/room");
            assertEquals(3, r.exit(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.seconds() < 20, "gave up after " + r.seconds() + " s");
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** A camera unplugged mid-check, played by a recording cut in half: what was seen is kept. */
    @Test
    void aSourceThatBreaksOffKeepsWhatWasSeen() throws Exception {
        Path cut = Recordings.truncated(Recordings.constantRateFastStart(30, 150, 320, 240), 0.5);
        ChildProcess.Result r = camlab().run(60, "check", cut.toString(), "--json", "--faces", "none");
        assertEquals(3, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out().strip());
        int decoded = j.get("frames").get("decoded").asInt();
        assertTrue(decoded > 30 && decoded < 150, "the frames before the cut were measured: " + decoded);
        assertTrue(j.get("partial").asBoolean(), j.toString());
        // with --json the live log is on stderr too; the error is one line of its own, the last
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("camlab: ")).toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("of its 150 frames"), r.err());
        assertEquals(errors.get(0), r.errLines().get(r.errLines().size() - 1), "the error comes last");
    }

    /** A real recording (OpenCV's pedestrians, 10 fps) through the virtual camera: its true rate, and advice on it. */
    @Test
    void aRealTenFpsRecordingIsCheckedAtItsRateAndAdvised(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path html = dir.resolve("check.html");
        ChildProcess.Result r = camlab().run(90, "check", Fixtures.real("vtest.avi").toString(), "--duration", "6s",
                "--json", "--faces", "none", "--report", html.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out().strip());
        assertEquals(10.0, j.get("source").get("fpsNominal").asDouble(), 0.01);
        assertEquals(10.0, j.get("temporal").get("fpsMeasured").asDouble(), 0.2, "replayed at its own pace");
        assertEquals(0, j.get("temporal").get("droppedFrames").asInt());
        assertEquals(6.0, j.get("frames").get("wallSec").asDouble(), 1.5, "6 s of it take 6 s");
        boolean lowFps = false;
        for (JsonNode rec : j.get("recommendations")) {
            if (rec.get("id").asText().equals("low-fps")) {
                lowFps = true;
                assertTrue(rec.get("detail").asText().contains("runs at 10 fps"), rec.toString());
            }
        }
        assertTrue(lowFps, "10 fps is below 24: " + j.get("recommendations"));
        String page = Files.readString(html);
        assertTrue(page.contains("Low frame rate") && page.contains("data:image/png;base64,"),
                "the report of the check");
    }
}
