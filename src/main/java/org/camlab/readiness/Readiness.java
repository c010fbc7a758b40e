package org.camlab.readiness;

import org.camlab.readiness.link.Link;
import org.camlab.readiness.probe.PathResult;

/**
 * Can this computer and this network carry HD video: each part as measured, null where it was
 * not (the path needs a target the user names; the encoder test is left out of the live check).
 *
 * @param headroomError why the encoder could not be measured, or null
 * @param pathError     why the path could not be measured (an unknown host), or null
 * @param camera        the first camera, null when there is none
 * @param seconds       how long the whole measurement took
 */
public record Readiness(Machine machine, Headroom headroom, String headroomError, Link link, PathResult path,
        String pathError, CameraFacts camera, double seconds) {
}
