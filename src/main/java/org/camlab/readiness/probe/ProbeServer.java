package org.camlab.readiness.probe;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;

/**
 * Answers the probes of {@link PathProbe} — and nothing else — on one UDP port, and accepts TCP
 * connections on the same port for the connect-time fallback.
 *
 * <p>It is meant to be exposed, so:
 * <ul>
 * <li>a reply is never larger than its probe, and a notice (why a probe was not answered) is
 * smaller than any probe, at most four a second per source address and
 * {@value ProbeProtocol#NOTICES_PER_SECOND} a second in all;
 * <li>the limits count source addresses, not sockets: an IPv4 address, or an IPv6 /64, gets one
 * token bucket of {@link Options#packetsPerSecondPerClient()} whatever its ports;
 * <li>at most {@link Options#maxClients()} addresses are tracked; a new one takes the place of the
 * one seen least recently, so no set of sources can lock a client out — a client that keeps
 * sending stays, and one that comes back is served again. Idle ones are forgotten after
 * {@value #IDLE_MILLIS} ms;
 * <li>with a token, the MAC is checked before anything is counted against an address, then the
 * probe's wall clock ({@value ProbeProtocol#WINDOW_MILLIS} ms either way) and its nonce (session
 * id and sequence number: a replay is dropped). The nonces are kept for
 * {@value #MAX_SESSIONS} sessions at most, each for as long as its probes could pass the window.
 * </ul>
 * Anything else is dropped and counted. It reads nothing from TCP, stores nothing and runs
 * nothing. One thread serves everyone, so a flood costs one core at most and never a thread or a
 * socket per client.
 */
public final class ProbeServer implements AutoCloseable {
    /** The port when none is given (UDP and TCP). Not iperf3's 5201, so both can run on one host. */
    public static final int DEFAULT_PORT = 5210;
    static final long IDLE_MILLIS = 30_000;
    /** Addresses tracked at once when not told. */
    public static final int DEFAULT_MAX_CLIENTS = 4096;
    /** Pending delayed replies (test mode) beyond which further probes are dropped: memory stays bounded. */
    static final int MAX_DELAYED = 4096;
    /** Sessions whose nonces are remembered (token only); beyond, a new session gets a busy notice. */
    static final int MAX_SESSIONS = 4096;
    /** Sequence numbers remembered below a session's highest: an older one is refused as a replay. */
    static final int REPLAY_WINDOW = 1024;
    /** The receive buffer asked for: 4 MiB holds about 2 s of a 3.5 Mbit/s stream, or 100,000 small probes. */
    static final int RECEIVE_BUFFER = 4 << 20;
    /** Slots of the per-address notice limit (hashed; a collision only delays a notice). */
    private static final int NOTICE_SLOTS = 4096;
    /** At most one notice per address in this time: 4 a second. */
    static final long NOTICE_GAP_NANOS = 250_000_000L;
    private static final int TCP_BACKLOG = 64;
    /** Datagrams read in a row before TCP accepts get their turn: a flood cannot starve the listener. */
    private static final int BATCH = 1024;

    /**
     * @param bind where to listen; port 0 for any free port
     * @param token the shared secret probes must carry a MAC of; null for none
     * @param dropShare test mode: the share of valid probes dropped on purpose (0 in service)
     * @param addedDelayMillis test mode: replies are held back this long (0 in service)
     * @param seed of the test mode's drops, so that a test knows how many to expect
     */
    public record Options(InetSocketAddress bind, String token, int maxClients, int packetsPerSecondPerClient,
            double dropShare, long addedDelayMillis, long seed) {
        public Options {
            if (bind == null) {
                throw new IllegalArgumentException("no address to bind");
            }
            if (token != null && token.isEmpty()) {
                throw new IllegalArgumentException("the token is empty");
            }
            if (maxClients < 1 || maxClients > 100_000) {
                throw new IllegalArgumentException("max clients must be 1 to 100000, not " + maxClients);
            }
            if (packetsPerSecondPerClient < 1 || packetsPerSecondPerClient > 1_000_000) {
                throw new IllegalArgumentException("the rate must be 1 to 1000000 packets per second, not "
                        + packetsPerSecondPerClient);
            }
            if (!(dropShare >= 0 && dropShare < 1)) {
                throw new IllegalArgumentException("the drop share must be at least 0 and less than 1, not "
                        + dropShare);
            }
            if (addedDelayMillis < 0 || addedDelayMillis > 10_000) {
                throw new IllegalArgumentException("the added delay must be 0 to 10000 ms, not " + addedDelayMillis);
            }
        }

        /** 127.0.0.1:{@value #DEFAULT_PORT}, no token, 4096 addresses of 2000 packets a second (3.5 Mbit/s of 1200-byte probes is ~365). */
        public static Options defaults() {
            return new Options(new InetSocketAddress(loopback(), DEFAULT_PORT), null, DEFAULT_MAX_CLIENTS, 2000, 0, 0,
                    1);
        }

        public Options withBind(InetSocketAddress b) {
            return new Options(b, token, maxClients, packetsPerSecondPerClient, dropShare, addedDelayMillis, seed);
        }

        public Options withToken(String t) {
            return new Options(bind, t, maxClients, packetsPerSecondPerClient, dropShare, addedDelayMillis, seed);
        }

        public Options withMaxClients(int n) {
            return new Options(bind, token, n, packetsPerSecondPerClient, dropShare, addedDelayMillis, seed);
        }

        public Options withPacketsPerSecondPerClient(int pps) {
            return new Options(bind, token, maxClients, pps, dropShare, addedDelayMillis, seed);
        }

        public Options withTestDrops(double share, long withSeed) {
            return new Options(bind, token, maxClients, packetsPerSecondPerClient, share, addedDelayMillis, withSeed);
        }

        public Options withAddedDelayMillis(long ms) {
            return new Options(bind, token, maxClients, packetsPerSecondPerClient, dropShare, ms, seed);
        }

        /** Never the token itself. */
        @Override
        public String toString() {
            return "Options[bind=" + bind + ", token=" + (token != null ? "set" : "none") + ", maxClients=" + maxClients
                    + ", packetsPerSecondPerClient=" + packetsPerSecondPerClient + ", dropShare=" + dropShare
                    + ", addedDelayMillis=" + addedDelayMillis + ", seed=" + seed + "]";
        }
    }

    /**
     * What the server did with the datagrams and connections it got.
     *
     * @param droppedGarbage not a valid probe: short, wrong magic, a reply, unknown flags
     * @param droppedToken a token server's probe without a MAC or with one that does not verify
     * @param droppedClock with a token: the probe's wall clock outside the window
     * @param droppedReplay with a token: a nonce already seen (or older than the replay window)
     * @param droppedBusy with a token: a new session while {@value ProbeServer#MAX_SESSIONS} were remembered
     * @param droppedRate over its address's packets per second (counted after the MAC is checked)
     * @param droppedVersion a probe of another protocol version (an older or newer camlab)
     * @param droppedTest dropped on purpose by the test mode (or its delay queue was full)
     * @param droppedUnsent answered, but the socket's send buffer was full or the send failed
     * @param notices notices sent (why a probe was not answered)
     * @param forgotten addresses forgotten while active (seen in the last second) to make room for new ones
     */
    public record Stats(long answered, long droppedGarbage, long droppedToken, long droppedClock, long droppedReplay,
            long droppedBusy, long droppedRate, long droppedVersion, long droppedTest, long droppedUnsent, long notices,
            long forgotten, long tcpConnects) {
        /** Everything the server read and did not answer. */
        public long dropped() {
            return droppedGarbage + droppedToken + droppedClock + droppedReplay + droppedBusy + droppedRate
                    + droppedVersion + droppedTest;
        }
    }

    private final Options options;
    private final long idleNanos;
    private final DatagramChannel udp;
    private final ServerSocketChannel tcp;
    private final Selector selector;
    private final InetSocketAddress bound;
    private final Thread loop;
    private volatile boolean running = true;

    // written only by the loop thread, read by stats() from any: volatile is enough for one writer
    private volatile long answered;
    private volatile long droppedGarbage;
    private volatile long droppedToken;
    private volatile long droppedClock;
    private volatile long droppedReplay;
    private volatile long droppedBusy;
    private volatile long droppedRate;
    private volatile long droppedVersion;
    private volatile long droppedTest;
    private volatile long droppedUnsent;
    private volatile long notices;
    private volatile long forgotten;
    private volatile long tcpConnects;
    private volatile int trackedAddresses;
    private volatile int trackedSessions;
    private final int receiveBuffer;

    // the loop thread's own
    /** By source address (IPv4) or /64 (IPv6), least recently seen first. */
    private final LinkedHashMap<Key, Client> clients = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Long, Session> sessions = new HashMap<>();
    private final long[] noticeSlots = new long[NOTICE_SLOTS];
    private double noticeTokens = ProbeProtocol.NOTICES_PER_SECOND;
    private long noticeRefilled;
    private final ArrayDeque<Delayed> delayed = new ArrayDeque<>();
    private final Random drops;
    private final Mac mac;
    private long lastSweep;

    private ProbeServer(Options options, long idleMillis, DatagramChannel udp, ServerSocketChannel tcp,
            Selector selector) throws IOException {
        this.options = options;
        this.idleNanos = idleMillis * 1_000_000L;
        this.udp = udp;
        this.tcp = tcp;
        this.selector = selector;
        this.bound = (InetSocketAddress) udp.getLocalAddress();
        this.drops = new Random(options.seed());
        this.mac = ProbeProtocol.mac(options.token());
        this.lastSweep = System.nanoTime();
        this.noticeRefilled = lastSweep;
        this.receiveBuffer = udp.getOption(StandardSocketOptions.SO_RCVBUF);
        this.loop = new Thread(this::serve, "camlab-probe-server");
        this.loop.setDaemon(true);
    }

    /**
     * Binds UDP and TCP on {@code options.bind()} and starts answering.
     *
     * @throws IOException when either cannot be bound (the port is in use, the address is not this machine's)
     */
    public static ProbeServer start(Options options) throws IOException {
        return start(options, IDLE_MILLIS);
    }

    /** As {@link #start(Options)}, with the time after which a silent client frees its place (for tests). */
    static ProbeServer start(Options options, long idleMillis) throws IOException {
        // port 0: the UDP port is picked by the system; its TCP twin may be taken, then another is tried
        int attempts = options.bind().getPort() == 0 ? 20 : 1;
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            DatagramChannel udp = null;
            ServerSocketChannel tcp = null;
            Selector selector = null;
            try {
                // the socket's family is the address's: 0.0.0.0 is IPv4 only (a dual-stack socket bound to
                // 0.0.0.0 would answer on IPv6 too); :: is IPv6, and IPv4 unless the system says IPv6 only
                ProtocolFamily family = family(options.bind().getAddress());
                udp = DatagramChannel.open(family);
                // a larger receive buffer rides out a pause of the loop thread, and a burst of a flood
                udp.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
                udp.bind(options.bind());
                udp.configureBlocking(false);
                InetSocketAddress at = (InetSocketAddress) udp.getLocalAddress();
                tcp = ServerSocketChannel.open(family);
                tcp.bind(new InetSocketAddress(options.bind().getAddress(), at.getPort()), TCP_BACKLOG);
                tcp.configureBlocking(false);
                selector = Selector.open();
                udp.register(selector, SelectionKey.OP_READ);
                tcp.register(selector, SelectionKey.OP_ACCEPT);
                ProbeServer server = new ProbeServer(options, idleMillis, udp, tcp, selector);
                server.loop.start();
                return server;
            } catch (IOException e) {
                last = e;
                closeQuietly(selector);
                closeQuietly(tcp);
                closeQuietly(udp);
            }
        }
        throw last;
    }

    /** Where it listens: the real port when 0 was asked for. */
    public InetSocketAddress boundAddress() {
        return bound;
    }

    /** False once closed, or when its loop ended by itself (its selector broke). */
    public boolean isRunning() {
        return running && loop.isAlive();
    }

    public Options options() {
        return options;
    }

    /** What is listened on, for a person: "0.0.0.0:5210 (IPv4 only)", "[::]:5210 (IPv6 and IPv4)", "127.0.0.1:5210". */
    public String listensOn() {
        InetAddress a = options.bind().getAddress();
        String host = a.getHostAddress();
        String at = (a instanceof Inet6Address ? "[" + (a.isAnyLocalAddress() ? "::" : host) + "]" : host) + ":"
                + bound.getPort();
        if (!a.isAnyLocalAddress()) {
            return at;
        }
        return at + (a instanceof Inet4Address ? " (IPv4 only)" : v6Only() ? " (IPv6 only)" : " (IPv6 and IPv4)");
    }

    /** The receive buffer the system granted, in bytes (Linux reports twice what it holds for data). */
    public int receiveBufferBytes() {
        return receiveBuffer;
    }

    public Stats stats() {
        return new Stats(answered, droppedGarbage, droppedToken, droppedClock, droppedReplay, droppedBusy, droppedRate,
                droppedVersion, droppedTest, droppedUnsent, notices, forgotten, tcpConnects);
    }

    /** Addresses in the table now: at most {@link Options#maxClients()}. */
    int trackedAddresses() {
        return trackedAddresses;
    }

    /** Sessions whose nonces are remembered now: at most {@value #MAX_SESSIONS}. */
    int trackedSessions() {
        return trackedSessions;
    }

    static ProtocolFamily family(InetAddress a) {
        return a instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    /** Linux's net.ipv6.bindv6only: a socket bound to :: takes IPv6 only. Elsewhere Java's sockets are dual-stack. */
    private static boolean v6Only() {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv6/bindv6only")).trim().equals("1");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Stops answering and closes both sockets; returns within a second. */
    @Override
    public void close() {
        running = false;
        try {
            selector.wakeup();
        } catch (ClosedSelectorException e) {
            // already closed by the loop
        }
        try {
            loop.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll();
    }

    private void closeAll() {
        closeQuietly(selector);
        closeQuietly(tcp);
        closeQuietly(udp);
    }

    private void serve() {
        ByteBuffer in = ByteBuffer.allocate(65_536); // any datagram fits; its real length is what is checked
        ByteBuffer out = ByteBuffer.allocate(ProbeProtocol.HEADER_BYTES + ProbeProtocol.MAC_BYTES);
        try {
            while (running) {
                selector.select(waitMillis());
                if (!running) {
                    break;
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext();) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        acceptAndClose();
                    } else if (key.isReadable()) {
                        receive(in, out);
                    }
                }
                sendDue(out);
                sweep(System.nanoTime(), false);
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector broke or was closed under us: nothing left to serve
        } finally {
            running = false;
            closeAll();
        }
    }

    /** Until the next delayed reply is due, or a second for the sweep of idle clients. */
    private long waitMillis() {
        Delayed next = delayed.peekFirst();
        if (next == null) {
            return 1000;
        }
        long wait = next.dueNanos - System.nanoTime();
        return wait <= 0 ? 1 : Math.max(1, (wait + 999_999) / 1_000_000);
    }

    /**
     * Accepts what the backlog holds and closes it at once, without reading: the client has its
     * connect time, and a client that never sends nor closes holds no socket here.
     */
    private void acceptAndClose() {
        for (int i = 0; i < TCP_BACKLOG; i++) {
            SocketChannel c;
            try {
                c = tcp.accept();
            } catch (IOException e) {
                return; // out of file descriptors, a reset before accept: try again on the next wake-up
            }
            if (c == null) {
                return;
            }
            // a plain close (FIN), not a reset (SO_LINGER 0): on a short path the reset reaches the client
            // before its connect has returned, and the connect fails instead of being timed. What the
            // close leaves is the kernel's TIME_WAIT entry, not a descriptor of this process
            closeQuietly(c);
            tcpConnects++;
        }
    }

    private void receive(ByteBuffer in, ByteBuffer out) {
        for (int i = 0; i < BATCH; i++) {
            in.clear();
            SocketAddress from;
            try {
                from = udp.receive(in);
            } catch (IOException e) {
                return; // an ICMP error reported on the socket: nothing to read this time
            }
            if (from == null) {
                return;
            }
            long now = System.nanoTime();
            in.flip();
            try {
                handle(in, from, now, out);
            } catch (RuntimeException e) {
                droppedGarbage++; // whatever a datagram holds, it must not end the loop
            }
            sendDue(out);
        }
    }

    private void handle(ByteBuffer in, SocketAddress from, long now, ByteBuffer out) {
        // the cheap look at its shape first; garbage never takes a place nor costs an HMAC
        ProbeProtocol.Packet shape = ProbeProtocol.read(in, ProbeProtocol.TYPE_PROBE, null, false);
        if (shape == null) {
            int version = ProbeProtocol.otherVersionProbe(in);
            if (version != 0) {
                droppedVersion++;
                notice(out, from, ProbeProtocol.REASON_VERSION, in.getLong(in.position() + 8),
                        in.getInt(in.position() + 16), now);
            } else {
                droppedGarbage++;
            }
            return;
        }
        ProbeProtocol.Packet probe = shape;
        if (mac != null) {
            // the MAC before anything is counted against the address: a forged probe spends nothing of it
            probe = shape.hasMac() ? ProbeProtocol.read(in, ProbeProtocol.TYPE_PROBE, mac, true) : null;
            if (probe == null) {
                droppedToken++;
                notice(out, from, ProbeProtocol.REASON_TOKEN, shape.session(), shape.sequence(), now);
                return;
            }
            long wall = System.currentTimeMillis();
            if (Math.abs(probe.clientWallMillis() - wall) > ProbeProtocol.WINDOW_MILLIS) {
                droppedClock++;
                notice(out, from, ProbeProtocol.REASON_CLOCK, probe.session(), probe.sequence(), now);
                return;
            }
            int fresh = fresh(probe, wall);
            if (fresh != 0) {
                if (fresh == ProbeProtocol.REASON_BUSY) {
                    droppedBusy++;
                    notice(out, from, ProbeProtocol.REASON_BUSY, probe.session(), probe.sequence(), now);
                } else {
                    droppedReplay++; // silent: a replay from a spoofed address gets its victim nothing
                }
                return;
            }
        }
        Key key = Key.of(from);
        Client client = clients.get(key);
        if (client == null) {
            if (clients.size() >= options.maxClients()) {
                sweep(now, true);
            }
            if (clients.size() >= options.maxClients()) {
                // the least recently seen makes room: no set of sources can keep a new client out
                Iterator<Client> eldest = clients.values().iterator();
                if (now - eldest.next().lastSeenNanos < 1_000_000_000L) {
                    forgotten++;
                }
                eldest.remove();
            }
            client = new Client(options.packetsPerSecondPerClient(), now);
            clients.put(key, client);
            trackedAddresses = clients.size();
        }
        client.lastSeenNanos = now;
        if (!client.take(now)) {
            droppedRate++;
            notice(out, from, ProbeProtocol.REASON_RATE, probe.session(), probe.sequence(), now);
            return;
        }
        if (options.dropShare() > 0 && drops.nextDouble() < options.dropShare()) {
            droppedTest++;
            return;
        }
        if (options.addedDelayMillis() > 0) {
            if (delayed.size() >= MAX_DELAYED) {
                droppedTest++;
                return;
            }
            ProbeProtocol.writeReply(out, probe, now, mac);
            byte[] reply = new byte[out.remaining()];
            out.get(reply);
            delayed.addLast(new Delayed(now + options.addedDelayMillis() * 1_000_000L, from, reply));
            return;
        }
        ProbeProtocol.writeReply(out, probe, now, mac);
        send(out, from);
    }

    /**
     * Whether a verified probe's nonce is new: 0, and it is remembered; {@link
     * ProbeProtocol#REASON_BUSY} when no more sessions can be remembered; -1 for a replay.
     */
    private int fresh(ProbeProtocol.Packet probe, long wall) {
        Session s = sessions.get(probe.session());
        if (s == null) {
            if (sessions.size() >= MAX_SESSIONS) {
                sweepSessions(wall);
            }
            if (sessions.size() >= MAX_SESSIONS) {
                return ProbeProtocol.REASON_BUSY;
            }
            s = new Session();
            sessions.put(probe.session(), s);
            trackedSessions = sessions.size();
        }
        if (!s.accept(probe.sequence())) {
            return -1;
        }
        s.latestWallMillis = Math.max(s.latestWallMillis, probe.clientWallMillis());
        return 0;
    }

    /** Forgets the sessions none of whose probes could pass the clock window any more. */
    private void sweepSessions(long wall) {
        sessions.values().removeIf(s -> wall - s.latestWallMillis > ProbeProtocol.WINDOW_MILLIS + 1000);
        trackedSessions = sessions.size();
    }

    /**
     * Tells the sender why its probe was not answered: 28 bytes, never more than what came, at most
     * four times a second per address (hashed slots) and {@value ProbeProtocol#NOTICES_PER_SECOND} a second in all.
     */
    private void notice(ByteBuffer out, SocketAddress to, int reason, long session, int sequence, long now) {
        int slot = Math.floorMod(Key.of(to).hashCode() * 0x9E3779B9, NOTICE_SLOTS);
        if (noticeSlots[slot] != 0 && now - noticeSlots[slot] < NOTICE_GAP_NANOS) {
            return;
        }
        noticeTokens = Math.min(ProbeProtocol.NOTICES_PER_SECOND,
                noticeTokens + (now - noticeRefilled) * (ProbeProtocol.NOTICES_PER_SECOND / 1e9));
        noticeRefilled = now;
        if (noticeTokens < 1) {
            return;
        }
        noticeTokens -= 1;
        noticeSlots[slot] = now | 1; // never 0: 0 is "never"
        ProbeProtocol.writeNotice(out, reason, session, sequence, System.currentTimeMillis());
        try {
            if (udp.send(out, to) > 0) {
                notices++;
            }
        } catch (IOException e) {
            // an unreachable sender: nothing to tell it
        }
    }

    /** Sends the delayed replies that are due; one delay for all, so the queue is in due order. */
    private void sendDue(ByteBuffer out) {
        long now = System.nanoTime();
        while (!delayed.isEmpty() && delayed.peekFirst().dueNanos <= now) {
            Delayed d = delayed.pollFirst();
            out.clear();
            out.put(d.reply).flip();
            send(out, d.to);
        }
    }

    private void send(ByteBuffer reply, SocketAddress to) {
        try {
            if (udp.send(reply, to) > 0) {
                answered++;
            } else {
                droppedUnsent++;
            }
        } catch (IOException e) {
            droppedUnsent++; // an unreachable client: its problem, not the server's
        }
    }

    /** Forgets the clients idle for longer than the idle time; at most every 50 ms unless it is the periodic sweep. */
    private void sweep(long now, boolean full) {
        long since = now - lastSweep;
        if (since < (full ? 50_000_000L : 1_000_000_000L)) {
            return;
        }
        lastSweep = now;
        clients.values().removeIf(c -> now - c.lastSeenNanos > idleNanos);
        trackedAddresses = clients.size();
        if (!sessions.isEmpty()) {
            sweepSessions(System.currentTimeMillis());
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing: nothing to do about it
            }
        }
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always a valid address
        }
    }

    /** A token bucket per source address: a burst of a fifth of a second, then the rate. */
    private static final class Client {
        private final double perNano;
        private final double burst;
        private double tokens;
        private long refilledNanos;
        long lastSeenNanos;

        Client(int packetsPerSecond, long now) {
            this.perNano = packetsPerSecond / 1e9;
            this.burst = Math.max(8, packetsPerSecond / 5.0);
            this.tokens = burst;
            this.refilledNanos = now;
            this.lastSeenNanos = now;
        }

        boolean take(long now) {
            tokens = Math.min(burst, tokens + (now - refilledNanos) * perNano);
            refilledNanos = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    /** The nonces seen of one session: the highest sequence number and a window of those below it. */
    private static final class Session {
        private final long[] seen = new long[REPLAY_WINDOW / 64];
        private long highest = -1;
        long latestWallMillis = Long.MIN_VALUE;

        /** True the first time a sequence number comes; false for a repeat or one older than the window. */
        boolean accept(int sequence) {
            long seq = sequence & 0xffffffffL;
            if (seq > highest) {
                long advance = highest < 0 ? REPLAY_WINDOW : seq - highest;
                if (advance >= REPLAY_WINDOW) {
                    Arrays.fill(seen, 0);
                } else {
                    for (long s = highest + 1; s <= seq; s++) {
                        clear(s);
                    }
                }
                highest = seq;
                set(seq);
                return true;
            }
            if (highest - seq >= REPLAY_WINDOW || isSet(seq)) {
                return false;
            }
            set(seq);
            return true;
        }

        private void set(long s) {
            int i = (int) (s % REPLAY_WINDOW);
            seen[i >>> 6] |= 1L << (i & 63);
        }

        private void clear(long s) {
            int i = (int) (s % REPLAY_WINDOW);
            seen[i >>> 6] &= ~(1L << (i & 63));
        }

        private boolean isSet(long s) {
            int i = (int) (s % REPLAY_WINDOW);
            return (seen[i >>> 6] & 1L << (i & 63)) != 0;
        }
    }

    /** Whose limits a datagram counts against: its IPv4 address, or its IPv6 address's /64. */
    record Key(boolean v6, long bits) {
        static Key of(SocketAddress from) {
            InetAddress a = ((InetSocketAddress) from).getAddress();
            byte[] b = a.getAddress();
            if (b.length == 4) {
                return new Key(false, ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3]
                        & 0xffL));
            }
            boolean mapped = true; // ::ffff:a.b.c.d is the IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                return new Key(false, ((b[12] & 0xffL) << 24) | ((b[13] & 0xffL) << 16) | ((b[14] & 0xffL) << 8)
                        | (b[15] & 0xffL));
            }
            return new Key(true, ByteBuffer.wrap(b, 0, 8).getLong());
        }
    }

    private record Delayed(long dueNanos, SocketAddress to, byte[] reply) {
    }
}
