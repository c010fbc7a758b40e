package org.camlab.readiness.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probe server as an exposed service, on loopback: no reply larger than its probe, silence
 * for garbage and for a wrong token, a flood held to the rate without hurting another client, a
 * bounded client table that frees itself, half-open TCP clients that cost nothing, a prompt close.
 */
@Timeout(30)
class ProbeServerTest {
    static final String TOKEN = "correct horse battery staple";

    static ProbeServer.Options loopback() {
        return ProbeServer.Options.defaults().withBind(new InetSocketAddress(ProbeServer.loopback(), 0));
    }

    /** A plain test client: one socket, raw datagrams, a receive timeout. */
    static final class Client implements AutoCloseable {
        final DatagramSocket socket;
        final InetSocketAddress server;
        final long session = new Random().nextLong();

        Client(ProbeServer s) throws IOException {
            this(s, 1);
        }

        /** From 127.0.0.{@code host}: limits count addresses, so clients that must not share one use their own. */
        Client(ProbeServer s, int host) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(address(0, 0, host), 0));
            server = s.boundAddress();
        }

        void send(byte[] bytes) throws IOException {
            socket.send(new DatagramPacket(bytes, bytes.length, server));
        }

        void probe(int seq, int size, String token) throws IOException {
            send(probeBytes(session, seq, size, token));
        }

        /** The next reply within {@code millis}, skipping notices (checked: 28 bytes, about this client), or null. */
        byte[] receiveReply(int millis) throws IOException {
            long until = System.nanoTime() + millis * 1_000_000L;
            while (true) {
                long left = (until - System.nanoTime()) / 1_000_000L;
                byte[] b = left > 0 ? receive((int) left) : null;
                if (b == null || ProbeProtocol.readNotice(ByteBuffer.wrap(b)) == null) {
                    return b;
                }
                assertEquals(ProbeProtocol.NOTICE_BYTES, b.length);
                assertEquals(session, ProbeProtocol.readNotice(ByteBuffer.wrap(b)).session(),
                        "a notice about another's probe");
            }
        }

        /** The next datagram within {@code millis}, or null. */
        byte[] receive(int millis) throws IOException {
            socket.setSoTimeout(millis);
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            return Arrays.copyOf(p.getData(), p.getLength());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    static InetAddress address(int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[]{127, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] probeBytes(long session, int seq, int size, String token) {
        return probeBytes(session, seq, size, token, System.currentTimeMillis());
    }

    static byte[] probeBytes(long session, int seq, int size, String token, long wallMillis) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, ProbeProtocol.minProbeBytes(true)));
        ProbeProtocol.writeProbe(b, ProbeProtocol.mac(token), session, seq, System.nanoTime(), wallMillis, size);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static ProbeProtocol.Packet reply(byte[] bytes, String token) {
        return bytes == null ? null : ProbeProtocol.read(ByteBuffer.wrap(bytes), ProbeProtocol.TYPE_REPLY,
                ProbeProtocol.mac(token), token != null);
    }

    @Test
    void theProtocolRoundTripsAndRefusesWhatItShould() {
        Mac key = ProbeProtocol.mac(TOKEN);
        ByteBuffer b = ByteBuffer.allocate(1200);
        ProbeProtocol.writeProbe(b, key, 42L, 7, 123_456_789L, 1_700_000_000_000L, 1200);
        assertEquals(1200, b.remaining());
        ProbeProtocol.Packet p = ProbeProtocol.read(b.duplicate(), ProbeProtocol.TYPE_PROBE, key, true);
        assertNotNull(p);
        assertEquals(42L, p.session());
        assertEquals(7, p.sequence());
        assertEquals(123_456_789L, p.clientSendNanos());
        assertEquals(1_700_000_000_000L, p.clientWallMillis());
        assertNull(ProbeProtocol.read(b.duplicate(), ProbeProtocol.TYPE_PROBE, ProbeProtocol.mac("wrong"), true));
        assertNull(ProbeProtocol.read(b.duplicate(), ProbeProtocol.TYPE_REPLY, key, true), "a probe is not a reply");
        ByteBuffer r = ByteBuffer.allocate(64);
        ProbeProtocol.writeReply(r, p, 99L, key);
        assertEquals(ProbeProtocol.minProbeBytes(true), r.remaining());
        ProbeProtocol.Packet back = ProbeProtocol.read(r.duplicate(), ProbeProtocol.TYPE_REPLY, key, true);
        assertEquals(99L, back.serverReceiveNanos());
        assertEquals(123_456_789L, back.clientSendNanos());
        // any single flipped bit of the header breaks the MAC
        for (int bit = 0; bit < ProbeProtocol.HEADER_BYTES * 8; bit++) {
            ByteBuffer flipped = ByteBuffer.allocate(1200);
            flipped.put(b.duplicate()).flip();
            flipped.put(bit / 8, (byte) (flipped.get(bit / 8) ^ (1 << (bit % 8))));
            assertNull(ProbeProtocol.read(flipped, ProbeProtocol.TYPE_PROBE, key, true), "bit " + bit);
        }
    }

    @Test
    void aReplyIsNeverLargerThanItsProbe() throws Exception {
        for (String token : new String[]{null, TOKEN}) {
            try (ProbeServer s = ProbeServer.start(loopback().withToken(token).withPacketsPerSecondPerClient(
                    1_000_000));
                    Client c = new Client(s)) {
                int min = ProbeProtocol.minProbeBytes(token != null);
                for (int size = min; size <= ProbeProtocol.MAX_PROBE_BYTES; size++) {
                    c.probe(size, size, token);
                    byte[] r = c.receive(1000);
                    assertNotNull(r, "no reply to a valid " + size + "-byte probe (token " + (token != null) + ")");
                    assertTrue(r.length <= size, r.length + "-byte reply to a " + size + "-byte probe");
                    assertEquals(min, r.length);
                    assertEquals(size, reply(r, token).sequence());
                }
                long deadline = System.nanoTime() + 1_000_000_000L; // the count follows the send
                while (s.stats().answered() < ProbeProtocol.MAX_PROBE_BYTES - min + 1 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000L);
                }
                assertEquals(ProbeProtocol.MAX_PROBE_BYTES - min + 1, s.stats().answered());
            }
        }
    }

    @Test
    void garbageGetsNoReplyAndTheServerGoesOn() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withToken(TOKEN).withPacketsPerSecondPerClient(1_000_000));
                Client c = new Client(s)) {
            List<byte[]> garbage = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < 1000; i++) {
                byte[] g = new byte[random.nextInt(1501)];
                random.nextBytes(g);
                garbage.add(g);
            }
            byte[] valid = probeBytes(c.session, 1, 200, TOKEN);
            for (int len = 0; len < ProbeProtocol.minProbeBytes(true); len++) {
                garbage.add(Arrays.copyOf(valid, len)); // every truncation, down to an empty datagram
            }
            garbage.add(edit(valid, 0, (byte) 'X')); // magic
            garbage.add(edit(valid, 4, (byte) 3)); // another version: a version notice, no reply
            garbage.add(edit(valid, 5, (byte) ProbeProtocol.TYPE_REPLY)); // a reply: two servers must not ping-pong
            garbage.add(edit(valid, 6, (byte) 3)); // an unknown flag
            garbage.add(edit(valid, 7, (byte) 1)); // the reserved byte
            garbage.add(edit(valid, 17, (byte) 0x55)); // the sequence, under the MAC
            garbage.add(edit(valid, 40, (byte) (valid[40] ^ 1))); // the wall clock, under the MAC
            garbage.add(edit(valid, 50, (byte) (valid[50] ^ 1))); // the MAC itself
            garbage.add(probeBytes(c.session, 2, 200, null)); // no token
            garbage.add(probeBytes(c.session, 3, 200, "wrong token"));
            // in batches, each closed by a valid probe: its reply must be the next reply, so none of the
            // garbage before it was answered (one socket, in order; notices, 28 bytes, are all that may come
            // before it); the batches also keep the kernel's buffer from overflowing, so the count is exact
            int seq = 1000;
            for (int from = 0; from < garbage.size(); from += 100) {
                for (byte[] g : garbage.subList(from, Math.min(garbage.size(), from + 100))) {
                    c.send(g);
                }
                c.probe(++seq, 300, TOKEN);
                ProbeProtocol.Packet r = reply(c.receiveReply(2000), TOKEN);
                assertNotNull(r, "the server stopped answering after garbage " + from);
                assertEquals(seq, r.sequence(), "a reply to garbage");
            }
            assertNull(c.receiveReply(200), "nothing more");
            ProbeServer.Stats st = s.stats();
            assertEquals(garbage.size(), st.droppedGarbage() + st.droppedToken() + st.droppedVersion(), st.toString());
            assertEquals(1, st.droppedVersion(), st.toString());
            assertEquals(5, st.droppedToken(), st.toString());
            assertEquals(0, st.droppedRate() + st.droppedReplay() + st.droppedClock(), st.toString());
            assertEquals(seq - 1000, st.answered(), st.toString());
        }
    }

    static byte[] edit(byte[] b, int at, byte value) {
        byte[] c = b.clone();
        c[at] = value;
        return c;
    }

    @Test
    void aTokenServerIgnoresProbesWithoutOrWithAWrongToken() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withToken(TOKEN)); Client c = new Client(s)) {
            c.probe(1, 1200, null);
            c.probe(2, 1200, "Correct horse battery staple");
            c.probe(3, ProbeProtocol.HEADER_BYTES, null);
            // what comes is one notice (at most four a second per address), 28 bytes: "token"
            byte[] n = c.receive(500);
            assertNotNull(n, "no notice");
            assertEquals(ProbeProtocol.REASON_TOKEN, ProbeProtocol.readNotice(ByteBuffer.wrap(n)).reason());
            assertNull(c.receiveReply(300), "a probe without the right token is answered");
            c.probe(4, 1200, TOKEN);
            byte[] r = c.receiveReply(1000);
            assertEquals(4, reply(r, TOKEN).sequence());
            assertNull(reply(r, "another token"), "the reply's MAC is the server's token's");
            assertEquals(3, s.stats().droppedToken());
            assertEquals(1, s.stats().notices());
        }
        // without a token of its own, a server answers a probe with a MAC, and its reply carries none
        try (ProbeServer s = ProbeServer.start(loopback()); Client c = new Client(s)) {
            c.probe(5, 100, TOKEN);
            byte[] r = c.receive(1000);
            assertEquals(ProbeProtocol.HEADER_BYTES, r.length);
            assertEquals(5, reply(r, null).sequence());
        }
    }

    @Test
    void aFloodIsHeldToTheRateWhileAnotherClientIsAnswered() throws Exception {
        int rate = 200;
        try (ProbeServer s = ProbeServer.start(loopback().withPacketsPerSecondPerClient(rate));
                Client flooder = new Client(s, 3);
                Client polite = new Client(s, 2)) {
            AtomicInteger floodAnswers = new AtomicInteger();
            Thread counting = new Thread(() -> {
                try {
                    while (flooder.receiveReply(500) != null) {
                        floodAnswers.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            counting.start();
            AtomicLong floodSent = new AtomicLong();
            long floodNanos = 1_500_000_000L;
            long[] floodSpan = new long[2];
            Thread flooding = new Thread(() -> {
                byte[] p = probeBytes(flooder.session, 0, 64, null);
                floodSpan[0] = System.nanoTime();
                try {
                    while (System.nanoTime() - floodSpan[0] < floodNanos) {
                        flooder.send(p);
                        floodSent.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed
                }
                floodSpan[1] = System.nanoTime();
            });
            flooding.start();
            // the polite client: 50 probes a second, well within the rate, during the flood
            LockSupport.parkNanos(200_000_000L);
            int politeSent = 60;
            AtomicInteger politeAnswers = new AtomicInteger();
            Thread politeCounting = new Thread(() -> {
                try {
                    while (polite.receiveReply(500) != null) {
                        politeAnswers.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            politeCounting.start();
            for (int i = 0; i < politeSent; i++) {
                polite.probe(i, 1200, null);
                LockSupport.parkNanos(20_000_000L);
            }
            flooding.join();
            counting.join();
            politeCounting.join();
            double seconds = (floodSpan[1] - floodSpan[0]) / 1e9;
            // the bucket: rate × time plus its burst (a fifth of a second's worth, at least 8)
            double allowed = rate * seconds + Math.max(8, rate / 5.0);
            assertTrue(floodSent.get() > 10 * allowed, "not a flood: " + floodSent.get() + " in " + seconds + " s");
            assertTrue(floodAnswers.get() <= allowed * 1.05, floodAnswers.get() + " answers to the flood, allowed "
                    + allowed + " (" + s.stats() + ")");
            assertTrue(floodAnswers.get() >= rate * seconds * 0.5, "the rate itself must be served: "
                    + floodAnswers.get());
            // on loopback the server drains the flood faster than it comes; 10 % slack for a shared machine
            assertTrue(politeAnswers.get() >= politeSent * 0.9, politeAnswers.get() + " of " + politeSent
                    + " polite probes answered during the flood (" + s.stats() + ")");
            assertTrue(s.stats().droppedRate() > 0, s.stats().toString());
            System.out.printf("flood: %d sent in %.2f s, %d answered (allowed %.0f); polite: %d of %d answered; %s%n",
                    floodSent.get(), seconds, floodAnswers.get(), allowed, politeAnswers.get(), politeSent, s.stats());
        }
    }

    @Test
    void aFullTableForgetsTheLeastRecentlySeenAndLocksNobodyOut() throws Exception {
        try (ProbeServer s = ProbeServer.start(loopback().withMaxClients(2));
                Client a = new Client(s, 11);
                Client b = new Client(s, 12);
                Client extra = new Client(s, 13)) {
            a.probe(1, 100, null);
            assertNotNull(a.receiveReply(1000));
            b.probe(1, 100, null);
            assertNotNull(b.receiveReply(1000));
            extra.probe(1, 100, null);
            assertNotNull(extra.receiveReply(1000), "a third address of two is answered: a takes no place for ever");
            assertEquals(2, s.trackedAddresses());
            a.probe(2, 100, null);
            assertNotNull(a.receiveReply(1000), "and a, forgotten, is answered again");
            assertEquals(2, s.trackedAddresses());
            assertTrue(s.stats().forgotten() >= 2, s.stats().toString());
            assertEquals(0, s.stats().dropped(), s.stats().toString());
        }
    }

    @Test
    void halfOpenTcpClientsCostNothing() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "counts open files in /proc");
        try (ProbeServer s = ProbeServer.start(loopback()); Client c = new Client(s)) {
            long before = count(fds);
            List<SocketChannel> halfOpen = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    halfOpen.add(SocketChannel.open(s.boundAddress())); // connects, then never sends nor closes
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (s.stats().tcpConnects() < 300 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(10_000_000L);
                }
                assertEquals(300, s.stats().tcpConnects());
                // the clients' own 300 sockets are open here; the server's side of them must not be
                long extra = count(fds) - before;
                assertTrue(extra <= 300 + 20, extra
                        + " more open files with 300 half-open clients: the server keeps them");
                c.probe(1, 1200, null);
                assertNotNull(c.receive(1000), "UDP answered beside the half-open clients");
                long t0 = System.nanoTime();
                try (Socket fresh = new Socket()) {
                    fresh.connect(s.boundAddress(), 1000);
                }
                assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "a new TCP connect waits");
            } finally {
                for (SocketChannel h : halfOpen) {
                    h.close();
                }
            }
        }
    }

    static long count(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void closeStopsEverythingPromptlyAndFreesThePort() throws Exception {
        ProbeServer s = ProbeServer.start(loopback());
        InetSocketAddress at = s.boundAddress();
        assertTrue(at.getPort() > 0);
        try (Client c = new Client(s)) {
            c.probe(1, 100, null);
            assertNotNull(c.receive(1000));
            long t0 = System.nanoTime();
            s.close();
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "close took " + (System.nanoTime() - t0) / 1e6 + " ms");
            c.probe(2, 100, null);
            assertNull(c.receive(200));
        }
        try (DatagramChannel udp = DatagramChannel.open().bind(at);
                ServerSocketChannel tcp = ServerSocketChannel.open().bind(at)) {
            assertEquals(at.getPort(), ((InetSocketAddress) udp.getLocalAddress()).getPort());
        }
    }

    @Test
    void aTakenPortIsAnErrorNotAnotherPort() throws Exception {
        try (DatagramChannel taken = DatagramChannel.open().bind(new InetSocketAddress(ProbeServer.loopback(), 0))) {
            InetSocketAddress at = (InetSocketAddress) taken.getLocalAddress();
            assertThrowsIo(() -> ProbeServer.start(loopback().withBind(at)));
        }
        try (ServerSocketChannel taken = ServerSocketChannel.open().bind(new InetSocketAddress(ProbeServer.loopback(),
                0))) {
            InetSocketAddress at = (InetSocketAddress) taken.getLocalAddress();
            assertThrowsIo(() -> ProbeServer.start(loopback().withBind(at)));
            // the UDP half it did bind is released again
            try (DatagramChannel udp = DatagramChannel.open().bind(at)) {
                assertNotNull(udp.getLocalAddress());
            }
        }
    }

    interface Starting {
        ProbeServer start() throws IOException;
    }

    static void assertThrowsIo(Starting s) {
        try (ProbeServer unexpected = s.start()) {
            throw new AssertionError("bound to a taken port: " + unexpected.boundAddress());
        } catch (IOException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        }
    }
}
