package org.camlab.core;

/** CIE constants and the conversions the colour metrics need (D65 white, 2° observer). */
public final class Cie {
    public static final double XN = 0.95047;
    public static final double YN = 1.0;
    public static final double ZN = 1.08883;
    private static final double EPS = 216.0 / 24389;
    private static final double KAPPA = 24389.0 / 27;

    private Cie() {
    }

    static double f(double t) {
        return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
    }

    static double fInverse(double f) {
        double t = f * f * f;
        return t > EPS ? t : (116 * f - 16) / KAPPA;
    }

    /**
     * Correlated colour temperature (McCamy 1992) of the chromaticity of a CIELAB colour, in kelvin;
     * NaN outside McCamy's useful range (about 2000–12500 K, where its error stays under a few kelvin
     * near the Planckian locus).
     */
    public static double cctMcCamy(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double x = fInverse(fy + a / 500) * XN;
        double y = fInverse(fy) * YN;
        double z = fInverse(fy - b / 200) * ZN;
        double sum = x + y + z;
        if (sum <= 0) {
            return Double.NaN;
        }
        double cx = x / sum;
        double cy = y / sum;
        double n = (cx - 0.3320) / (0.1858 - cy);
        double cct = 449 * n * n * n + 3525 * n * n + 6823.3 * n + 5520.33;
        return cct >= 1500 && cct <= 15000 ? cct : Double.NaN;
    }
}
