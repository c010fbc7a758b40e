package org.camlab.session;

import java.time.Duration;

/**
 * How a session runs. Build from {@link #defaults()} and the {@code with…} methods.
 *
 * @param maxFrames           stop after this many analysed frames (0 = no limit)
 * @param cadence             which frames get the full analysis
 * @param durationMicros      stop at this much source time (0 = the whole source)
 * @param faceIntervalSec     source seconds between face detections, faces reused in between (NaN: 0.5 s
 *                            live, where the window follows a moving head, 1 s for a recording)
 * @param resolutionIntervalSec source seconds between effective-resolution estimates
 * @param openTimeout         longest wait for a source to open
 * @param stallTimeout        longest wait for the next decoded frame (null: 10 s live, 60 s files)
 * @param snapshotInterval    wall time between snapshots to the listeners
 */
public record SessionOptions(long maxFrames, Cadence cadence, long durationMicros, double faceIntervalSec,
        double resolutionIntervalSec, Duration openTimeout, Duration stallTimeout,
        Duration snapshotInterval) {
    public static SessionOptions defaults() {
        return new SessionOptions(0, Cadence.auto(), 0, Double.NaN, 2.0, Duration.ofSeconds(10), null,
                Duration.ofMillis(500));
    }

    public SessionOptions withMaxFrames(long n) {
        return new SessionOptions(n, cadence, durationMicros, faceIntervalSec, resolutionIntervalSec, openTimeout,
                stallTimeout, snapshotInterval);
    }

    public SessionOptions withCadence(Cadence c) {
        return new SessionOptions(maxFrames, c, durationMicros, faceIntervalSec, resolutionIntervalSec, openTimeout,
                stallTimeout, snapshotInterval);
    }

    public SessionOptions withDurationMicros(long d) {
        return new SessionOptions(maxFrames, cadence, d, faceIntervalSec, resolutionIntervalSec, openTimeout,
                stallTimeout, snapshotInterval);
    }

    public SessionOptions withTimeouts(Duration open, Duration stall) {
        return new SessionOptions(maxFrames, cadence, durationMicros, faceIntervalSec, resolutionIntervalSec, open,
                stall, snapshotInterval);
    }

    public SessionOptions withSnapshotInterval(Duration d) {
        return new SessionOptions(maxFrames, cadence, durationMicros, faceIntervalSec, resolutionIntervalSec,
                openTimeout,
                stallTimeout, d);
    }

    double faceIntervalFor(boolean live) {
        return !Double.isNaN(faceIntervalSec) ? faceIntervalSec : live ? 0.5 : 1.0;
    }

    Duration stallTimeoutFor(boolean live) {
        return stallTimeout != null ? stallTimeout : Duration.ofSeconds(live ? 10 : 60);
    }
}
