package org.camlab.core;

/**
 * Finds the straight edges of a frame that e-SFR can measure, and measures each along its whole
 * length: the step edges {@link StraightEdges} finds (window frames, screens, furniture, a chart's
 * squares; not texture, text or curves), each measured by {@link SlantedEdge} over the pixels
 * within its clearance. Those e-SFR accepts are
 * the result: every qualifying edge, up to {@link #MAX_EDGES}, best first.
 *
 * <p>Buffers are sized for the largest frame at construction; finding allocates nothing.
 */
public final class EdgeFinder {
    public static final int MAX_EDGES = StraightEdges.MAX_SEGMENTS;

    private final int maxW;
    private final int maxH;
    private final StraightEdges segments;
    private final SlantedEdge edge;

    private int found;
    private final double[] mtf50 = new double[MAX_EDGES];
    private final double[] nyquist = new double[MAX_EDGES];
    private final double[] x1 = new double[MAX_EDGES];
    private final double[] y1 = new double[MAX_EDGES];
    private final double[] x2 = new double[MAX_EDGES];
    private final double[] y2 = new double[MAX_EDGES];
    private final double[] tilt = new double[MAX_EDGES];
    private final double[] contrast = new double[MAX_EDGES];
    private final double[][] curves = new double[MAX_EDGES][SlantedEdge.CURVE_POINTS];

    public EdgeFinder(int maxWidth, int maxHeight) {
        maxW = maxWidth;
        maxH = maxHeight;
        segments = new StraightEdges(maxWidth, maxHeight);
        edge = new SlantedEdge(Math.max(maxWidth, maxHeight));
    }

    /** Whether frames of this size fit the finder's buffers. */
    public boolean fits(int width, int height) {
        return width <= maxW && height <= maxH;
    }

    /**
     * Finds and measures the frame's straight edges.
     *
     * @return how many were measured (at most {@link #MAX_EDGES})
     */
    public int find(byte[] luma, int width, int height) {
        if (width > maxW || height > maxH) {
            throw new IllegalArgumentException(width + "×" + height + " is larger than " + maxW + "×" + maxH);
        }
        found = 0;
        int n = segments.find(luma, width, height);
        for (int i = 0; i < n && found < MAX_EDGES; i++) {
            double ax = segments.x1(i);
            double ay = segments.y1(i);
            double bx = segments.x2(i);
            double by = segments.y2(i);
            // the finder has stopped short of corners and bends already (its ends are pulled in by
            // the edge's blur and more), so the segment is measured whole
            double halfWidth = Math.min(segments.clearance(i), SlantedEdge.MAX_HALF_WIDTH);
            if (!edge.measure(luma, width, height, ax, ay, bx, by, halfWidth)
                    || Double.isNaN(edge.mtf50())) {
                continue;
            }
            mtf50[found] = edge.mtf50();
            nyquist[found] = edge.mtfNyquist();
            x1[found] = ax;
            y1[found] = ay;
            x2[found] = bx;
            y2[found] = by;
            tilt[found] = edge.tiltDeg();
            contrast[found] = edge.contrast();
            edge.curve(curves[found]);
            found++;
        }
        return found;
    }

    public int found() {
        return found;
    }

    public double mtf50(int i) {
        return mtf50[i];
    }

    public double mtfNyquist(int i) {
        return nyquist[i];
    }

    /** The measured segment's middle, full-resolution pixels. */
    public double x(int i) {
        return (x1[i] + x2[i]) / 2;
    }

    public double y(int i) {
        return (y1[i] + y2[i]) / 2;
    }

    /** The measured segment's ends (pixel centres at whole numbers). */
    public double x1(int i) {
        return x1[i];
    }

    public double y1(int i) {
        return y1[i];
    }

    public double x2(int i) {
        return x2[i];
    }

    public double y2(int i) {
        return y2[i];
    }

    /** The edge's angle from the pixel axis it runs closer to, degrees (signed, up to 45). */
    public double tiltDeg(int i) {
        return tilt[i];
    }

    /** Whether the edge runs closer to the horizontal than to the vertical. */
    public boolean horizontal(int i) {
        return Math.abs(x2[i] - x1[i]) > Math.abs(y2[i] - y1[i]);
    }

    /** Michelson contrast of its two sides, linear light. */
    public double contrast(int i) {
        return contrast[i];
    }

    /** The i-th edge's MTF at 0, 1/64, … 1 cycle/pixel (a view of the finder's buffer: copy to keep). */
    public double[] curve(int i) {
        return curves[i];
    }
}
