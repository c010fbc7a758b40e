package org.camlab.session;

/**
 * Frame timing from presentation timestamps (design.md, temporal.*).
 *
 * @param fpsMeasured   mean rate: (frames − 1) / (last − first timestamp), frames per second
 * @param jitterMs      standard deviation of the frame intervals, milliseconds
 * @param droppedFrames missing frames: for each interval over 1.5× nominal, round(interval / nominal) − 1
 * @param frozenFrames  frames whose mean absolute luma difference to the previous analysed frame is < 0.5
 */
public record Timing(double fpsMeasured, double jitterMs, int droppedFrames, int frozenFrames) {
    public static final double FROZEN_MAD = 0.5;

    /**
     * @param ptsMicros  timestamps of every frame read (analysed or skipped), in order
     * @param count      how many of {@code ptsMicros} are valid
     * @param fpsNominal the declared rate, NaN to use the median interval instead
     */
    public static Timing of(long[] ptsMicros, int count, double fpsNominal, int frozenFrames) {
        if (count < 2) {
            return new Timing(Double.NaN, Double.NaN, 0, frozenFrames);
        }
        double span = (ptsMicros[count - 1] - ptsMicros[0]) / 1e6;
        double fps = span > 0 ? (count - 1) / span : Double.NaN;
        double[] intervals = new double[count - 1];
        double mean = 0;
        for (int i = 1; i < count; i++) {
            intervals[i - 1] = (ptsMicros[i] - ptsMicros[i - 1]) / 1e3;
            mean += intervals[i - 1];
        }
        mean /= intervals.length;
        double var = 0;
        for (double d : intervals) {
            var += (d - mean) * (d - mean);
        }
        double jitter = Math.sqrt(var / intervals.length);
        double nominalMs;
        if (fpsNominal > 0) {
            nominalMs = 1000.0 / fpsNominal;
        } else {
            double[] sorted = intervals.clone();
            java.util.Arrays.sort(sorted);
            nominalMs = sorted[sorted.length / 2];
        }
        int dropped = 0;
        if (nominalMs > 0) {
            for (double d : intervals) {
                if (d > 1.5 * nominalMs) {
                    dropped += (int) Math.round(d / nominalMs) - 1;
                }
            }
        }
        return new Timing(fps, jitter, dropped, frozenFrames);
    }
}
