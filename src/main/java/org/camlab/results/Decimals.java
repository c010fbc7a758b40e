package org.camlab.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How camlab rounds a number it publishes, decided once for the JSON, the CSV, the requirements'
 * results, the chart's reading and compare. The number is rounded as it is written (its shortest
 * decimal form, {@link BigDecimal#valueOf(double)}), not as its binary value: 2.675 is written
 * 2.675 and rounds to 2.68, as a reader rounding the printed number would. Ties go to the even
 * digit, so that rounding many values does not drift upwards.
 */
public final class Decimals {
    private Decimals() {
    }

    /** {@code v} to {@code decimals} places; NaN and the infinities unchanged. */
    public static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return decimal(v, decimals).doubleValue();
    }

    /** {@code v} to {@code decimals} places, without trailing zeros or an exponent ("0.5", "12"); "" for NaN. */
    public static String text(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return decimal(v, decimals).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
