package org.camlab.readiness.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The probe's datagram, protocol 2, big-endian:
 *
 * <pre>
 *  0  "CLPB"                       magic
 *  4  2                            version
 *  5  1 probe, 2 reply, 3 notice   type
 *  6  flags (bit 0: a MAC follows the header), 1 byte reserved (0)
 *  8  session id                   8 bytes, random per measurement
 * 16  sequence number              4 bytes
 * 20  client send time             8 bytes, the client's System.nanoTime
 * 28  server receive time          8 bytes, the server's System.nanoTime (0 in a probe)
 * 36  client wall clock            8 bytes, ms since 1970 when the probe was sent
 * 44  HMAC-SHA256(token, bytes 0..43), first 16 bytes   only when flag bit 0 is set
 * ..  padding up to the probe's size (zeros): the stream's bitrate, never read
 * </pre>
 *
 * <p>With a token, the wall clock and the nonce (session id and sequence number) are under the
 * MAC: a server refuses a probe whose clock is more than {@value #WINDOW_MILLIS} ms from its own,
 * and one whose nonce it has already seen (a replay).
 *
 * <p>A reply is the header (and MAC) alone, so it is never larger than the probe it answers. A
 * <em>notice</em> tells a client why its probe was not answered; its layout is the same in every
 * protocol version, so that a client can say which version the server speaks:
 *
 * <pre>
 *  0  "CLPB", 4 the server's version, 5 type 3, 6 flags 0, 7 reason (1 busy, 2 over the rate,
 *     3 token, 4 clock, 5 version), 8 the probe's session id, 16 its sequence number,
 * 20  the server's wall clock (ms since 1970), 28 bytes in all
 * </pre>
 *
 * It is smaller than the smallest probe of any version (36 bytes), sent at most four times a second
 * per source address and {@value #NOTICES_PER_SECOND} a second in all: the server cannot amplify.
 * Protocol 1 (camlab before the clock and nonce) had no wall clock and no notice; a server of
 * protocol 2 answers its probes with a version notice, and a client of protocol 2 that gets no
 * answer tries one probe of protocol 1 to tell an older server from a blocked path.
 */
public final class ProbeProtocol {
    static final byte[] MAGIC = "CLPB".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int TYPE_PROBE = 1;
    static final int TYPE_REPLY = 2;
    static final int TYPE_NOTICE = 3;
    static final int FLAG_MAC = 1;
    /** Bytes of the header without a MAC. */
    public static final int HEADER_BYTES = 44;
    static final int MAC_BYTES = 16;
    /** The largest probe a client sends: an Ethernet MTU's worth of payload. */
    public static final int MAX_PROBE_BYTES = 1500;
    /** A notice's size: smaller than any version's smallest probe. */
    static final int NOTICE_BYTES = 28;
    /** Protocol 1's header, for the version check. */
    static final int V1_HEADER_BYTES = 36;
    /** With a token: a probe's wall clock this far from the server's (either way) is refused. */
    public static final long WINDOW_MILLIS = 30_000;
    static final int NOTICES_PER_SECOND = 50;

    static final int REASON_BUSY = 1;
    static final int REASON_RATE = 2;
    static final int REASON_TOKEN = 3;
    static final int REASON_CLOCK = 4;
    static final int REASON_VERSION = 5;

    private static final int SERVER_TIME_OFFSET = 28;
    private static final int WALL_OFFSET = 36;

    private ProbeProtocol() {
    }

    /** One decoded header; {@code hasMac}: it carries a MAC (verified when read with a key). */
    record Packet(int type, long session, int sequence, long clientSendNanos, long serverReceiveNanos,
            long clientWallMillis, boolean hasMac) {
    }

    /** A decoded notice: the server's version, why, the probe it is about, the server's wall clock. */
    record Notice(int version, int reason, long session, int sequence, long serverWallMillis) {
    }

    /** The smallest valid probe: the header, with its MAC when a token is used. */
    public static int minProbeBytes(boolean withToken) {
        return HEADER_BYTES + (withToken ? MAC_BYTES : 0);
    }

    /** HMAC-SHA256 keyed with the token; null for no token. Not thread-safe: one per thread. */
    static Mac mac(String token) {
        if (token == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HmacSHA256", e); // every JDK 17 does
        }
    }

    /** Writes a probe of {@code totalBytes} (header, MAC when {@code mac} is given, zero padding) at dst's position 0. */
    static void writeProbe(ByteBuffer dst, Mac mac, long session, int sequence, long clientSendNanos,
            long clientWallMillis, int totalBytes) {
        dst.clear();
        writeHeader(dst, TYPE_PROBE, mac != null, session, sequence, clientSendNanos, 0, clientWallMillis);
        if (mac != null) {
            appendMac(dst, mac, HEADER_BYTES);
        }
        while (dst.position() < totalBytes) {
            dst.put((byte) 0);
        }
        dst.flip();
    }

    /** Writes the reply to {@code probe}: its header with the server's receive time, and a MAC when the server has a token. */
    static void writeReply(ByteBuffer dst, Packet probe, long serverReceiveNanos, Mac mac) {
        dst.clear();
        writeHeader(dst, TYPE_REPLY, mac != null, probe.session(), probe.sequence(), probe.clientSendNanos(),
                serverReceiveNanos, probe.clientWallMillis());
        if (mac != null) {
            appendMac(dst, mac, HEADER_BYTES);
        }
        dst.flip();
    }

    /** Writes a notice about the probe of {@code session} and {@code sequence}. */
    static void writeNotice(ByteBuffer dst, int reason, long session, int sequence, long serverWallMillis) {
        dst.clear();
        dst.put(MAGIC).put((byte) VERSION).put((byte) TYPE_NOTICE).put((byte) 0).put((byte) reason).putLong(session)
                .putInt(sequence).putLong(serverWallMillis);
        dst.flip();
    }

    /** A protocol 1 probe (36-byte header, MAC over it), for telling an older server apart. */
    static void writeV1Probe(ByteBuffer dst, Mac mac, long session, int sequence, long clientSendNanos) {
        dst.clear();
        dst.put(MAGIC).put((byte) 1).put((byte) TYPE_PROBE).put((byte) (mac != null ? FLAG_MAC : 0)).put((byte) 0)
                .putLong(session).putInt(sequence).putLong(clientSendNanos).putLong(0);
        if (mac != null) {
            appendMac(dst, mac, V1_HEADER_BYTES);
        }
        dst.flip();
    }

    /** Whether {@code src} is a protocol 1 reply to {@code session} (an older server). */
    static boolean isV1Reply(ByteBuffer src, long session) {
        int start = src.position();
        return src.remaining() >= V1_HEADER_BYTES && hasMagic(src, start) && src.get(start + 4) == 1
                && src.get(start + 5) == TYPE_REPLY && src.getLong(start + 8) == session;
    }

    /**
     * The protocol version of a datagram that starts with the magic and is a probe of another
     * version than this one, or 0. What a server answers with a version notice.
     */
    static int otherVersionProbe(ByteBuffer src) {
        int start = src.position();
        if (src.remaining() < V1_HEADER_BYTES || !hasMagic(src, start) || src.get(start + 5) != TYPE_PROBE) {
            return 0;
        }
        int v = src.get(start + 4) & 0xff;
        return v != VERSION ? v : 0;
    }

    /** Decodes a notice of any version, or null. */
    static Notice readNotice(ByteBuffer src) {
        int start = src.position();
        if (src.remaining() != NOTICE_BYTES || !hasMagic(src, start) || src.get(start + 5) != TYPE_NOTICE) {
            return null;
        }
        return new Notice(src.get(start + 4) & 0xff, src.get(start + 7) & 0xff, src.getLong(start + 8),
                src.getInt(start + 16), src.getLong(start + 20));
    }

    /**
     * Decodes a datagram (from position to limit), or null when it is not a valid packet of the type
     * wanted: too short, wrong magic, version or type, unknown flags, a MAC that does not verify
     * against {@code mac}, or no MAC when {@code requireMac}. Without {@code mac} a packet's MAC is
     * not checked (the cheap look at its shape).
     */
    static Packet read(ByteBuffer src, int wantedType, Mac mac, boolean requireMac) {
        int start = src.position();
        int length = src.remaining();
        if (length < HEADER_BYTES || !hasMagic(src, start)) {
            return null;
        }
        if (src.get(start + 4) != VERSION || src.get(start + 5) != wantedType) {
            return null;
        }
        int flags = src.get(start + 6);
        if ((flags & ~FLAG_MAC) != 0 || src.get(start + 7) != 0) {
            return null;
        }
        boolean hasMac = (flags & FLAG_MAC) != 0;
        if (hasMac && length < HEADER_BYTES + MAC_BYTES || requireMac && !hasMac) {
            return null;
        }
        if (mac != null && hasMac && !macMatches(src, start, mac)) {
            return null;
        }
        return new Packet(wantedType, src.getLong(start + 8), src.getInt(start + 16), src.getLong(start + 20),
                src.getLong(start + SERVER_TIME_OFFSET), src.getLong(start + WALL_OFFSET), hasMac);
    }

    private static boolean hasMagic(ByteBuffer src, int start) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (src.get(start + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static void writeHeader(ByteBuffer dst, int type, boolean withMac, long session, int sequence,
            long clientSendNanos, long serverReceiveNanos, long clientWallMillis) {
        dst.put(MAGIC).put((byte) VERSION).put((byte) type).put((byte) (withMac ? FLAG_MAC : 0)).put((byte) 0)
                .putLong(session).putInt(sequence).putLong(clientSendNanos).putLong(serverReceiveNanos)
                .putLong(clientWallMillis);
    }

    private static void appendMac(ByteBuffer dst, Mac mac, int headerBytes) {
        mac.reset();
        mac.update(dst.array(), dst.arrayOffset(), headerBytes);
        dst.put(mac.doFinal(), 0, MAC_BYTES);
    }

    private static boolean macMatches(ByteBuffer src, int start, Mac mac) {
        byte[] header = new byte[HEADER_BYTES];
        byte[] given = new byte[MAC_BYTES];
        src.get(start, header);
        src.get(start + HEADER_BYTES, given);
        mac.reset();
        byte[] full = mac.doFinal(header);
        byte[] expected = Arrays.copyOf(full, MAC_BYTES);
        return MessageDigest.isEqual(expected, given); // constant time: no timing oracle on the MAC
    }
}
