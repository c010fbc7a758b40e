package org.camlab.face;

import java.util.List;
import org.camlab.image.Face;
import org.camlab.image.Frame;

/** Finds faces in a frame. Implementations hold native resources: close them. */
public interface FaceDetector extends AutoCloseable {
    /** Faces in frame pixel coordinates, most confident first; empty when there is none. */
    List<Face> detect(Frame frame);

    /** Short name for reports and logs, e.g. {@code blazeface-short}. */
    String name();

    @Override
    void close();

    /** A detector that never finds anything, for --faces none. */
    FaceDetector NONE = new FaceDetector() {
        @Override
        public List<Face> detect(Frame frame) {
            return List.of();
        }

        @Override
        public String name() {
            return "none";
        }

        @Override
        public void close() {
        }
    };
}
