package org.camlab.session;

import java.util.List;
import org.camlab.core.FrameMetrics;
import org.camlab.image.Face;
import org.camlab.image.Frame;

/**
 * One analysed frame, as listeners see it. The frame and the metrics are reused once the
 * listeners return.
 *
 * @param analysed  frames analysed so far, this one included
 * @param decoded   frames decoded so far
 * @param frame     the frame, full resolution
 * @param metrics   what the core measured on it
 * @param faces     the faces it was measured with (found on it, or on a recent frame)
 */
public record FrameEvent(int analysed, long decoded, Frame frame, FrameMetrics metrics, List<Face> faces) {
    public double seconds() {
        return frame.ptsMicros / 1e6;
    }
}
