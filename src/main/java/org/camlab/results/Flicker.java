package org.camlab.results;

/**
 * Periodic brightness change seen as an oscillation of the frame mean: flicker, or, slower than
 * {@link #FLICKER_FROM_HZ}, the camera's auto-exposure hunting.
 *
 * @param hz  dominant frequency as sampled (aliased by the frame rate, as the viewer sees it)
 * @param pct peak-to-peak amplitude over the mean brightness, percent
 */
public record Flicker(double hz, double pct) {
    /**
     * Where auto-exposure hunting ends and flicker begins: the frame mean oscillating slower than this
     * is the camera's exposure loop pumping ({@code temporal.exposureHunting*}), at this rate or faster
     * it is flicker ({@code temporal.flicker*}); never both. An exposure loop takes about a second or
     * more to swing back; lamps beat with the frame rate at 5 or 10 Hz.
     */
    public static final double FLICKER_FROM_HZ = 1.2;

    /**
     * The slowest pumping found as hunting: slower still is a drift of the light or a step, not a
     * pumping (the session reads the spectrum from 0.1 Hz and discards its two lowest bins, which at
     * 30 fps leaves 0.35 Hz, a period under 3 s).
     */
    public static final double HUNTING_FROM_HZ = 0.35;

    /** The band of auto-exposure hunting in Hz, as the definitions and the advice write it: "0.35–1.2". */
    public static String huntingBand() {
        return Metric.plain(HUNTING_FROM_HZ) + "–" + Metric.plain(FLICKER_FROM_HZ);
    }

    /**
     * The mains frequency that explains a flicker: lamps flicker at twice the mains, seen either as
     * rolling bands (their true frequency) or as the frame mean beating (aliased by the frame rate).
     * 0 when neither 50 nor 60 Hz does.
     */
    public static int mains(double hz, double fps) {
        if (!(hz > 0)) {
            return 0;
        }
        int best = 0;
        double bestError = Double.MAX_VALUE;
        for (int m : new int[]{50, 60}) {
            double light = 2.0 * m;
            double error = Math.abs(hz - light);
            if (fps > 0) {
                double alias = Math.abs(light - fps * Math.rint(light / fps));
                error = Math.min(error, Math.abs(hz - alias));
            }
            if (error < bestError) {
                bestError = error;
                best = m;
            }
        }
        return bestError <= Math.max(1.0, 0.05 * hz) ? best : 0;
    }
}
