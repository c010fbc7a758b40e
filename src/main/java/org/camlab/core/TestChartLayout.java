package org.camlab.core;

/**
 * Where everything on camlab's printable test chart is: one layout, in millimetres from the
 * top-left corner of a 260 × 180 mm chart area that fits A4 and US Letter in landscape, read by the
 * PDF writer ({@code org.camlab.chart.TestChart}) and by {@link ChartFinder} alike.
 *
 * <p>Five dark squares turned {@value #TILT_DEG}° (ISO 12233's slanted edges: each side an edge
 * for e-SFR), one in the centre and one towards each corner; a white dot in the top-left one says
 * which way up the chart is. Between the lower squares, a step scale of ten greys (tonal response,
 * noise per step) and three neutral patches (white balance). The squares are dark grey rather than
 * black, so that a camera exposing for the white paper keeps both sides of each edge.
 */
public final class TestChartLayout {
    public static final double WIDTH_MM = 260;
    public static final double HEIGHT_MM = 180;
    public static final double SQUARE_MM = 40;
    public static final double TILT_DEG = 5;
    /** Square centres: the centre first, then top-left (with the dot), top-right, bottom-right, bottom-left. */
    public static final double[][] SQUARES = {{130, 78}, {35, 32}, {225, 32}, {225, 148}, {35, 148}};
    public static final double DOT_RADIUS_MM = 6;
    /** Grey of the squares (sRGB, 0 black – 1 white). */
    public static final double SQUARE_GREY = 0.2;
    public static final int STEPS = 10;
    public static final double STEP_WIDTH_MM = 12;
    public static final double STEP_GAP_MM = 1.5;
    public static final double STEP_HEIGHT_MM = 16;
    public static final double STEP_TOP_MM = 112;
    public static final double STEPS_LEFT_MM = (WIDTH_MM - (STEPS * STEP_WIDTH_MM + (STEPS - 1) * STEP_GAP_MM)) / 2;
    /** Neutral patches: white, light grey and mid grey (sRGB). */
    public static final double[] NEUTRALS = {0.95, 0.8, 0.55};
    public static final double NEUTRAL_WIDTH_MM = 28;
    public static final double NEUTRAL_HEIGHT_MM = 18;
    public static final double NEUTRAL_TOP_MM = 138;
    public static final double[] NEUTRAL_LEFT_MM = {80, 116, 152};

    private TestChartLayout() {
    }

    /** The sRGB grey of step {@code i} (0 black … {@link #STEPS} − 1 white). */
    public static double stepGrey(int i) {
        return i / (double) (STEPS - 1);
    }

    /** The centre of step {@code i}, chart millimetres {x, y}. */
    public static double[] stepCentre(int i) {
        return new double[]{STEPS_LEFT_MM + i * (STEP_WIDTH_MM + STEP_GAP_MM) + STEP_WIDTH_MM / 2,
                STEP_TOP_MM + STEP_HEIGHT_MM / 2};
    }

    public static double[] neutralCentre(int i) {
        return new double[]{NEUTRAL_LEFT_MM[i] + NEUTRAL_WIDTH_MM / 2, NEUTRAL_TOP_MM + NEUTRAL_HEIGHT_MM / 2};
    }

    /** The midpoint of side {@code side} (0 right, 1 bottom, 2 left, 3 top, before the turn) of square {@code q}. */
    public static double[] sideMidpoint(int q, int side) {
        double t = Math.toRadians(TILT_DEG);
        double dx = side == 0 ? SQUARE_MM / 2 : side == 2 ? -SQUARE_MM / 2 : 0;
        double dy = side == 1 ? SQUARE_MM / 2 : side == 3 ? -SQUARE_MM / 2 : 0;
        return new double[]{SQUARES[q][0] + dx * Math.cos(t) - dy * Math.sin(t),
                SQUARES[q][1] + dx * Math.sin(t) + dy * Math.cos(t)};
    }
}
