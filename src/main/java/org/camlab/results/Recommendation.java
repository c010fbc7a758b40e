package org.camlab.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camlab.text.Text;

/**
 * One problem found, with what to do about it.
 *
 * @param id        stable kebab-case name of the problem, e.g. {@code backlight}
 * @param title     its headline, in words each language puts its own way (the JSON keeps English)
 * @param detail    what to do, with the measured numbers
 * @param metric    the JSON path of the metric that tripped the rule
 * @param value     that metric's session value
 * @param threshold the rule's threshold on that metric
 */
public record Recommendation(String id, Severity severity, Text title, Text detail, String metric,
        double value, double threshold) {
    /**
     * The order of expected gain, the one order every list of advice is shown in: most severe first
     * (the points fixing it gives back), then the furthest beyond its threshold; stable among equals.
     */
    public static final Comparator<Recommendation> BY_EXPECTED_GAIN = Comparator.comparing(Recommendation::severity)
            .thenComparing(Comparator.comparingDouble(Recommendation::beyond).reversed());

    /** These recommendations in the order of expected gain, as a new list. */
    public static List<Recommendation> ranked(List<Recommendation> advice) {
        List<Recommendation> out = new ArrayList<>(advice);
        out.sort(BY_EXPECTED_GAIN);
        return out;
    }

    /**
     * How many times beyond its threshold the value is, whichever way the rule points (a rate under
     * its minimum, a ratio over its maximum): 1 when either is not a number.
     */
    public double beyond() {
        double v = Math.abs(value);
        double t = Math.abs(threshold);
        if (!(v > 0) || !(t > 0) || Double.isInfinite(v) || Double.isInfinite(t)) {
            return Double.isNaN(v) || Double.isNaN(t) ? 1 : v == 0 && t > 0 ? Double.MAX_VALUE : 1;
        }
        return Math.max(v / t, t / v);
    }
}
