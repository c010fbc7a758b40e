package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import org.camlab.core.WebcamPipelines;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;

/**
 * End to end (session, analysis, advisor): pictures with no detail to miss, sent as MJPEG, get no
 * advice to check the camera's mode. Each read as enlarged ×2 or ×4 before issue 29.
 */
class UpscaledLookAlikesTest {
    private static void notUpscaled(String what, BufferedImage img) {
        SessionReport r = Portraits.analyse(img);
        String seen = what + ": upscale " + r.value(Metric.UPSCALE) + ", traced " + r.value(Metric.INTERPOLATED);
        assertNull(Portraits.find(r, "upscaled"), seen);
        assertFalse(r.holds(Metric.INTERPOLATED), seen);
    }

    @Test
    void aGrainyBlankWallThroughMjpegIsNotUpscaled() {
        notUpscaled("wall, grain 2, MJPEG 90", Scenes.jpeg(WebcamPipelines.wall(1280, 720, 0.5, -0.6, 1.0, 180, 2),
                0.9f));
        notUpscaled("wall, grain 1, MJPEG 90", Scenes.jpeg(WebcamPipelines.wall(1280, 720, 0.25, -0.2, 0.6, 200, 1),
                0.9f));
    }

    @Test
    void aDefocusedPortraitThroughMjpegIsNotUpscaled() {
        BufferedImage astronaut = Scenes.read(Fixtures.real("astronaut.png"));
        notUpscaled("astronaut σ 2, MJPEG 75", Scenes.jpeg(Scenes.grain(Scenes.blur(astronaut, 2), 1, 2), 0.75f));
    }
}
