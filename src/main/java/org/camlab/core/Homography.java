package org.camlab.core;

/**
 * A plane's perspective onto the image: the 3×3 homography, h33 = 1, fitted by least squares to
 * point pairs (direct linear transform on coordinates centred and scaled first, for conditioning).
 */
public final class Homography {
    private Homography() {
    }

    /**
     * The homography taking {@code src} points to {@code dst} ({x0, y0, x1, y1, …}, {@code n} ≥ 4
     * pairs), as 9 numbers row by row; null when the points are degenerate.
     */
    public static double[] fit(double[] src, double[] dst, int n) {
        double[] ts = normaliser(src, n);
        double[] td = normaliser(dst, n);
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        for (int i = 0; i < n; i++) {
            double x = (src[2 * i] - ts[0]) * ts[2];
            double y = (src[2 * i + 1] - ts[1]) * ts[2];
            double u = (dst[2 * i] - td[0]) * td[2];
            double v = (dst[2 * i + 1] - td[1]) * td[2];
            double[][] rows = {{x, y, 1, 0, 0, 0, -u * x, -u * y}, {0, 0, 0, x, y, 1, -v * x, -v * y}};
            double[] rhs = {u, v};
            for (int r = 0; r < 2; r++) {
                for (int a = 0; a < 8; a++) {
                    atb[a] += rows[r][a] * rhs[r];
                    for (int b = 0; b < 8; b++) {
                        ata[a][b] += rows[r][a] * rows[r][b];
                    }
                }
            }
        }
        double[] p = solve(ata, atb);
        if (p == null) {
            return null;
        }
        // undo the normalisations: H = Td⁻¹ · Hn · Ts
        double[] hn = {p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], 1};
        double[] tsm = {ts[2], 0, -ts[2] * ts[0], 0, ts[2], -ts[2] * ts[1], 0, 0, 1};
        double[] tdInv = {1 / td[2], 0, td[0], 0, 1 / td[2], td[1], 0, 0, 1};
        double[] hm = multiply(tdInv, multiply(hn, tsm));
        for (int i = 0; i < 9; i++) {
            hm[i] /= hm[8];
        }
        return hm;
    }

    /** Where the homography takes (x, y). */
    public static double[] map(double[] hm, double x, double y) {
        double wz = hm[6] * x + hm[7] * y + hm[8];
        return new double[]{(hm[0] * x + hm[1] * y + hm[2]) / wz, (hm[3] * x + hm[4] * y + hm[5]) / wz};
    }

    /** {mean x, mean y, scale}: the scale brings the mean distance from the mean to √2. */
    private static double[] normaliser(double[] pts, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += pts[2 * i] / n;
            my += pts[2 * i + 1] / n;
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            d += Math.hypot(pts[2 * i] - mx, pts[2 * i + 1] - my) / n;
        }
        return new double[]{mx, my, d > 0 ? Math.sqrt(2) / d : 1};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    c[3 * r + k] += a[3 * r + j] * b[3 * j + k];
                }
            }
        }
        return c;
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-12) {
                return null;
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double tb = b[c];
            b[c] = b[pivot];
            b[pivot] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                b[r] -= f * b[c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
