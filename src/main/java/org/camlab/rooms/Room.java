package org.camlab.rooms;
import org.camlab.capture.Redact;

/**
 * A meeting room and its camera.
 *
 * @param source a device index, a file, or a stream URL; the URL may hold credentials, so it is
 *               shown only through {@link #shownSource()}
 */
public record Room(String name, String site, String building, String floor, String source) {
    /** The source as every log, report and listing shows it: without user and password. */
    public String shownSource() {
        return Redact.url(source);
    }
}
