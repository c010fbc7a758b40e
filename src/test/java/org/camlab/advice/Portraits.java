package org.camlab.advice;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.camlab.capture.SourceException;
import org.camlab.face.BlazeFaceDetector;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.MemorySource;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Face;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.session.Session;
import org.camlab.session.SessionOptions;

/** Runs real portraits, with known changes applied, through detection, analysis and advice. */
final class Portraits {
    private static FaceDetector detector;

    private Portraits() {
    }

    static synchronized FaceDetector detector() {
        if (detector == null) {
            try {
                detector = BlazeFaceDetector.load();
            } catch (IOException e) {
                throw new IllegalStateException("BlazeFace model not bundled: run scripts/fetch-models.sh and rebuild",
                        e);
            }
        }
        return detector;
    }

    static SessionReport analyse(BufferedImage img) {
        try {
            return new Session(SessionOptions.defaults(), detector(), null, 1, null).run(MemorySource.still("portrait",
                    Scenes.frame(img)));
        } catch (SourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recommendation of rule {@code id} in the advisor's verdict on r; null when the rule finds nothing. */
    static Recommendation find(SessionReport r, String id) {
        return ADVISOR.judge(r).recommendations().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    }

    private static final Advisor ADVISOR = new Advisor();

    static Face face(BufferedImage img) {
        var faces = detector().detect(Scenes.frame(img));
        if (faces.isEmpty()) {
            throw new IllegalStateException("no face found in the unchanged portrait");
        }
        return faces.get(0);
    }

    /** Chai &amp; Ngan (1999) skin chroma: Cr 133–173, Cb 77–127 (BT.601, full range). */
    static boolean skin(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        double cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
        double cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        return cr >= 133 && cr <= 173 && cb >= 77 && cb <= 127;
    }

    /** Whether (x, y) lies in the head: an ellipse around the face box, widened for the ears and raised for the forehead. */
    static boolean head(Face f, int x, int y) {
        double cx = f.box().x() + f.box().w() / 2.0;
        double cy = f.box().y() + f.box().h() * 0.4;
        double rx = f.box().w() * 0.75;
        double ry = f.box().h() * 0.95;
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1;
    }
}
