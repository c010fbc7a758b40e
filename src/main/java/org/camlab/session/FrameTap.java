package org.camlab.session;

import org.camlab.image.Frame;

/**
 * Sees every decoded frame, on the capture thread, for a live preview that keeps up with the
 * camera rather than with the analysis. A session listener that is also a tap is given each frame
 * in full. Neither method may block: a tap that is still busy returns null and the frame is only
 * timed, as any frame the analysis skips.
 */
public interface FrameTap {
    /** A frame to fill with the picture decoded at {@code ptsMicros}, or null to let this one pass. */
    Frame borrow(long ptsMicros);

    /** The frame {@link #borrow} gave, now holding that picture. */
    void filled(Frame frame);
}
