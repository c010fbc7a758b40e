package org.camlab.core;

/**
 * The 0–100 sharpness score.
 *
 * <p>For an edge blurred by a Gaussian of σ pixels, the energy of the gradient and of the
 * Laplacian are in the ratio ∫|∇f|² / ∫(∇²f)² = 2σ², whatever the edge's contrast. With the
 * 3×3 Sobel measuring 8× the derivative, {@code σ = sqrt(tenengrad / (128 · laplacianVariance))}:
 * an edge width in pixels that ignores contrast and, measured in the frame's own pixels, does not
 * depend on the resolution (a sharp 720p and a sharp 1080p frame score alike; a 720p picture
 * blown up to 1080p scores as soft as it looks). White noise of σₙ adds 24σₙ² to the tenengrad
 * and 20σₙ² to the Laplacian variance; both are taken off (at most half of either, since
 * Immerkær's σₙ overestimates on texture).
 *
 * <p>Score = 100 / (1 + (σ / 2 px)³): about 94 at 0.8 px (a sharp webcam), 50 at 2 px, 11 at 4 px.
 */
public final class SharpnessScore {
    public static final double HALF_SCORE_WIDTH_PX = 2.0;
    public static final double EXPONENT = 3.0;

    private SharpnessScore() {
    }

    /** Edge width in pixels, NaN where there is no detail to measure. */
    public static double edgeWidth(double tenengrad, double laplacianVariance, double noiseSigma) {
        if (!(tenengrad > 0) || !(laplacianVariance > 0)) {
            return Double.NaN;
        }
        double n2 = Double.isNaN(noiseSigma) ? 0 : noiseSigma * noiseSigma;
        n2 = Math.min(n2, Math.min(0.5 * tenengrad / 24, 0.5 * laplacianVariance / 20));
        double t = tenengrad - 24 * n2;
        double v = laplacianVariance - 20 * n2;
        return Math.sqrt(t / (128 * v));
    }

    public static double score(double edgeWidthPx) {
        if (Double.isNaN(edgeWidthPx)) {
            return Double.NaN;
        }
        return 100 / (1 + Math.pow(edgeWidthPx / HALF_SCORE_WIDTH_PX, EXPONENT));
    }
}
