package org.camlab.core;

import java.util.Arrays;

/**
 * The slow, obvious version of every per-pixel metric of the fused {@link LumaKernel}: one metric
 * at a time, explicit 3×3 kernels, two-pass variance. The fast pass must agree with it (integer
 * sums exactly, floating results to 1e-9 relative).
 */
final class ReferenceMetrics {
    final int w;
    final int h;
    final int[] y;

    ReferenceMetrics(byte[] luma, int w, int h) {
        this.w = w;
        this.h = h;
        y = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            y[i] = luma[i] & 0xFF;
        }
    }

    int at(int x, int yy) {
        return y[yy * w + x];
    }

    double meanLuma() {
        double s = 0;
        for (int v : y) {
            s += v;
        }
        return s / y.length;
    }

    /** Mean Y of the centre ninth: x in [W/3, W − W/3), y in [H/3, H − H/3). */
    double centreMeanY() {
        double s = 0;
        long n = 0;
        for (int yy = h / 3; yy < h - h / 3; yy++) {
            for (int x = w / 3; x < w - w / 3; x++) {
                s += y[yy * w + x];
                n++;
            }
        }
        return s / n;
    }

    double clippedHighPct() {
        return 100.0 * Arrays.stream(y).filter(v -> v >= 250).count() / y.length;
    }

    double clippedLowPct() {
        return 100.0 * Arrays.stream(y).filter(v -> v <= 5).count() / y.length;
    }

    /** Mean linear light of the cell (c, r) of a cols × rows grid with edges at floor(i·W/cols). */
    double cellLinear(int c, int r, int cols, int rows) {
        int x0 = (int) ((long) c * w / cols);
        int x1 = (int) ((long) (c + 1) * w / cols);
        int y0 = (int) ((long) r * h / rows);
        int y1 = (int) ((long) (r + 1) * h / rows);
        double s = 0;
        for (int yy = y0; yy < y1; yy++) {
            for (int x = x0; x < x1; x++) {
                s += Srgb.LINEAR16[at(x, yy)];
            }
        }
        return s / ((x1 - x0) * (y1 - y0)) / Srgb.LINEAR16_ONE;
    }

    double thirdLinear(boolean left) {
        int third = w / 3;
        double s = 0;
        long n = 0;
        for (int yy = 0; yy < h; yy++) {
            for (int x = left ? 0 : w - third; x < (left ? third : w); x++) {
                s += Srgb.LINEAR16[at(x, yy)];
                n++;
            }
        }
        return s / n / Srgb.LINEAR16_ONE;
    }

    int laplacian(int x, int yy) {
        return at(x, yy - 1) + at(x, yy + 1) + at(x - 1, yy) + at(x + 1, yy) - 4 * at(x, yy);
    }

    int sobelX(int x, int yy) {
        return (at(x + 1, yy - 1) + 2 * at(x + 1, yy) + at(x + 1, yy + 1)) - (at(x - 1, yy - 1) + 2 * at(x - 1, yy)
                + at(x - 1, yy + 1));
    }

    int sobelY(int x, int yy) {
        return (at(x - 1, yy + 1) + 2 * at(x, yy + 1) + at(x + 1, yy + 1)) - (at(x - 1, yy - 1) + 2 * at(x, yy - 1)
                + at(x + 1, yy - 1));
    }

    int immerkaer(int x, int yy) {
        int[][] m = {{1, -2, 1}, {-2, 4, -2}, {1, -2, 1}};
        int s = 0;
        for (int j = -1; j <= 1; j++) {
            for (int i = -1; i <= 1; i++) {
                s += m[j + 1][i + 1] * at(x + i, yy + j);
            }
        }
        return s;
    }

    double laplacianVariance() {
        double mean = 0;
        long n = (long) (w - 2) * (h - 2);
        for (int yy = 1; yy < h - 1; yy++) {
            for (int x = 1; x < w - 1; x++) {
                mean += laplacian(x, yy);
            }
        }
        mean /= n;
        double v = 0;
        for (int yy = 1; yy < h - 1; yy++) {
            for (int x = 1; x < w - 1; x++) {
                double d = laplacian(x, yy) - mean;
                v += d * d;
            }
        }
        return v / n;
    }

    double tenengrad() {
        double s = 0;
        for (int yy = 1; yy < h - 1; yy++) {
            for (int x = 1; x < w - 1; x++) {
                double gx = sobelX(x, yy);
                double gy = sobelY(x, yy);
                s += gx * gx + gy * gy;
            }
        }
        return s / ((long) (w - 2) * (h - 2));
    }

    int magnitude(int x, int yy) {
        return Math.abs(sobelX(x, yy)) + Math.abs(sobelY(x, yy));
    }

    /** The threshold sample's rows: every k-th interior row, k = (H−2)/32 clamped to 1–32, from 1 + k/2. */
    int[] sampleRows() {
        int step = Math.max(1, Math.min(32, (h - 2) / 32));
        int n = 0;
        int[] rows = new int[h];
        for (int yy = 1 + step / 2; yy <= h - 2; yy += step) {
            rows[n++] = yy;
        }
        return Arrays.copyOf(rows, n);
    }

    /** Smallest magnitude bin (magnitude / 4) such that the sample's bins below it hold ≥ 90 % of its pixels. */
    int edgeBin() {
        int[] rows = sampleRows();
        int n = rows.length * (w - 2);
        int[] bins = new int[n];
        int i = 0;
        for (int yy : rows) {
            for (int x = 1; x < w - 1; x++) {
                bins[i++] = magnitude(x, yy) >> 2;
            }
        }
        Arrays.sort(bins);
        long wanted = (long) Math.ceil(n * (1 - LumaKernel.EDGE_FRACTION));
        return bins[(int) wanted - 1] + 1;
    }

    /** Immerkær's σ over the pixels of the given rows whose magnitude bin is under the limit. */
    double sigmaWithMagnitudeBelow(int magnitudeBinLimit, int[] rows) {
        double s = 0;
        long n = 0;
        for (int yy : rows) {
            for (int x = 1; x < w - 1; x++) {
                if ((magnitude(x, yy) >> 2) < magnitudeBinLimit) {
                    s += Math.abs(immerkaer(x, yy));
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : Math.sqrt(Math.PI / 2) * s / (6.0 * n);
    }

    int[] interiorRows() {
        int[] rows = new int[h - 2];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i + 1;
        }
        return rows;
    }

    /** The noise threshold in bins, by fixed-point iteration on the sample; σ over the whole interior with it. */
    double noiseSigma() {
        int[] sample = sampleRows();
        int bins = edgeBin();
        double sigma = sigmaWithMagnitudeBelow(bins, sample);
        for (int i = 0; i < 16 && !Double.isNaN(sigma); i++) {
            bins = Math.min(512, ((int) Math.floor(LumaKernel.EDGE_SIGMAS * sigma) >> 2) + 1);
            double next = sigmaWithMagnitudeBelow(bins, sample);
            if (next == sigma) {
                break;
            }
            sigma = next;
        }
        return sigmaWithMagnitudeBelow(bins, interiorRows());
    }

    /** Mean of Gx²+Gy² and of L² over the sample's edge pixels (magnitude bin ≥ edgeBin). */
    double[] edgeMeans() {
        int edge = edgeBin();
        double g = 0;
        double l = 0;
        long n = 0;
        for (int yy : sampleRows()) {
            for (int x = 1; x < w - 1; x++) {
                if ((magnitude(x, yy) >> 2) >= edge) {
                    double gx = sobelX(x, yy);
                    double gy = sobelY(x, yy);
                    g += gx * gx + gy * gy;
                    double lap = laplacian(x, yy);
                    l += lap * lap;
                    n++;
                }
            }
        }
        return new double[]{g / n, l / n};
    }
}
