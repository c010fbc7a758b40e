package org.camlab.face;

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
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int s = 0;
                for (int j = 0; j < k; j++) {
                    int o = (y * k + j) * w + x * k;
                    for (int i = 0; i < k; i++) {
                        s += src[o + i] & 0xFF;
                    }
                }
                dst[y * dw + x] = (byte) ((s + area / 2) / area);
            }
        }
    }
}
