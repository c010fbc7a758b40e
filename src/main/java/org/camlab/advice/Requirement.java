package org.camlab.advice;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

/**
 * A pass/fail bound on one published number: {@code sharpness.score>=40}, {@code score>=70},
 * {@code temporal.droppedFrames<=2}. The metric is any path of the catalogue, or {@code score}. A
 * number that could not be measured fails the requirement: a room standard is not met by a blank.
 */
public record Requirement(String path, String op, double bound, Metric metric) {
    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.]*)\\s*(<=|>=|==|<|>|=)\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*");

    /** @throws IllegalArgumentException with a message for the user */
    public static Requirement parse(String s) {
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("--require takes METRIC OP NUMBER, e.g. 'sharpness.score>=40' (OP is "
                    + "<, <=, >, >=, ==): '" + s + "'");
        }
        String path = m.group(1);
        Metric metric = null;
        if (!path.equals("score")) {
            metric = Metric.byPath(path);
            if (metric == null) {
                throw new IllegalArgumentException("--require: no metric '" + path + "' ('camlab explain' lists them)");
            }
        }
        String op = m.group(2).equals("=") ? "==" : m.group(2);
        return new Requirement(path, op, Double.parseDouble(m.group(3)), metric);
    }

    /** The value this requirement looks at, NaN where not measured. */
    public double valueIn(SessionReport r, Verdict v) {
        return metric == null ? v.score() : r.value(metric);
    }

    public boolean metBy(SessionReport r, Verdict v) {
        double x = valueIn(r, v);
        if (Double.isNaN(x)) {
            return false;
        }
        return switch (op) {
            case "<" -> x < bound;
            case "<=" -> x <= bound;
            case ">" -> x > bound;
            case ">=" -> x >= bound;
            default -> x == bound;
        };
    }

    /** "sharpness.score >= 40 (measured 23)". */
    public String describe(SessionReport r, Verdict v) {
        double x = valueIn(r, v);
        String measured = Double.isNaN(x) ? "not measured"
                : "measured " + format(metric == null ? x : round(x, metric.format == Metric.Format.NUMBER ? metric.decimals : 0));
        return path + " " + op + " " + format(bound) + " (" + measured + ")";
    }

    private static double round(double x, int decimals) {
        return new java.math.BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.3f", x)
                .replaceAll("0+$", "");
    }
}
