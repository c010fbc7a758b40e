package org.camlab.core;

import java.util.function.ToDoubleFunction;

/**
 * Every per-frame metric that the session aggregates, with its place in the JSON contract
 * ({@code category.field}), its unit and how many decimals a report shows.
 */
public enum Metric {
    MEAN_LUMA("exposure", "meanLuma", "", 1, m -> m.meanLuma),
    CLIPPED_HIGHLIGHTS("exposure", "clippedHighlightsPct", "%", 2, m -> m.clippedHighlightsPct),
    CLIPPED_SHADOWS("exposure", "clippedShadowsPct", "%", 2, m -> m.clippedShadowsPct),
    SUBJECT_LUMA("exposure", "subjectLuma", "", 1, m -> m.subjectLuma),
    MIN_MAX_RATIO("uniformity", "minMaxRatio", "", 3, m -> m.minMaxRatio),
    CORNER_FALLOFF("uniformity", "cornerFalloffStops", "stops", 2, m -> m.cornerFalloffStops),
    LEFT_RIGHT("uniformity", "leftRightStops", "stops", 2, m -> m.leftRightStops),
    FACE_DETECTED("backlight", "faceDetected", "", 0, m -> m.faceDetected ? 1 : 0),
    BACKLIGHT_RATIO("backlight", "ratioStops", "stops", 2, m -> m.backlightRatioStops),
    SIDE_LIGHT("backlight", "sideLightStops", "stops", 2, m -> m.sideLightStops),
    BACKGROUND_LUMA("backlight", "backgroundLuma", "", 1, m -> m.backgroundLuma),
    BACKGROUND_CLIPPED("backlight", "backgroundClippedPct", "%", 2, m -> m.backgroundClippedPct),
    FACE_LUMA("backlight", "faceLuma", "", 1, m -> m.faceLuma),
    SURROUND_LUMA("exposure", "surroundLuma", "", 1, m -> m.surroundLuma),
    SURROUND_HIGHLIGHT("exposure", "surroundHighlightLuma", "", 0, m -> m.surroundHighlightLuma),
    LAPLACIAN_VARIANCE("sharpness", "laplacianVariance", "", 1, m -> m.laplacianVariance),
    TENENGRAD("sharpness", "tenengrad", "", 1, m -> m.tenengrad),
    EDGE_WIDTH("sharpness", "edgeWidthPx", "px", 2, m -> m.edgeWidthPx),
    SHARPNESS_SCORE("sharpness", "score", "/100", 0, m -> m.sharpnessScore),
    NOISE_SIGMA("noise", "sigma", "", 2, m -> m.noiseSigma),
    CAST_A("color", "castA", "", 1, m -> m.castA),
    CAST_B("color", "castB", "", 1, m -> m.castB),
    CCT("color", "cctKelvin", "K", 0, m -> m.cctKelvin),
    UPSCALE("resolution", "upscaleFactor", "×", 2, m -> m.upscaleFactor),
    FACE_HEIGHT("framing", "faceHeightPct", "%", 1, m -> m.faceHeightPct),
    EYE_LINE("framing", "eyeLinePct", "%", 1, m -> m.eyeLinePct),
    OFF_CENTRE("framing", "offCentrePct", "%", 1, m -> m.offCentrePct);

    public final String category;
    public final String field;
    public final String unit;
    public final int decimals;
    private final ToDoubleFunction<FrameMetrics> getter;

    Metric(String category, String field, String unit, int decimals, ToDoubleFunction<FrameMetrics> getter) {
        this.category = category;
        this.field = field;
        this.unit = unit;
        this.decimals = decimals;
        this.getter = getter;
    }

    public double of(FrameMetrics m) {
        return getter.applyAsDouble(m);
    }

    /** The JSON path, e.g. {@code backlight.ratioStops}. */
    public String path() {
        return category + "." + field;
    }
}
