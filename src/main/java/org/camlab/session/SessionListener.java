package org.camlab.session;

import org.camlab.image.SourceInfo;
import org.camlab.results.SessionReport;

/**
 * Told what a session does, on the session's thread: the progress bar, the live view, a survey's
 * recorder and the reports listen here. A listener must return quickly (the analysis waits) and
 * copy what it keeps from a {@link FrameEvent}: its frame and metrics are reused.
 */
public interface SessionListener {
    /** The source is open. @param frameCountHint frames in it if known, else -1 */
    default void opened(SourceInfo source, long frameCountHint) {
    }

    /** A frame was analysed in full. */
    default void analysed(FrameEvent event) {
    }

    /** A complete result so far, every {@link SessionOptions#snapshotInterval()} and once at the end. */
    default void snapshot(SessionReport report) {
    }
}
