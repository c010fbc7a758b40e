package org.camlab.core;

/**
 * The 0–100 sharpness score.
 *
 * <p>For an edge blurred by a Gaussian of σ pixels, the energies of the gradient and of the
 * Laplacian across it are in the ratio ∫|∇f|² / ∫(∇²f)² = 2σ², whatever the edge's contrast. With
 * the 3×3 Sobel measuring 8× the derivative, {@code σ ≈ sqrt(mean(Gx²+Gy²) / (128 · mean(L²)))}:
 * an edge width in pixels that ignores contrast and, measured in the frame's own pixels, does not
 * depend on resolution (a sharp 720p and a sharp 1080p frame score alike; a 720p picture blown
 * up to 1080p scores as soft as it looks).
 *
 * <p>The means are taken over the edge pixels only (the {@link LumaKernel#EDGE_FRACTION} with the
 * largest Sobel magnitude, the same split the noise estimate uses), where the picture's own
 * structure dominates. White noise of variance n² (Immerkær's σ², at least the 1/12 that 8-bit
 * rounding leaves) adds 24n² to the first and 20n² to the second; both are taken off. When the
 * edges carry less than ten times the noise's gradient energy there is nothing to measure (NaN).
 *
 * <p>Score = 100 / (1 + (σ / 2 px)³): about 94 at 0.8 px (a sharp webcam), 50 at 2 px, 11 at 4 px.
 */
public final class SharpnessScore {
    public static final double HALF_SCORE_WIDTH_PX = 2.0;
    public static final double EXPONENT = 3.0;
    /** Edge gradient energy must exceed the noise's by this factor for a score. */
    static final double MIN_SIGNAL_TO_NOISE = 10;
    /** Width reported when the Laplacian energy is all noise: wider than any score resolves. */
    static final double MAX_WIDTH_PX = 50;

    private SharpnessScore() {
    }

    /**
     * Edge width in pixels from the edge pixels' mean Gx²+Gy² and mean Laplacian², NaN where there
     * is no detail to measure.
     */
    public static double edgeWidth(double edgeTenengrad, double edgeLaplacianSquare, double noiseSigma) {
        if (!(edgeTenengrad > 0)) {
            return Double.NaN;
        }
        double n2 = Math.max(Double.isNaN(noiseSigma) ? 0 : noiseSigma * noiseSigma, 1.0 / 12);
        double t = edgeTenengrad - 24 * n2;
        if (t < MIN_SIGNAL_TO_NOISE * 24 * n2) {
            return Double.NaN;
        }
        double v = edgeLaplacianSquare - 20 * n2;
        if (v <= t / (128 * MAX_WIDTH_PX * MAX_WIDTH_PX)) {
            return MAX_WIDTH_PX;
        }
        return Math.sqrt(t / (128 * v));
    }

    public static double score(double edgeWidthPx) {
        if (Double.isNaN(edgeWidthPx)) {
            return Double.NaN;
        }
        return 100 / (1 + Math.pow(edgeWidthPx / HALF_SCORE_WIDTH_PX, EXPONENT));
    }
}
