package org.camlab.readiness.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;

/**
 * Answers the probes of {@link PathProbe} — and nothing else — on one UDP port, and accepts TCP
 * connections on the same port for the connect-time fallback.
 *
 * <p>It is meant to be exposed, so: a reply is never larger than its probe; each source address
 * gets a token bucket of {@link Options#packetsPerSecondPerClient()} and at most {@link
 * Options#maxClients()} addresses are served at once (an address idle for {@value #IDLE_MILLIS} ms
 * frees its place); anything else is dropped without a word and counted. It reads nothing from
 * TCP, stores nothing and runs nothing. One thread serves everyone, so a flood costs one core at
 * most and never a thread or a socket per client.
 */
public final class ProbeServer implements AutoCloseable {
    /** The port when none is given (UDP and TCP). Not iperf3's 5201, so both can run on one host. */
    public static final int DEFAULT_PORT = 5210;
    static final long IDLE_MILLIS = 30_000;
    /** Pending delayed replies (test mode) beyond which further probes are dropped: memory stays bounded. */
    static final int MAX_DELAYED = 4096;
    private static final int TCP_BACKLOG = 64;
    /** Datagrams read in a row before TCP accepts get their turn: a flood cannot starve the listener. */
    private static final int BATCH = 256;

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
                throw new IllegalArgumentException("the drop share must be at least 0 and less than 1, not " + dropShare);
            }
            if (addedDelayMillis < 0 || addedDelayMillis > 10_000) {
                throw new IllegalArgumentException("the added delay must be 0 to 10000 ms, not " + addedDelayMillis);
            }
        }

        /** 127.0.0.1:{@value #DEFAULT_PORT}, no token, 64 clients of 2000 packets a second (3.5 Mbit/s of 1200-byte probes is ~365). */
        public static Options defaults() {
            return new Options(new InetSocketAddress(loopback(), DEFAULT_PORT), null, 64, 2000, 0, 0, 1);
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
     * @param droppedGarbage not a valid probe: short, wrong magic or version, a reply, a bad or missing MAC
     * @param droppedRate over the sender's packets per second (counted before its MAC is checked)
     * @param droppedClients from a new address while {@code maxClients} addresses were being served
     * @param droppedTest dropped on purpose by the test mode (or its delay queue was full)
     * @param droppedUnsent answered, but the socket's send buffer was full or the send failed
     */
    public record Stats(long answered, long droppedGarbage, long droppedRate, long droppedClients, long droppedTest,
            long droppedUnsent, long tcpConnects) {
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
    private volatile long droppedRate;
    private volatile long droppedClients;
    private volatile long droppedTest;
    private volatile long droppedUnsent;
    private volatile long tcpConnects;

    // the loop thread's own
    private final Map<SocketAddress, Client> clients = new HashMap<>();
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
                udp = DatagramChannel.open();
                // a larger receive buffer rides out a scheduling pause of the loop thread at 2000 pps
                udp.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                udp.bind(options.bind());
                udp.configureBlocking(false);
                InetSocketAddress at = (InetSocketAddress) udp.getLocalAddress();
                tcp = ServerSocketChannel.open();
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

    public Stats stats() {
        return new Stats(answered, droppedGarbage, droppedRate, droppedClients, droppedTest, droppedUnsent, tcpConnects);
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
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
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
        // the cheap checks first, the MAC last: a flood from one address is refused by its bucket
        // before it costs an HMAC, and garbage never takes a client's place
        ProbeProtocol.Packet shape = ProbeProtocol.read(in, ProbeProtocol.TYPE_PROBE, null, mac != null);
        if (shape == null) {
            droppedGarbage++;
            return;
        }
        Client client = clients.get(from);
        if (client != null) {
            client.lastSeenNanos = now;
            if (!client.take(now)) {
                droppedRate++;
                return;
            }
        }
        ProbeProtocol.Packet probe = mac != null ? ProbeProtocol.read(in, ProbeProtocol.TYPE_PROBE, mac, true) : shape;
        if (probe == null) {
            droppedGarbage++;
            return;
        }
        if (client == null) {
            if (clients.size() >= options.maxClients()) {
                sweep(now, true);
            }
            if (clients.size() >= options.maxClients()) {
                droppedClients++;
                return;
            }
            client = new Client(options.packetsPerSecondPerClient(), now);
            clients.put(from, client);
            client.take(now);
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
    }

    private static void closeQuietly(java.io.Closeable c) {
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
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
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

    private record Delayed(long dueNanos, SocketAddress to, byte[] reply) {
    }
}
