package org.camlab.readiness;

import java.util.List;

/**
 * What this computer can encode and decode in real time.
 *
 * @param encodes          one per resolution tried, smallest first
 * @param decode           several streams decoded at once, as a gallery view does; null when not measured
 * @param encoder          the software encoder measured (FFmpeg's name, e.g. libopenh264)
 * @param hardwareEncoders H.264 hardware encoders FFmpeg could open on this machine
 * @param canSend          the largest of "1080p", "720p" that encodes with {@value #MIN_REAL_TIME}× headroom, else "less than 720p"
 */
public record Headroom(List<Encode> encodes, Decode decode, String encoder, List<String> hardwareEncoders,
        String canSend) {
    /**
     * Real-time factor an encoder needs on one core: the call also decodes the others, mixes audio
     * and draws its window, so a core fully taken by the encoder alone drops frames.
     */
    public static final double MIN_REAL_TIME = 1.5;

    /** @param realTimeFactor seconds of video encoded per second of processor time spent in the encoder, on one thread */
    public record Encode(int width, int height, int fps, double bitrateMbps, int frames, double seconds,
            double realTimeFactor, long bytes) {
        public String label() {
            return height + "p" + fps;
        }
    }

    /** @param realTimeFactor seconds of video of all streams decoded per second of wall time */
    public record Decode(int streams, int width, int height, int fps, double realTimeFactor) {
    }

    public Encode encode(int height) {
        return encodes.stream().filter(e -> e.height() == height).findFirst().orElse(null);
    }
}
