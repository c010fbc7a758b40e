package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camlab.capture.FrameSource;
import org.camlab.capture.Sources;
import org.camlab.fixtures.Fixtures;
import org.camlab.image.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The effective resolution of a real photograph sent the way a camera pipeline would: enlarged by
 * FFmpeg's own scaler, then H.264-encoded (crf 16, 4:2:0) and decoded again by camlab.
 */
class UpscaleThroughVideoTest {
    static Path encode(String photo, double factor, String flags) throws Exception {
        Path src = Fixtures.real(photo);
        Path out = Fixtures.generated().resolve(photo.replace('.', '_') + "_x" + factor + "_" + flags + ".mp4");
        if (Files.isRegularFile(out)) {
            return out;
        }
        String scale = factor == 1 ? "null" : "scale=trunc(iw*" + factor + "/2)*2:trunc(ih*" + factor + "/2)*2:flags="
                + flags;
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-loop", "1", "-i", src.toString(), "-t", "0.2",
                "-r", "10",
                "-vf", scale + ",format=yuv420p", "-c:v", "libx264", "-crf", "16", out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg (apt-get install ffmpeg) failed: "
                + log);
        return out;
    }

    static double estimate(Path video) throws Exception {
        Frame f = new Frame();
        try (FrameSource s = Sources.open(video.toString())) {
            s.next();
            s.read(f);
        }
        FrameMetrics m = new FrameMetrics();
        new FrameAnalyzer().analyze(f, List.of(), true, m);
        return m.upscaleFactor;
    }

    @ParameterizedTest(name = "{0} ×{1} {2}")
    @CsvSource({"coffee.png, 1, none", "coffee.png, 1.5, bicubic", "coffee.png, 2, bicubic", "coffee.png, 2, bilinear",
            "astronaut.png, 1, none", "astronaut.png, 1.5, bicubic", "astronaut.png, 2, bicubic",
            "astronaut.png, 3, lanczos"})
    void upscaleSurvivesEncoding(String photo, double factor, String flags) throws Exception {
        double k = estimate(encode(photo, factor, flags));
        if (factor == 1) {
            assertTrue(k < 1.2, photo + " native, through H.264: " + k);
        } else {
            assertEquals(factor, k, 0.15 * factor, photo + " ×" + factor + " " + flags + " through H.264: " + k);
        }
    }
}
