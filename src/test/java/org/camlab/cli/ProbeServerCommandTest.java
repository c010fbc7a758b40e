package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.readiness.probe.PathProbe;
import org.camlab.readiness.probe.PathResult;
import org.camlab.readiness.probe.ProbeToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab probe-server} as a user runs it: where it listens and what it answered in one line
 * each, a port in use as one line and exit 3, bad arguments as exit 2, the token never shown, and
 * Ctrl-C ending it with its counts.
 */
@Timeout(60)
class ProbeServerCommandTest {
    static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ");

    static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** A port free for both UDP and TCP a moment ago. */
    static int freePort() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (DatagramChannel u = DatagramChannel.open().bind(loopback(0))) {
                int port = ((InetSocketAddress) u.getLocalAddress()).getPort();
                try (ServerSocketChannel t = ServerSocketChannel.open().bind(loopback(port))) {
                    return port;
                } catch (IOException taken) {
                    // its TCP twin is in use: another
                }
            }
        }
        throw new AssertionError("no free port");
    }

    @Test
    void itListensReportsWhereAndStopsAfterFor() {
        var r = CliRunner.run("probe-server", "--port", "0", "--for", "2s");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        Matcher m = LISTENING.matcher(lines.get(0));
        assertTrue(m.find(), lines.get(0));
        assertTrue(Integer.parseInt(m.group(1)) > 0, "the real port, not 0: " + lines.get(0));
        assertTrue(lines.get(0).contains("no token"), lines.get(0));
        assertTrue(lines.get(1).startsWith("camlab probe-server stopped after 2."), lines.get(1));
        assertTrue(lines.get(1).contains("0 probes answered"), lines.get(1));
        assertTrue(r.seconds() >= 1.9 && r.seconds() < 4, r.seconds() + " s");
    }

    @Test
    void whatItAnswersIsCountedAndItsTestModeDelays() throws Exception {
        int port = freePort();
        CompletableFuture<CliRunner.Result> server = CompletableFuture.supplyAsync(() -> CliRunner.run("probe-server",
                "--port", String.valueOf(port), "--for", "2500ms", "--delay", "20"));
        PathResult r = null;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (r == null || !r.answered() && System.nanoTime() < deadline) { // until it is up
            r = PathProbe.measure(PathProbe.Options.of("127.0.0.1", port).withRates(List.of(1.5), 1000));
        }
        var done = server.get(10, TimeUnit.SECONDS);
        assertEquals(0, done.exit(), done.err());
        assertTrue(r.answered(), r.summary());
        assertTrue(r.rates().get(0).rttMedianMillis() >= 20, r.summary());
        assertTrue(done.out().contains("TEST MODE"), done.out());
        Matcher answered = Pattern.compile(" (\\d+) probes answered").matcher(done.out());
        assertTrue(answered.find(), done.out());
        // what the client got; a tries' probe that reached the server as it came up may add one or two
        int n = Integer.parseInt(answered.group(1));
        assertTrue(n >= r.received() && n <= r.received() + 2, done.out() + " / " + r.summary());
    }

    @Test
    void aPortInUseIsOneLineAndExit3() throws Exception {
        try (DatagramChannel taken = DatagramChannel.open().bind(loopback(0))) {
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            var r = CliRunner.run("probe-server", "--port", String.valueOf(port), "--for", "1s");
            assertEquals(3, r.exit(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("camlab: cannot listen on 127.0.0.1:" + port + ": "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
        try (ServerSocketChannel taken = ServerSocketChannel.open().bind(loopback(0))) {
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            var r = CliRunner.run("probe-server", "--port", String.valueOf(port), "--for", "1s");
            assertEquals(3, r.exit(), "TCP taken, UDP free: " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void badArgumentsAreExit2() {
        String[][] bad = {
                {"--rate", "0"}, {"--rate", "abc"}, {"--rate", "-5"}, {"--max-clients", "0"}, {"--port", "70000"},
                {"--for", "0s"}, {"--for", "soon"}, {"--bind", "no-such-host.invalid"}, {"--token", ""},
                {"--token", "a", "--token-file", "t"}, {"--token-file", "/nonexistent/token"}, {"--drop", "1.5"},
                {"--delay", "-1"}};
        for (String[] args : bad) {
            String[] full = new String[args.length + 3];
            full[0] = "probe-server";
            System.arraycopy(args, 0, full, 1, args.length);
            full[args.length + 1] = "--port";
            full[args.length + 2] = "0";
            if (args[0].equals("--port")) {
                full = new String[]{"probe-server", "--port", "70000"};
            }
            var r = CliRunner.run(full);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("camlab: "), r.err());
            assertTrue(r.err().lines().count() <= 2, r.err()); // the message and "Try ... --help"
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out(), String.join(" ", args));
        }
        var rate = CliRunner.run("probe-server", "--rate", "0");
        assertTrue(rate.err().contains("--rate"), rate.err());
    }

    @Test
    void theTokenIsNeverPrinted(@TempDir Path dir) throws Exception {
        String secret = "s3cret-probe-token";
        var r = CliRunner.run("probe-server", "--port", "0", "--for", "300ms", "--token", secret);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("token required"), r.out());
        assertFalse(r.out().contains(secret) || r.err().contains(secret), r.out() + r.err());
        Path file = dir.resolve("probe.token");
        Files.writeString(file, secret + "\n");
        var f = CliRunner.run("probe-server", "--port", "0", "--for", "300ms", "--token-file", file.toString());
        assertEquals(0, f.exit(), f.err());
        assertTrue(f.out().contains("token required"), f.out());
        assertFalse(f.out().contains(secret) || f.err().contains(secret));
        Files.writeString(file, "\n");
        var empty = CliRunner.run("probe-server", "--port", "0", "--token-file", file.toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("empty"), empty.err());
    }

    @Test
    void aTwoLineTokenFileIsReadAlikeOnBothEnds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("probe.token");
        Files.writeString(file, "  two-line-token \n# given to the lab on 2026-01-05\n");
        int port = freePort();
        CompletableFuture<CliRunner.Result> server = CompletableFuture.supplyAsync(() -> CliRunner.run("probe-server",
                "--port", String.valueOf(port), "--for", "2500ms", "--token-file", file.toString()));
        // readiness reads --token-file with the same reader
        String token = ProbeToken.read(file);
        assertEquals("two-line-token", token);
        PathResult r = null;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (r == null || !r.answered() && System.nanoTime() < deadline) {
            r = PathProbe.measure(PathProbe.Options.of("127.0.0.1", port).withToken(token).withRates(List.of(1.5),
                    500));
        }
        var done = server.get(10, TimeUnit.SECONDS);
        assertEquals(0, done.exit(), done.err());
        assertTrue(r.answered(), r.summary());
        assertFalse(done.out().contains("two-line-token"), done.out());
    }

    @Test
    void anIpv4BindSaysIpv4Only() {
        var r = CliRunner.run("probe-server", "--bind", "0.0.0.0", "--port", "0", "--for", "300ms");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().findFirst().get().matches("camlab probe-server listening on 0\\.0\\.0\\.0:\\d+ "
                + "\\(IPv4 only\\) .*"), r.out());
    }

    @Test
    void theHelpSaysWhatExposesIt() {
        var r = CliRunner.run("probe-server", "--help");
        assertEquals(0, r.exit(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("0.0.0.0"), r.out());
        assertTrue(help.contains("--token-file"), r.out());
        assertTrue(help.contains("Exit codes"), r.out());
        assertTrue(help.contains("Reachable from the Internet, it should have a token"), r.out());
        assertTrue(help.contains("first line, trimmed"), r.out());
        assertFalse(help.contains("--drop") || help.contains("--delay"), "the test mode is hidden");
        assertTrue(CliRunner.run("--help").out().contains("probe-server"));
    }

    @Test
    void ctrlCStopsItWithItsCounts() throws Exception {
        Process p = new ChildProcess().start("probe-server", "--port", "0");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertTrue(first != null && LISTENING.matcher(first).find(), String.valueOf(first));
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "still running after SIGINT");
            assertEquals(130, p.exitValue());
            String last = out.readLine();
            assertTrue(last != null && last.startsWith("camlab probe-server stopped after"), String.valueOf(last));
        } finally {
            p.destroyForcibly();
        }
    }
}
