package org.camlab.readiness.probe;

import java.util.List;
import java.util.Locale;

/**
 * What {@link PathProbe} measured towards one probe server.
 *
 * @param host the host as named, without any user or password that came with it
 * @param answered whether any UDP probe was answered; false: {@link #rates()} is empty or all lost
 *        and {@link #tcpConnectMillis()} says whether the host was there at all
 * @param rates one entry per bitrate streamed, in the order streamed
 * @param tcpConnectMillis the time of a TCP connect to the same port when UDP got no answer; NaN
 *        when not tried or when it failed
 * @param note why the measurement is incomplete (no answer, stopped early), or null
 * @param refusal what the probe server said when it refused probes (a wrong token, a clock off, busy,
 *        over its rate for this address, another protocol version) — one line, or null when it
 *        said nothing: then no answer means the path or a firewall
 * @param seconds the wall time of the whole measurement
 */
public record PathResult(String host, int port, boolean answered, List<Rate> rates, double tcpConnectMillis,
        String note, String refusal, double seconds) {
    public PathResult {
        rates = List.copyOf(rates);
    }

    /** Without a refusal. */
    public PathResult(String host, int port, boolean answered, List<Rate> rates, double tcpConnectMillis, String note,
            double seconds) {
        this(host, port, answered, rates, tcpConnectMillis, note, null, seconds);
    }

    /**
     * One bitrate's stream.
     *
     * @param targetMbps the bitrate asked for, of UDP payload (IP and UDP headers add 28 bytes a packet)
     * @param sent probes sent; fewer than planned when the stream was stopped early
     * @param received distinct probes answered within the grace period
     * @param lossPercent 100 × (sent − received) / sent: either direction's loss; NaN when none was sent
     * @param rttMedianMillis round trip, median of the answered probes; NaN when none was
     * @param rttP95Millis round trip, 95th percentile (nearest rank)
     * @param jitterMillis RFC 3550 interarrival jitter of the upstream (client → server) transit,
     *        in the order the server received the probes — what the far end of a call sees of this
     *        machine's video
     * @param downstreamJitterMillis the same of the replies' way back (server → client)
     * @param bytesSent UDP payload bytes sent
     * @param sentMbps the bitrate achieved by the sender over the stream's length
     */
    public record Rate(double targetMbps, int packetBytes, int sent, int received, double lossPercent,
            double rttMedianMillis, double rttP95Millis, double jitterMillis, double downstreamJitterMillis,
            long bytesSent, double sentMbps) {
        /** "1.5 Mbit/s: loss 0.0 %, RTT 12.3 ms (95 %: 20.1 ms), jitter 0.80 ms". */
        public String summary() {
            if (received == 0) {
                return String.format(Locale.ROOT, "%s Mbit/s: no answer to %d probes", mbps(targetMbps), sent);
            }
            return String.format(Locale.ROOT, "%s Mbit/s: loss %.1f %%, RTT %.1f ms (95 %%: %.1f ms), jitter %.2f ms",
                    mbps(targetMbps), lossPercent, rttMedianMillis, rttP95Millis, jitterMillis);
        }
    }

    /** The probes sent and answered over all rates. */
    public int sent() {
        return rates.stream().mapToInt(Rate::sent).sum();
    }

    public int received() {
        return rates.stream().mapToInt(Rate::received).sum();
    }

    /** UDP payload bytes sent over all rates. */
    public long bytesSent() {
        return rates.stream().mapToLong(Rate::bytesSent).sum();
    }

    /** Whether a TCP connect was timed (the UDP fallback). */
    public boolean tcpConnected() {
        return !Double.isNaN(tcpConnectMillis);
    }

    /** One line for a person: each rate's figures, or what answered when UDP did not. */
    public String summary() {
        String target = target();
        if (!answered) {
            if (refusal != null) {
                return target + ": " + refusal;
            }
            String why = note != null ? " (" + note + ")" : "";
            return tcpConnected()
                    ? String.format(Locale.ROOT, "%s: UDP probes got no answer%s, TCP connects in %.1f ms: UDP is "
                            + "blocked on the way (a probe server refusing this client would have said why)", target,
                            why, tcpConnectMillis)
                    : target + ": no answer" + why;
        }
        StringBuilder s = new StringBuilder(target).append(": ");
        for (int i = 0; i < rates.size(); i++) {
            s.append(i > 0 ? " · " : "").append(rates.get(i).summary());
        }
        if (note != null) {
            s.append(" (").append(note).append(')');
        }
        if (refusal != null) {
            s.append(" (").append(refusal).append(')');
        }
        return s.toString();
    }

    private String target() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static String mbps(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
