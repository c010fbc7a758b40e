package org.camlab.advice;

import static org.camlab.results.Metric.BACKGROUND_CLIPPED;
import static org.camlab.results.Metric.BACKGROUND_LUMA;
import static org.camlab.results.Metric.BACKLIGHT_RATIO;
import static org.camlab.results.Metric.CLIPPED_HIGHLIGHTS;
import static org.camlab.results.Metric.CLIPPED_ON_PERSON;
import static org.camlab.results.Metric.CLIPPED_SHADOWS;
import static org.camlab.results.Metric.DROPPED;
import static org.camlab.results.Metric.EYE_LINE;
import static org.camlab.results.Metric.FACE_CRUSHED;
import static org.camlab.results.Metric.FACE_HEIGHT;
import static org.camlab.results.Metric.FLICKER_HZ;
import static org.camlab.results.Metric.FLICKER_PCT;
import static org.camlab.results.Metric.FPS;
import static org.camlab.results.Metric.HIGHLIGHT_CAST_A;
import static org.camlab.results.Metric.HIGHLIGHT_CAST_B;
import static org.camlab.results.Metric.HUNTING_HZ;
import static org.camlab.results.Metric.HUNTING_PCT;
import static org.camlab.results.Metric.INTERPOLATED;
import static org.camlab.results.Metric.LEFT_RIGHT;
import static org.camlab.results.Metric.LEFT_RIGHT_CAST;
import static org.camlab.results.Metric.LONGEST_FREEZE;
import static org.camlab.results.Metric.NOISE_SIGMA;
import static org.camlab.results.Metric.OFF_CENTRE;
import static org.camlab.results.Metric.SHARPNESS_SCORE;
import static org.camlab.results.Metric.SIDE_LIGHT;
import static org.camlab.results.Metric.SUBJECT_LUMA;
import static org.camlab.results.Metric.SURROUND_HIGHLIGHT;
import static org.camlab.results.Metric.SURROUND_LUMA;
import static org.camlab.results.Metric.UPSCALE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camlab.results.Flicker;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;
import org.camlab.text.Text;

/**
 * The rule table (first cut) and the score. Each rule's threshold is written once, in its row of
 * the table; its check reads it from there ({@code self.threshold()}).
 *
 * <p>Lighting rules are written to be fair to every skin tone. The face-to-background ratio and
 * the face's own brightness both rise or fall with skin reflectance, so neither decides alone:
 * {@code backlight} also needs light behind the person that no lit wall gives (clipped or
 * near-white background), and {@code underexposed} looks only at the scene around the head.
 */
public final class Advisor {
    /** Cisco video-room guidance: face-to-surroundings contrast at most 1:1.5 ≈ 0.6 stop. */
    static final double BACKLIGHT_STOPS = 0.6;
    /** Light behind the person that a lit wall does not give: clipped share, or mean code value. */
    static final double BACKGROUND_CLIPPED_PCT = 2.0;
    static final double BACKGROUND_BRIGHT_LUMA = 235;
    /**
     * The room lacks light when even the brightest 2 % of the scene around the person stays below
     * Y 160 (35 % linear): in a room lit for video (Cisco: 400–500 lux on faces) white and
     * light surfaces reach 180 and more; below 110 it is very dark.
     */
    static final double DIM_HIGHLIGHT_LUMA = 160;
    static final double VERY_DIM_HIGHLIGHT_LUMA = 110;
    static final double BRIGHT_SUBJECT_LUMA = 215;
    /** A subject (face, else the centre) darker than this is short of light whatever the room. */
    static final double DIM_SUBJECT_LUMA = 70;
    static final double CLIPPED_PCT = 2.0;
    static final double CRUSHED_PCT = 10.0;
    /** Clipped highlights mostly on the person (the body below the face, the head) are clothing, not a window. */
    static final double PERSON_CLIP_SHARE = 50;
    /** Shadows matter where they hide the face: this much of the inner face at Y ≤ 5. */
    static final double FACE_CRUSHED_PCT = 5;
    /**
     * Sharpness below 60 (edges wider than 1.75 px): every sharp real photograph of the fixtures
     * scores 98–100; blurred by a Gaussian of σ 1 px they score 73–89, of σ 2 px 29–44
     * (RealPhotoSharpnessTest); FFmpeg's gblur=sigma=3 leaves the astronaut at 43.
     */
    static final double SOFT_SCORE = 60;
    static final double NOISE_SIGMA_LIMIT = 4.0;
    /**
     * A cast of the white and light-grey surfaces (the brightest near-neutrals) beyond 10 units of
     * a*b*: calibrated on real photographs (ColourCastTest prints each), which read up to 9.4 as
     * taken (orange fur the highest), and 12.2–22.6 under a light 1.4× warmer or cooler.
     */
    static final double CAST_LIMIT = 10.0;
    /**
     * Light of two colours: the white and light-grey surfaces of one side third this many units of
     * b* warmer than the other's. Calibrated on real photographs (MixedLightTest prints each): as
     * taken they differ by up to 5.5 (under one warm light, 2.6); lit 1.35× warmer at one edge and
     * 1.35× cooler at the other, by 8.5 (a table with little neutral on its left) to 28.1.
     */
    static final double MIXED_LIMIT = 7.0;
    static final double SIDE_LIGHT_STOPS = 1.0;
    /**
     * The room's light, not the face's: one third of the picture this many stops brighter than the
     * other. Measured on luma, so a dark wall on one side reads the same: set above what real
     * photographs reach as taken (±1.58 in the fixtures), and met by the same photographs lit
     * 4 stops brighter from one side (2.64–3.40, UnevenLightTest). The corners are not advised on:
     * lit only in the middle (3 stops down at the corners) the photographs read −0.90 to −1.60,
     * and as taken, with their dark backgrounds, down to −1.53 — the falloff metric cannot tell them
     * apart.
     */
    static final double UNEVEN_STOPS = 2.0;
    static final double UPSCALE_LIMIT = 1.3;
    /**
     * Slanted edges (e-SFR) whose MTF50 is below this many cycles/pixel hold visibly less detail than
     * the picture's size: 0.6 of camlab's sharp reference ({@link Metric#SHARP_MTF50}, 0.30), 0.18.
     * Gaussian blur of σ 1 px gives 0.187, of 1.2 px 0.156; a sharp picture enlarged ×2, about 0.15.
     */
    static final double LOW_MTF50 = 0.6 * Metric.SHARP_MTF50;
    /** Webcam specifications and meeting clients: HD video at 24 fps or more. */
    static final double LOW_FPS = 24;
    /** A rate this far below the camera's own mode is the camera slowing down, not the mode. */
    static final double SLOWED_FRACTION = 0.8;
    static final double DROPPED_PCT = 1.0;
    static final double FLICKER_LIMIT_PCT = 2.0;
    /** Brightness pumping this much, peak to peak, is seen as the picture breathing. */
    static final double HUNTING_LIMIT_PCT = 4.0;
    /** A picture that stands still this long is a visible freeze on a call. */
    static final double FREEZE_SEC = 1.0;
    /** Frozen over nearly the whole session: a still scene (or a dead picture), not a freeze within a moving one. */
    static final double STILL_SCENE_SHARE = 0.9;
    /**
     * Head-and-shoulders framing, the convention of video calls and portrait photography: the face
     * about a quarter of the frame height, the eyes about a third from the top, centred.
     */
    static final double FAR_FACE_PCT = 12;
    static final double CLOSE_FACE_PCT = 60;
    static final double OFF_CENTRE_LIMIT_PCT = 20;
    static final double EYES_LOW_PCT = 60;
    static final double EYES_HIGH_PCT = 12;

    private final List<Rule<SessionReport>> rules = List.of(
            new Rule<>("backlight", BACKLIGHT_RATIO.path(), BACKLIGHT_STOPS,
                    "Cisco collaboration room guidance: face-to-background contrast ≤ 1:1.5", Advisor::backlight),
            new Rule<>("underexposed", SURROUND_HIGHLIGHT.path(), DIM_HIGHLIGHT_LUMA,
                    "camlab: brightest 2 % of the scene around the person below Y 160; Cisco 400–500 lux on faces",
                    Advisor::underexposed),
            new Rule<>("overexposed", SUBJECT_LUMA.path(), BRIGHT_SUBJECT_LUMA,
                    "camlab: faces above Y 215 lose skin texture", Advisor::overexposed),
            new Rule<>("clipping", CLIPPED_HIGHLIGHTS.path(), CLIPPED_PCT,
                    "camlab: more than 2 % of the frame at Y ≥ 250 is lost detail (clothing when half of it is on the "
                            + "person); shadows only when more than 10 % of the frame and 5 % of the face are at Y ≤ 5",
                    Advisor::clipping),
            new Rule<>("soft-focus", SHARPNESS_SCORE.path(), SOFT_SCORE,
                    "camlab calibration: a sharpness score below 60 (edges wider than 1.75 px; sharp photographs score "
                            + "98–100, blurred by σ 1 px 73–89, by σ 2 px 29–44)",
                    Advisor::softFocus),
            new Rule<>("low-light-noise", NOISE_SIGMA.path(), NOISE_SIGMA_LIMIT,
                    "camlab: σ above 4 code values is visible grain after video compression", Advisor::noise),
            new Rule<>("colour-cast", List.of(HIGHLIGHT_CAST_A.path(), HIGHLIGHT_CAST_B.path()), CAST_LIMIT,
                    "camlab calibration: white and light-grey surfaces off neutral by more than 10 units of CIELAB "
                            + "a*b* (a visible cast; coloured objects alone stay below it)", Advisor::cast),
            new Rule<>("mixed-light", LEFT_RIGHT_CAST.path(), MIXED_LIMIT,
                    "camlab calibration: the brightest near-neutral surfaces of one side third more than 7 units of "
                            + "b* warmer than the other's (photographs as taken differ by up to 5.5; lit by two colours "
                            + "1.35× apart at the edges, 8.5–28); no white balance can fix light of two colours",
                    Advisor::mixedLight),
            new Rule<>("side-light", SIDE_LIGHT.path(), SIDE_LIGHT_STOPS,
                    "camlab: one side of the face over 1 stop darker than the other", Advisor::sideLight),
            new Rule<>("uneven-light", LEFT_RIGHT.path(), UNEVEN_STOPS,
                    "camlab calibration: one third of the picture more than 2 stops brighter than the other (real "
                            + "photographs as taken reach 1.6; lit 4 stops brighter from one side, 2.6 and more)",
                    Advisor::unevenLight),
            new Rule<>("upscaled", UPSCALE.path(), UPSCALE_LIMIT,
                    "camlab: a picture enlarged by more than 1.3×, with interpolation's periodic traces, holds less "
                            + "detail than it sends", Advisor::upscaled),
            new Rule<>("low-detail", Metric.MTF50.path(), LOW_MTF50,
                    "camlab calibration: the slanted edges' MTF50 (ISO 12233 e-SFR) below 0.18 cycles/pixel, 0.6 of a "
                            + "sharp camera's 0.30 (an edge blurred by σ 1 px: 0.187)", Advisor::lowDetail),
            new Rule<>("low-fps", FPS.path(), LOW_FPS,
                    "webcam specifications and meeting clients: HD video at 24 fps or more", Advisor::lowFps),
            new Rule<>("dropped-frames", DROPPED.path(), DROPPED_PCT,
                    "camlab: more than 1 % of the frames missing is a visible stutter every few seconds at 30 fps",
                    Advisor::dropped),
            new Rule<>("flicker", FLICKER_PCT.path(), FLICKER_LIMIT_PCT,
                    "camlab: brightness beating or rolling bands over 2 % peak to peak are visible on a call",
                    Advisor::flicker),
            new Rule<>("exposure-hunting", HUNTING_PCT.path(), HUNTING_LIMIT_PCT,
                    "camlab: the picture's brightness pumping by more than 4 % peak to peak, " + Flicker.huntingBand()
                            + " times a second, is visible as breathing", Advisor::hunting),
            new Rule<>("frozen-picture", LONGEST_FREEZE.path(), FREEZE_SEC,
                    "camlab: a picture that stands still for 1 s or more is seen as a freeze (at 30 fps, 30 repeated "
                            + "frames); not said when nearly every frame repeats (a still scene)", Advisor::frozen),
            new Rule<>("framing", FACE_HEIGHT.path(), FAR_FACE_PCT,
                    "camlab, from head-and-shoulders framing: face about a quarter of the frame height (under 12 % "
                            + "is far, over 60 % too close), eyes about a third from the top (below 60 % or above 12 %), "
                            + "face centre within 20 % of the width of the middle", Advisor::framing));

    public List<Rule<SessionReport>> rules() {
        return rules;
    }

    public Verdict judge(SessionReport report) {
        List<Recommendation> out = new ArrayList<>();
        for (Rule<SessionReport> rule : rules) {
            rule.evaluate(report).ifPresent(out::add);
        }
        return verdictOf(out);
    }

    /** The verdict these problems make: most severe first, and the score they leave. */
    public Verdict verdictOf(List<Recommendation> problems) {
        return Verdict.of(problems);
    }

    private static Optional<Recommendation> backlight(SessionReport r, Rule<SessionReport> self) {
        double ratio = r.value(BACKLIGHT_RATIO);
        if (!(ratio > self.threshold())) {
            return Optional.empty();
        }
        boolean brightBehind = r.value(BACKGROUND_CLIPPED) >= BACKGROUND_CLIPPED_PCT
                || r.value(BACKGROUND_LUMA) >= BACKGROUND_BRIGHT_LUMA;
        if (!brightBehind) {
            return Optional.empty(); // a darker face before an ordinary wall is not backlight
        }
        Severity s = ratio > 1.5 ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(self.advise(s, Text.of("advice.backlight.title"),
                Text.of("advice.backlight.detail", ratio), ratio));
    }

    /**
     * Decided on the scene around the person only (the head is left out), so that the same room and
     * light give the same answer whatever the skin tone of the face in it.
     */
    private static Optional<Recommendation> underexposed(SessionReport r, Rule<SessionReport> self) {
        double highlight = r.value(SURROUND_HIGHLIGHT);
        if (!(highlight < self.threshold())) {
            return Optional.empty();
        }
        Severity s = highlight < VERY_DIM_HIGHLIGHT_LUMA ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(self.advise(s, Text.of("advice.underexposed.title"),
                Text.of("advice.underexposed.detail", highlight, r.value(SURROUND_LUMA)), highlight));
    }

    private static Optional<Recommendation> overexposed(SessionReport r, Rule<SessionReport> self) {
        double subject = r.value(SUBJECT_LUMA);
        if (!(subject > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.MEDIUM, Text.of("advice.overexposed.title"),
                Text.of("advice.overexposed.detail", subject), subject));
    }

    /**
     * Highlights: where the clipping lies tells a window or a lamp (beside and above the person)
     * from a white shirt (on the person). Shadows: only where they hide the face; a black helmet,
     * a dark sofa or a black screen behind the person are no problem of the picture.
     */
    private static Optional<Recommendation> clipping(SessionReport r, Rule<SessionReport> self) {
        double high = r.value(CLIPPED_HIGHLIGHTS);
        double low = r.value(CLIPPED_SHADOWS);
        if (high > self.threshold()) {
            Severity s = high > 4 * self.threshold() ? Severity.MEDIUM : Severity.LOW;
            double onPerson = r.value(CLIPPED_ON_PERSON);
            if (onPerson >= PERSON_CLIP_SHARE) {
                return Optional.of(self.advise(Severity.LOW, Text.of("advice.clipping.clothing.title"),
                        Text.of("advice.clipping.clothing.detail", high, onPerson), high));
            }
            return Optional.of(self.advise(s, Text.of("advice.clipping.highlights.title"),
                    Text.of("advice.clipping.highlights.detail", high), high));
        }
        double faceCrushed = r.value(FACE_CRUSHED);
        if (low > CRUSHED_PCT && faceCrushed > FACE_CRUSHED_PCT) {
            return Optional.of(new Recommendation(self.id(), Severity.MEDIUM, Text.of("advice.clipping.shadows.title"),
                    Text.of("advice.clipping.shadows.detail", faceCrushed), FACE_CRUSHED.path(), faceCrushed,
                    FACE_CRUSHED_PCT));
        }
        return Optional.empty();
    }

    /**
     * Low sharpness in good light is the lens (dirty, out of focus, or a poor one), whatever the
     * cable: a picture enlarged from a smaller one is {@code upscaled}'s, told by its traces.
     */
    private static Optional<Recommendation> softFocus(SessionReport r, Rule<SessionReport> self) {
        double score = r.value(SHARPNESS_SCORE);
        if (!(score < self.threshold())) {
            return Optional.empty();
        }
        List<Text> detail = new ArrayList<>();
        detail.add(Text.of("advice.soft-focus.detail", score, r.value(Metric.EDGE_WIDTH)));
        if (r.value(SURROUND_HIGHLIGHT) < DIM_HIGHLIGHT_LUMA) {
            detail.add(Text.of("advice.soft-focus.dim"));
        }
        Severity s = score < self.threshold() / 2 ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(self.advise(s, Text.of("advice.soft-focus.title"), Text.sentences(detail), score));
    }

    private static Optional<Recommendation> noise(SessionReport r, Rule<SessionReport> self) {
        double sigma = r.value(NOISE_SIGMA);
        if (!(sigma > self.threshold())) {
            return Optional.empty();
        }
        Severity s = sigma > 2 * self.threshold() ? Severity.HIGH : Severity.MEDIUM;
        boolean wellLit = r.value(SURROUND_HIGHLIGHT) >= DIM_HIGHLIGHT_LUMA
                && !(r.value(SUBJECT_LUMA) < DIM_SUBJECT_LUMA);
        if (wellLit) {
            // light is not what is missing: the camera is the limit
            return Optional.of(self.advise(s, Text.of("advice.low-light-noise.camera.title"),
                    Text.of("advice.low-light-noise.camera.detail", sigma, r.value(SURROUND_HIGHLIGHT)), sigma));
        }
        return Optional.of(self.advise(s, Text.of("advice.low-light-noise.title"),
                Text.of("advice.low-light-noise.detail", sigma), sigma));
    }

    private static Optional<Recommendation> cast(SessionReport r, Rule<SessionReport> self) {
        // judged on the brightest near-neutrals: walls, paper and shirts show the light's colour, while
        // the grey world of all near-neutrals leans towards whatever coloured things fill the view
        double a = r.value(HIGHLIGHT_CAST_A);
        double b = r.value(HIGHLIGHT_CAST_B);
        double c = Math.hypot(a, b);
        if (!(c > self.threshold())) {
            return Optional.empty();
        }
        boolean alongB = Math.abs(b) >= Math.abs(a);
        Text hue = Text.of("hue." + (alongB ? (b > 0 ? "warm" : "blue") : (a > 0 ? "magenta" : "green")));
        Text fix = Text.of(alongB && b > 0 ? "advice.colour-cast.warm" : "advice.colour-cast.other");
        return Optional.of(new Recommendation(self.id(), c > 2 * self.threshold() ? Severity.MEDIUM : Severity.LOW,
                Text.of("advice.colour-cast.title", hue),
                Text.sentences(List.of(Text.of("advice.colour-cast.detail", hue, a, b), fix)),
                alongB ? HIGHLIGHT_CAST_B.path() : HIGHLIGHT_CAST_A.path(), alongB ? b : a, self.threshold()));
    }

    /**
     * Daylight on one side, warm lamps on the other: judged on what is likely neutral on each side
     * (its brightest near-neutral surfaces), so that a red sofa on one side is not light.
     */
    private static Optional<Recommendation> mixedLight(SessionReport r, Rule<SessionReport> self) {
        double d = r.value(LEFT_RIGHT_CAST);
        if (!(Math.abs(d) > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(sided(self, d, 2, "advice.mixed-light"));
    }

    /** Light that reaches one side of the view: the room's light, for the room. */
    private static Optional<Recommendation> unevenLight(SessionReport r, Rule<SessionReport> self) {
        double sides = r.value(LEFT_RIGHT);
        if (!(Math.abs(sides) > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(sided(self, sides, 1.5, "advice.uneven-light"));
    }

    /**
     * A rule on a left-minus-right metric past its threshold either way: medium beyond
     * {@code mediumAt} times it, its words ({@code words}.title, .detail) given the side the
     * value's sign points to, how far, and the other side; the threshold signed as the value.
     */
    private static Recommendation sided(Rule<SessionReport> self, double v, double mediumAt, String words) {
        Text towards = Text.of(v > 0 ? "side.left" : "side.right");
        Text away = Text.of(v > 0 ? "side.right" : "side.left");
        return new Recommendation(self.id(), Math.abs(v) > mediumAt * self.threshold() ? Severity.MEDIUM
                : Severity.LOW, Text.of(words + ".title"), Text.of(words + ".detail", towards, Math.abs(v), away),
                self.metric(), v, v > 0 ? self.threshold() : -self.threshold());
    }

    /** Auto-exposure that does not settle: usually a bright window and a dark face in one view. */
    private static Optional<Recommendation> hunting(SessionReport r, Rule<SessionReport> self) {
        double pct = r.value(HUNTING_PCT);
        if (!(pct > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(self.advise(pct > 2 * self.threshold() ? Severity.MEDIUM : Severity.LOW,
                Text.of("advice.exposure-hunting.title"),
                Text.of("advice.exposure-hunting.detail", 1 / r.value(HUNTING_HZ), pct), pct));
    }

    private static Optional<Recommendation> sideLight(SessionReport r, Rule<SessionReport> self) {
        double s = r.value(SIDE_LIGHT);
        if (!(Math.abs(s) > self.threshold())) {
            return Optional.empty();
        }
        Text darker = Text.of(s < 0 ? "side.left" : "side.right");
        return Optional.of(self.advise(Severity.LOW, Text.of("advice.side-light.title"),
                Text.of("advice.side-light.detail", darker, Math.abs(s)), s));
    }

    /** Enlarged: less detail than the size, with interpolation's periodic traces (else it is {@code soft-focus}'s). */
    private static Optional<Recommendation> upscaled(SessionReport r, Rule<SessionReport> self) {
        double k = r.value(UPSCALE);
        if (!(k > self.threshold()) || !enlarged(r)) {
            return Optional.empty();
        }
        int w = (int) Math.round(r.source().width() / k);
        int h = (int) Math.round(r.source().height() / k);
        return Optional.of(self.advise(k >= 1.9 ? Severity.MEDIUM : Severity.LOW, Text.of("advice.upscaled.title"),
                Text.of("advice.upscaled.detail", r.source().width(), r.source().height(), w, h, k), k));
    }

    /**
     * Edges that resolve less than the picture's size: an enlarged picture when interpolation left
     * its traces, else the optics (soft, dirty or out of focus). Said only where the other two rules
     * on detail are silent: the sharpness score's {@code soft-focus} and the traces' {@code upscaled}.
     */
    private static Optional<Recommendation> lowDetail(SessionReport r, Rule<SessionReport> self) {
        double mtf50 = r.value(Metric.MTF50);
        if (!(mtf50 < self.threshold()) || r.value(SHARPNESS_SCORE) < SOFT_SCORE
                || r.value(UPSCALE) > UPSCALE_LIMIT && enlarged(r)) {
            return Optional.empty();
        }
        int w = r.source().width();
        int h = r.source().height();
        long[] resolved = Metric.resolvedSize(mtf50, w, h);
        Object[] values = {(int) resolved[0], (int) resolved[1], w, h, mtf50};
        boolean enlarged = enlarged(r);
        return Optional.of(self.advise(mtf50 < self.threshold() / 1.5 ? Severity.MEDIUM : Severity.LOW,
                Text.of(enlarged ? "advice.low-detail.enlarged.title" : "advice.low-detail.optics.title"),
                Text.of(enlarged ? "advice.low-detail.enlarged.detail" : "advice.low-detail.optics.detail", values),
                mtf50));
    }

    /** Interpolation's periodic traces in most analysed frames (the median of a yes or no per frame). */
    private static boolean enlarged(SessionReport r) {
        return r.holds(INTERPOLATED);
    }

    /**
     * A rate below 24 fps. Many webcams lengthen the exposure in poor light and fall from 30 to 15
     * fps: where the rate is well below the camera's own mode and the room is dim, the advice is
     * light, not a new camera.
     */
    private static Optional<Recommendation> lowFps(SessionReport r, Rule<SessionReport> self) {
        double fps = r.value(FPS);
        if (!(fps < self.threshold())) {
            return Optional.empty();
        }
        double nominal = r.source().fpsNominal();
        boolean slowed = nominal > 0 && fps < SLOWED_FRACTION * nominal;
        boolean dim = r.value(SURROUND_HIGHLIGHT) < DIM_HIGHLIGHT_LUMA;
        Text detail;
        if (slowed && dim) {
            detail = Text.of("advice.low-fps.dim", fps, nominal);
        } else if (slowed) {
            detail = Text.of("advice.low-fps.slowed", fps, nominal);
        } else {
            detail = Text.of("advice.low-fps.mode", fps);
        }
        return Optional.of(self.advise(fps < 15 ? Severity.HIGH : Severity.MEDIUM, Text.of("advice.low-fps.title"),
                detail, fps));
    }

    private static Optional<Recommendation> dropped(SessionReport r, Rule<SessionReport> self) {
        double dropped = r.value(DROPPED);
        if (!(dropped > 0) || r.timing() == null) {
            return Optional.empty();
        }
        double pct = 100 * dropped / (r.framesDecoded() + dropped);
        double nominal = r.source().fpsNominal();
        if (!(pct > self.threshold()) || nominal > 0 && r.value(FPS) < SLOWED_FRACTION * nominal
                && r.timing().jitterMs() < 0.25 * 1000 / nominal) {
            return Optional.empty(); // a steady lower rate is the low-fps rule's, not lost frames
        }
        return Optional.of(new Recommendation(self.id(), pct > 5 ? Severity.HIGH : Severity.MEDIUM,
                Text.of("advice.dropped-frames.title"),
                Text.of("advice.dropped-frames.detail", dropped, r.framesDecoded() + dropped, pct),
                self.metric(), dropped, frames(self.threshold(), r.framesDecoded() + dropped)));
    }

    /**
     * The rule's share of the frames, in frames: the recommendation names the dropped-frames count, so its
     * threshold is in the same unit (1 % of 60 frames is 0.6), not the percentage the rule is written in.
     */
    private static double frames(double pct, double frames) {
        return pct / 100 * frames;
    }

    private static Optional<Recommendation> flicker(SessionReport r, Rule<SessionReport> self) {
        double pct = r.value(FLICKER_PCT);
        if (!(pct > self.threshold())) {
            return Optional.empty();
        }
        double hz = r.value(FLICKER_HZ);
        int mains = mains(hz, r.source().fpsNominal());
        Text cure = mains > 0 ? Text.of("advice.flicker.mains", 2 * mains, mains, mains, mains == 50 ? 1 : 2)
                : Text.of("advice.flicker.unknown-mains");
        return Optional.of(self.advise(pct > 3 * self.threshold() ? Severity.HIGH : Severity.MEDIUM,
                Text.of("advice.flicker.title"),
                Text.sentences(List.of(Text.of("advice.flicker.detail", pct, hz), cure)), pct));
    }

    private static Optional<Recommendation> frozen(SessionReport r, Rule<SessionReport> self) {
        double longest = r.value(LONGEST_FREEZE);
        if (!(longest >= self.threshold()) || r.timing().frozenShare() >= STILL_SCENE_SHARE) {
            return Optional.empty();
        }
        return Optional.of(self.advise(longest >= 3 * self.threshold() ? Severity.HIGH : Severity.MEDIUM,
                Text.of("advice.frozen-picture.title"),
                Text.of("advice.frozen-picture.detail", longest, r.timing().frozenFrames()), longest));
    }

    /**
     * Far, off-centre, eyes too low or too high, too close: one recommendation, titled by the first
     * of these that holds, its advice naming each that does (a face small in a lower corner is both
     * far and off-centre).
     */
    private static Optional<Recommendation> framing(SessionReport r, Rule<SessionReport> self) {
        double height = r.value(FACE_HEIGHT);
        double eyes = r.value(EYE_LINE);
        double off = r.value(OFF_CENTRE);
        if (Double.isNaN(height)) {
            return Optional.empty();
        }
        Findings f = new Findings();
        if (height < self.threshold()) {
            f.add("advice.framing.far", new Object[0], Text.of("advice.framing.far.detail", height), FACE_HEIGHT,
                    height, self.threshold());
            f.severity = height < 0.6 * self.threshold() ? Severity.MEDIUM : Severity.LOW;
        }
        if (Math.abs(off) > OFF_CENTRE_LIMIT_PCT) {
            Text side = Text.of(off > 0 ? "side.right" : "side.left");
            f.add("advice.framing.off-centre", new Object[]{side},
                    Text.of("advice.framing.off-centre.detail", Math.abs(off), side), OFF_CENTRE, off,
                    OFF_CENTRE_LIMIT_PCT);
        }
        if (eyes > EYES_LOW_PCT) {
            f.add("advice.framing.eyes-low", new Object[0], Text.of("advice.framing.eyes-low.detail", eyes), EYE_LINE,
                    eyes, EYES_LOW_PCT);
        } else if (eyes < EYES_HIGH_PCT) {
            f.add("advice.framing.eyes-high", new Object[0], Text.of("advice.framing.eyes-high.detail", eyes),
                    EYE_LINE, eyes, EYES_HIGH_PCT);
        }
        if (height > CLOSE_FACE_PCT) {
            f.add("advice.framing.close", new Object[0], Text.of("advice.framing.close.detail", height), FACE_HEIGHT,
                    height, CLOSE_FACE_PCT);
        }
        return f.recommendation(self.id());
    }

    /** What one rule found on several counts: titled by the first two, advising on each, its number the first's. */
    private static final class Findings {
        private final List<Text> titles = new ArrayList<>();
        /** The same findings as named second in a title, in the middle of a sentence. */
        private final List<Text> also = new ArrayList<>();
        private final List<Text> advice = new ArrayList<>();
        private Metric metric;
        private double value = Double.NaN;
        private double threshold = Double.NaN;
        Severity severity = Severity.LOW;

        /** A finding: {@code part}'s ".title" and ".also" words take {@code titleArgs}. */
        void add(String part, Object[] titleArgs, Text text, Metric m, double v, double limit) {
            titles.add(Text.of(part + ".title", titleArgs));
            also.add(Text.of(part + ".also", titleArgs));
            advice.add(text);
            if (metric == null) {
                metric = m;
                value = v;
                threshold = limit;
            }
        }

        Optional<Recommendation> recommendation(String id) {
            if (titles.isEmpty()) {
                return Optional.empty();
            }
            // the second is named in the middle of the title: its ".also" words, not its headline
            Text title = titles.size() == 1 ? titles.get(0) : Text.of("advice.framing.two", titles.get(0), also.get(1));
            return Optional.of(new Recommendation(id, severity, title, Text.sentences(advice), metric.path(), value,
                    threshold));
        }
    }

    /** The mains frequency that explains a flicker ({@link Flicker#mains}); 0 when neither 50 nor 60 Hz does. */
    static int mains(double hz, double fps) {
        return Flicker.mains(hz, fps);
    }

    /** Used by the fairness check: which rule ids the report trips. */
    public List<String> ids(SessionReport report) {
        return judge(report).recommendations().stream().map(Recommendation::id).toList();
    }

}
