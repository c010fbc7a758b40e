package org.camlab.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.opencv.opencv_core.Mat;
import org.camlab.image.ColorMatrix;
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
            ColorMatrix matrix = f.matrix;
            int sx = f.chromaWidth < f.width ? 1 : 0;
            int sy = f.chromaHeight < f.height ? 1 : 0;
            for (int j = 0; j < h; j++) {
                int cy = Math.min(f.chromaHeight - 1, ((j * k) + k / 2) >> sy);
                for (int i = 0; i < w; i++) {
                    int cx = Math.min(f.chromaWidth - 1, ((i * k) + k / 2) >> sx);
                    int c = cy * f.chromaWidth + cx;
                    int p = matrix.rgb(y[j * w + i] & 0xFF, f.cb[c] & 0xFF, f.cr[c] & 0xFF);
                    int o = 3 * (j * w + i);
                    rgb[o] = (byte) (p >> 16);
                    rgb[o + 1] = (byte) (p >> 8);
                    rgb[o + 2] = (byte) p;
                }
            }
        }
        Mat m = new Mat(h, w, CV_8UC3);
        m.data().put(rgb, 0, rgb.length);
        return m;
    }
}
