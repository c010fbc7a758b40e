package org.camlab.capture;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.camlab.image.ColorMatrix;
import org.camlab.image.Frame;

/** Decodes stills ImageIO cannot (WebP, TIFF, CMYK JPEG) with OpenCV's imgcodecs. */
final class OpenCvStillDecoder {
    private OpenCvStillDecoder() {
    }

    static void decode(Path path, Frame f) throws SourceException {
        Mat m;
        try {
            m = imread(path.toString(), IMREAD_UNCHANGED);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new SourceException("cannot decode " + path + ": " + e.getMessage());
        }
        try {
            if (m == null || m.empty()) {
                throw new SourceException("cannot decode " + path + ": not an image format camlab can read");
            }
            int w = m.cols();
            int h = m.rows();
            FrameSize.check(path.toString(), "image", w, h);
            int ch = m.channels();
            int depth = m.depth();
            if (depth != CV_8U && depth != CV_16U) {
                throw new SourceException("cannot decode " + path + ": unsupported sample depth");
            }
            int[] v = new int[w * ch];
            int[] r = new int[w];
            int[] g = new int[w];
            int[] b = new int[w];
            if (ch == 1 || ch == 2) {
                f.resize(w, h, 0, 0);
            } else {
                f.resize(w, h, w, h);
            }
            for (int y = 0; y < h; y++) {
                readRow(m, y, w * ch, depth, v);
                if (ch <= 2) {
                    for (int x = 0; x < w; x++) {
                        f.luma[y * w + x] = (byte) v[x * ch];
                    }
                } else {
                    for (int x = 0; x < w; x++) { // OpenCV orders BGR(A)
                        b[x] = v[x * ch];
                        g[x] = v[x * ch + 1];
                        r[x] = v[x * ch + 2];
                    }
                    StillImageSource.fillRow(f, y, r, g, b);
                }
            }
            f.matrix = ColorMatrix.BT601;
            f.ptsMicros = 0;
        } finally {
            if (m != null) {
                m.close();
            }
        }
    }

    private static void readRow(Mat m, int y, int n, int depth, int[] out) {
        if (depth == CV_8U) {
            ByteBuffer buf = m.ptr(y).capacity(n).asByteBuffer();
            for (int i = 0; i < n; i++) {
                out[i] = buf.get(i) & 0xFF;
            }
        } else {
            ShortBuffer buf = m.ptr(y).capacity(2L * n).asByteBuffer().order(ByteOrder.nativeOrder()).asShortBuffer();
            for (int i = 0; i < n; i++) {
                out[i] = ((buf.get(i) & 0xFFFF) * 255 + 32767) / 65535;
            }
        }
    }
}
