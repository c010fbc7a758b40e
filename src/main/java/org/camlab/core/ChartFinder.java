package org.camlab.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camlab.image.Frame;

/**
 * Finds camlab's test chart ({@link TestChartLayout}) in a frame and reads it: its five slanted
 * squares are the five largest square dark blobs of the frame at half resolution (their area's second moment that of a
 * filled square), the one nearest their middle the centre square and the one with a bright middle
 * (the dot) the top-left; their centres give the chart's perspective (a homography fitted to the five),
 * through which every patch and edge of the layout is found. Measured: each square's sides by e-SFR,
 * the grey steps' mean and noise, the neutral patches' CIELAB a* and b*, and how large the chart
 * appears.
 */
public final class ChartFinder {
    /** One frame's reading of the chart. */
    public record Reading(double[] mtf50BySquare, double mtf50Centre, double mtf50Corners, double[] stepLuma,
            double[] stepNoise, double[] neutralA, double[] neutralB, double widthPct, int edges) {
    }

    private int w;
    private int h;
    private int[] half = new int[0];
    private int[] labels = new int[0];
    private int[] parent = new int[0];
    private final SlantedEdge edge = new SlantedEdge(2048);

    /** The chart read from this frame, or null when it is not found. */
    public Reading read(Frame f) {
        w = f.width / 2;
        h = f.height / 2;
        if (w < 32 || h < 32) {
            return null;
        }
        halve(f);
        double threshold = threshold();
        double[][] squares = squares(threshold);
        if (squares == null) {
            return null;
        }
        double[][] ordered = order(squares, threshold);
        if (ordered == null) {
            return null;
        }
        double[] src = new double[10];
        double[] dst = new double[10];
        for (int i = 0; i < 5; i++) {
            src[2 * i] = TestChartLayout.SQUARES[i][0];
            src[2 * i + 1] = TestChartLayout.SQUARES[i][1];
            dst[2 * i] = 2 * ordered[i][0] + 0.5; // half-resolution centroid to full-resolution pixels
            dst[2 * i + 1] = 2 * ordered[i][1] + 0.5;
        }
        double[] hm = Homography.fit(src, dst, 5);
        if (hm == null) {
            return null;
        }
        return measure(f, hm);
    }

    private void halve(Frame f) {
        if (half.length < w * h) {
            half = new int[w * h];
            labels = new int[w * h];
        }
        for (int y = 0; y < h; y++) {
            int a = 2 * y * f.width;
            int b = a + f.width;
            for (int x = 0; x < w; x++) {
                half[y * w + x] = ((f.luma[a + 2 * x] & 0xFF) + (f.luma[a + 2 * x + 1] & 0xFF)
                        + (f.luma[b + 2 * x] & 0xFF) + (f.luma[b + 2 * x + 1] & 0xFF) + 2) / 4;
            }
        }
    }

    /** Midway between the darkest and the brightest 5 % of the frame: the squares against the paper. */
    private double threshold() {
        int[] hist = new int[256];
        for (int i = 0; i < w * h; i++) {
            hist[half[i]]++;
        }
        int n = w * h;
        int lo = 0;
        for (int acc = 0; lo < 255 && (acc += hist[lo]) < n / 20; lo++) {
        }
        int hi = 255;
        for (int acc = 0; hi > 0 && (acc += hist[hi]) < n / 20; hi--) {
        }
        return (lo + hi) / 2.0;
    }

    /** The five largest square-like dark blobs {cx, cy, area}, or null when there are not five. */
    private double[][] squares(double threshold) {
        int n = w * h;
        if (parent.length < n / 2 + 2) {
            parent = new int[n / 2 + 2];
        }
        int next = 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (half[i] >= threshold) {
                    labels[i] = 0;
                    continue;
                }
                int left = x > 0 ? labels[i - 1] : 0;
                int up = y > 0 ? labels[i - w] : 0;
                if (left == 0 && up == 0) {
                    if (next >= parent.length) {
                        parent = Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    labels[i] = next++;
                } else if (left != 0 && up != 0) {
                    int a = root(left);
                    int b = root(up);
                    labels[i] = Math.min(a, b);
                    parent[Math.max(a, b)] = Math.min(a, b);
                } else {
                    labels[i] = left != 0 ? left : up;
                }
            }
        }
        double[][] stats = new double[next][6]; // area, Σx, Σy, Σxx, Σyy, Σxy
        int[][] box = new int[next][];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = labels[y * w + x];
                if (l == 0) {
                    continue;
                }
                int r = root(l);
                double[] s = stats[r];
                s[0]++;
                s[1] += x;
                s[2] += y;
                s[3] += (double) x * x;
                s[4] += (double) y * y;
                s[5] += (double) x * y;
                if (box[r] == null) {
                    box[r] = new int[]{x, x, y, y};
                } else {
                    int[] b = box[r];
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.max(b[1], x);
                    b[2] = Math.min(b[2], y);
                    b[3] = Math.max(b[3], y);
                }
            }
        }
        double minArea = w * h / 4000.0;
        List<double[]> found = new ArrayList<>();
        for (int r = 1; r < next; r++) {
            double[] s = stats[r];
            if (s[0] < Math.max(40, minArea) || box[r] == null) {
                continue;
            }
            int[] b = box[r];
            if (b[0] == 0 || b[2] == 0 || b[1] == w - 1 || b[3] == h - 1) {
                continue; // cut by the frame's edge
            }
            double a = s[0];
            double mx = s[1] / a;
            double my = s[2] / a;
            double vxx = s[3] / a - mx * mx;
            double vyy = s[4] / a - my * my;
            double vxy = s[5] / a - mx * my;
            double tr = vxx + vyy;
            double det = vxx * vyy - vxy * vxy;
            double l1 = tr / 2 + Math.sqrt(Math.max(0, tr * tr / 4 - det));
            double l2 = tr / 2 - Math.sqrt(Math.max(0, tr * tr / 4 - det));
            // a filled square (any turn) has l1 = l2 and l1 + l2 = area / 6
            double squareness = tr / (a / 6);
            double fill = a / ((double) (b[1] - b[0] + 1) * (b[3] - b[2] + 1));
            if (l2 > 0 && l1 / l2 < 2.0 && squareness > 0.85 && squareness < 1.4 && fill > 0.55) {
                found.add(new double[]{mx, my, a});
            }
        }
        if (found.size() < 5) {
            return null;
        }
        found.sort((p, q) -> Double.compare(q[2], p[2]));
        double[][] five = found.subList(0, 5).toArray(double[][]::new);
        if (five[4][2] < 0.35 * five[0][2]) {
            return null; // not five of one size
        }
        return five;
    }

    private int root(int l) {
        while (parent[l] != l) {
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }

    /**
     * The squares in the layout's order: the centre (nearest the five's middle), then the corners
     * clockwise from the one with the dot; null when no corner, or more than one, has it.
     */
    private double[][] order(double[][] sq, double threshold) {
        double mx = 0;
        double my = 0;
        for (double[] q : sq) {
            mx += q[0] / 5;
            my += q[1] / 5;
        }
        int centre = 0;
        for (int i = 1; i < 5; i++) {
            if (Math.hypot(sq[i][0] - mx, sq[i][1] - my) < Math.hypot(sq[centre][0] - mx, sq[centre][1] - my)) {
                centre = i;
            }
        }
        double[][] corners = new double[4][];
        int k = 0;
        for (int i = 0; i < 5; i++) {
            if (i != centre) {
                corners[k++] = sq[i];
            }
        }
        final double cx = sq[centre][0];
        final double cy = sq[centre][1];
        // clockwise on the screen (y grows downwards): by increasing angle
        Arrays.sort(corners, (p, q) -> Double.compare(Math.atan2(p[1] - cy, p[0] - cx), Math.atan2(q[1] - cy, q[0]
                - cx)));
        int dot = -1;
        for (int i = 0; i < 4; i++) {
            int x = (int) Math.round(corners[i][0]);
            int y = (int) Math.round(corners[i][1]);
            if (half[y * w + x] >= threshold) {
                if (dot >= 0) {
                    return null;
                }
                dot = i;
            }
        }
        if (dot < 0) {
            return null;
        }
        double[][] out = new double[5][];
        out[0] = sq[centre];
        for (int i = 0; i < 4; i++) {
            out[1 + i] = corners[(dot + i) % 4];
        }
        return out;
    }

    private Reading measure(Frame f, double[] hm) {
        double[] bySquare = new double[5];
        double[] sides = new double[4];
        double[] cornerValues = new double[16];
        int corners = 0;
        int edges = 0;
        for (int q = 0; q < 5; q++) {
            int n = 0;
            for (int side = 0; side < 4; side++) {
                double v = side(f, hm, q, side);
                if (!Double.isNaN(v)) {
                    sides[n++] = v;
                    edges++;
                    if (q > 0) {
                        cornerValues[corners++] = v;
                    }
                }
            }
            bySquare[q] = Median.ofFirst(sides, n);
        }
        double[] stepLuma = new double[TestChartLayout.STEPS];
        double[] stepNoise = new double[TestChartLayout.STEPS];
        for (int i = 0; i < TestChartLayout.STEPS; i++) {
            double[] c = TestChartLayout.stepCentre(i);
            double[] m = patch(f, hm, c[0], c[1], TestChartLayout.STEP_WIDTH_MM * 0.6,
                    TestChartLayout.STEP_HEIGHT_MM * 0.6, false);
            stepLuma[i] = m[0];
            stepNoise[i] = m[1];
        }
        double[] na = new double[TestChartLayout.NEUTRALS.length];
        double[] nb = new double[TestChartLayout.NEUTRALS.length];
        for (int i = 0; i < na.length; i++) {
            double[] c = TestChartLayout.neutralCentre(i);
            double[] m = patch(f, hm, c[0], c[1], TestChartLayout.NEUTRAL_WIDTH_MM * 0.6,
                    TestChartLayout.NEUTRAL_HEIGHT_MM * 0.6, true);
            na[i] = m[2];
            nb[i] = m[3];
        }
        double[] left = Homography.map(hm, 0, TestChartLayout.HEIGHT_MM / 2);
        double[] right = Homography.map(hm, TestChartLayout.WIDTH_MM, TestChartLayout.HEIGHT_MM / 2);
        double widthPct = 100 * Math.hypot(right[0] - left[0], right[1] - left[1]) / f.width;
        return new Reading(bySquare, bySquare[0], Median.ofFirst(cornerValues, corners), stepLuma, stepNoise, na, nb,
                widthPct,
                edges);
    }

    /**
     * MTF50 of one side of one square, measured along its whole length but for its ends (the
     * corners, and the neighbouring side's blur); NaN when it cannot be.
     */
    private double side(Frame f, double[] hm, int q, int side) {
        double[] a = Homography.map(hm, TestChartLayout.SQUARES[q][0], TestChartLayout.SQUARES[q][1]);
        double[] from = corner(hm, q, side, 0.5);
        double[] to = corner(hm, q, side, -0.5);
        double trim = SlantedEdge.cornerTrim(Math.hypot(to[0] - from[0], to[1] - from[1]));
        double[] end = SlantedEdge.shorten(from, to, trim);
        double[] mid = Homography.map(hm, TestChartLayout.sideMidpoint(q, side)[0],
                TestChartLayout.sideMidpoint(q, side)[1]);
        // the region reaches less than half way to the opposite side, and no further than 32 px
        double halfWidth = 0.4 * Math.hypot(mid[0] - a[0], mid[1] - a[1]);
        return edge.measure(f.luma, f.width, f.height, end[0], end[1], end[2], end[3], halfWidth) ? edge.mtf50()
                : Double.NaN;
    }

    /** The point of the square's side {@code side} at {@code along} (−½…½ of the side) from its midpoint, on screen. */
    private static double[] corner(double[] hm, int q, int side, double along) {
        double t = Math.toRadians(TestChartLayout.TILT_DEG);
        double[] mid = TestChartLayout.sideMidpoint(q, side);
        // the side runs at right angles to the centre-to-midpoint direction
        double s = TestChartLayout.SQUARE_MM * along;
        boolean vertical = side == 0 || side == 2;
        double dx = vertical ? -s * Math.sin(t) : s * Math.cos(t);
        double dy = vertical ? s * Math.cos(t) : s * Math.sin(t);
        return Homography.map(hm, mid[0] + dx, mid[1] + dy);
    }

    /**
     * A patch's mean luma and its noise (code values), and with {@code colour} its mean CIELAB a* and
     * b*: sampled on a 16 × 16 grid over its middle, mapped through the chart's perspective.
     */
    private static double[] patch(Frame f, double[] hm, double cx, double cy, double wMm, double hMm, boolean colour) {
        int n = 0;
        double sum = 0;
        double sq = 0;
        double sa = 0;
        double sb = 0;
        double[] lab = new double[3];
        int sx = f.chromaWidth < f.width ? 1 : 0;
        int sy = f.chromaHeight < f.height ? 1 : 0;
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i++) {
                double[] p = Homography.map(hm, cx + (i / 15.0 - 0.5) * wMm, cy + (j / 15.0 - 0.5) * hMm);
                int x = (int) Math.round(p[0]);
                int y = (int) Math.round(p[1]);
                if (x < 0 || y < 0 || x >= f.width || y >= f.height) {
                    continue;
                }
                int v = f.luma[y * f.width + x] & 0xFF;
                sum += v;
                sq += (double) v * v;
                n++;
                if (colour && f.hasChroma()) {
                    int c = (y >> sy) * f.chromaWidth + (x >> sx);
                    CieLabTable.toLab(f.matrix, v, f.cb[c] & 0xFF, f.cr[c] & 0xFF, lab);
                    sa += lab[1];
                    sb += lab[2];
                }
            }
        }
        if (n < 16) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        double noise = Math.sqrt(Math.max(0, sq / n - mean * mean) * n / (n - 1));
        boolean chroma = colour && f.hasChroma();
        return new double[]{mean, noise, chroma ? sa / n : Double.NaN, chroma ? sb / n : Double.NaN};
    }

}
