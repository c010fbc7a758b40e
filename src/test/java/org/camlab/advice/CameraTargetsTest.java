package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camlab.capture.FrameSource;
import org.camlab.capture.Sources;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.MemorySource;
import org.camlab.fixtures.Recordings;
import org.camlab.fixtures.Scenes;
import org.camlab.fixtures.SlantedEdges;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.camlab.results.CameraTargets;
import org.camlab.results.CameraTargets.Figure;
import org.camlab.results.CameraTargets.Target;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.camlab.session.Cadence;
import org.camlab.session.Session;
import org.camlab.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What camera to buy, on scenes built to trip each camera limit and on look-alikes that must not:
 * a dim but sharp picture asks for no sharper camera, grain in a dim room is the light's, a rate
 * that falls in good light is the computer's, a beat that is not the mains' is the lamps'.
 */
@Timeout(300)
class CameraTargetsTest {
    private static final Advisor ADVISOR = new Advisor();

    private static SessionReport recording(Path file) throws Exception {
        return run(Sources.open(file.toString()));
    }

    private static SessionReport run(FrameSource source) throws Exception {
        return new Session(SessionOptions.defaults().withCadence(Cadence.frames(1)), FaceDetector.NONE, null, 1, null)
                .run(source);
    }

    private static Figure figure(SessionReport r, Target target) {
        return CameraTargets.assess(r::value, r.source().width(), r.source().height(), r.source().fpsNominal())
                .stream().filter(f -> f.target() == target).findFirst().orElse(null);
    }

    private static String seen(SessionReport r) {
        return "Y98 " + r.value(Metric.SURROUND_HIGHLIGHT) + ", σ " + r.value(Metric.NOISE_SIGMA) + ", MTF50 "
                + r.value(Metric.MTF50) + ", upscale " + r.value(Metric.UPSCALE) + ", fps " + r.value(Metric.FPS)
                + " of " + r.source().fpsNominal() + ", flicker " + r.value(Metric.FLICKER_PCT) + " % at " + r.value(
                        Metric.FLICKER_HZ) + " Hz, advice " + ADVISOR.ids(r);
    }

    /** Slanted squares (a test chart's) at 1280×720 with camera noise, from {@code dark} to {@code bright} linear. */
    private static BufferedImage squares(double blur, double dark, double bright, double noise, long seed) {
        return LowDetailTest.image(SlantedEdges.squares(1280, 720, LowDetailTest.CENTRES, 120, 5, blur, dark, bright),
                1280, 720, noise, seed);
    }

    @Test
    void theTargetsAreTheRulesLimits() {
        // where a target and a rule say the same thing, they say it with one number
        assertEquals(Advisor.NOISE_SIGMA_LIMIT, CameraTargets.NOISE_SIGMA);
        assertEquals(Advisor.DIM_HIGHLIGHT_LUMA, CameraTargets.LIT_HIGHLIGHT_LUMA);
        assertEquals(Advisor.DIM_SUBJECT_LUMA, CameraTargets.LIT_SUBJECT_LUMA);
        assertEquals(Advisor.LOW_FPS, CameraTargets.FPS_FLOOR);
        assertEquals(Advisor.SLOWED_FRACTION, CameraTargets.SLOWED_FRACTION);
        assertEquals(Advisor.FLICKER_LIMIT_PCT, CameraTargets.FLICKER_PCT);
        assertEquals(Advisor.LOW_MTF50 / Metric.SHARP_MTF50, CameraTargets.RESOLVED_MARGIN, 1e-12,
                "a 720p camera short of the target is one the low-detail rule calls soft");
        assertEquals(1280 * 720, CameraTargets.RESOLVED_WIDTH * CameraTargets.RESOLVED_HEIGHT);
    }

    @Test
    void anEnlargedPictureAsksForACameraThatResolvesHd() {
        double[][] small = new double[LowDetailTest.CENTRES.length][];
        for (int i = 0; i < small.length; i++) {
            small[i] = new double[]{LowDetailTest.CENTRES[i][0] / 2, LowDetailTest.CENTRES[i][1] / 2};
        }
        BufferedImage low = LowDetailTest.image(SlantedEdges.squares(640, 360, small, 60, 5, 0.6, 0.08, 0.55), 640,
                360, 1.5, 2);
        BufferedImage big = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        var g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(low, 0, 0, 1280, 720, null);
        g.dispose();
        SessionReport r = Portraits.analyse(big);
        Figure f = figure(r, Target.RESOLUTION);
        assertTrue(f.limit(), seen(r));
        // the detail of a 640×360 picture, as its MTF50 says: about half the frame each way
        assertTrue(f.measured()[0] < 800 && f.measured()[1] < 450, seen(r) + " → " + f.measured()[0] + "×"
                + f.measured()[1]);
        long[] resolved = Metric.resolvedSize(r.value(Metric.MTF50), 1280, 720);
        assertEquals(resolved[0], (long) f.measured()[0], "the MTF50's figure, as the summary says it");
        assertEquals(resolved[1], (long) f.measured()[1]);
    }

    @Test
    void aDimButSharpPictureAsksForNoSharperCamera() {
        SessionReport r = Portraits.analyse(squares(0.6, 0.004, 0.06, 1.5, 3));
        assertTrue(ADVISOR.ids(r).contains("underexposed"), "the scene is dim: " + seen(r));
        Figure f = figure(r, Target.RESOLUTION);
        assertFalse(f.limit(), seen(r));
        assertTrue(f.met(), seen(r));
        assertFalse(figure(r, Target.NOISE).limit(), seen(r));
        assertNull(figure(r, Target.FRAME_RATE), "a still has no rate");
    }

    @Test
    void aPictureWithNoEdgeToMeasureIsNotJudgedByItsSize() {
        // a flat grey frame smaller than HD: what it sends is no measure of what the camera resolves
        SessionReport r = Portraits.analyse(squares(0.6, 0.3, 0.3, 1.5, 5).getSubimage(0, 0, 640, 360));
        assertTrue(Double.isNaN(r.value(Metric.MTF50)), seen(r));
        assertNull(figure(r, Target.RESOLUTION), seen(r));
    }

    @Test
    void grainInGoodLightAsksForACleanerCameraAndBandsUnderMainsLampsForAntiFlicker() throws Exception {
        // rolling bands at 100 Hz (3.33 bands a frame at 30 fps, 50 Hz mains) over the generator's grain, σ 8
        SessionReport r = recording(Recordings.lit(30, 180, 960, 540, new int[0], false, 1.0, 10.0 / 3, 1.0 / 3,
                0.03, 0, 0));
        Figure noise = figure(r, Target.NOISE);
        assertTrue(noise.limit(), seen(r));
        assertEquals(r.value(Metric.NOISE_SIGMA), noise.measured()[0]);
        assertEquals(r.value(Metric.SURROUND_HIGHLIGHT), noise.measured()[1], "the light it was given");
        Figure flicker = figure(r, Target.ANTI_FLICKER);
        assertTrue(flicker.limit(), seen(r));
        assertEquals(50, (int) flicker.measured()[2], "the 50 Hz mains' lamps");
        Figure fps = figure(r, Target.FRAME_RATE);
        assertFalse(fps.limit(), "30 fps kept: " + seen(r));
        assertTrue(fps.met());
    }

    @Test
    void grainInADimRoomIsTheLightsNotTheCameras() {
        SessionReport r = Portraits.analyse(squares(0.6, 0.004, 0.06, 9, 4));
        Figure noise = figure(r, Target.NOISE);
        assertTrue(noise.measured()[0] > CameraTargets.NOISE_SIGMA, "grainy: " + seen(r));
        assertTrue(noise.measured()[1] < CameraTargets.LIT_HIGHLIGHT_LUMA, "dim: " + seen(r));
        assertFalse(noise.limit(), seen(r));
        assertFalse(noise.met(), "short of the number, but not the camera's to fix here");
        // the same grain in good light is the camera's
        SessionReport lit = Portraits.analyse(squares(0.6, 0.08, 0.55, 9, 4));
        assertTrue(figure(lit, Target.NOISE).limit(), seen(lit));
    }

    @Test
    void aRateThatFallsInDimLightAsksForACameraThatKeepsIt() throws Exception {
        int[] odd = IntStream.range(0, 90).filter(i -> i % 2 == 1 && i < 89).toArray();
        SessionReport dim = recording(Recordings.lit(30, 90, 640, 360, odd, true, 0.35, 0, 0, 0, 0, 0));
        Figure f = figure(dim, Target.FRAME_RATE);
        assertTrue(f.limit(), seen(dim));
        assertEquals(dim.value(Metric.FPS), f.measured()[0]);
        assertEquals(30, f.measured()[2], "its own mode");
        // the same fall in good light: the computer or the cable, not the camera
        SessionReport bright = recording(Recordings.lit(30, 90, 640, 360, odd, true, 1.0, 0, 0, 0, 0, 0));
        Figure b = figure(bright, Target.FRAME_RATE);
        assertTrue(bright.value(Metric.SURROUND_HIGHLIGHT) >= CameraTargets.LIT_HIGHLIGHT_LUMA, seen(bright));
        assertFalse(b.limit(), seen(bright));
    }

    @Test
    void aSteadyRateInADimRoomAsksForNoFasterCamera() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(Scenes.frame(squares(0.6, 0.004, 0.06, 1.5, 10 + i)));
        }
        SessionReport r = run(new MemorySource("dim", frames, 30, 60, SourceInfo.Kind.FILE));
        assertTrue(r.value(Metric.SURROUND_HIGHLIGHT) < CameraTargets.LIT_HIGHLIGHT_LUMA, seen(r));
        Figure f = figure(r, Target.FRAME_RATE);
        assertNotNull(f);
        assertFalse(f.limit(), seen(r));
        assertTrue(f.met(), seen(r));
    }

    @Test
    void aBeatThatIsNotTheMainsIsTheLampsNotTheCameras() throws Exception {
        SessionReport r = recording(Recordings.lit(30, 300, 320, 180, new int[0], false, 0.8, 0, 0, 0, 5, 0.2));
        Figure f = figure(r, Target.ANTI_FLICKER);
        assertTrue(f.measured()[0] > CameraTargets.FLICKER_PCT, seen(r));
        assertEquals(0, (int) f.measured()[2], "5 Hz is no mains' alias at 30 fps: " + seen(r));
        assertFalse(f.limit(), seen(r));
    }
}
