package org.camlab.readiness.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attacks of issue 28, on loopback only (127.0.0.0/8 and ::1): many sockets of one address,
 * many source addresses, a replayed probe, a bad-MAC flood forged with a running client's address
 * and port, a flood from one address. Each shows a legitimate client measured by {@link PathProbe}
 * (from an address of its own) served with at most 1 % loss and sane figures, and the server's
 * tables bounded (entries counted). Each prints its figures. Every loop is bounded by a count or a
 * clock.
 */
@Timeout(60)
class ProbeServerAttackTest {
    static final String TOKEN = ProbeServerTest.TOKEN;

    static InetSocketAddress at(int b, int c, int d, int port) {
        return new InetSocketAddress(ProbeServerTest.address(b, c, d), port);
    }

    static ProbeServer.Options loopback() {
        return ProbeServerTest.loopback();
    }

    /** The legitimate client: PathProbe from 127.0.0.{@code host}, 1.5 then 3.5 Mbit/s for {@code millis} each. */
    static PathResult legit(ProbeServer s, String token, InetSocketAddress from, long millis) throws Exception {
        PathProbe.Options o = PathProbe.Options.of("127.0.0.1", s.boundAddress().getPort()).withToken(token)
                .withRates(List.of(1.5, 3.5), millis);
        return PathProbe.measure(o, () -> false, from);
    }

    static void assertServed(PathResult r, ProbeServer s) {
        assertTrue(r.answered(), r.summary() + " / " + s.stats());
        for (PathResult.Rate rate : r.rates()) {
            assertTrue(rate.lossPercent() <= 1.0, rate.summary() + " / " + s.stats());
            assertTrue(rate.rttMedianMillis() < 20, rate.summary());
            assertEquals(rate.targetMbps(), rate.sentMbps(), rate.targetMbps() * 0.1, rate.toString());
        }
        assertNull(r.refusal(), r.summary());
    }

    static void send(DatagramSocket d, byte[] b, InetSocketAddress to) throws IOException {
        d.send(new DatagramPacket(b, b.length, to));
    }

    /** Everything {@code d} receives within {@code millis} after the last datagram. */
    static List<byte[]> drain(DatagramSocket d, int millis) throws IOException {
        List<byte[]> got = new ArrayList<>();
        d.setSoTimeout(millis);
        for (int i = 0; i < 100_000; i++) {
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            try {
                d.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            got.add(Arrays.copyOf(p.getData(), p.getLength()));
        }
        return got;
    }

    @Test
    void sixtyFourSocketsOfOneAddressTakeOnePlace() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withMaxClients(64))) {
            List<DatagramSocket> socks = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    DatagramSocket d = new DatagramSocket(at(0, 0, 3, 0));
                    socks.add(d);
                    send(d, ProbeServerTest.probeBytes(i, 0, ProbeProtocol.HEADER_BYTES, null), s.boundAddress());
                }
                LockSupport.parkNanos(100_000_000L);
                assertEquals(1, s.trackedAddresses(), "64 sockets of one address are one address");
                Thread again = new Thread(() -> { // and again during the measurement
                    LockSupport.parkNanos(500_000_000L);
                    for (DatagramSocket d : socks) {
                        try {
                            send(d, ProbeServerTest.probeBytes(7, 1, ProbeProtocol.HEADER_BYTES, null), s
                                    .boundAddress());
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
                again.start();
                PathResult r = legit(s, null, at(0, 0, 2, 0), 1000);
                again.join();
                System.out.println("64 sockets of 127.0.0.3: legit " + r.summary() + "; " + s.stats()
                        + "; addresses tracked " + s.trackedAddresses());
                assertServed(r, s);
                assertEquals(2, s.trackedAddresses());
            } finally {
                socks.forEach(DatagramSocket::close);
            }
        }
        // one victim address from 64 ports, as fast as they go for 1 s: held to one address's rate
        int rate = 2000;
        try (ProbeServer s = ProbeServer.start(loopback().withPacketsPerSecondPerClient(rate))) {
            List<DatagramChannel> socks = new ArrayList<>();
            long sent = 0;
            long replies = 0;
            try {
                for (int i = 0; i < 64; i++) {
                    DatagramChannel d = DatagramChannel.open(StandardProtocolFamily.INET).bind(at(0, 0, 4, 0));
                    d.configureBlocking(false);
                    socks.add(d);
                }
                ByteBuffer p = ByteBuffer.wrap(ProbeServerTest.probeBytes(1, 0, ProbeProtocol.HEADER_BYTES, null));
                ByteBuffer in = ByteBuffer.allocate(2048);
                long t0 = System.nanoTime();
                while (System.nanoTime() - t0 < 1_000_000_000L) {
                    for (DatagramChannel d : socks) {
                        p.rewind();
                        d.send(p, s.boundAddress());
                        sent++;
                        in.clear();
                        while (d.receive(in) != null) {
                            in.flip();
                            if (ProbeProtocol.readNotice(in) == null) {
                                replies++;
                            }
                            in.clear();
                        }
                    }
                }
                LockSupport.parkNanos(200_000_000L);
                for (DatagramChannel d : socks) {
                    in.clear();
                    while (d.receive(in) != null) {
                        in.flip();
                        replies += ProbeProtocol.readNotice(in) == null ? 1 : 0;
                        in.clear();
                    }
                }
            } finally {
                for (DatagramChannel d : socks) {
                    d.close();
                }
            }
            System.out.printf(
                    "one address, 64 ports, 1 s: %d sent, %d replies to that address (rate %d + burst %d); %s%n",
                    sent, replies, rate, rate / 5, s.stats());
            assertTrue(replies <= rate * 1.3 + rate / 5, replies + " replies to one address in 1 s");
        }
    }

    @Test
    void aHundredThousandSourceAddressesLockNobodyOutAndTheTableStaysBounded() throws Exception {
        int maxClients = ProbeServer.DEFAULT_MAX_CLIENTS;
        try (ProbeServer s = ProbeServer.start(loopback())) {
            AtomicInteger maxTracked = new AtomicInteger();
            AtomicBoolean waving = new AtomicBoolean(true);
            int sources = 100_000;
            long[] span = new long[2];
            Thread wave = new Thread(() -> {
                byte[] p = ProbeServerTest.probeBytes(7, 0, ProbeProtocol.HEADER_BYTES, null);
                span[0] = System.nanoTime();
                // the 100,000 once, then again from the first until the client is done (10 rounds at most)
                for (int n = 0; (n < sources || waving.get()) && n < 10 * sources; n++) {
                    int i = n % sources;
                    try (DatagramSocket d = new DatagramSocket(at(1 + i / 65536, (i / 256) % 256, i % 256, 0))) {
                        send(d, p, s.boundAddress());
                    } catch (IOException e) {
                        // an address the system refused: one fewer
                    }
                    maxTracked.accumulateAndGet(s.trackedAddresses(), Math::max);
                }
                span[1] = System.nanoTime();
            });
            wave.start();
            LockSupport.parkNanos(300_000_000L);
            // a client that arrives during the wave, from an address of its own
            PathResult r = legit(s, null, at(0, 0, 2, 0), 1000);
            waving.set(false);
            wave.join();
            System.out.printf(
                    "%d source addresses (cycled) for %.1f s, during: legit %s; %s; addresses tracked at most %d%n",
                    sources, (span[1] - span[0]) / 1e9, r.summary(), s.stats(), maxTracked.get());
            assertTrue(r.seconds() < (span[1] - span[0]) / 1e9, "the measurement was not during the wave");
            assertServed(r, s);
            assertTrue(maxTracked.get() <= maxClients, maxTracked.get() + " addresses tracked");
            assertTrue(s.stats().forgotten() > 0, "the table was full: " + s.stats());
            assertEquals(0, s.trackedSessions());
        }
    }

    @Test
    void aReplayedProbeIsAnsweredOnceAndLocksNobodyOut() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withToken(TOKEN));
                DatagramSocket client = new DatagramSocket(at(0, 0, 2, 0))) {
            byte[] sniffed = ProbeServerTest.probeBytes(99, 5, ProbeProtocol.minProbeBytes(true), TOKEN);
            send(client, sniffed, s.boundAddress());
            assertEquals(1, drain(client, 300).size(), "the original is answered");
            List<DatagramSocket> socks = new ArrayList<>();
            int answered = 0;
            try {
                for (int i = 0; i < 64; i++) {
                    socks.add(new DatagramSocket(at(0, 0, 3, 0)));
                }
                for (int i = 1; i <= 50; i++) {
                    socks.add(new DatagramSocket(at(2, 0, i, 0)));
                }
                for (DatagramSocket d : socks) {
                    send(d, sniffed, s.boundAddress());
                }
                for (DatagramSocket d : socks) {
                    answered += drain(d, 20).size();
                }
            } finally {
                socks.forEach(DatagramSocket::close);
            }
            System.out.println("replayed from 64 sockets and 50 addresses: " + answered + " datagrams to them; " + s
                    .stats());
            assertEquals(0, answered, "a replay gets its victims nothing, not even a notice");
            assertEquals(114, s.stats().droppedReplay());
            // the same probe a minute later (a capture replayed after the window): refused, a notice at most
            byte[] old = ProbeServerTest.probeBytes(98, 1, 200, TOKEN, System.currentTimeMillis() - 60_000);
            send(client, old, s.boundAddress());
            List<byte[]> got = drain(client, 300);
            assertTrue(got.size() <= 1 && (got.isEmpty() || got.get(0).length == ProbeProtocol.NOTICE_BYTES), got.size()
                    + "");
            assertEquals(1, s.stats().droppedClock());
            PathResult r = legit(s, TOKEN, at(0, 0, 4, 0), 1000);
            System.out.println("after the replays: legit " + r.summary() + "; " + s.stats() + "; sessions "
                    + s.trackedSessions());
            assertServed(r, s);
            assertTrue(s.trackedSessions() <= 3, s.trackedSessions() + " sessions");
        }
    }

    @Test
    void theRememberedSessionsAreBoundedAndBeyondIsBusy() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withToken(TOKEN).withPacketsPerSecondPerClient(1_000_000));
                DatagramSocket d = new DatagramSocket(at(0, 0, 6, 0))) {
            for (int i = 0; i < ProbeServer.MAX_SESSIONS; i++) {
                send(d, ProbeServerTest.probeBytes(1000 + i, 0, ProbeProtocol.minProbeBytes(true), TOKEN), s
                        .boundAddress());
                if (i % 200 == 0) {
                    LockSupport.parkNanos(5_000_000L); // keep within the socket buffers
                }
            }
            drain(d, 300); // the replies, so that the notice is not lost behind them in this socket's buffer
            for (int i = 0; i < 10; i++) {
                send(d, ProbeServerTest.probeBytes(100_000 + i, 0, ProbeProtocol.minProbeBytes(true), TOKEN), s
                        .boundAddress());
            }
            List<byte[]> got = drain(d, 300);
            long notices = got.stream().filter(b -> ProbeProtocol.readNotice(ByteBuffer.wrap(b)) != null).count();
            System.out.println(ProbeServer.MAX_SESSIONS + 10 + " sessions: " + s.stats() + "; sessions " + s
                    .trackedSessions());
            assertEquals(ProbeServer.MAX_SESSIONS, s.trackedSessions());
            assertEquals(10, s.stats().droppedBusy());
            assertEquals(ProbeServer.MAX_SESSIONS, s.stats().answered());
            assertTrue(notices >= 1, "a busy notice");
            assertEquals(ProbeProtocol.REASON_BUSY, got.stream().map(b -> ProbeProtocol.readNotice(ByteBuffer.wrap(b)))
                    .filter(n -> n != null).findFirst().get().reason());
        }
    }

    @Test
    void aBadMacFloodForgedWithARunningClientsAddressAndPortCostsItNothing() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withToken(TOKEN))) {
            InetSocketAddress from;
            try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET).bind(at(0, 0, 5, 0))) {
                from = (InetSocketAddress) probe.getLocalAddress(); // a free port, for both
            }
            AtomicLong forged = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread forging = new Thread(() -> {
                try (DatagramChannel f = DatagramChannel.open(StandardProtocolFamily.INET)) {
                    f.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    f.bind(from);
                    byte[] bad = ProbeServerTest.probeBytes(1, 1, ProbeProtocol.minProbeBytes(true), "not the token");
                    long t0 = System.nanoTime();
                    long interval = 1_000_000_000L / 4500;
                    for (int i = 0; i < 4500 * 10 && !stop.get(); i++) {
                        long wait = t0 + i * interval - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        f.send(ByteBuffer.wrap(bad), s.boundAddress());
                        forged.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            forging.start();
            LockSupport.parkNanos(100_000_000L);
            PathResult r;
            try {
                r = legit(s, TOKEN, from, 1500);
            } finally {
                stop.set(true);
                forging.join();
            }
            System.out.println("bad-MAC flood of " + forged.get()
                    + " at 4500/s from the client's address and port: legit "
                    + r.summary() + "; " + s.stats());
            assertServed(r, s);
            assertEquals(0, s.stats().droppedRate(), "the forged probes spent the client's rate: " + s.stats());
            assertTrue(s.stats().droppedToken() >= forged.get() * 0.9, s.stats().toString());
            assertTrue(s.stats().notices() <= 4 * ((r.seconds() + 1) + 1), "notices: " + s.stats());
        }
    }

    @Test
    void aFloodFromOneAddressIsDrainedFasterThanItsLimitAndOthersAreServed() throws Exception {
        int rate = 2000;
        try (ProbeServer s = ProbeServer.start(loopback())) {
            long dropsBefore = kernelDrops(s.boundAddress().getPort());
            AtomicLong sent = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            long[] span = new long[2];
            Thread flood = new Thread(() -> {
                try (DatagramChannel f = DatagramChannel.open(StandardProtocolFamily.INET).bind(at(0, 0, 3, 0))) {
                    ByteBuffer p = ByteBuffer.wrap(ProbeServerTest.probeBytes(1, 1, ProbeProtocol.HEADER_BYTES, null));
                    span[0] = System.nanoTime();
                    while (!stop.get() && System.nanoTime() - span[0] < 10_000_000_000L) {
                        p.rewind();
                        f.send(p, s.boundAddress());
                        sent.incrementAndGet();
                    }
                    span[1] = System.nanoTime();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            flood.start();
            LockSupport.parkNanos(200_000_000L);
            PathResult r;
            try {
                r = legit(s, null, at(0, 0, 2, 0), 1500);
            } finally {
                stop.set(true);
                flood.join();
            }
            LockSupport.parkNanos(200_000_000L);
            double seconds = (span[1] - span[0]) / 1e9;
            ProbeServer.Stats st = s.stats();
            long read = st.answered() + st.dropped();
            long kernel = kernelDrops(s.boundAddress().getPort()) - dropsBefore;
            System.out.printf("flood from one address: %d sent in %.1f s (%.0f/s); the server read %.0f/s (its limit "
                    + "for that address: %d/s), the kernel dropped %d (%s); receive buffer %d KiB; legit %s%n", sent
                            .get(),
                    seconds, sent.get() / seconds, read / seconds, rate, kernel, kernel < 0 ? "not known"
                            : "/proc/net/udp",
                    s.receiveBufferBytes() / 1024, r.summary());
            assertServed(r, s);
            assertTrue(read / seconds >= 10.0 * rate, "drained " + read / seconds + "/s");
        }
    }

    /** The drops counted for the UDP socket on {@code port} in /proc/net/udp, or -1. */
    static long kernelDrops(int port) {
        try {
            String hex = String.format("%04X", port);
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 12 && f[1].endsWith(":" + hex)) {
                    return Long.parseLong(f[f.length - 1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /**
     * Every kind of datagram the server can get, each from an address of its own: no answer is ever
     * larger than what it answers, and the bytes sent back never exceed the bytes received (ratio ≤ 1).
     */
    @Test
    void noRequestOfAnyKindIsAnsweredWithMoreBytes() throws Exception {
        Random random = new Random(28);
        List<String> names = new ArrayList<>();
        List<byte[]> kinds = new ArrayList<>();
        byte[] valid = ProbeServerTest.probeBytes(5, 1, ProbeProtocol.minProbeBytes(true), TOKEN);
        names.add("valid, smallest");
        kinds.add(valid);
        names.add("valid, 1500 bytes");
        kinds.add(ProbeServerTest.probeBytes(5, 2, 1500, TOKEN));
        names.add("replayed");
        kinds.add(valid);
        names.add("no MAC, smallest");
        kinds.add(ProbeServerTest.probeBytes(5, 3, ProbeProtocol.HEADER_BYTES, null));
        names.add("wrong token");
        kinds.add(ProbeServerTest.probeBytes(5, 4, ProbeProtocol.minProbeBytes(true), "wrong"));
        names.add("clock off");
        kinds.add(ProbeServerTest.probeBytes(6, 1, ProbeProtocol.minProbeBytes(true), TOKEN, 1_000_000_000L));
        ByteBuffer v1 = ByteBuffer.allocate(64);
        ProbeProtocol.writeV1Probe(v1, null, 7, 1, 1);
        names.add("protocol 1, 36 bytes");
        kinds.add(Arrays.copyOf(v1.array(), v1.remaining()));
        byte[] v3 = valid.clone();
        v3[4] = 3;
        names.add("protocol 3");
        kinds.add(v3);
        ByteBuffer reply = ByteBuffer.allocate(64);
        ProbeProtocol.writeReply(reply, new ProbeProtocol.Packet(1, 5, 1, 1, 1, 1, false), 1, null);
        names.add("a reply");
        kinds.add(Arrays.copyOf(reply.array(), reply.remaining()));
        ByteBuffer notice = ByteBuffer.allocate(64);
        ProbeProtocol.writeNotice(notice, ProbeProtocol.REASON_BUSY, 5, 1, 1);
        names.add("a notice");
        kinds.add(Arrays.copyOf(notice.array(), notice.remaining()));
        names.add("magic only");
        kinds.add(Arrays.copyOf(valid, 4));
        names.add("empty");
        kinds.add(new byte[0]);
        byte[] g = new byte[1500];
        random.nextBytes(g);
        names.add("random");
        kinds.add(g);
        for (String token : new String[]{TOKEN, null}) {
            try (ProbeServer s = ProbeServer.start(loopback().withToken(token).withPacketsPerSecondPerClient(10))) {
                for (int k = 0; k < kinds.size(); k++) {
                    try (DatagramSocket d = new DatagramSocket(at(3, token == null ? 1 : 0, k + 1, 0))) {
                        long in = 0;
                        long out = 0;
                        // 40 of each (over the rate of 10 a second and its burst of 8 after the first)
                        for (int i = 0; i < 40; i++) {
                            send(d, kinds.get(k), s.boundAddress());
                            in += kinds.get(k).length;
                        }
                        for (byte[] b : drain(d, 150)) {
                            assertTrue(b.length <= kinds.get(k).length, names.get(k) + ": " + b.length + " bytes back");
                            out += b.length;
                        }
                        double ratio = in == 0 ? 0 : (double) out / in;
                        System.out.printf("token %s, %-22s %4d bytes ×40: %5d bytes back, ratio %.3f%n", token != null,
                                names.get(k), kinds.get(k).length, out, ratio);
                        assertTrue(out <= in, names.get(k) + ": " + out + " bytes back for " + in);
                    }
                }
            }
        }
    }

    @Test
    void whatIsBoundIsWhatIsSaidForIpv4AndIpv6() throws Exception {
        InetAddress v6loopback = InetAddress.getByName("::1");
        boolean v6 = true;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(v6loopback, 0))) {
            assertNotNull(probe.getLocalAddress());
        } catch (IOException e) {
            v6 = false;
        }
        Assumptions.assumeTrue(v6, "IPv6 loopback");
        try (ProbeServer s = ProbeServer.start(loopback().withBind(new InetSocketAddress(InetAddress.getByName(
                "0.0.0.0"), 0)))) {
            int port = s.boundAddress().getPort();
            assertEquals("0.0.0.0:" + port + " (IPv4 only)", s.listensOn());
            assertTrue(answers(new InetSocketAddress("127.0.0.1", port), "127.0.0.1"));
            assertFalse(answers(new InetSocketAddress(v6loopback, port), "::1"), "0.0.0.0 answered on IPv6");
        }
        try (ProbeServer s = ProbeServer.start(loopback().withBind(new InetSocketAddress(InetAddress.getByName("::"),
                0)))) {
            int port = s.boundAddress().getPort();
            assertTrue(answers(new InetSocketAddress(v6loopback, port), "::1"));
            boolean v4 = answers(new InetSocketAddress("127.0.0.1", port), "127.0.0.1");
            assertEquals("[::]:" + port + (v4 ? " (IPv6 and IPv4)" : " (IPv6 only)"), s.listensOn());
        }
        try (ProbeServer s = ProbeServer.start(loopback().withBind(new InetSocketAddress(v6loopback, 0)))) {
            int port = s.boundAddress().getPort();
            assertEquals("[0:0:0:0:0:0:0:1]:" + port, s.listensOn());
            assertTrue(answers(new InetSocketAddress(v6loopback, port), "::1"));
            assertFalse(answers(new InetSocketAddress("127.0.0.1", port), "127.0.0.1"));
            // an IPv6 client's limits count its /64
            PathResult r = PathProbe.measure(PathProbe.Options.of("::1", port).withRates(List.of(1.5), 500));
            assertServed(r, s);
            assertEquals(1, s.trackedAddresses());
        }
    }

    static boolean answers(InetSocketAddress server, String from) throws IOException {
        try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(from), 0))) {
            send(d, ProbeServerTest.probeBytes(1, 1, 100, null), server);
            return !drain(d, 300).isEmpty();
        }
    }

    @Test
    void anOlderServerAndAnOlderClientAreOneLineEach() throws Exception {
        // an older server (protocol 1): answers protocol 1 probes only, ignores protocol 2
        try (DatagramChannel old = DatagramChannel.open(StandardProtocolFamily.INET).bind(at(0, 0, 1, 0))) {
            Thread serving = new Thread(() -> {
                ByteBuffer b = ByteBuffer.allocate(2048);
                try {
                    for (int i = 0; i < 10_000; i++) {
                        b.clear();
                        SocketAddress from = old.receive(b);
                        b.flip();
                        if (b.remaining() >= 36 && b.get(4) == 1 && b.get(5) == 1) {
                            ByteBuffer r = ByteBuffer.allocate(36);
                            r.put(b.array(), 0, 36).put(5, (byte) 2).put(6, (byte) 0).flip();
                            old.send(r, from);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            serving.setDaemon(true);
            serving.start();
            PathResult r = PathProbe.measure(PathProbe.Options.of("127.0.0.1",
                    ((InetSocketAddress) old.getLocalAddress()).getPort()).withRates(List.of(1.5), 1500));
            System.out.println("against protocol 1: " + r.summary());
            assertFalse(r.answered());
            assertEquals("the probe server is an older camlab (probe protocol 1; this one speaks 2): update it", r
                    .refusal());
            assertEquals(1, r.summary().lines().count());
        }
        // an older client against this server: a version notice, and the server counts it
        try (ProbeServer s = ProbeServer.start(loopback()); DatagramSocket d = new DatagramSocket(at(0, 0, 7, 0))) {
            ByteBuffer v1 = ByteBuffer.allocate(64);
            ProbeProtocol.writeV1Probe(v1, null, 42, 1, 1);
            send(d, Arrays.copyOf(v1.array(), v1.remaining()), s.boundAddress());
            List<byte[]> got = drain(d, 300);
            assertEquals(1, got.size());
            ProbeProtocol.Notice n = ProbeProtocol.readNotice(ByteBuffer.wrap(got.get(0)));
            assertEquals(ProbeProtocol.REASON_VERSION, n.reason());
            assertEquals(2, n.version());
            assertEquals(42, n.session());
            assertEquals(1, s.stats().droppedVersion());
        }
    }

    @Test
    void aClockTooFarOffIsSaidSo() throws Exception {
        // the server's side: a probe 40 s ahead is refused with a clock notice that carries the server's time
        try (ProbeServer s = ProbeServer.start(loopback().withToken(TOKEN));
                DatagramSocket d = new DatagramSocket(at(0, 0, 8, 0))) {
            long ahead = System.currentTimeMillis() + 40_000;
            send(d, ProbeServerTest.probeBytes(77, 1, 200, TOKEN, ahead), s.boundAddress());
            List<byte[]> got = drain(d, 300);
            assertEquals(1, got.size());
            ProbeProtocol.Notice n = ProbeProtocol.readNotice(ByteBuffer.wrap(got.get(0)));
            assertEquals(ProbeProtocol.REASON_CLOCK, n.reason());
            assertEquals(System.currentTimeMillis(), n.serverWallMillis(), 2000);
            assertEquals(0, s.stats().answered());
            // within the window: answered
            send(d, ProbeServerTest.probeBytes(77, 2, 200, TOKEN, System.currentTimeMillis() + 20_000), s
                    .boundAddress());
            assertEquals(ProbeProtocol.minProbeBytes(true), drain(d, 300).get(0).length);
        }
    }

    @Test
    void theTokenFileIsItsFirstLineTrimmed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals("s3cret", ProbeToken.of("s3cret"));
        assertEquals("s3cret", ProbeToken.of("  s3cret \r\n# the lab's probe token\nmore\n"));
        assertEquals("s3cret", ProbeToken.of("\uFEFFs3cret\n"));
        assertEquals("two words", ProbeToken.of("two words\n"));
        for (String empty : new String[]{"", "\n", "  \nsecond line", "\uFEFF"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ProbeToken.of(empty));
        }
        Path file = dir.resolve("token");
        Files.writeString(file, TOKEN + "\nsecond line\n");
        assertEquals(TOKEN, ProbeToken.read(file));
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ProbeToken.read(dir.resolve("none")));
    }
}
