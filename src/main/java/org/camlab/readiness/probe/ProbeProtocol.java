package org.camlab.readiness.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The probe's datagram, big-endian:
 *
 * <pre>
 *  0  "CLPB"                       magic
 *  4  1                            version
 *  5  1 probe, 2 reply             type
 *  6  flags (bit 0: a MAC follows the header), 1 byte reserved (0)
 *  8  session id                   8 bytes, random per measurement
 * 16  sequence number              4 bytes
 * 20  client send time             8 bytes, the client's System.nanoTime
 * 28  server receive time          8 bytes, the server's System.nanoTime (0 in a probe)
 * 36  HMAC-SHA256(token, bytes 0..35), first 16 bytes   only when flag bit 0 is set
 * ..  padding up to the probe's size (zeros): the stream's bitrate, never read
 * </pre>
 *
 * A reply is the header (and MAC) alone, so it is never larger than the probe it answers: the server
 * cannot be used to amplify traffic towards a spoofed address. The MAC covers the header only —
 * the padding carries nothing — and is recomputed by the server over its reply.
 */
public final class ProbeProtocol {
    static final byte[] MAGIC = "CLPB".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int TYPE_PROBE = 1;
    static final int TYPE_REPLY = 2;
    static final int FLAG_MAC = 1;
    /** Bytes of the header without a MAC. */
    public static final int HEADER_BYTES = 36;
    static final int MAC_BYTES = 16;
    /** The largest probe a client sends: an Ethernet MTU's worth of payload. */
    public static final int MAX_PROBE_BYTES = 1500;

    private static final int SERVER_TIME_OFFSET = 28;

    private ProbeProtocol() {
    }

    /** One decoded header; {@code hasMac}: it carries a MAC (verified when read with a key). */
    record Packet(int type, long session, int sequence, long clientSendNanos, long serverReceiveNanos,
            boolean hasMac) {
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
    static void writeProbe(ByteBuffer dst, Mac mac, long session, int sequence, long clientSendNanos, int totalBytes) {
        dst.clear();
        writeHeader(dst, TYPE_PROBE, mac != null, session, sequence, clientSendNanos, 0);
        if (mac != null) {
            appendMac(dst, mac);
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
                serverReceiveNanos);
        if (mac != null) {
            appendMac(dst, mac);
        }
        dst.flip();
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
        if (length < HEADER_BYTES) {
            return null;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (src.get(start + i) != MAGIC[i]) {
                return null;
            }
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
                src.getLong(start + SERVER_TIME_OFFSET), hasMac);
    }

    private static void writeHeader(ByteBuffer dst, int type, boolean withMac, long session, int sequence,
            long clientSendNanos, long serverReceiveNanos) {
        dst.put(MAGIC).put((byte) VERSION).put((byte) type).put((byte) (withMac ? FLAG_MAC : 0)).put((byte) 0)
                .putLong(session).putInt(sequence).putLong(clientSendNanos).putLong(serverReceiveNanos);
    }

    private static void appendMac(ByteBuffer dst, Mac mac) {
        mac.reset();
        mac.update(dst.array(), dst.arrayOffset(), HEADER_BYTES);
        dst.put(mac.doFinal(), 0, MAC_BYTES);
    }

    private static boolean macMatches(ByteBuffer src, int start, Mac mac) {
        byte[] header = new byte[HEADER_BYTES];
        byte[] given = new byte[MAC_BYTES];
        src.get(start, header);
        src.get(start + HEADER_BYTES, given);
        mac.reset();
        byte[] full = mac.doFinal(header);
        byte[] expected = java.util.Arrays.copyOf(full, MAC_BYTES);
        return MessageDigest.isEqual(expected, given); // constant time: no timing oracle on the MAC
    }
}
