package org.camlab.session;

import org.camlab.capture.FrameSource;
import org.camlab.capture.SourceException;

/** Opens a session's source, on the capture thread, so that a source that never answers cannot hold the session. */
@FunctionalInterface
public interface SourceOpener {
    /** @param keyFramesOnly decode a recording's key frames only (a sparse cadence needs no more) */
    FrameSource open(boolean keyFramesOnly) throws SourceException;
}
