package org.camlab.results;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What to look for in a camera, as figures camlab measures, and whether this camera meets them
 * where it, not the light or the computer, is the limit. The targets are written here once, each
 * with its reason; the report, the summary and {@code compare} say them from here. No figure is a
 * lux reading (camlab measures none): the light a camera was given is told by the picture, as the
 * brightest 2 % of the scene around the person ({@link Metric#SURROUND_HIGHLIGHT}).
 */
public final class CameraTargets {
    /**
     * HD video, the minimum of the ChromeOS webcam specification (v2: 720p at 30 fps) and of meeting
     * clients' HD mode: the picture should hold 1280×720 worth of detail, not only send that many
     * pixels ({@link Metric#resolvedSize}: the size of a sharp picture with the same MTF50).
     */
    public static final int RESOLVED_WIDTH = 1280;
    public static final int RESOLVED_HEIGHT = 720;
    /**
     * Short of the target when the detail held is under this share of it, judged on the height (a
     * 4:3 camera of 960×720 is HD too): 0.6, the share of a sharp camera's MTF50 below which the
     * low-detail rule calls a picture soft (a 720p camera short of 432 lines is one the advice calls
     * soft; one above, the advice leaves alone, and so does this target).
     */
    public static final double RESOLVED_MARGIN = 0.6;
    /** Grain stays unseen after video compression up to σ 4 code values (the low-light-noise rule's limit). */
    public static final double NOISE_SIGMA = 4.0;
    /**
     * A room lit for video: the brightest 2 % of the scene around the person at Y 160 or more, the
     * subject at Y 70 or more (the underexposed rule's limits; Cisco asks 400–500 lux on faces).
     * Grain or a falling rate in less light is first the light's; in this light, the camera's.
     */
    public static final double LIT_HIGHLIGHT_LUMA = 160;
    public static final double LIT_SUBJECT_LUMA = 70;
    /** The ChromeOS webcam specification's 30 fps at 720p, kept in the light the camera was given. */
    public static final double FPS = 30;
    /** Below 24 fps motion looks jerky (the low-fps rule): a camera whose rate falls under it misses {@link #FPS}. */
    public static final double FPS_FLOOR = 24;
    /** A rate this far below the camera's own mode is a slowed camera, not its mode (the low-fps rule's). */
    public static final double SLOWED_FRACTION = 0.8;
    /**
     * Under lamps that flicker with the 50 or 60 Hz mains, a camera with anti-banding (exposure in
     * whole periods of the lamps' light) keeps the flicker below 2 % peak to peak, the flicker
     * rule's limit.
     */
    public static final double FLICKER_PCT = 2.0;

    /** The four figures, each with the words that say it ({@code camera.<key>.*}). */
    public enum Target {
        RESOLUTION("resolution"),
        NOISE("noise"),
        FRAME_RATE("fps"),
        ANTI_FLICKER("flicker");

        public final String key;

        Target(String key) {
            this.key = key;
        }

        /** The target's own numbers, as its words take them. */
        public Object[] wanted() {
            return switch (this) {
                case RESOLUTION -> new Object[]{RESOLVED_WIDTH, RESOLVED_HEIGHT,
                        Math.round(RESOLVED_MARGIN * RESOLVED_HEIGHT)};
                case NOISE -> new Object[]{NOISE_SIGMA, LIT_HIGHLIGHT_LUMA};
                case FRAME_RATE -> new Object[]{FPS};
                case ANTI_FLICKER -> new Object[]{FLICKER_PCT};
            };
        }
    }

    /**
     * One figure of this camera against its target.
     *
     * @param measured the figure's numbers, as its words take them: resolution — width and height of the detail
     *                 held; noise — σ and the light (Y of the brightest 2 %); fps — the rate, the light and the
     *                 camera's own mode (NaN when unknown); flicker — its peak-to-peak %, its Hz and the mains
     *                 (50, 60, or 0 when it is not the mains')
     * @param limit    the camera misses the target in conditions the target holds in: buy to the target
     */
    public record Figure(Target target, double[] measured, boolean limit) {
        /**
         * The figure reaches its target's number, whatever the conditions: a figure that neither
         * reaches it nor is {@link #limit} was measured where the light or the computer is what holds
         * it back (grain in a dim room, a rate that falls in good light).
         */
        public boolean met() {
            double v = measured[0];
            return switch (target) {
                case RESOLUTION -> measured[1] >= RESOLVED_MARGIN * RESOLVED_HEIGHT;
                case NOISE -> v <= NOISE_SIGMA;
                case FRAME_RATE -> v >= FPS_FLOOR;
                case ANTI_FLICKER -> v <= FLICKER_PCT;
            };
        }
    }

    private CameraTargets() {
    }

    /**
     * This camera's figures, each that could be measured, from the session values of the catalogue.
     *
     * @param value      a metric's session value, NaN where not measured (a session's, or a saved report's)
     * @param fpsNominal the camera's own mode, NaN or 0 when it declares none
     */
    public static List<Figure> assess(ToDoubleFunction<Metric> value, int width, int height, double fpsNominal) {
        List<Figure> out = new ArrayList<>();
        long[] held = detailHeld(value, width, height);
        if (held != null) {
            out.add(new Figure(Target.RESOLUTION, new double[]{held[0], held[1]},
                    held[1] < RESOLVED_MARGIN * RESOLVED_HEIGHT));
        }
        double light = value.applyAsDouble(Metric.SURROUND_HIGHLIGHT);
        boolean lit = light >= LIT_HIGHLIGHT_LUMA && !(value.applyAsDouble(Metric.SUBJECT_LUMA) < LIT_SUBJECT_LUMA);
        double sigma = value.applyAsDouble(Metric.NOISE_SIGMA);
        if (!Double.isNaN(sigma)) {
            out.add(new Figure(Target.NOISE, new double[]{sigma, light}, sigma > NOISE_SIGMA && lit));
        }
        double fps = value.applyAsDouble(Metric.FPS);
        if (!Double.isNaN(fps)) {
            double own = fpsNominal > 0 ? fpsNominal : Double.NaN;
            boolean slowed = fps < SLOWED_FRACTION * own;
            // a rate that falls in good light is the computer's or the cable's, not the camera's
            boolean cameras = !slowed || light < LIT_HIGHLIGHT_LUMA;
            out.add(new Figure(Target.FRAME_RATE, new double[]{fps, light, own}, fps < FPS_FLOOR && cameras));
            double pct = value.applyAsDouble(Metric.FLICKER_PCT);
            double hz = value.applyAsDouble(Metric.FLICKER_HZ);
            int mains = Flicker.mains(hz, own);
            out.add(new Figure(Target.ANTI_FLICKER, new double[]{Double.isNaN(pct) ? 0 : pct, hz, mains},
                    pct > FLICKER_PCT && mains > 0));
        }
        return out;
    }

    /** The figures where this camera is the limit. */
    public static List<Figure> limits(ToDoubleFunction<Metric> value, int width, int height, double fpsNominal) {
        return assess(value, width, height, fpsNominal).stream().filter(Figure::limit).toList();
    }

    /**
     * The size of a sharp picture with the detail this one holds: from its edges' MTF50 where
     * measured, else from an enlargement's traces; never more than the frame. Null where neither
     * tells (the frame's own size says what the camera sends, not what it resolves).
     */
    static long[] detailHeld(ToDoubleFunction<Metric> value, int width, int height) {
        if (width <= 0 || height <= 0) {
            return null;
        }
        double mtf50 = value.applyAsDouble(Metric.MTF50);
        double k = value.applyAsDouble(Metric.UPSCALE);
        long[] size;
        if (mtf50 > 0) {
            size = Metric.resolvedSize(mtf50, width, height);
        } else if (Metric.INTERPOLATED.holds(value.applyAsDouble(Metric.INTERPOLATED)) && k > 1) {
            size = new long[]{Math.round(width / k), Math.round(height / k)};
        } else {
            return null;
        }
        return new long[]{Math.min(width, size[0]), Math.min(height, size[1])};
    }
}
