package org.camlab.live;

import java.util.List;
import org.camlab.core.FrameMetrics;
import org.camlab.image.Face;

/**
 * What {@link FramePainter} draws over a frame from one analysis — the light grid and the faces —
 * copied out of the analysis, which reuses its own metrics for the next frame.
 */
final class Overlay {
    final FrameMetrics metrics = new FrameMetrics();
    List<Face> faces = List.of();

    void take(FrameMetrics m, List<Face> found) {
        metrics.grid = m.grid;
        System.arraycopy(m.gridMeanLinear, 0, metrics.gridMeanLinear, 0, metrics.gridMeanLinear.length);
        faces = List.copyOf(found);
    }
}
