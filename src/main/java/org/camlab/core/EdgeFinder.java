package org.camlab.core;
import java.util.Arrays;

/**
 * Finds the straight, slanted edges of a frame that e-SFR can measure, and measures them. The
 * search runs on the luma plane halved (2×2 means): Sobel gradients summed into the structure
 * tensor of each cell of 16×16 half-resolution pixels; a window of 2×2 cells (64 full-resolution
 * pixels) is a candidate when its gradients are strong, point one way (coherence: one straight
 * edge, not texture or a corner) and tilt {@value #MIN_TILT_DEG}–{@value #MAX_TILT_DEG}° from the
 * vertical or the horizontal. The strongest candidates that do not overlap are measured at full
 * resolution by {@link SlantedEdge}, centred on their edge; those it accepts are the result.
 *
 * <p>Buffers are sized for the largest frame at construction; finding allocates nothing.
 */
public final class EdgeFinder {
    /** Full-resolution pixels of a cell's side; a window is 2×2 cells. */
    static final int CELL = 32;
    public static final int REGION = 2 * CELL;
    public static final double MIN_TILT_DEG = 2;
    public static final double MAX_TILT_DEG = 20;
    /** Share of a window's gradient energy that must point one way: a single straight edge. */
    static final double MIN_COHERENCE = 0.80;
    /**
     * Gradient energy a window needs (half-resolution Sobel, Σ gx² + gy²): about that of an edge of
     * 25 code values crossing it, below which the region is too faint to be worth measuring.
     */
    static final double MIN_ENERGY = 250.0 * 25 * 25;
    public static final int MAX_EDGES = 12;

    private final int maxW;
    private final int maxH;
    private final short[] half;
    private final int cellsX;
    private final int cellsY;
    /** Per cell: Σgx², Σgy², Σgxgy, Σ|g|², Σ|g|²·x, Σ|g|²·y (half-resolution coordinates). */
    private final double[] cells;
    private final double[] score;
    private final int[] order;
    private final SlantedEdge edge = new SlantedEdge(2 * REGION);

    private int found;
    private final double[] mtf50 = new double[MAX_EDGES];
    private final double[] nyquist = new double[MAX_EDGES];
    private final double[] centreX = new double[MAX_EDGES];
    private final double[] centreY = new double[MAX_EDGES];
    private final double[] tilt = new double[MAX_EDGES];
    private final boolean[] horizontal = new boolean[MAX_EDGES];
    private final double[][] curves = new double[MAX_EDGES][SlantedEdge.CURVE_POINTS];

    public EdgeFinder(int maxWidth, int maxHeight) {
        maxW = maxWidth;
        maxH = maxHeight;
        half = new short[(maxWidth / 2) * (maxHeight / 2)];
        cellsX = maxWidth / CELL;
        cellsY = maxHeight / CELL;
        cells = new double[6 * Math.max(1, cellsX * cellsY)];
        score = new double[Math.max(1, cellsX * cellsY)];
        order = new int[score.length];
    }

    /** Whether frames of this size fit the finder's buffers. */
    public boolean fits(int width, int height) {
        return width <= maxW && height <= maxH;
    }

    /**
     * Finds and measures the frame's slanted edges.
     *
     * @return how many were measured (at most {@link #MAX_EDGES})
     */
    public int find(byte[] luma, int width, int height) {
        if (width > maxW || height > maxH) {
            throw new IllegalArgumentException(width + "×" + height + " is larger than " + maxW + "×" + maxH);
        }
        found = 0;
        int hw = width / 2;
        int hh = height / 2;
        int cx = width / CELL;
        int cy = height / CELL;
        if (cx < 2 || cy < 2) {
            return 0;
        }
        halve(luma, width, hw, hh);
        tensor(hw, hh, cx, cy);
        int candidates = candidates(cx, cy);
        measure(luma, width, height, cx, candidates);
        return found;
    }

    private void halve(byte[] luma, int width, int hw, int hh) {
        for (int y = 0; y < hh; y++) {
            int a = 2 * y * width;
            int b = a + width;
            int o = y * hw;
            for (int x = 0; x < hw; x++) {
                half[o + x] = (short) ((luma[a + 2 * x] & 0xFF) + (luma[a + 2 * x + 1] & 0xFF)
                        + (luma[b + 2 * x] & 0xFF) + (luma[b + 2 * x + 1] & 0xFF));
            }
        }
    }

    /** Sobel on the halved plane (values ×4: sums of four), summed per cell. */
    private void tensor(int hw, int hh, int cx, int cy) {
        Arrays.fill(cells, 0, 6 * cx * cy, 0);
        int side = CELL / 2;
        for (int y = 1; y < Math.min(hh - 1, cy * side); y++) {
            int row = (y / side) * cx;
            int up = (y - 1) * hw;
            int mid = y * hw;
            int down = (y + 1) * hw;
            for (int x = 1; x < Math.min(hw - 1, cx * side); x++) {
                int gx = half[up + x + 1] - half[up + x - 1] + 2 * (half[mid + x + 1] - half[mid + x - 1])
                        + half[down + x + 1] - half[down + x - 1];
                int gy = half[down + x - 1] - half[up + x - 1] + 2 * (half[down + x] - half[up + x])
                        + half[down + x + 1] - half[up + x + 1];
                // back to code values per half-resolution pixel: the sums of four, Sobel's gain of 4
                double fx = gx / 16.0;
                double fy = gy / 16.0;
                double e = fx * fx + fy * fy;
                int c = 6 * (row + x / side);
                cells[c] += fx * fx;
                cells[c + 1] += fy * fy;
                cells[c + 2] += fx * fy;
                cells[c + 3] += e;
                cells[c + 4] += e * x;
                cells[c + 5] += e * y;
            }
        }
    }

    /** Windows of 2×2 cells that hold one strong slanted edge, best first: their top-left cells in {@link #order}. */
    private int candidates(int cx, int cy) {
        int n = 0;
        for (int j = 0; j + 1 < cy; j++) {
            for (int i = 0; i + 1 < cx; i++) {
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int dj = 0; dj < 2; dj++) {
                    for (int di = 0; di < 2; di++) {
                        int c = 6 * ((j + dj) * cx + i + di);
                        xx += cells[c];
                        yy += cells[c + 1];
                        xy += cells[c + 2];
                    }
                }
                double energy = xx + yy;
                if (energy < MIN_ENERGY) {
                    continue;
                }
                double coherence = Math.sqrt((xx - yy) * (xx - yy) + 4 * xy * xy) / energy;
                if (coherence < MIN_COHERENCE) {
                    continue;
                }
                // the gradient's direction; the edge runs across it
                double phi = Math.toDegrees(0.5 * Math.atan2(2 * xy, xx - yy));
                double fromAxis = Math.abs(phi) <= 45 ? Math.abs(phi) : 90 - Math.abs(phi);
                if (fromAxis < MIN_TILT_DEG || fromAxis > MAX_TILT_DEG) {
                    continue;
                }
                score[n] = energy * coherence;
                order[n] = j * cx + i;
                n++;
            }
        }
        // best first: insertion sort on the few candidates a frame has
        for (int a = 1; a < n; a++) {
            double s = score[a];
            int o = order[a];
            int b = a - 1;
            while (b >= 0 && score[b] < s) {
                score[b + 1] = score[b];
                order[b + 1] = order[b];
                b--;
            }
            score[b + 1] = s;
            order[b + 1] = o;
        }
        return n;
    }

    /** Candidates tried at most: a frame of texture that passes the search must not cost more than this. */
    static final int MAX_TRIED = 48;

    private void measure(byte[] luma, int width, int height, int cx, int candidates) {
        int tried = 0;
        for (int k = 0; k < candidates && found < MAX_EDGES && tried < MAX_TRIED; k++) {
            int i = order[k] % cx;
            int j = order[k] / cx;
            double e = 0;
            double ex = 0;
            double ey = 0;
            double xx = 0;
            double yy = 0;
            for (int dj = 0; dj < 2; dj++) {
                for (int di = 0; di < 2; di++) {
                    int c = 6 * ((j + dj) * cx + i + di);
                    xx += cells[c];
                    yy += cells[c + 1];
                    e += cells[c + 3];
                    ex += cells[c + 4];
                    ey += cells[c + 5];
                }
            }
            // the region is centred on the edge: the energy-weighted centroid, full resolution
            double x = 2 * ex / e + 1;
            double y = 2 * ey / e + 1;
            if (overlaps(x, y)) {
                continue;
            }
            boolean flat = yy > xx; // gradient mostly vertical: a near-horizontal edge
            double xy = 0;
            for (int dj = 0; dj < 2; dj++) {
                for (int di = 0; di < 2; di++) {
                    xy += cells[6 * ((j + dj) * cx + i + di) + 2];
                }
            }
            // the edge runs across the gradient's direction
            double phi = 0.5 * Math.atan2(2 * xy, xx - yy);
            double ex2 = -Math.sin(phi) * REGION / 2;
            double ey2 = Math.cos(phi) * REGION / 2;
            tried++;
            if (!edge.measure(luma, width, height, x - ex2, y - ey2, x + ex2, y + ey2, REGION / 2.0)) {
                continue;
            }
            int x0 = (int) Math.round(x - REGION / 2.0);
            int y0 = (int) Math.round(y - REGION / 2.0);
            mtf50[found] = edge.mtf50();
            nyquist[found] = edge.mtfNyquist();
            centreX[found] = x0 + REGION / 2.0;
            centreY[found] = y0 + REGION / 2.0;
            tilt[found] = edge.tiltDeg();
            horizontal[found] = flat;
            edge.curve(curves[found]);
            if (!Double.isNaN(mtf50[found])) {
                found++;
            }
        }
    }

    private boolean overlaps(double x, double y) {
        for (int f = 0; f < found; f++) {
            if (Math.abs(centreX[f] - x) < REGION && Math.abs(centreY[f] - y) < REGION) {
                return true;
            }
        }
        return false;
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

    /** The measured region's centre, full-resolution pixels. */
    public double x(int i) {
        return centreX[i];
    }

    public double y(int i) {
        return centreY[i];
    }

    public double tiltDeg(int i) {
        return tilt[i];
    }

    public boolean horizontal(int i) {
        return horizontal[i];
    }

    /** The i-th edge's MTF at 0, 1/64, … 1 cycle/pixel (a view of the finder's buffer: copy to keep). */
    public double[] curve(int i) {
        return curves[i];
    }
}
