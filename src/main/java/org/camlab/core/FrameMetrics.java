package org.camlab.core;
import java.util.Arrays;

/**
 * Everything measured on one frame; NaN where a metric cannot be measured. Mutable and reused so
 * that analysis allocates nothing per frame; copy out what must be kept. Units are those of
 * docs/CONTRACT.md: code values (0–255) for luma, percent, stops (log2 of linear ratios), CIELAB units,
 * kelvin, pixels.
 */
public final class FrameMetrics {
    // exposure
    public double meanLuma;
    public double clippedHighlightsPct;
    public double clippedShadowsPct;
    public double subjectLuma;
    /**
     * Of the clipped highlights on the sample rows, the share (%) on the person: the head region and
     * the body below it, three face widths wide. NaN without a face or without clipping.
     */
    public double clippedOnPersonPct;
    /** Luma histogram of the sample rows (every 16th row), and how many pixels it counts. */
    public final int[] lumaHistogram = new int[256];
    public long lumaHistogramPixels;
    // uniformity
    public Grid grid;
    public final double[] gridMeanY = new double[16 * 9];
    public final double[] gridMeanLinear = new double[16 * 9];
    public double minMaxRatio;
    public double cornerFalloffStops;
    public double leftRightStops;
    // backlight
    public boolean faceDetected;
    public double backlightRatioStops;
    public double sideLightStops;
    /** Mean code value and highlight clipping (%) of the background beside and above the head. */
    public double backgroundLuma;
    public double backgroundClippedPct;
    /** Mean code value of the inner face region, and its share (%) at Y ≤ 5: shadows that hide the face. */
    public double faceLuma;
    public double faceCrushedPct;
    /**
     * The scene without the person's head: mean code value and 98th percentile of Y outside the
     * head region (the whole frame when there is no face). Cues to the light in the room that do
     * not depend on the person's skin tone.
     */
    public double surroundLuma;
    public double surroundHighlightLuma;
    // sharpness
    public double laplacianVariance;
    public double tenengrad;
    /** Edge width from the ratio of gradient to Laplacian energy, noise-compensated, in pixels. */
    public double edgeWidthPx;
    public double sharpnessScore;
    // noise
    public double noiseSigma;
    // colour
    public double castA;
    public double castB;
    public double highlightCastA;
    public double highlightCastB;
    /** Highlight b* of the image-left third minus the right third's: light of two colours. */
    public double leftRightCastB;
    public double cctKelvin;
    // resolution
    /** Median over the frame's slanted edges ({@link EdgeFinder}): MTF50 and MTF at Nyquist, cycles/pixel; NaN: none. */
    public double mtf50;
    public double mtf50LwPh;
    public double mtfNyquist;
    /** Median MTF50 of the edges in the middle of the frame, and of those towards its corners. */
    public double mtf50Centre;
    public double mtf50Corners;
    /** Edges measured on the frame; NaN where the frame was not searched. */
    public double edgesMeasured;
    /** Median MTF of the frame's edges at 0, 1/64, … 1 cycle/pixel; NaN where unmeasured. */
    public final double[] mtfCurve = new double[SlantedEdge.CURVE_POINTS];
    public double upscaleFactor;
    /** 1 when the upscale estimate found interpolation's periodic traces, 0 when not, NaN when not estimated. */
    public double upscaleTraced;
    // framing
    public double faceHeightPct;
    public double eyeLinePct;
    public double offCentrePct;

    public void clear() {
        meanLuma = clippedHighlightsPct = clippedShadowsPct = subjectLuma = Double.NaN;
        minMaxRatio = cornerFalloffStops = leftRightStops = Double.NaN;
        faceDetected = false;
        backlightRatioStops = sideLightStops = backgroundLuma = backgroundClippedPct = faceLuma = Double.NaN;
        faceCrushedPct = clippedOnPersonPct = Double.NaN;
        surroundLuma = surroundHighlightLuma = Double.NaN;
        laplacianVariance = tenengrad = edgeWidthPx = sharpnessScore = Double.NaN;
        noiseSigma = castA = castB = highlightCastA = highlightCastB = leftRightCastB = cctKelvin = upscaleFactor = upscaleTraced = Double.NaN;
        mtf50 = mtf50LwPh = mtfNyquist = mtf50Centre = mtf50Corners = edgesMeasured = Double.NaN;
        Arrays.fill(mtfCurve, Double.NaN);
        faceHeightPct = eyeLinePct = offCentrePct = Double.NaN;
    }
}
