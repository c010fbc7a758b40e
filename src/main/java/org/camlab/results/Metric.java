package org.camlab.results;

import static org.camlab.results.Category.BACKLIGHT;
import static org.camlab.results.Category.COLOR;
import static org.camlab.results.Category.EXPOSURE;
import static org.camlab.results.Category.FRAMING;
import static org.camlab.results.Category.NOISE;
import static org.camlab.results.Category.RESOLUTION;
import static org.camlab.results.Category.SHARPNESS;
import static org.camlab.results.Category.TEMPORAL;
import static org.camlab.results.Category.UNIFORMITY;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.camlab.core.ChromaKernel;
import org.camlab.core.FrameMetrics;

/**
 * The catalogue: every number camlab publishes, declared once — its place in the JSON contract
 * ({@code category.field}), unit, decimals, definition, how the terminal summary labels it, and
 * where its value comes from (the session median of a per-frame measurement, or the session as a
 * whole). The JSON writer, the terminal summary, {@code --require} and the user-facing contract in
 * {@code docs/CONTRACT.md} all iterate it; a metric added here appears in each of them.
 */
public enum Metric {
    MEAN_LUMA(perFrame(EXPOSURE, "meanLuma", m -> m.meanLuma).unit("code value").decimals(1).label("mean")
            .range(0, 255).chartSpan(40).noise(1).means("mean of Y (0–255, full range) over the frame")),
    SUBJECT_LUMA(perFrame(EXPOSURE, "subjectLuma", m -> m.subjectLuma).unit("code value").decimals(1).label("subject")
            .range(0, 255).chartSpan(40).noise(5).means(
                    "mean Y of the subject: the face boxes, else the centre ninth of the frame")),
    CLIPPED_HIGHLIGHTS(perFrame(EXPOSURE, "clippedHighlightsPct", m -> m.clippedHighlightsPct).unit("%").decimals(2)
            .label("clipped high").range(0, 100).lower().noise(0.1).means("share of pixels with Y ≥ 250")),
    CLIPPED_SHADOWS(perFrame(EXPOSURE, "clippedShadowsPct", m -> m.clippedShadowsPct).unit("%").decimals(2)
            .label("low").range(0, 100).lower().noise(0.1).means("share of pixels with Y ≤ 5")),
    SURROUND_LUMA(perFrame(EXPOSURE, "surroundLuma", m -> m.surroundLuma).unit("code value").decimals(1).extra()
            .range(0, 255).noise(1).means(
                    "mean Y of the scene around the person: every 16th row, without the head region "
                            + "(the face box widened by 0.3 of its width each side, from half its height above to 1.3 below its "
                            + "top); the whole frame when there is no face")),
    SURROUND_HIGHLIGHT(perFrame(EXPOSURE, "surroundHighlightLuma", m -> m.surroundHighlightLuma).unit("code value")
            .decimals(0).extra().range(0, 255).noise(2).means(
                    "98th percentile of Y over the same region as surroundLuma")),

    CLIPPED_ON_PERSON(perFrame(EXPOSURE, "clippedOnPersonPct", m -> m.clippedOnPersonPct).unit("%").decimals(1)
            .extra().range(0, 100).noise(1).means(
                    "of the clipped highlights (Y ≥ 250, every 16th row), the share on the person: the "
                            + "head and the body below the face, three face widths wide; null without a face or clipping")),
    FACE_DETECTED(perFrame(BACKLIGHT, "faceDetected", m -> m.faceDetected ? 1 : 0).bool()
            .higher().means("true when a face was found in at least half of the analysed frames")),
    BACKLIGHT_RATIO(perFrame(BACKLIGHT, "ratioStops", m -> m.backlightRatioStops).unit("stops").decimals(2)
            .label("background vs face").signed().range(-16, 16).chartSpan(1.2).nearer(0).noise(0.05).means(
                    "log2(background / face), linear light; the "
                            + "background is beside and above the head within about two face widths; > 0: brighter than the face")),
    SIDE_LIGHT(perFrame(BACKLIGHT, "sideLightStops", m -> m.sideLightStops).unit("stops").decimals(2)
            .label("side light").signed().range(-16, 16).nearer(0).noise(0.05).means(
                    "log2(left half of the face / right half, as seen in "
                            + "the image), linear light; < 0 when the image-left side is darker")),
    FACE_LUMA(perFrame(BACKLIGHT, "faceLuma", m -> m.faceLuma).unit("code value").decimals(1).extra().range(0, 255)
            .noise(2).means("mean Y of the inner face (the central 60 % × 70 % of the face box)")),
    FACE_CRUSHED(perFrame(BACKLIGHT, "faceCrushedPct", m -> m.faceCrushedPct).unit("%").decimals(1).extra()
            .range(0, 100).lower().noise(0.5).means(
                    "share of the inner face region at Y ≤ 5: shadows that hide the face")),
    BACKGROUND_LUMA(perFrame(BACKLIGHT, "backgroundLuma", m -> m.backgroundLuma).unit("code value").decimals(1).extra()
            .range(0, 255).noise(2).means("mean Y of the background region of ratioStops")),
    BACKGROUND_CLIPPED(perFrame(BACKLIGHT, "backgroundClippedPct", m -> m.backgroundClippedPct).unit("%").decimals(2)
            .extra().range(0, 100).lower().noise(1).means("share of the background region at Y ≥ 250")),

    CORNER_FALLOFF(perFrame(UNIFORMITY, "cornerFalloffStops", m -> m.cornerFalloffStops).unit("stops").decimals(2)
            .label("corners").signed().range(-16, 16).nearer(0).noise(0.05).means(
                    "log2(mean of the 4 corner cells / mean of the cells "
                            + "touching the centre), linear light, on a 16×9 grid (4×3 for 4:3 frames); ≤ 0 when corners are darker")),
    LEFT_RIGHT(perFrame(UNIFORMITY, "leftRightStops", m -> m.leftRightStops).unit("stops").decimals(2)
            .label("left/right").signed().range(-16, 16).nearer(0).noise(0.05).means(
                    "log2(mean of the left third / mean of the right third), linear light")),
    MIN_MAX_RATIO(perFrame(UNIFORMITY, "minMaxRatio", m -> m.minMaxRatio).decimals(3).label("min/max").range(0, 1)
            .higher().noise(0.005).means("darkest grid cell / brightest grid cell, linear light")),

    LAPLACIAN_VARIANCE(perFrame(SHARPNESS, "laplacianVariance", m -> m.laplacianVariance).unit("code value²")
            .decimals(1).logRange(1e8).noise(5).means("variance of the 3×3 Laplacian [0 1 0; 1 -4 1; 0 1 0] on Y")),
    TENENGRAD(perFrame(SHARPNESS, "tenengrad", m -> m.tenengrad).unit("code value²").decimals(1).logRange(1e9)
            .noise(50).means("mean of Gx² + Gy² with the 3×3 Sobel operators on Y")),
    SHARPNESS_SCORE(perFrame(SHARPNESS, "score", m -> m.sharpnessScore).unit("/100").integer().label("score")
            .range(0, 100).chartSpan(100).higher().noise(2).means(
                    "100 / (1 + (edgeWidthPx / 2 px)³): 94 at 0.8 px, 50 at 2 px, 11 at 4 px; "
                            + "independent of contrast, in the frame's own pixels")),
    EDGE_WIDTH(perFrame(SHARPNESS, "edgeWidthPx", m -> m.edgeWidthPx).unit("px").decimals(2).label("edge width").extra()
            .range(0, 64).lower().noise(0.02).means(
                    "typical edge width from the ratio of gradient to Laplacian energy, noise-compensated")),

    NOISE_SIGMA(perFrame(NOISE, "sigma", m -> m.noiseSigma).unit("code value").decimals(2).label("σ").range(0, 128)
            .chartSpan(4)
            .lower().noise(0.1).means("Immerkær (1996) noise σ over the interior pixels that are not on an edge")),

    CAST_A(perFrame(COLOR, "castA", m -> m.castA).decimals(1).label("a*").signed().range(-128, 128)
            .nearer(0).noise(0.5).means(
                    "mean CIELAB a* of near-neutral pixels (gray world on low-saturation pixels); > 0 magenta, < 0 green")),
    CAST_B(perFrame(COLOR, "castB", m -> m.castB).decimals(1).label("b*").signed().range(-128, 128)
            .nearer(0).noise(0.5).means("mean CIELAB b* of near-neutral pixels; > 0 yellow, < 0 blue")),
    HIGHLIGHT_CAST_A(perFrame(COLOR, "highlightCastA", m -> m.highlightCastA).decimals(1).signed().range(-128, 128)
            .nearer(0).noise(0.5).means("mean CIELAB a* of the brightest " + plain(100 * ChromaKernel.HIGHLIGHT_SHARE)
                    + " % of the "
                    + "near-neutral pixels (white patch: white and light surfaces, which show the light's colour; "
                    + "coloured objects rarely reach them)")),
    HIGHLIGHT_CAST_B(perFrame(COLOR, "highlightCastB", m -> m.highlightCastB).decimals(1).signed().range(-128, 128)
            .nearer(0).noise(0.5).means("mean CIELAB b* of the brightest " + plain(100 * ChromaKernel.HIGHLIGHT_SHARE)
                    + " % of the "
                    + "near-neutral pixels; > 0 yellow, < 0 blue")),
    LEFT_RIGHT_CAST(perFrame(COLOR, "leftRightCastB", m -> m.leftRightCastB).decimals(1).signed().extra()
            .range(-256, 256).nearer(0).noise(0.5).means(
                    "b* of the brightest near-neutral pixels (as highlightCastB) of the image-left third "
                            + "minus that of the right third, each sampled on every 8th chroma row and 2nd column; > 0: the "
                            + "left side's light is warmer. Light of two colours (a window on one side, warm lamps on the other) "
                            + "shows as a difference; null when either third has too little that is near-neutral")),
    CCT(perFrame(COLOR, "cctKelvin", m -> m.cctKelvin).unit("K").integer().label("CCT").logRange(1e5)
            .noise(50).means("correlated colour temperature of the mean neutral chromaticity (McCamy)")),

    MTF50(perFrame(RESOLUTION, "mtf50", m -> m.mtf50).unit("cycles/pixel").decimals(4).label("MTF50")
            .range(0, 1).higher().noise(0.035).means(
                    "slanted-edge MTF50 (ISO 12233 e-SFR): where the contrast of detail falls to half, "
                            + "the median over the straight edges found in a frame (each measured along its length; "
                            + "any tilt but within about a degree of the pixel grid's axes and diagonals), "
                            + "and the session median over "
                            + "the frames searched (those of the resolution estimate); null when no suitable edge was found")),
    MTF50_LWPH(perFrame(RESOLUTION, "mtf50LwPh", m -> m.mtf50LwPh).unit("LW/PH").integer().extra().range(0, 20000)
            .higher().noise(50).means("2 · mtf50 · picture height: line widths per picture height; null with mtf50")),
    MTF_NYQUIST(perFrame(RESOLUTION, "mtfNyquist", m -> m.mtfNyquist).decimals(3).extra().range(0, 2)
            .noise(0.03).means(
                    "the edges' MTF at 0.5 cycles/pixel (Nyquist), as mtf50: above about 0.3 fine patterns alias "
                            + "(moiré), below 0.1 the finest detail is lost; null with mtf50")),
    MTF50_CENTRE(perFrame(RESOLUTION, "mtf50Centre", m -> m.mtf50Centre).unit("cycles/pixel").decimals(4).extra()
            .range(0, 1).higher().noise(0.035).means(
                    "mtf50 of the edges in the middle of the frame (within a sixth of its size of the "
                            + "centre); null when none is there")),
    MTF50_CORNERS(perFrame(RESOLUTION, "mtf50Corners", m -> m.mtf50Corners).unit("cycles/pixel").decimals(4).extra()
            .range(0, 1).higher().noise(0.035).means(
                    "mtf50 of the edges towards the corners (a quarter of the frame's size or more from "
                            + "the centre both ways); null when none is there")),
    EDGES_MEASURED(perFrame(RESOLUTION, "edgesMeasured", m -> m.edgesMeasured).integer().extra().range(0, 64)
            .noise(2).means("slanted edges measured on a frame (session median over the frames searched); null when no "
                    + "frame was searched")),
    UPSCALE(perFrame(RESOLUTION, "upscaleFactor", m -> m.upscaleFactor).unit("×").decimals(2).label("upscale")
            .range(0, 16).lower().noise(0.05).means(
                    "nominal size / size of the picture the frame really holds (≈1 native, ≈2 for 640×360 "
                            + "shown as 1280×720), from the periodic traces interpolation leaves: 1 without them, however soft "
                            + "the picture (a blurred or soft picture is not an enlarged one; `resolution.mtf50` says how soft); "
                            + "null when the content has too little detail to tell")),
    INTERPOLATED(perFrame(RESOLUTION, "interpolated", m -> m.upscaleTraced).bool().extra()
            .lower().means(
                    "the frame shows the periodic residue interpolation leaves (an enlarged picture); false without it, "
                            + "when `upscaleFactor` is 1 (a soft, dirty or unfocused lens, blur and noise reduction lose detail "
                            + "without it)")),

    FPS(session(TEMPORAL, "fpsMeasured", r -> r.timing() == null ? Double.NaN : r.timing().fpsMeasured()).unit("fps")
            .decimals(2).label("").higher().noise(0.5).means("mean frame rate from the times of the decoded frames "
                    + "(`source.clock`: their presentation timestamps, or their arrival); null for a still")),
    JITTER(session(TEMPORAL, "jitterMs", r -> r.timing() == null ? Double.NaN : r.timing().jitterMs()).unit("ms")
            .decimals(2).label("jitter").lower().noise(0.5).means("standard deviation of the frame intervals")),
    DROPPED(session(TEMPORAL, "droppedFrames", r -> r.timing() == null ? Double.NaN : r.timing().droppedFrames())
            .unit("frames").integer().label("dropped").lower().means(
                    "missing frames: round(interval / nominal) − 1 for each "
                            + "interval over " + plain(Timing.DROP_INTERVAL) + "× the nominal interval")),
    FROZEN(session(TEMPORAL, "frozenFrames", r -> r.timing() == null ? Double.NaN : r.timing().frozenFrames())
            .unit("frames").integer().label("frozen").lower().means(
                    "decoded frames that repeat the one before: identical to "
                            + "it, or within " + plain(Timing.STILL_MAD)
                            + " code values of it in a picture that stands still "
                            + "so for " + plain(Timing.STILL_SEC)
                            + " s (mean absolute luma difference on every 4th pixel of "
                            + "every 4th row); a slow, smooth scene is not frozen")),
    LONGEST_FREEZE(session(TEMPORAL, "longestFreezeSec", r -> r.timing() == null ? Double.NaN
            : r.timing().longestFreezeSec()).unit("s").decimals(2).extra()
            .lower().means(
                    "the longest run of frozen frames: from the frame they repeat to the last of them; 0 when none")),
    FLICKER_HZ(session(TEMPORAL, "flickerHz", r -> r.flicker() == null ? Double.NaN : r.flicker().hz()).unit("Hz")
            .decimals(2).label("flicker").absent("none").noise(0.5).means(
                    "dominant frequency of periodic brightness change: the frame mean "
                            + "oscillating (as sampled at the frame rate), or rolling bands across the rows (bands per frame "
                            + "height × frame rate); null when none")),
    FLICKER_PCT(session(TEMPORAL, "flickerPct", r -> r.flicker() == null ? Double.NaN : r.flicker().pct()).unit("%")
            .decimals(2).label("").lower().noise(0.5).means(
                    "peak-to-peak amplitude of that change over the mean brightness (the "
                            + "stronger kind when both are found); null when none")),
    HUNTING_PCT(session(TEMPORAL, "exposureHuntingPct", r -> r.hunting() == null ? Double.NaN : r.hunting().pct())
            .unit("%").decimals(2).lower().noise(0.5).means("peak-to-peak amplitude of the frame mean pumping slowly, "
                    + Flicker.huntingBand()
                    + " Hz (the camera's auto-exposure hunting), over the mean brightness; null "
                    + "when none")),
    HUNTING_HZ(session(TEMPORAL, "exposureHuntingHz", r -> r.hunting() == null ? Double.NaN : r.hunting().hz())
            .unit("Hz").decimals(2).noise(0.1).means("frequency of that pumping; null when none")),

    FACE_HEIGHT(perFrame(FRAMING, "faceHeightPct", m -> m.faceHeightPct).unit("%").decimals(1).label("face height")
            .range(0, 200).nearer(25).noise(0.5).means("face box height / frame height")),
    EYE_LINE(perFrame(FRAMING, "eyeLinePct", m -> m.eyeLinePct).unit("%").decimals(1).label("eyes from top")
            .range(-100, 200).nearer(33).noise(0.5).means("eye line from the top of the frame / frame height")),
    OFF_CENTRE(perFrame(FRAMING, "offCentrePct", m -> m.offCentrePct).unit("%").decimals(1).label("off centre")
            .signed().range(-100, 100).nearer(0).noise(0.5).means(
                    "horizontal offset of the face centre from the frame centre / frame width; "
                            + "> 0 right of centre, as seen in the image"));

    /**
     * Which way a change of the metric is better, as {@code compare} marks it: higher, lower, nearer an
     * ideal value (zero for a balance of light or colour, the head-and-shoulders framing for the face),
     * or neither where the number describes the scene rather than judges the picture (how bright the
     * wall is, the light's colour temperature, skin whose brightness depends on the person).
     */
    public enum Better {
        HIGHER,
        LOWER,
        NEARER,
        NEITHER
    }

    /** How a value is written. */
    public enum Format {
        NUMBER,
        INTEGER,
        BOOLEAN
    }

    /**
     * The MTF50 of a picture that uses its pixels fully: camlab's reference, that of a sharp video
     * camera at its own resolution (0.30 cycles/pixel; a picture enlarged ×2 from one measures about
     * half). A lower MTF50 is said as the size of such a picture with the same detail.
     */
    public static final double SHARP_MTF50 = 0.30;

    /**
     * The size of a sharp picture ({@link #SHARP_MTF50}) holding the detail an MTF50 of {@code mtf50}
     * shows in a {@code width}×{@code height} frame: what the summary and the low-detail advice say.
     */
    public static long[] resolvedSize(double mtf50, int width, int height) {
        double share = mtf50 / SHARP_MTF50;
        return new long[]{Math.round(width * share), Math.round(height * share)};
    }

    /** A constant as a definition writes it: 1.5, 0.5, 2 (no trailing zeros, no exponent). */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public final Category category;
    public final String field;
    /** The unit, as docs/CONTRACT.md states it; empty for a pure number. */
    public final String unit;
    public final int decimals;
    public final Format format;
    /** The terminal summary's label; null: not in the summary. */
    public final String label;
    /** Shown with a sign in the summary (a direction: +1.2 stops). */
    public final boolean signed;
    /** Part of the camlab.report/1 contract (docs/CONTRACT.md), rather than a cue added beside it. */
    public final boolean contract;
    public final String definition;
    /** What the summary says when there is no value: "n/a", or e.g. "none" for flicker not found. */
    public final String absent;
    /** The range its per-frame values are histogrammed over, for the session median in flat memory. */
    public final double min;
    public final double max;
    public final boolean logScale;
    /**
     * The least span of the y axis a chart of this metric's course draws, in its unit; 0: fitted
     * to the values. A chart scaled to its values alone draws a wobble within the measurement's noise
     * (a mean luma moving 0.65 of 255 as the encoder smooths the grain) as big swings: with this span
     * such a wobble stays a ripple, and a change worth seeing (about a tenth of the span, or the
     * distance to the advice's threshold) still shows.
     */
    public final double chartSpan;
    public final Better better;
    /** With {@link Better#NEARER}: the value it is best at. */
    public final double ideal;
    /**
     * The measurement noise: how far the session value of one unchanged scene moves between two
     * measurements of it, in the metric's unit. A change this small or smaller is not a change
     * {@code compare} reports ({@link #differs}); 0: any change of the last published digit (counts of
     * frames, yes/no). Measured as the spread of the session value over four frame samplings
     * ({@code --every} 2, 3, 5 and 7) of four recordings (the demo, a face moving, a scene moving under
     * 10 Hz flicker, a frozen picture), rounded up; where that spread was 0 (a synthetic recording
     * repeats itself exactly), a few of the published digits, or what a camera's auto-exposure and
     * white balance wobble by (1 code value of luma, 0.5 of a*b*, 50 K). docs/METRICS.md lists them.
     */
    public final double noise;
    private final ToDoubleFunction<FrameMetrics> perFrame;
    private final ToDoubleFunction<SessionReport> session;

    Metric(Spec s) {
        category = s.category;
        field = s.field;
        unit = s.unit;
        decimals = s.decimals;
        format = s.format;
        label = s.label;
        signed = s.signed;
        contract = s.contract;
        definition = s.definition;
        absent = s.absent;
        min = s.min;
        max = s.max;
        logScale = s.log;
        chartSpan = s.chartSpan;
        better = s.better;
        ideal = s.ideal;
        noise = s.noise;
        perFrame = s.perFrame;
        session = s.session;
    }

    /**
     * {@code v} as the JSON publishes it, the number every other output repeats: a NUMBER to its
     * decimals ({@link Decimals}), an INTEGER to the nearest whole number (halves up), a BOOLEAN as 1
     * or 0; NaN where not measured.
     */
    public double published(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.NaN;
        }
        return switch (format) {
            case NUMBER -> Decimals.round(v, decimals);
            case INTEGER -> Math.round(v);
            case BOOLEAN -> holds(v) ? 1 : 0;
        };
    }

    /**
     * Whether the session value {@code v} of a yes/no metric ({@link Format#BOOLEAN}) is a yes: the
     * median of a 0 or 1 per frame is 1 when the yes holds in at least half of the analysed frames (0.5
     * when exactly half, an even count's middle pair). Not measured (NaN) is a no.
     */
    public boolean holds(double v) {
        return v >= 0.5;
    }

    /**
     * Whether going from {@code before} to {@code after} is an improvement (+1), a worsening (−1) or
     * neither (0: no direction, no change, or measured in only one of the two, where the problems that
     * appeared or went say it).
     */
    public int judge(double before, double after) {
        if (better == Better.NEITHER || Double.isNaN(before) || Double.isNaN(after)) {
            return 0;
        }
        double d = switch (better) {
            case HIGHER -> after - before;
            case LOWER -> before - after;
            default -> Math.abs(before - ideal) - Math.abs(after - ideal);
        };
        return (int) Math.signum(d);
    }

    /**
     * Whether two session values differ by more than the measurement noise: by more than {@link #noise}
     * where the catalogue gives one, else by at least the last digit the report publishes. Measured in
     * one and not the other always differs.
     */
    public boolean differs(double before, double after) {
        if (Double.isNaN(before) || Double.isNaN(after)) {
            return Double.isNaN(before) != Double.isNaN(after);
        }
        double a = published(before);
        double b = published(after);
        return noise > 0 ? Math.abs(b - a) > noise + 1e-9 : a != b;
    }

    /** The JSON path, e.g. {@code backlight.ratioStops}. */
    public String path() {
        return category.key + "." + field;
    }

    /** Measured on each analysed frame; the session publishes its median. */
    public boolean isPerFrame() {
        return perFrame != null;
    }

    /** This metric's value on one frame; only for {@link #isPerFrame()} metrics. */
    public double of(FrameMetrics m) {
        return perFrame.applyAsDouble(m);
    }

    /** This metric's value for a whole session, NaN where it cannot be measured. */
    public double of(SessionReport r) {
        return perFrame != null ? r.median(this) : session.applyAsDouble(r);
    }

    private static final Metric[] ALL = values();
    private static final List<Metric> PER_FRAME;

    static {
        List<Metric> l = new ArrayList<>();
        for (Metric m : ALL) {
            if (m.isPerFrame()) {
                l.add(m);
            }
        }
        PER_FRAME = List.copyOf(l);
    }

    /** The per-frame metrics, in catalogue order (an array the frame loop can index without allocating). */
    public static List<Metric> perFrameMetrics() {
        return PER_FRAME;
    }

    /** The metric at a JSON path, or null. */
    public static Metric byPath(String path) {
        for (Metric m : ALL) {
            if (m.path().equals(path)) {
                return m;
            }
        }
        return null;
    }

    private static Spec perFrame(Category c, String field, ToDoubleFunction<FrameMetrics> f) {
        Spec s = new Spec(c, field);
        s.perFrame = f;
        return s;
    }

    private static Spec session(Category c, String field, ToDoubleFunction<SessionReport> f) {
        Spec s = new Spec(c, field);
        s.session = f;
        return s;
    }

    /** One row of the table, as it is written above. */
    private static final class Spec {
        final Category category;
        final String field;
        String unit = "";
        int decimals = 2;
        Format format = Format.NUMBER;
        String label;
        boolean signed;
        boolean contract = true;
        String definition = "";
        String absent = "n/a";
        double min = 0;
        double max = 1;
        boolean log;
        double chartSpan;
        Better better = Better.NEITHER;
        double ideal;
        double noise;
        ToDoubleFunction<FrameMetrics> perFrame;
        ToDoubleFunction<SessionReport> session;

        Spec(Category category, String field) {
            this.category = category;
            this.field = field;
        }

        Spec unit(String u) {
            unit = u;
            return this;
        }

        Spec decimals(int d) {
            decimals = d;
            return this;
        }

        Spec integer() {
            format = Format.INTEGER;
            decimals = 0;
            return this;
        }

        Spec bool() {
            format = Format.BOOLEAN;
            decimals = 0;
            return this;
        }

        Spec label(String l) {
            label = l;
            return this;
        }

        Spec signed() {
            signed = true;
            return this;
        }

        Spec extra() {
            contract = false;
            return this;
        }

        Spec range(double lo, double hi) {
            min = lo;
            max = hi;
            return this;
        }

        /** Values from 0 up to {@code hi}, histogrammed on log(1 + v) so that small and large values keep 0.1 %. */
        Spec logRange(double hi) {
            min = 0;
            max = hi;
            log = true;
            return this;
        }

        Spec chartSpan(double span) {
            chartSpan = span;
            return this;
        }

        Spec higher() {
            better = Better.HIGHER;
            return this;
        }

        Spec lower() {
            better = Better.LOWER;
            return this;
        }

        Spec nearer(double v) {
            better = Better.NEARER;
            ideal = v;
            return this;
        }

        Spec noise(double n) {
            noise = n;
            return this;
        }

        Spec absent(String a) {
            absent = a;
            return this;
        }

        Spec means(String d) {
            definition = d;
            return this;
        }
    }
}
