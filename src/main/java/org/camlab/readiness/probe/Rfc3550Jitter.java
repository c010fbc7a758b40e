package org.camlab.readiness.probe;

/**
 * Interarrival jitter as RFC 3550 §6.4.1 defines it — the figure RTP receivers put in their
 * reports, and meeting clients and iperf3 show: for packets in arrival order with transit times
 * T(i) (receive time minus send time; a constant clock offset between the two ends cancels),
 * D(i−1,i) = T(i) − T(i−1) and J += (|D(i−1,i)| − J) / 16. The first packet only sets T(0).
 */
public final class Rfc3550Jitter {
    private boolean started;
    private long lastTransit;
    private double jitterNanos;
    private int count;

    /** Feeds the next packet's transit time, in nanoseconds, in arrival order. */
    public void add(long transitNanos) {
        if (started) {
            // long subtraction: the two ends' nanoTime bases are arbitrary, the difference wraps consistently
            double d = Math.abs((double) (transitNanos - lastTransit));
            jitterNanos += (d - jitterNanos) / 16.0;
        }
        started = true;
        lastTransit = transitNanos;
        count++;
    }

    /** The jitter so far in nanoseconds; 0 before the second packet. */
    public double nanos() {
        return jitterNanos;
    }

    public double millis() {
        return jitterNanos / 1e6;
    }

    /** Packets fed. */
    public int count() {
        return count;
    }
}
