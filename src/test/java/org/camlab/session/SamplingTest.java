package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.Recordings;
import org.camlab.image.SourceInfo;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A long steady recording sampled instead of analysed whole: {@code --every 10s} decodes its key
 * frames only (counted), and the medians of a sample agree with the medians of every frame within
 * the tolerances stated below.
 */
@Timeout(300)
class SamplingTest {
    private static final int SECONDS = 300;
    private static final int FPS = 30;
    private static Path file;
    private static SessionReport allFrames;

    /** How far a sampled median may be from the all-frames median on a steady scene, in each metric's unit. */
    private static final Map<Metric, Double> TOLERANCE = Map.of(
            Metric.MEAN_LUMA, 0.5, // code values
            Metric.CLIPPED_HIGHLIGHTS, 0.2, // % of pixels
            Metric.CORNER_FALLOFF, 0.02, // stops
            Metric.LEFT_RIGHT, 0.02, // stops
            Metric.SHARPNESS_SCORE, 2.0, // /100
            Metric.NOISE_SIGMA, 0.15, // code values
            Metric.CAST_A, 0.3, // a*
            Metric.CAST_B, 0.3, // b*
            Metric.UPSCALE, 0.05); // ×

    @BeforeAll
    static void recording() throws SourceException {
        file = Recordings.steadyLong(SECONDS, FPS, 320, 240, 10);
        allFrames = run(Cadence.frames(1));
    }

    private static SessionReport run(Cadence c) throws SourceException {
        return new Session(SessionOptions.defaults().withCadence(c), FaceDetector.NONE, null, 1, null)
                .run(SourceInfo.Kind.FILE, "steady.mp4", keyFrames -> Sources.open(file.toString(), keyFrames));
    }

    private static void assertAgrees(SessionReport sample, String what) {
        assertAgrees(sample, what, null);
    }

    private static void assertAgrees(SessionReport sample, String what, Metric except) {
        for (var e : TOLERANCE.entrySet()) {
            if (e.getKey() == except) {
                continue;
            }
            double all = allFrames.value(e.getKey());
            double s = sample.value(e.getKey());
            assertTrue(!Double.isNaN(all), e.getKey().path() + " measured on every frame");
            assertEquals(all, s, e.getValue(), what + ": " + e.getKey().path() + " sampled vs every frame");
        }
    }

    @Test
    void everyFrameIsAnalysedWhenAsked() {
        assertEquals(SECONDS * FPS, allFrames.framesDecoded());
        assertEquals(SECONDS * FPS, allFrames.framesAnalyzed());
        assertEquals(0, allFrames.timing().frozenFrames(), "fresh grain on every frame");
        assertEquals(0, allFrames.timing().droppedFrames());
    }

    @Test
    void everyTenSecondsDecodesOnlyTheKeyFrames() throws SourceException {
        SessionReport r = run(Cadence.period(10_000_000));
        int keyFrames = SECONDS / 10;
        assertEquals(keyFrames, r.framesDecoded(), "one key frame each 10 s, nothing else decoded");
        assertEquals(keyFrames, r.framesAnalyzed());
        assertNull(r.timing(), "no frame timing from key frames alone");
        assertEquals(SECONDS - 10, r.durationSec(), 0.01, "first to last key frame");
        // the same frames decoded in full (every 300th is every key frame here) give the same numbers
        SessionReport same = run(Cadence.frames(10 * FPS));
        assertEquals(keyFrames, same.framesAnalyzed());
        for (Metric m : Metric.perFrameMetrics()) {
            double a = same.value(m);
            double b = r.value(m);
            assertTrue(Double.isNaN(a) ? Double.isNaN(b) : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)),
                    m.path() + ": key frames decoded alone vs in sequence: " + a + " vs " + b);
        }
        // Against every frame: all agree but noise. An encoder codes its key frames at a higher
        // quality and keeps grain that the frames between them smooth away, so a key-frame sample
        // reads more noise (METRICS.md): here the key frames' σ is the larger by far.
        assertAgrees(r, "--every 10s", Metric.NOISE_SIGMA);
        assertTrue(r.value(Metric.NOISE_SIGMA) > allFrames.value(Metric.NOISE_SIGMA),
                "key frames keep the grain: " + r.value(Metric.NOISE_SIGMA) + " vs " + allFrames.value(
                        Metric.NOISE_SIGMA));
    }

    @Test
    void theDefaultCadenceAgreesWithEveryFrame() throws SourceException {
        SessionReport r = run(Cadence.auto());
        assertEquals(SECONDS * FPS, r.framesDecoded(), "every frame decoded and timed");
        assertEquals(SECONDS * 2, r.framesAnalyzed(), "every 0.5 s of the recording");
        assertEquals(allFrames.timing(), r.timing(), "timing is the same: it comes from every decoded frame");
        assertAgrees(r, "auto");
    }

    @Test
    void everyNthFrameAgreesWithEveryFrame() throws SourceException {
        SessionReport r = run(Cadence.frames(7));
        assertEquals((SECONDS * FPS + 6) / 7, r.framesAnalyzed());
        assertAgrees(r, "every 7th frame");
    }
}
