package org.camlab.readiness.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The path probe against a probe server on loopback whose loss and delay are known (its test
 * mode): the loss, round trip and jitter it measures against those injected, its bounds in bytes
 * and time, and what it says of a target that does not answer. Each test prints what it measured.
 */
@Timeout(30)
class PathProbeTest {
    static ProbeServer.Options loopback() {
        return ProbeServerTest.loopback();
    }

    static PathProbe.Options to(ProbeServer s) {
        return PathProbe.Options.of("127.0.0.1", s.boundAddress().getPort());
    }

    static void print(String what, PathResult r, ProbeServer s) {
        System.out.println(what + ": " + r.summary() + " in " + String.format("%.2f s", r.seconds()) + "; " + r.rates()
                + (s != null ? "; " + s.stats() : ""));
    }

    @Test
    void rfc3550JitterOfAHandComputedSequence() {
        // transits 10, 12, 11, 15, 15 ms: |D| = 2, 1, 4, 0; J = J + (|D| - J) / 16 from 0:
        // 0.125; 0.125 + 0.875/16 = 0.1796875; + 3.8203125/16 = 0.41845703125; - 0.41845703125/16 = 0.392303466796875
        Rfc3550Jitter j = new Rfc3550Jitter();
        long[] ms = {10, 12, 11, 15, 15};
        double[] expected = {0, 0.125, 0.1796875, 0.41845703125, 0.392303466796875};
        for (int i = 0; i < ms.length; i++) {
            j.add(ms[i] * 1_000_000L);
            assertEquals(expected[i], j.millis(), 1e-12, "after packet " + i);
        }
        assertEquals(5, j.count());
        // the clock offset between the two ends cancels, even one that wraps the long
        Rfc3550Jitter shifted = new Rfc3550Jitter();
        for (long m : ms) {
            shifted.add(m * 1_000_000L + Long.MAX_VALUE - 11_000_000L);
        }
        assertEquals(j.nanos(), shifted.nanos(), 1e-6);
        // a steady |D| of 1 ms converges to 1 ms as 1 - (15/16)^n
        Rfc3550Jitter steady = new Rfc3550Jitter();
        for (int i = 0; i <= 100; i++) {
            steady.add((i % 2) * 1_000_000L);
        }
        assertEquals(1 - Math.pow(15.0 / 16, 100), steady.millis(), 1e-12);
    }

    @Test
    void aCleanLoopbackLosesNothingAndAnswersFast() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback())) {
            PathProbe.Options o = to(s).withRates(List.of(1.5, 3.5), 1000);
            long t0 = System.nanoTime();
            PathResult r = PathProbe.measure(o);
            double wall = (System.nanoTime() - t0) / 1e9;
            print("clean", r, s);
            assertTrue(r.answered(), r.summary());
            assertEquals(2, r.rates().size());
            for (PathResult.Rate rate : r.rates()) {
                long planned = PathProbe.packets(rate.targetMbps(), 1000, 1200);
                assertTrue(rate.sent() >= planned * 0.95, rate.sent() + " of " + planned
                        + " planned: the pacing fell behind");
                assertEquals(0, rate.lossPercent(), rate.summary());
                // loopback: well under a millisecond; 5 ms and 20 ms leave room for a busy shared machine
                assertTrue(rate.rttMedianMillis() < 5, rate.summary());
                assertTrue(rate.rttP95Millis() < 20, rate.summary());
                assertTrue(rate.jitterMillis() < 2, rate.summary());
                assertEquals(rate.targetMbps(), rate.sentMbps(), rate.targetMbps() * 0.05, "the stream's bitrate");
            }
            assertEquals(s.stats().answered(), r.received());
            assertTrue(r.bytesSent() <= o.maxBytes(), r.bytesSent() + " bytes > " + o.maxBytes());
            assertTrue(wall * 1000 <= o.maxMillis(), wall + " s > " + o.maxMillis() + " ms");
            assertTrue(Double.isNaN(r.tcpConnectMillis()), "TCP is only the fallback");
            assertEquals("127.0.0.1", r.host());
        }
    }

    @Test
    void theLossMeasuredIsTheLossInjected() throws Exception {
        double injected = 0.10;
        // 2 Mbit/s of 250-byte probes for 2 s: 2000 probes. The count dropped is binomial: sd =
        // sqrt(0.1 × 0.9 / 2000) = 0.67 percentage points, so ±3 points is 4.5 sd (the seed fixes
        // the server's draws, but the test must hold for any seed)
        try (ProbeServer s = ProbeServer.start(loopback().withTestDrops(injected, 20240611L)
                .withPacketsPerSecondPerClient(5000))) {
            PathResult r = PathProbe.measure(to(s).withRates(List.of(2.0), 2000).withPacketBytes(250));
            print("10 % dropped", r, s);
            PathResult.Rate rate = r.rates().get(0);
            assertTrue(rate.sent() >= 1900, rate.toString());
            assertEquals(injected * 100, rate.lossPercent(), 3.0, rate.summary());
            // and it is the server's drops that were measured, not some other loss (2 probes of slack)
            assertEquals(s.stats().droppedTest(), rate.sent() - rate.received(), 2, s.stats().toString());
            assertTrue(rate.rttMedianMillis() < 5, rate.summary());
        }
    }

    @Test
    void anAddedDelayIsMeasuredAndAConstantOneIsNoJitter() throws Exception {
        long delay = 40;
        try (ProbeServer s = ProbeServer.start(loopback().withAddedDelayMillis(delay))) {
            PathResult r = PathProbe.measure(to(s).withRates(List.of(1.5, 3.5), 1000));
            print("40 ms added", r, s);
            for (PathResult.Rate rate : r.rates()) {
                assertEquals(0, rate.lossPercent(), rate.summary());
                // never below the delay; above it by the server's 1-ms timer and loopback: 10 ms of room
                assertTrue(rate.rttMedianMillis() >= delay && rate.rttMedianMillis() <= delay + 10, rate.summary());
                assertTrue(rate.rttP95Millis() <= delay + 25, rate.summary());
                // a constant delay: the upstream is untouched, the way back varies by the timer's ms at most
                assertTrue(rate.jitterMillis() < 1.5, rate.summary());
                assertTrue(rate.downstreamJitterMillis() < 3, rate.toString());
            }
        }
    }

    @Test
    void aWrongOrMissingTokenIsSaidSoAndTheStreamStopsAtOnce() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withToken(ProbeServerTest.TOKEN))) {
            for (String token : new String[]{null, "not the token"}) {
                PathResult r = PathProbe.measure(to(s).withToken(token).withRates(List.of(1.5), 2000));
                print("token " + token, r, s);
                assertFalse(r.answered(), r.summary());
                assertTrue(r.seconds() < 0.5, "stopped at the server's notice: " + r.seconds());
                // a notice comes at most every 250 ms per address: 0.3 s of 1.5 Mbit/s is 47 probes
                assertTrue(r.sent() < 60, r.sent() + " probes after the notice");
                assertEquals(token == null ? "the probe server wants a token (--token-file)"
                        : "the probe server refused the token: it has another one", r.refusal());
                assertEquals("127.0.0.1:" + s.boundAddress().getPort() + ": " + r.refusal(), r.summary());
            }
            assertEquals(0, s.stats().answered());
            PathResult ok = PathProbe.measure(to(s).withToken(ProbeServerTest.TOKEN).withRates(List.of(1.5), 500));
            assertTrue(ok.answered(), ok.summary());
            assertEquals(0, ok.rates().get(0).lossPercent(), ok.summary());
        }
    }

    @Test
    void aPortNobodyListensOnIsNoAnswerAtOnce() throws Exception {
        int port;
        try (DatagramChannel c = DatagramChannel.open().bind(new InetSocketAddress(ProbeServer.loopback(), 0))) {
            port = ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
        PathProbe.Options o = PathProbe.Options.of("127.0.0.1", port);
        PathResult r = PathProbe.measure(o);
        print("nobody", r, null);
        assertFalse(r.answered());
        assertFalse(r.tcpConnected());
        // the first second at most (loopback reports "port unreachable" at once), then a refused connect
        assertTrue(r.seconds() <= PathProbe.FIRST_ANSWER_MILLIS / 1000.0 + o.answerTimeoutMillis() / 1000.0,
                r.seconds() + " s");
        assertEquals(1, r.summary().lines().count(), r.summary());
        assertTrue(r.summary().contains("no answer"), r.summary());
    }

    @Test
    void aSilentHostIsNotStreamedAtPastTheFirstSecond() throws Exception {
        // a socket that reads and never answers, like a firewall that drops: no ICMP comes back
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress(ProbeServer.loopback(), 0))) {
            AtomicInteger got = new AtomicInteger();
            Thread reading = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(2048);
                try {
                    while (true) {
                        b.clear();
                        silent.receive(b);
                        got.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            reading.setDaemon(true);
            reading.start();
            PathProbe.Options o = PathProbe.Options.of("127.0.0.1", ((InetSocketAddress) silent.getLocalAddress())
                    .getPort());
            PathResult r = PathProbe.measure(o);
            print("silent", r, null);
            assertFalse(r.answered());
            assertTrue(r.seconds() >= 0.95 && r.seconds() <= 1.0 + o.answerTimeoutMillis() / 1000.0 + 0.5, r.seconds()
                    + " s");
            // about one second at 1.5 Mbit/s of 1200-byte probes (156 a second), not 3 s of both rates (1520)
            long perSecond = PathProbe.packets(1.5, 1000, 1200);
            assertTrue(r.sent() <= perSecond * 1.1, r.sent() + " probes sent to a silent host");
            Thread.sleep(100);
            assertTrue(got.get() <= perSecond * 1.1, got.get() + " probes reached the silent host");
            assertTrue(got.get() >= perSecond * 0.8, got.get() + " probes reached the silent host");
            assertTrue(r.note().contains("no UDP answer within 1 s"), r.note());
        }
    }

    @Test
    void aServerThatGoesAwayMidStreamIsNotStreamedAtFurther() throws Exception {
        ProbeServer s = ProbeServer.start(loopback());
        PathProbe.Options o = to(s).withRates(List.of(1.5, 3.5), 2000).withAnswerTimeoutMillis(500);
        Thread closing = new Thread(() -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                return;
            }
            s.close();
        });
        closing.start();
        PathResult r = PathProbe.measure(o);
        closing.join();
        print("server gone", r, null);
        assertTrue(r.answered());
        assertTrue(r.note() != null && r.note().startsWith("stopped: no answer for"), r.summary());
        // 0.6 s of answers, then 0.5 s of silence: about 1.1 s of the 4 planned
        assertTrue(r.seconds() < 1.1 + 0.5, r.seconds() + " s");
        assertEquals(1, r.rates().size(), "the second rate is never started");
    }

    @Test
    void aStopEndsTheStreamWithWhatWasMeasured() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback())) {
            long t0 = System.nanoTime();
            PathResult r = PathProbe.measure(to(s).withRates(List.of(1.5, 3.5), 3000),
                    () -> System.nanoTime() - t0 > 300_000_000L);
            print("stopped", r, s);
            assertEquals("interrupted", r.note());
            assertTrue(r.seconds() < 0.3 + 0.3, r.seconds() + " s");
            assertTrue(r.answered() && r.received() > 0, r.summary());
            assertTrue(Double.isNaN(r.tcpConnectMillis()));
        }
    }

    @Test
    void anUnknownHostIsOneLine() {
        long t0 = System.nanoTime();
        PathProbe.ProbeException e = assertThrows(PathProbe.ProbeException.class,
                () -> PathProbe.measure(PathProbe.Options.of("no-such-probe-server.invalid", 5210)));
        assertTrue(e.getMessage().contains("no-such-probe-server.invalid"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void targetsAreParsedAndCredentialsDropped() {
        assertEquals("probe.example", PathProbe.Options.target("probe.example").host());
        assertEquals(ProbeServer.DEFAULT_PORT, PathProbe.Options.target("probe.example").port());
        assertEquals(1234, PathProbe.Options.target("probe.example:1234").port());
        PathProbe.Options v6 = PathProbe.Options.target("[::1]:99");
        assertEquals("::1", v6.host());
        assertEquals(99, v6.port());
        assertEquals("fe80::1", PathProbe.Options.target("fe80::1").host());
        PathProbe.Options withUser = PathProbe.Options.target("alice:s3cret@probe.example:7");
        assertEquals("probe.example", withUser.host());
        assertFalse(withUser.toString().contains("s3cret"));
        assertFalse(PathProbe.Options.of("h", 1).withToken("tok3n").toString().contains("tok3n"));
        assertThrows(IllegalArgumentException.class, () -> PathProbe.Options.target("probe.example:http"));
        assertThrows(IllegalArgumentException.class, () -> PathProbe.Options.target("udp://probe.example"));
        assertThrows(IllegalArgumentException.class, () -> PathProbe.Options.target("probe.example:70000"));
        assertThrows(IllegalArgumentException.class, () -> PathProbe.Options.target(""));
        assertThrows(IllegalArgumentException.class, () -> PathProbe.Options.of("h", 1).withPacketBytes(20));
        assertThrows(IllegalArgumentException.class, () -> PathProbe.Options.of("h", 1).withRates(List.of(500.0),
                1000));
        // the defaults' bounds: 1.5 and 3.5 Mbit/s for 3 s each = 1.875 MB, 10 s at most
        PathProbe.Options d = PathProbe.Options.of("h", 1);
        assertTrue(d.maxBytes() <= (1.5 + 3.5) * 1e6 / 8 * 3, String.valueOf(d.maxBytes()));
        assertEquals(10_000, d.maxMillis());
    }
}
