package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.camlab.readiness.probe.ProbeServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab readiness} as a user runs it: the encoder's figures and verdict, the path to a
 * real {@code camlab probe-server} on loopback with a known delay and loss, a target that does not
 * answer (one line, exit 3, within the timeout), bad arguments (exit 2), and the live check's
 * readiness lines and JSON section.
 */
@Timeout(120)
class ReadinessCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theWholeMeasurementAsJson() throws Exception {
        var r = CliRunner.run("readiness", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("camlab.readiness/1", root.get("schema").asText());
        JsonNode computer = root.at("/readiness/computer");
        assertTrue(computer.get("physicalCores").asInt() >= 1, r.out());
        assertEquals(2, computer.get("encode").size());
        double hd = computer.at("/encode/0/realTimeFactor").asDouble();
        double fullHd = computer.at("/encode/1/realTimeFactor").asDouble();
        assertTrue(hd > fullHd && fullHd > 0, "720p must encode faster than 1080p: " + computer);
        assertTrue(Set.of("1080p", "720p", "less than 720p").contains(computer.get("canSend").asText()));
        assertEquals(4, computer.at("/decode/streams").asInt());
        assertTrue(Set.of("wired", "wifi", "virtual", "none", "unknown").contains(root.at("/readiness/link/kind")
                .asText()));
        assertTrue(root.at("/readiness/path").isNull(), "nothing probed without --target");
        assertTrue(root.at("/readiness/recommendations").isArray());
        assertTrue(root.at("/readiness/seconds").asDouble() > 0);
        System.out.printf("readiness: %.1f s; 720p30 %.1f×, 1080p30 %.1f× real time, 4 decodes %.1f×%n",
                root.at("/readiness/seconds").asDouble(), hd, fullHd, computer.at("/decode/realTimeFactor").asDouble());
    }

    @Test
    void thePathToAProbeServerWithKnownDelayAndLoss() throws Exception {
        try (ProbeServer server = ProbeServer.start(ProbeServer.Options.defaults()
                .withBind(new InetSocketAddress("127.0.0.1", 0)).withAddedDelayMillis(30).withTestDrops(0.05, 7))) {
            int port = server.boundAddress().getPort();
            var r = CliRunner.run("readiness", "--no-encode", "--json", "--target", "127.0.0.1:" + port);
            assertEquals(0, r.exit(), r.err());
            JsonNode path = JSON.readTree(r.out()).at("/readiness/path");
            assertTrue(path.get("answered").asBoolean());
            assertEquals(2, path.get("rates").size());
            int sent = 0;
            int received = 0;
            for (JsonNode rate : path.get("rates")) {
                double rtt = rate.get("rttMedianMillis").asDouble();
                assertTrue(rtt >= 30 && rtt < 45, "30 ms injected, median " + rtt);
                assertTrue(rate.get("jitterMillis").asDouble() < 3, "constant delay: " + rate);
                sent += rate.get("sent").asInt();
                received += rate.get("received").asInt();
            }
            double loss = 100.0 * (sent - received) / sent;
            // 5 % of ~1500 probes: binomial sd 0.56 points; ±2.5 points is over 4 sd
            assertEquals(5, loss, 2.5, "5 % dropped by the server, measured " + loss);
        }
    }

    @Test
    void aTargetThatDoesNotAnswerIsOneLineAndExit3() throws Exception {
        int port;
        try (var s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nobody listens there
        }
        var r = CliRunner.run("readiness", "--no-encode", "--target", "127.0.0.1:" + port);
        assertEquals(3, r.exit(), r.out() + r.err());
        var lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("camlab: ") && lines.get(0).contains("no answer"), lines.get(0));
        assertTrue(r.seconds() < 8, "bounded by the answer timeout: " + r.seconds() + " s");
        assertTrue(r.out().contains("Computer:"), "the rest is still printed");
    }

    @Test
    void badArgumentsAreExit2() {
        assertEquals(2, CliRunner.run("readiness", "--target", "host:notaport").exit());
        assertEquals(2, CliRunner.run("readiness", "--token", "x").exit(), "a token without a target");
        assertEquals(2, CliRunner.run("readiness", "--content", "/no/such/file.mp4").exit());
        var r = CliRunner.run("readiness", "--no-encode", "--target", "user:secret@nosuch.invalid");
        assertEquals(3, r.exit());
        assertFalse(r.err().contains("secret") || r.out().contains("secret"), "credentials never printed: " + r.err());
    }

    @Test
    void theLiveCheckShowsReadinessLinesAndTheJsonSection(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("check.html");
        var text = CliRunner.run("check", "--demo", "--duration", "3s", "--no-view", "--faces", "none", "--report", html
                .toString());
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().contains("Computer and network"), text.out());
        assertTrue(text.out().contains("Link: "), text.out());
        assertTrue(Files.readString(html).contains("id=\"readiness\""));
        var json = CliRunner.run("check", "--demo", "--duration", "3s", "--no-view", "--faces", "none", "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode root = JSON.readTree(json.out());
        assertEquals("camlab.report/1", root.get("schema").asText());
        assertTrue(root.at("/readiness/computer/physicalCores").asInt() >= 1, json.out());
        assertTrue(root.at("/readiness/computer/encode").isNull(), "no encoder test during the live check");
    }
}
