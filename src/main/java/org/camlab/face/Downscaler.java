package org.camlab.face;
import java.util.Arrays;

/** Box-filter downscaling of a luma or chroma plane by an integer factor, for detectors that want small inputs. */
final class Downscaler {
    private Downscaler() {
    }

    /** Smallest integer factor that brings {@code size} to at most {@code max}. */
    static int factor(int size, int max) {
        return Math.max(1, (size + max - 1) / max);
    }

    /** Averages {@code k × k} blocks of {@code src} into {@code dst} ({@code (w/k) × (h/k)}). */
    static void box(byte[] src, int w, int h, int k, byte[] dst) {
        int dw = w / k;
        int dh = h / k;
        int area = k * k;
        int used = dw * k;
        // k rows summed into one row of columns first: a contiguous pass over each source row
        // (a block at a time strode k short runs per output pixel, several times slower)
        int[] columns = new int[used];
        for (int y = 0; y < dh; y++) {
            Arrays.fill(columns, 0);
            for (int j = 0; j < k; j++) {
                int o = (y * k + j) * w;
                for (int x = 0; x < used; x++) {
                    columns[x] += src[o + x] & 0xFF;
                }
            }
            int d = y * dw;
            for (int x = 0, c = 0; x < dw; x++) {
                int s = 0;
                for (int i = 0; i < k; i++, c++) {
                    s += columns[c];
                }
                dst[d + x] = (byte) ((s + area / 2) / area);
            }
        }
    }
}
