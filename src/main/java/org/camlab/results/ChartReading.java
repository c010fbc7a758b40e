package org.camlab.results;

/**
 * One frame's reading of camlab's printed test chart ({@code --chart}); each number is described,
 * with its unit, by {@link ChartField}.
 *
 * @param mtf50BySquare cycles/pixel: centre, top-left, top-right, bottom-right, bottom-left
 * @param edges         slanted edges measured
 */
public record ChartReading(double[] mtf50BySquare, double mtf50Centre, double mtf50Corners, double[] stepLuma,
        double[] stepNoise, double[] neutralA, double[] neutralB, double widthPct, int edges) {
    /**
     * Below this share of the picture's width (%) the corner squares are a few dozen pixels wide, too
     * few for their edges' MTF to be measured well: the person is told to bring the chart closer.
     */
    public static final double SMALL_CHART_PCT = 30;

    public boolean tooSmall() {
        return widthPct < SMALL_CHART_PCT;
    }
}
