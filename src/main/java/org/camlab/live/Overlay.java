package org.camlab.live;

import java.util.List;
import org.camlab.image.Face;

/**
 * What {@link FramePainter} draws over a frame from one analysis — the faces, and the template the
 * window follows the largest with — copied out of the analysis, which reuses its lists.
 */
final class Overlay {
    List<Face> faces = List.of();
    FaceFollower.Template template;

    void take(List<Face> found, FaceFollower.Template followed) {
        faces = List.copyOf(found);
        template = followed;
    }
}
