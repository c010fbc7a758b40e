package org.camlab.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;

/**
 * OpenCV's frontal-face Haar cascade, as shipped inside the OpenCV jar. The fallback when the
 * BlazeFace model is not available: it misses dim, backlit and turned faces far more often.
 */
public final class CascadeFaceDetector implements FaceDetector {
    private static final String RESOURCE = "/org/bytedeco/opencv/" + Loader.getPlatform()
            + "/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
    /** Detection runs on at most this many pixels of width; faces smaller than 1/20 of the height are ignored. */
    private static final int MAX_WIDTH = 640;

    private final CascadeClassifier classifier;
    private byte[] small = new byte[0];

    public CascadeFaceDetector() throws IOException {
        File xml = Loader.cacheResource(CascadeFaceDetector.class, RESOURCE);
        if (xml == null) {
            throw new IOException("Haar cascade not found in the OpenCV jar: " + RESOURCE);
        }
        classifier = new CascadeClassifier(xml.getAbsolutePath());
        if (classifier.empty()) {
            throw new IOException("cannot load Haar cascade " + xml);
        }
    }

    @Override
    public List<Face> detect(Frame frame) {
        int k = Downscaler.factor(frame.width, MAX_WIDTH);
        int w = frame.width / k;
        int h = frame.height / k;
        if (small.length < w * h) {
            small = new byte[w * h];
        }
        Downscaler.box(frame.luma, frame.width, frame.height, k, small);
        List<Face> faces = new ArrayList<>();
        try (Mat gray = new Mat(h, w, CV_8UC1); Mat eq = new Mat(); RectVector found = new RectVector()) {
            gray.data().put(small, 0, w * h);
            equalizeHist(gray, eq);
            int min = Math.max(12, h / 20);
            classifier.detectMultiScale(eq, found, 1.1, 5, 0, new Size(min, min), new Size());
            for (long i = 0; i < found.size(); i++) {
                org.bytedeco.opencv.opencv_core.Rect r = found.get(i);
                faces.add(new Face(new Rect(r.x() * k, r.y() * k, r.width() * k, r.height() * k), 1.0, Double.NaN));
            }
        }
        faces.sort((a, b) -> Long.compare(b.box().area(), a.box().area()));
        return faces;
    }

    @Override
    public String name() {
        return "haar-cascade";
    }

    @Override
    public void close() {
        classifier.close();
    }
}
