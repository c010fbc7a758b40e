package org.camlab.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.opencv.opencv_core.Mat;
import org.camlab.image.Frame;

/**
 * A small RGB copy of a frame for detectors: box-averaged by an integer factor so that the longer
 * side is at most {@code maxSide}, converted from Y'CbCr with the frame's own matrix.
 */
final class RgbThumbnail {
    private RgbThumbnail() {
    }

    static Mat of(Frame f, int maxSide) {
        int k = Downscaler.factor(Math.max(f.width, f.height), maxSide);
        int w = f.width / k;
        int h = f.height / k;
        byte[] y = new byte[w * h];
        Downscaler.box(f.luma, f.width, f.height, k, y);
        byte[] rgb = new byte[w * h * 3];
        if (!f.hasChroma()) {
            for (int i = 0; i < w * h; i++) {
                rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = y[i];
            }
        } else {
            double kr = f.matrix.kr;
            double kb = f.matrix.kb;
            double kg = f.matrix.kg;
            int sx = f.chromaWidth < f.width ? 1 : 0;
            int sy = f.chromaHeight < f.height ? 1 : 0;
            for (int j = 0; j < h; j++) {
                int cy = Math.min(f.chromaHeight - 1, ((j * k) + k / 2) >> sy);
                for (int i = 0; i < w; i++) {
                    int cx = Math.min(f.chromaWidth - 1, ((i * k) + k / 2) >> sx);
                    double yy = y[j * w + i] & 0xFF;
                    double cb = (f.cb[cy * f.chromaWidth + cx] & 0xFF) - 128;
                    double cr = (f.cr[cy * f.chromaWidth + cx] & 0xFF) - 128;
                    double r = yy + 2 * (1 - kr) * cr;
                    double b = yy + 2 * (1 - kb) * cb;
                    double g = (yy - kr * r - kb * b) / kg;
                    int o = 3 * (j * w + i);
                    rgb[o] = (byte) clamp(r);
                    rgb[o + 1] = (byte) clamp(g);
                    rgb[o + 2] = (byte) clamp(b);
                }
            }
        }
        Mat m = new Mat(h, w, CV_8UC3);
        m.data().put(rgb, 0, rgb.length);
        return m;
    }

    private static int clamp(double v) {
        long r = Math.round(v);
        return (int) (r < 0 ? 0 : Math.min(r, 255));
    }
}
