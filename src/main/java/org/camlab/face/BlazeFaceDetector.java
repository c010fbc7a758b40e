package org.camlab.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromTFLite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;

/**
 * MediaPipe's BlazeFace under OpenCV's dnn module: the short-range model (faces within about
 * 2 m, a webcam) first, the full-range model (a meeting room) when the short one finds nothing.
 *
 * <p>The frame is letterboxed to a square (as MediaPipe does), scaled to the model's input, fed as
 * RGB in [-1, 1] (NCHW; OpenCV's TFLite importer converts the layout). Each anchor gives a logit
 * and 16 regressors: box centre offset and size, then six keypoints (right eye, left eye, nose,
 * mouth, right ear, left ear), all in input pixels relative to the anchor centre.
 */
public final class BlazeFaceDetector implements FaceDetector {
    static final String SHORT_MODEL = "models/face_detection_short_range.tflite";
    static final String FULL_MODEL = "models/face_detection_full_range.tflite";
    /** Minimum score; MediaPipe's own default is 0.5. Faces scored ≥ 0.9, face-free frames ≤ 0.4 in camlab's checks. */
    public static final double MIN_SCORE = 0.6;
    static final double NMS_IOU = 0.3;

    private final Model shortRange;
    private final Model fullRange;

    private BlazeFaceDetector(Model shortRange, Model fullRange) {
        this.shortRange = shortRange;
        this.fullRange = fullRange;
    }

    /** Loads the bundled models; throws if they were not bundled at build time. */
    public static BlazeFaceDetector load() throws IOException {
        Model s = new Model(read(SHORT_MODEL), 128, new int[][]{{16, 2}, {8, 6}});
        Model f = new Model(read(FULL_MODEL), 192, new int[][]{{48, 1}});
        return new BlazeFaceDetector(s, f);
    }

    /** Whether the models were bundled into this build. */
    public static boolean available() {
        return BlazeFaceDetector.class.getResource(SHORT_MODEL) != null
                && BlazeFaceDetector.class.getResource(FULL_MODEL) != null;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = BlazeFaceDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("model " + resource + " is not bundled in this build");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public List<Face> detect(Frame frame) {
        try (Mat rgb = RgbThumbnail.of(frame, 384)) {
            List<Face> faces = shortRange.detect(rgb, frame.width, frame.height);
            if (faces.isEmpty()) {
                faces = fullRange.detect(rgb, frame.width, frame.height);
            }
            return faces;
        }
    }

    @Override
    public String name() {
        return "blazeface";
    }

    @Override
    public void close() {
        shortRange.close();
        fullRange.close();
    }

    /** One TFLite model with its anchors. */
    static final class Model implements AutoCloseable {
        private final Net net;
        private final BytePointer buffer;
        private final int input;
        private final float[] anchorX;
        private final float[] anchorY;
        private final StringVector outNames;
        private int scoresIndex = -1;

        Model(byte[] tflite, int input, int[][] layers) throws IOException {
            buffer = new BytePointer(tflite);
            net = readNetFromTFLite(buffer, tflite.length);
            if (net == null || net.empty()) {
                throw new IOException("OpenCV could not load the TFLite model");
            }
            this.input = input;
            int n = 0;
            for (int[] l : layers) {
                n += l[0] * l[0] * l[1];
            }
            anchorX = new float[n];
            anchorY = new float[n];
            int i = 0;
            for (int[] l : layers) {
                int size = l[0];
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        for (int a = 0; a < l[1]; a++) {
                            anchorX[i] = (x + 0.5f) / size;
                            anchorY[i] = (y + 0.5f) / size;
                            i++;
                        }
                    }
                }
            }
            outNames = net.getUnconnectedOutLayersNames();
        }

        List<Face> detect(Mat rgb, int frameW, int frameH) {
            int side = Math.max(rgb.cols(), rgb.rows());
            int padX = (side - rgb.cols()) / 2;
            int padY = (side - rgb.rows()) / 2;
            try (Mat square = new Mat(); Mat scaled = new Mat(); MatVector outs = new MatVector()) {
                copyMakeBorder(rgb, square, padY, side - rgb.rows() - padY, padX, side - rgb.cols() - padX,
                        BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
                resize(square, scaled, new Size(input, input), 0, 0, INTER_AREA);
                try (Mat blob = blobFromImage(scaled, 1 / 127.5, new Size(input, input),
                        new Scalar(127.5, 127.5, 127.5, 0), false, false, CV_32F)) {
                    net.setInput(blob);
                    net.forward(outs, outNames);
                }
                Mat a = outs.get(0);
                Mat b = outs.get(1);
                if (scoresIndex < 0) {
                    scoresIndex = a.total() == anchorX.length ? 0 : 1;
                }
                Mat scores = scoresIndex == 0 ? a : b;
                Mat boxes = scoresIndex == 0 ? b : a;
                FloatBuffer s = scores.createBuffer();
                FloatBuffer r = boxes.createBuffer();
                // frame pixels per unit of the model's normalised square
                double scale = (double) side * frameW / rgb.cols();
                double offX = padX * (double) frameW / rgb.cols();
                double offY = padY * (double) frameH / rgb.rows();
                List<Face> found = new ArrayList<>();
                for (int i = 0; i < anchorX.length; i++) {
                    double logit = Math.max(-100, Math.min(100, s.get(i)));
                    double score = 1 / (1 + Math.exp(-logit));
                    if (score < MIN_SCORE) {
                        continue;
                    }
                    int o = i * 16;
                    double cx = r.get(o) / input + anchorX[i];
                    double cy = r.get(o + 1) / input + anchorY[i];
                    double w = r.get(o + 2) / input;
                    double h = r.get(o + 3) / input;
                    double eyeY = (r.get(o + 5) / input + anchorY[i] + r.get(o + 7) / input + anchorY[i]) / 2;
                    Rect box = Rect.ofEdges((cx - w / 2) * scale - offX, (cy - h / 2) * scale - offY,
                            (cx + w / 2) * scale - offX, (cy + h / 2) * scale - offY);
                    found.add(new Face(box, score, eyeY * scale - offY));
                }
                return suppress(found);
            }
        }

        @Override
        public void close() {
            net.close();
            buffer.close();
        }
    }

    /** Greedy non-maximum suppression: keep the best, drop those overlapping it by IoU above {@link #NMS_IOU}. */
    static List<Face> suppress(List<Face> faces) {
        faces.sort((p, q) -> Double.compare(q.score(), p.score()));
        List<Face> kept = new ArrayList<>();
        for (Face f : faces) {
            boolean overlaps = false;
            for (Face k : kept) {
                if (iou(f.box(), k.box()) > NMS_IOU) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(f);
            }
        }
        return kept;
    }

    static double iou(Rect a, Rect b) {
        int x0 = Math.max(a.x(), b.x());
        int y0 = Math.max(a.y(), b.y());
        int x1 = Math.min(a.x() + a.w(), b.x() + b.w());
        int y1 = Math.min(a.y() + a.h(), b.y() + b.h());
        long inter = (long) Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        long union = a.area() + b.area() - inter;
        return union == 0 ? 0 : (double) inter / union;
    }
}
