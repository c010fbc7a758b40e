package org.camlab.image;

/**
 * A detected face in frame pixels.
 *
 * @param box   the detector's face box (brows to chin, cheek to cheek for BlazeFace)
 * @param score detector confidence 0–1
 * @param eyeY  vertical position of the eye line in pixels, NaN where the detector gives no eyes
 */
public record Face(Rect box, double score, double eyeY) {
    public double centreX() {
        return box.x() + box.w() / 2.0;
    }

    /** The eye line, estimated at 40 % of the box height where the detector has no eye landmarks. */
    public double eyeLineY() {
        return Double.isNaN(eyeY) ? box.y() + 0.4 * box.h() : eyeY;
    }
}
