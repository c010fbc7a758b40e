package org.camlab.core;

/** The sRGB transfer function, undone: "linear" in camlab's definitions. */
public final class Srgb {
    /** Linear light of each 8-bit code value, 0–1. */
    public static final double[] LINEAR = new double[256];
    /** {@link #LINEAR} in 16-bit fixed point, for integer sums in the hot loop. */
    public static final int[] LINEAR16 = new int[256];
    public static final int LINEAR16_ONE = 65535;

    static {
        for (int v = 0; v < 256; v++) {
            LINEAR[v] = toLinear(v / 255.0);
            LINEAR16[v] = (int) Math.round(LINEAR[v] * LINEAR16_ONE);
        }
    }

    private Srgb() {
    }

    /** IEC 61966-2-1 decoding of a value in 0–1. */
    public static double toLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** Ratio in stops of two linear means; a zero is treated as half a code value so that the result stays finite. */
    public static double stops(double linearNumerator, double linearDenominator) {
        double floor = LINEAR[1] / 2;
        return log2(Math.max(linearNumerator, floor) / Math.max(linearDenominator, floor));
    }

    public static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
