package org.camlab.core;

import java.util.List;
import org.camlab.image.Face;
import org.camlab.image.Frame;

/** Test helper: runs the analyzer on one frame. */
final class Analyze {
    private Analyze() {
    }

    static FrameMetrics frame(Frame f) {
        return frame(f, List.of(), true);
    }

    static FrameMetrics frame(Frame f, List<Face> faces, boolean resolution) {
        FrameMetrics m = new FrameMetrics();
        new FrameAnalyzer().analyze(f, faces, resolution, m);
        return m;
    }
}
