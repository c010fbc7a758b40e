package org.camlab.readiness.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;

/**
 * Measures the path to a {@link ProbeServer}: a paced UDP stream at each bitrate of a video call,
 * its loss, round trip and RFC 3550 jitter; a TCP connect time when UDP gets no answer.
 *
 * <p>Bounded: it sends at most the sum of rate × duration bytes, to the one host named, and never
 * runs longer than the durations plus twice {@link Options#answerTimeoutMillis()}. A host that
 * has not answered within the first second is not streamed at further.
 */
public final class PathProbe {
    /** With no answer at all after this long the stream stops: a host that does not answer is not blasted. */
    static final long FIRST_ANSWER_MILLIS = 1000;
    static final double MAX_RATE_MBPS = 20;

    private PathProbe() {
    }

    /** The target cannot be probed at all: its name does not resolve, the network cannot reach it. One line, for a person. */
    public static final class ProbeException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProbeException(String message) {
            super(message.replaceAll("\\s*\\R\\s*", " "));
        }
    }

    /**
     * @param host the probe server's name or address (a {@code user@} before it is dropped)
     * @param token the server's shared secret, or null
     * @param ratesMbps the bitrates streamed one after another, of UDP payload (0.1 to {@value #MAX_RATE_MBPS})
     * @param millisPerRate how long each is streamed (100 ms to 60 s)
     * @param packetBytes each probe's UDP payload ({@link ProbeProtocol#minProbeBytes} to {@value ProbeProtocol#MAX_PROBE_BYTES})
     * @param answerTimeoutMillis how long late replies are waited for, and the TCP connect's timeout (100 ms to 30 s)
     */
    public record Options(String host, int port, String token, List<Double> ratesMbps, long millisPerRate,
            int packetBytes, long answerTimeoutMillis) {
        public Options {
            host = withoutCredentials(host);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("no host to probe");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
            }
            if (token != null && token.isEmpty()) {
                throw new IllegalArgumentException("the token is empty");
            }
            ratesMbps = List.copyOf(ratesMbps);
            if (ratesMbps.isEmpty()) {
                throw new IllegalArgumentException("no bitrate to probe at");
            }
            for (double r : ratesMbps) {
                if (!(r >= 0.1 && r <= MAX_RATE_MBPS)) {
                    throw new IllegalArgumentException("a probe's bitrate must be 0.1 to " + (int) MAX_RATE_MBPS
                            + " Mbit/s, not " + r);
                }
            }
            if (millisPerRate < 100 || millisPerRate > 60_000) {
                throw new IllegalArgumentException("each rate's duration must be 100 ms to 60 s, not " + millisPerRate
                        + " ms");
            }
            int min = ProbeProtocol.minProbeBytes(token != null);
            if (packetBytes < min || packetBytes > ProbeProtocol.MAX_PROBE_BYTES) {
                throw new IllegalArgumentException("a probe must be " + min + " to " + ProbeProtocol.MAX_PROBE_BYTES
                        + " bytes, not " + packetBytes);
            }
            if (answerTimeoutMillis < 100 || answerTimeoutMillis > 30_000) {
                throw new IllegalArgumentException("the answer timeout must be 100 ms to 30 s, not "
                        + answerTimeoutMillis + " ms");
            }
            for (double r : ratesMbps) {
                if (packets(r, millisPerRate, packetBytes) < 1) {
                    throw new IllegalArgumentException(r + " Mbit/s for " + millisPerRate + " ms is less than one "
                            + packetBytes + "-byte probe");
                }
            }
        }

        /** The defaults: 1.5 then 3.5 Mbit/s (a call's 720p and 1080p video), 3 s each, 1200-byte probes, 2 s timeout. */
        public static Options of(String host, int port) {
            return new Options(host, port, null, List.of(1.5, 3.5), 3000, 1200, 2000);
        }

        /**
         * {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT} or a bare IPv6 address; the port
         * defaults to {@link ProbeServer#DEFAULT_PORT}.
         *
         * @throws IllegalArgumentException with a one-line message
         */
        public static Options target(String target) {
            String t = withoutCredentials(target == null ? "" : target.trim());
            if (t.contains("/")) {
                throw new IllegalArgumentException("give the probe server as HOST or HOST:PORT, not '" + t + "'");
            }
            String host = t;
            String port = null;
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0 || close + 1 < t.length() && t.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("not HOST:PORT: '" + t + "'");
                }
                host = t.substring(1, close);
                port = close + 1 < t.length() ? t.substring(close + 2) : null;
            } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
                host = t.substring(0, t.indexOf(':'));
                port = t.substring(t.indexOf(':') + 1);
            } // more than one ':' and no brackets: an IPv6 address without a port
            int p = ProbeServer.DEFAULT_PORT;
            if (port != null) {
                try {
                    p = Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a port: '" + port + "'");
                }
            }
            return of(host, p);
        }

        public Options withToken(String t) {
            return new Options(host, port, t, ratesMbps, millisPerRate, packetBytes, answerTimeoutMillis);
        }

        public Options withRates(List<Double> mbps, long millisEach) {
            return new Options(host, port, token, mbps, millisEach, packetBytes, answerTimeoutMillis);
        }

        public Options withPacketBytes(int bytes) {
            return new Options(host, port, token, ratesMbps, millisPerRate, bytes, answerTimeoutMillis);
        }

        public Options withAnswerTimeoutMillis(long ms) {
            return new Options(host, port, token, ratesMbps, millisPerRate, packetBytes, ms);
        }

        /** The most bytes a measurement sends: each rate × its duration. */
        public long maxBytes() {
            long total = 0;
            for (double r : ratesMbps) {
                total += packets(r, millisPerRate, packetBytes) * (long) packetBytes;
            }
            return total;
        }

        /** The longest a measurement takes: the durations and two timeouts (late replies, or the TCP connect). */
        public long maxMillis() {
            return ratesMbps.size() * millisPerRate + 2 * answerTimeoutMillis;
        }

        /** Never the token itself. */
        @Override
        public String toString() {
            return "Options[host=" + host + ", port=" + port + ", token=" + (token != null ? "set" : "none")
                    + ", ratesMbps=" + ratesMbps + ", millisPerRate=" + millisPerRate + ", packetBytes=" + packetBytes
                    + ", answerTimeoutMillis=" + answerTimeoutMillis + "]";
        }

        private static String withoutCredentials(String host) {
            String h = host == null ? "" : host.trim();
            return h.substring(h.lastIndexOf('@') + 1);
        }
    }

    /** Probes of {@code bytes} that fit in rate × duration. */
    static long packets(double mbps, long millis, int bytes) {
        return (long) Math.floor(mbps * 1e6 / 8 * millis / 1000.0 / bytes);
    }

    /**
     * Streams each rate in turn and measures it. Interrupting the calling thread ends the stream
     * early with what was measured.
     *
     * @throws ProbeException when the host cannot be resolved or the network cannot reach it at all
     */
    public static PathResult measure(Options o) throws ProbeException {
        return measure(o, () -> false);
    }

    /**
     * As {@link #measure(Options)}; {@code stopRequested} (a Ctrl-C, polled between probes) ends
     * the stream early the same way an interrupt does, with the note "interrupted".
     */
    public static PathResult measure(Options o, BooleanSupplier stopRequested) throws ProbeException {
        return measure(o, stopRequested, null);
    }

    /** As {@link #measure(Options, BooleanSupplier)}, from {@code local} (tests: another loopback address). */
    static PathResult measure(Options o, BooleanSupplier stopRequested, InetSocketAddress local) throws ProbeException {
        long started = System.nanoTime();
        InetAddress address = resolve(o.host());
        InetSocketAddress server = new InetSocketAddress(address, o.port());
        int total = 0;
        for (double r : o.ratesMbps()) {
            total += (int) packets(r, o.millisPerRate(), o.packetBytes());
        }
        long session = new SecureRandom().nextLong();
        long[] sendNanos = new long[total];
        int[] rateSent = new int[o.ratesMbps().size()];
        int[] rateFirst = new int[o.ratesMbps().size()];
        long[] rateLast = new long[o.ratesMbps().size()];
        Receiver rx = null;
        String note = null;
        boolean noAnswer = false;
        int sent = 0;
        DatagramChannel ch = null;
        Thread receiving = null;
        try {
            ch = DatagramChannel.open(ProbeServer.family(address));
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            if (local != null) {
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                ch.bind(local);
            }
            ch.connect(server); // connected: only the server's datagrams arrive, and ICMP "port unreachable" is reported
            rx = new Receiver(ch, session, ProbeProtocol.mac(o.token()), total);
            receiving = new Thread(rx, "camlab-probe-receiver");
            receiving.setDaemon(true);
            receiving.start();
            Mac mac = ProbeProtocol.mac(o.token());
            ByteBuffer out = ByteBuffer.allocate(o.packetBytes());
            long streamStart = System.nanoTime();
            long timeout = o.answerTimeoutMillis() * 1_000_000L;
            outer : for (int r = 0; r < o.ratesMbps().size(); r++) {
                double mbps = o.ratesMbps().get(r);
                long n = packets(mbps, o.millisPerRate(), o.packetBytes());
                long interval = interval(mbps, o.packetBytes());
                long rateStart = System.nanoTime();
                long end = rateStart + o.millisPerRate() * 1_000_000L;
                long previous = 0;
                rateFirst[r] = sent;
                for (int i = 0; i < n; i++) {
                    // to a fixed schedule; a sender that fell behind catches up at twice the rate at
                    // most, never in a burst, and the rate's time is never exceeded
                    long due = rateStart + i * interval;
                    if (i > 0) {
                        due = Math.max(due, previous + interval / 2);
                    }
                    if (due - end >= 0) {
                        break;
                    }
                    if (!parkUntil(due, stopRequested)) {
                        note = "interrupted";
                        break outer;
                    }
                    long now = System.nanoTime();
                    if (rx.count() == 0 && (rx.unreachable || rx.refusedForGood()
                            || now - streamStart >= FIRST_ANSWER_MILLIS * 1_000_000L)) {
                        noAnswer = true;
                        break outer;
                    }
                    if (rx.count() > 0 && now - Math.max(rx.lastReplyNanos, streamStart) > timeout) {
                        note = "stopped: no answer for " + seconds(o.answerTimeoutMillis());
                        break outer;
                    }
                    ProbeProtocol.writeProbe(out, mac, session, sent, now, System.currentTimeMillis(), o.packetBytes());
                    try {
                        ch.write(out);
                    } catch (PortUnreachableException e) {
                        rx.unreachable = true; // the last probe bounced: not sent; the next look stops the stream
                        continue;
                    }
                    sendNanos[sent] = now;
                    sent++;
                    rateSent[r]++;
                    rateLast[r] = now;
                    previous = now;
                }
            }
            if (!noAnswer && rx.count() == 0 && sent > 0) {
                awaitFirst(rx, sendNanos[sent - 1], timeout, stopRequested);
            }
            if (!noAnswer && rx.count() > 0) {
                awaitLate(rx, sent, sent > 0 ? sendNanos[sent - 1] : System.nanoTime(), timeout, stopRequested);
            }
            noAnswer = rx.count() == 0;
            if (noAnswer && rx.reason == 0 && !rx.unreachable && note == null) {
                // no answer and no notice: an older server (protocol 1) answers one probe of its own version
                rx.v1Session = session ^ 0x5A5A5A5A5A5A5A5AL;
                ProbeProtocol.writeV1Probe(out, mac, rx.v1Session, 0, System.nanoTime());
                try {
                    ch.write(out);
                } catch (PortUnreachableException e) {
                    rx.unreachable = true;
                }
                long until = System.nanoTime() + Math.min(timeout, 500_000_000L);
                while (!rx.olderServer && rx.reason == 0 && System.nanoTime() - until < 0 && sleep(stopRequested)) {
                    // waiting
                }
            }
        } catch (ClosedChannelException e) {
            // only an interrupt of this thread closes the channel: the measurement so far is the result
            if (rx == null) {
                throw new ProbeException("interrupted");
            }
            note = "interrupted";
            noAnswer = rx.count() == 0;
        } catch (IOException e) {
            throw new ProbeException("cannot reach " + target(o) + ": " + reason(e));
        } finally {
            close(ch);
            join(receiving);
        }
        List<PathResult.Rate> rates = new ArrayList<>();
        for (int r = 0; r < rateSent.length; r++) {
            if (rateSent[r] > 0) {
                long nanos = rateLast[r] - sendNanos[rateFirst[r]] + interval(o.ratesMbps().get(r), o.packetBytes());
                rates.add(rate(o, r, rateFirst[r], rateSent[r], nanos, sendNanos, rx));
            }
        }
        double tcp = Double.NaN;
        String refusal = refusal(rx, o, noAnswer);
        if (noAnswer && !"interrupted".equals(note)) {
            String udp = rx.unreachable ? "UDP port unreachable" : refusal != null ? "refused"
                    : "no UDP answer within " + seconds(FIRST_ANSWER_MILLIS);
            TcpTime t = refusal != null ? new TcpTime(Double.NaN, null) : tcpConnect(server, o.answerTimeoutMillis());
            tcp = t.millis;
            note = udp + (t.failure != null ? "; " + t.failure : "");
        }
        return new PathResult(o.host(), o.port(), !noAnswer, rates, tcp, note, refusal,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Why the server did not answer, from what it said (its notices) or an older server's reply:
     * one line for a person, or null. When it answered, only a refusal of part of the stream (over
     * its per-address rate) is worth saying: that loss is not the path's.
     */
    static String refusal(Receiver rx, Options o, boolean noAnswer) {
        if (rx == null) {
            return null;
        }
        if (!noAnswer) {
            return rx.rateNotices > 0 ? "the probe server refused some probes as over its rate for this address "
                    + "(another measurement from this address or its NAT?): that loss is not the path's" : null;
        }
        if (rx.olderServer) {
            return "the probe server is an older camlab (probe protocol 1; this one speaks " + ProbeProtocol.VERSION
                    + "): update it";
        }
        switch (rx.reason) {
            case ProbeProtocol.REASON_TOKEN:
                return o.token() == null ? "the probe server wants a token (--token-file)"
                        : "the probe server refused the token: it has another one";
            case ProbeProtocol.REASON_CLOCK:
                long off = rx.serverWallMillis - rx.noticeReceivedWallMillis;
                return String.format(Locale.ROOT,
                        "this computer's clock is %d s %s the probe server's (more than %d s):"
                                + " set the time (NTP) on both", Math.abs(off) / 1000, off > 0 ? "behind" : "ahead of",
                        ProbeProtocol.WINDOW_MILLIS / 1000);
            case ProbeProtocol.REASON_BUSY:
                return "the probe server is busy (too many measurements at once): try again in a minute";
            case ProbeProtocol.REASON_RATE:
                return "the probe server refuses this address: over its rate (another measurement from this address "
                        + "or its NAT, or a flood from it)";
            case ProbeProtocol.REASON_VERSION:
                return "the probe server speaks probe protocol " + rx.serverVersion + ", this camlab "
                        + ProbeProtocol.VERSION + ": run the same camlab version on both";
            default:
                return null;
        }
    }

    /** The time between two probes at this bitrate. */
    private static long interval(double mbps, int packetBytes) {
        return Math.round(packetBytes * 8 / (mbps * 1e6) * 1e9);
    }

    /** Waits for the first reply when the whole stream went out before it came (a stream shorter than a second). */
    private static void awaitFirst(Receiver rx, long lastSend, long timeout, BooleanSupplier stop) {
        long until = lastSend + Math.min(timeout, FIRST_ANSWER_MILLIS * 1_000_000L);
        while (rx.count() == 0 && !rx.unreachable && System.nanoTime() - until < 0 && sleep(stop)) {
            // waiting
        }
    }

    /**
     * The grace period for late replies: until all are in, the timeout has passed since the last
     * probe, or nothing came for four of the slowest round trips seen (at least 200 ms): replies
     * that late would be useless to a call anyway.
     */
    private static void awaitLate(Receiver rx, int sent, long lastSend, long timeout, BooleanSupplier stop) {
        while (rx.count() < sent) {
            long now = System.nanoTime();
            long quiet = Math.max(200_000_000L, 4 * rx.maxRttNanos);
            if (now - lastSend > timeout || now - Math.max(lastSend, rx.lastReplyNanos) > quiet || !sleep(stop)) {
                return;
            }
        }
    }

    /** A short wait; false when asked to stop. */
    private static boolean sleep(BooleanSupplier stop) {
        LockSupport.parkNanos(2_000_000L);
        return !stopped(stop);
    }

    /** Parks until {@code due} (System.nanoTime); false when asked to stop. */
    private static boolean parkUntil(long due, BooleanSupplier stop) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            // in slices: a stop is seen within 50 ms even between slow probes
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
            if (stopped(stop)) {
                return false;
            }
        }
        return !stopped(stop);
    }

    private static boolean stopped(BooleanSupplier stop) {
        return Thread.currentThread().isInterrupted() || stop.getAsBoolean();
    }

    private static PathResult.Rate rate(Options o, int r, int first, int sent, long nanos, long[] sendNanos,
            Receiver rx) {
        List<Integer> answered = new ArrayList<>();
        for (int s = first; s < first + sent; s++) {
            // a reply must echo the time this probe was sent: anything else is not an answer to it
            if (rx.got[s] && rx.echoedSend[s] == sendNanos[s]) {
                answered.add(s);
            }
        }
        int received = answered.size();
        double[] rtt = new double[received];
        for (int i = 0; i < received; i++) {
            int s = answered.get(i);
            rtt[i] = (rx.receivedNanos[s] - sendNanos[s]) / 1e6;
        }
        Arrays.sort(rtt);
        // upstream in the order the server received the probes, downstream in the order the replies came
        Rfc3550Jitter up = new Rfc3550Jitter();
        long serverBase = received > 0 ? rx.serverNanos[answered.get(0)] : 0;
        answered.sort((a, b) -> Long.compare(rx.serverNanos[a] - serverBase, rx.serverNanos[b] - serverBase));
        for (int s : answered) {
            up.add(rx.serverNanos[s] - sendNanos[s]);
        }
        Rfc3550Jitter down = new Rfc3550Jitter();
        answered.sort((a, b) -> Long.compare(rx.receivedNanos[a] - rx.receivedNanos[b], 0));
        for (int s : answered) {
            down.add(rx.receivedNanos[s] - rx.serverNanos[s]);
        }
        long bytes = (long) sent * o.packetBytes();
        return new PathResult.Rate(o.ratesMbps().get(r), o.packetBytes(), sent, received,
                100.0 * (sent - received) / sent, received > 0 ? median(rtt) : Double.NaN,
                received > 0 ? rtt[(int) Math.ceil(0.95 * received) - 1] : Double.NaN,
                received > 1 ? up.millis() : Double.NaN, received > 1 ? down.millis() : Double.NaN, bytes,
                nanos > 0 ? bytes * 8 / (nanos / 1e9) / 1e6 : Double.NaN);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private record TcpTime(double millis, String failure) {
    }

    /** One TCP connect to the port, timed; closed at once without sending anything. */
    private static TcpTime tcpConnect(InetSocketAddress server, long timeoutMillis) {
        try (Socket s = new Socket()) {
            long t0 = System.nanoTime();
            s.connect(server, (int) timeoutMillis);
            return new TcpTime((System.nanoTime() - t0) / 1e6, null);
        } catch (ConnectException e) {
            return new TcpTime(Double.NaN, "TCP connection refused");
        } catch (SocketTimeoutException e) {
            return new TcpTime(Double.NaN, "no TCP answer within " + seconds(timeoutMillis));
        } catch (IOException e) {
            return new TcpTime(Double.NaN, "TCP: " + reason(e));
        }
    }

    private static InetAddress resolve(String host) throws ProbeException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ProbeException("cannot find the host '" + host + "' (check the name, or give its address)");
        } catch (SecurityException e) {
            throw new ProbeException("not allowed to look up '" + host + "'");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }

    private static String target(Options o) {
        return (o.host().indexOf(':') >= 0 ? "[" + o.host() + "]" : o.host()) + ":" + o.port();
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void close(DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close(); // also wakes the receiver out of its read
            } catch (IOException e) {
                // closing
            }
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join(1000);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the receiver ends with the closed channel: wait for it, keep the interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the replies on the probe's own (connected) channel until it is closed. Its arrays are
     * read by the sender only after joining this thread; the counters are what the sender looks at
     * while streaming.
     */
    private static final class Receiver implements Runnable {
        private final DatagramChannel ch;
        private final long session;
        private final Mac mac;
        final boolean[] got;
        final long[] serverNanos;
        final long[] receivedNanos;
        final long[] echoedSend;
        private final AtomicInteger count = new AtomicInteger();
        volatile long lastReplyNanos;
        volatile long maxRttNanos;
        volatile boolean unreachable;
        /** The last notice's reason about this session (0: none), and what came with it. */
        volatile int reason;
        volatile int serverVersion;
        volatile long serverWallMillis;
        volatile long noticeReceivedWallMillis;
        volatile int rateNotices;
        /** The session of the protocol 1 probe sent to tell an older server apart (0: none sent). */
        volatile long v1Session;
        volatile boolean olderServer;

        Receiver(DatagramChannel ch, long session, Mac mac, int capacity) {
            this.ch = ch;
            this.session = session;
            this.mac = mac;
            this.got = new boolean[capacity];
            this.serverNanos = new long[capacity];
            this.receivedNanos = new long[capacity];
            this.echoedSend = new long[capacity];
        }

        int count() {
            return count.get();
        }

        /** The server said it will not answer this client at all: no point in streaming on. */
        boolean refusedForGood() {
            int r = reason;
            return r == ProbeProtocol.REASON_TOKEN || r == ProbeProtocol.REASON_CLOCK
                    || r == ProbeProtocol.REASON_VERSION;
        }

        @Override
        public void run() {
            ByteBuffer in = ByteBuffer.allocate(2048);
            while (ch.isOpen()) {
                in.clear();
                try {
                    ch.read(in);
                } catch (PortUnreachableException e) {
                    unreachable = true;
                    continue;
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    // another ICMP error (host unreachable): reported once per datagram, keep reading
                    unreachable = true;
                    LockSupport.parkNanos(1_000_000L);
                    continue;
                }
                long now = System.nanoTime();
                in.flip();
                ProbeProtocol.Notice n = ProbeProtocol.readNotice(in);
                if (n != null) {
                    // not authenticated: it only ever explains an absence of answers
                    boolean aboutV1 = v1Session != 0 && n.session() == v1Session;
                    if (aboutV1 && n.version() == ProbeProtocol.VERSION && n.reason() == ProbeProtocol.REASON_VERSION) {
                        continue; // our own version refused the old probe: the silence was something else
                    }
                    if (n.session() == session || aboutV1) {
                        serverVersion = n.version();
                        serverWallMillis = n.serverWallMillis();
                        noticeReceivedWallMillis = System.currentTimeMillis();
                        reason = n.version() != ProbeProtocol.VERSION ? ProbeProtocol.REASON_VERSION : n.reason();
                        if (n.reason() == ProbeProtocol.REASON_RATE) {
                            rateNotices++;
                        }
                    }
                    continue;
                }
                if (v1Session != 0 && ProbeProtocol.isV1Reply(in, v1Session)) {
                    olderServer = true;
                    continue;
                }
                // a server without a token sends no MAC; one with a token must send a MAC that verifies
                ProbeProtocol.Packet p = ProbeProtocol.read(in, ProbeProtocol.TYPE_REPLY, mac, false);
                if (p == null || p.session() != session) {
                    continue;
                }
                int s = p.sequence();
                if (s < 0 || s >= got.length || got[s]) {
                    continue; // a duplicate counts once
                }
                got[s] = true;
                serverNanos[s] = p.serverReceiveNanos();
                receivedNanos[s] = now;
                echoedSend[s] = p.clientSendNanos();
                maxRttNanos = Math.max(maxRttNanos, Math.min(now - p.clientSendNanos(), 30_000_000_000L));
                lastReplyNanos = now;
                count.incrementAndGet();
            }
        }
    }
}
