package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.camlab.capture.Sources;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.session.Cadence;
import org.camlab.session.Session;
import org.camlab.session.SessionOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The timing and framing rules against scenes built to trip them and look-alikes that must not:
 * recordings whose freezes and drops are known by construction, and a real portrait moved and
 * scaled on a canvas, so that where its face lands is known.
 */
@Timeout(180)
class TimingAndFramingAdviceTest {
    private static final Advisor ADVISOR = new Advisor();
    private static BufferedImage astronaut;
    /** The unchanged portrait's face height and eye line, % of its 512 px. */
    private static double baseHeight;
    private static double baseEyes;

    @BeforeAll
    static void load() throws Exception {
        astronaut = ImageIO.read(Fixtures.real("astronaut.png").toFile());
        SessionReport r = Portraits.analyse(astronaut);
        baseHeight = r.value(Metric.FACE_HEIGHT);
        baseEyes = r.value(Metric.EYE_LINE);
    }

    private static SessionReport recording(Path file) throws Exception {
        return new Session(SessionOptions.defaults().withCadence(Cadence.frames(1)), FaceDetector.NONE, null, 1, null)
                .run(Sources.open(file.toString()));
    }

    private static Recommendation find(SessionReport r, String id) {
        return ADVISOR.judge(r).recommendations().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    }

    // ---- freezes

    @Test
    void aThreeSecondFreezeIsAdvised() throws Exception {
        // frames 31–120 repeat frame 30: the picture stands still from 1.0 s to 4.0 s
        SessionReport r = recording(Recordings.withFrozenFrames(30, 150, IntStream.rangeClosed(31, 120).toArray(), 320,
                240));
        // 90 repeats; each key frame inside the freeze (the encoder puts one at least every 30 frames)
        // codes the picture anew, and it and the frame after it differ by 1–2.5 code values: up to 2 × 4 fewer
        assertTrue(r.timing().frozenFrames() >= 82 && r.timing().frozenFrames() <= 90, r.timing().toString());
        assertEquals(3.0, r.value(Metric.LONGEST_FREEZE), 1 / 30.0 + 1e-6, "from frame 30 to frame 120");
        Recommendation rec = find(r, "frozen-picture");
        assertTrue(rec != null, "a 3 s freeze is advised");
        assertEquals(Severity.HIGH, rec.severity());
        assertTrue(rec.detail().toString().contains("3.0 s"), rec.detail().toString());
        assertTrue(ADVISOR.judge(r).score() < 100);
    }

    @Test
    void aShortRepeatAndAStillSceneAreNotFreezes() throws Exception {
        SessionReport shortRepeat = recording(Recordings.withFrozenFrames(30, 150, IntStream.rangeClosed(50, 59)
                .toArray(),
                320, 240));
        assertEquals(10 / 30.0, shortRepeat.value(Metric.LONGEST_FREEZE), 1e-6);
        assertEquals(null, find(shortRepeat, "frozen-picture"), "a third of a second is under the threshold");
        SessionReport moving = recording(Recordings.constantRate(30, 150, 320, 240));
        assertEquals(0, moving.value(Metric.LONGEST_FREEZE), 1e-9);
        assertEquals(null, find(moving, "frozen-picture"));
        // a camera on a tripod in an empty room: every frame the same picture, not a freeze
        SessionReport still = recording(Recordings.lit(30, 150, 320, 240, new int[0], false, 1, 0, 0, 0, 0, 0));
        assertTrue(still.timing().frozenShare() > 0.9, "the still scene repeats: " + still.timing());
        assertEquals(null, find(still, "frozen-picture"));
    }

    @Test
    void tenPercentDroppedIsAdvisedAndScoresBelow100() throws Exception {
        int[] every10th = IntStream.range(1, 15).map(i -> i * 10).toArray();
        SessionReport r = recording(Recordings.withDroppedFrames(30, 150, every10th, 320, 240));
        assertEquals(14, r.timing().droppedFrames());
        Recommendation rec = find(r, "dropped-frames");
        assertTrue(rec != null, "10 % dropped is advised");
        assertEquals(Severity.HIGH, rec.severity());
        assertTrue(ADVISOR.judge(r).score(ScoreArea.MOTION) <= 75);
    }

    // ---- framing

    /** The portrait scaled by {@code scale} with its top left at (x, y) on a plain mid-grey canvas. */
    private static BufferedImage placed(int w, int h, double scale, int x, int y) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        int s = (int) Math.round(512 * scale);
        g.drawImage(astronaut, x, y, s, s, null);
        g.dispose();
        return out;
    }

    @Test
    void thePortraitAsTakenIsWellFramed() {
        SessionReport r = Portraits.analyse(astronaut);
        assertTrue(baseHeight > 15 && baseHeight < 25, "face height " + baseHeight);
        assertEquals(null, find(r, "framing"), "a head-and-shoulders portrait needs no framing advice");
    }

    @Test
    void aFaceFarAwayIsToldToComeCloser() {
        // the portrait at its size in the middle of a canvas three times as large: the face a third as high
        SessionReport r = Portraits.analyse(placed(1536, 1536, 1, 512, 512));
        assertEquals(baseHeight / 3, r.value(Metric.FACE_HEIGHT), 0.5, "the face a third as high");
        Recommendation rec = find(r, "framing");
        assertTrue(rec != null && rec.title().toString().startsWith("You are far"), String.valueOf(rec));
        assertEquals(Severity.MEDIUM, rec.severity(), "6 % of the height");
        assertFalse(rec.title().toString().contains("off to"), "centred: " + rec.title().toString());
    }

    @Test
    void aSmallFaceInTheLowerRightCornerIsFarAndOffCentre() {
        SessionReport r = Portraits.analyse(placed(1024, 768, 0.8, 600, 350));
        assertEquals(baseHeight * 0.8 * 512 / 768, r.value(Metric.FACE_HEIGHT), 0.6);
        assertTrue(r.value(Metric.OFF_CENTRE) > 20, "right of centre: " + r.value(Metric.OFF_CENTRE));
        Recommendation rec = find(r, "framing");
        assertTrue(rec != null, "framing advised");
        assertTrue(rec.title().toString().contains("far") && rec.title().toString().contains("off to the right"), rec
                .title().toString());
        assertTrue(rec.detail().toString().contains("middle"), rec.detail().toString());
    }

    @Test
    void aFaceOffToOneSideAtAGoodSizeIsOnlyOffCentre() {
        SessionReport r = Portraits.analyse(placed(1200, 512, 1, 688, 0));
        assertEquals(baseHeight, r.value(Metric.FACE_HEIGHT), 0.6, "same size as the portrait");
        Recommendation rec = find(r, "framing");
        assertTrue(rec != null && rec.title().toString().equals("You are off to the right"), String.valueOf(rec));
        assertEquals(Metric.OFF_CENTRE.path(), rec.metric());
    }

    @Test
    void eyesLowInThePictureAskForATilt() {
        // twice the size, cut below the shoulders, with empty wall above: the eyes well below the middle
        SessionReport r = Portraits.analyse(placed(1024, 1100, 2, 0, 500));
        double expectedEyes = (baseEyes / 100 * 1024 + 500) / 1100 * 100;
        assertEquals(expectedEyes, r.value(Metric.EYE_LINE), 2.0);
        Recommendation rec = find(r, "framing");
        assertTrue(rec != null && rec.title().toString().equals("Too much space above your head"), String.valueOf(rec));
    }

    /** A camera whose auto-exposure hunts (the light pumping ±6 % every 2 s), beside light that flickers and a real street. */
    @Test
    void pumpingBrightnessIsHuntingAndFlickerOrAStreetIsNot() throws Exception {
        SessionReport pumping = recording(Recordings.lit(30, 300, 320, 180, new int[0], false, 0.8, 0, 0, 0, 0.5,
                0.06));
        assertEquals(0.5, pumping.value(Metric.HUNTING_HZ), 0.08);
        assertEquals(12, pumping.value(Metric.HUNTING_PCT), 2.0, "±6 % of the signal above black");
        Recommendation h = ADVISOR.judge(pumping).recommendations().stream()
                .filter(x -> x.id().equals("exposure-hunting")).findFirst().orElse(null);
        assertTrue(h != null && h.detail().toString().contains("every 2.0 s"), String.valueOf(h));
        assertFalse(ADVISOR.ids(pumping).contains("flicker"), "too slow to be a lamp's flicker: " + ADVISOR.ids(
                pumping));

        SessionReport flicker = recording(Recordings.lit(30, 300, 320, 180, new int[0], false, 0.8, 0, 0, 0, 5, 0.2));
        assertTrue(ADVISOR.ids(flicker).contains("flicker"));
        assertFalse(ADVISOR.ids(flicker).contains("exposure-hunting"), "5 Hz is a lamp: " + flicker.value(
                Metric.HUNTING_PCT));

        SessionReport street = recording(Fixtures.real("vtest.avi"));
        assertFalse(ADVISOR.ids(street).contains("exposure-hunting"), "people walking by: "
                + street.value(Metric.HUNTING_PCT) + " % at " + street.value(Metric.HUNTING_HZ) + " Hz");
    }
}
