package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl-C and SIGTERM on a long recording: the report of what was measured, marked partial, and 130/143. */
@Timeout(180)
class InterruptTest {
    private static Result interrupt(String signal) throws Exception {
        Path file = Recordings.steadyLong(300, 30, 320, 240, 10);
        Process p = new ChildProcess().start("analyze", "--json", "--verbose", "--every", "1", file.toString());
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        StringBuilder err = new StringBuilder();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            err.append(line).append('\n');
            if (line.contains("session:")) {
                break; // the session runs: its handler is installed
            }
        }
        Thread.sleep(1500);
        long sent = System.nanoTime();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) {
                    err.append(l).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ends after the signal");
        double after = (System.nanoTime() - sent) / 1e9;
        rest.get(10, TimeUnit.SECONDS);
        return new Result(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.toString(), after);
    }

    record Result(int exit, String out, String err, double secondsAfterSignal) {
    }

    private static void assertPartialReport(Result r, String signal) throws Exception {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out().strip());
        assertTrue(json.get("partial").asBoolean(), r.out());
        int analysed = json.get("frames").get("analyzed").asInt();
        assertTrue(analysed > 0 && analysed < 9000, "some of the 9000 frames: " + analysed);
        assertEquals("interrupted (SIG" + signal + ")", json.get("error").asText());
        assertTrue(json.get("exposure").get("meanLuma").isNumber(), "the numbers measured so far");
        assertTrue(r.secondsAfterSignal() < 10, "ends promptly: " + r.secondsAfterSignal() + " s");
    }

    @Test
    void ctrlCPrintsThePartialReportAndExits130() throws Exception {
        Result r = interrupt("INT");
        assertEquals(130, r.exit(), r.err());
        assertPartialReport(r, "INT");
    }

    @Test
    void sigtermPrintsThePartialReportAndExits143() throws Exception {
        Result r = interrupt("TERM");
        assertEquals(143, r.exit(), r.err());
        assertPartialReport(r, "TERM");
    }
}
