package org.camlab.advice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.results.Decimals;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.RequirementResult;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

/**
 * A pass/fail bound on one published number: {@code sharpness.score>=40}, {@code score>=70},
 * {@code temporal.droppedFrames<=2}. The metric is any path of the catalogue, or {@code score}. A
 * number that could not be measured fails the requirement (a room standard is not met by a blank)
 * unless {@code absentPasses}: flicker that was not found is null, and no flicker is a pass.
 *
 * @param source where the bound comes from, for the printed result; empty when the user wrote it
 */
public record Requirement(String path, String op, double bound, Metric metric, boolean absentPasses, String source) {
    /** The op of a requirement that a rule of the table finds nothing; its path is the rule's id. */
    static final String NOTHING_FOUND = "none";

    public Requirement withSource(String s, boolean absentOk) {
        return new Requirement(path, op, bound, metric, absentOk, s == null ? "" : s);
    }

    /** The rule {@code id} must find nothing: the rule's whole check, with its cues, decides. */
    static Requirement noneFoundBy(Rule<?> rule) {
        return new Requirement(rule.id(), NOTHING_FOUND, Double.NaN, null, true, rule.source());
    }

    private Recommendation found(Verdict v) {
        return v.recommendations().stream().filter(x -> x.id().equals(path)).findFirst().orElse(null);
    }

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9.]*)\\s*(<=|>=|==|<|>|=)\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*");

    /** @throws IllegalArgumentException with a message for the user */
    public static Requirement parse(String s) {
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("--require takes METRIC OP NUMBER, e.g. 'sharpness.score>=40' (OP is "
                    + "<, <=, >, >=, ==): '" + s + "'");
        }
        String op = m.group(2).equals("=") ? "==" : m.group(2);
        return bound(m.group(1), op, Double.parseDouble(m.group(3)));
    }

    /**
     * {@code path op bound}, the path one of the catalogue or {@code score}.
     *
     * @throws IllegalArgumentException with a message for the user, for any other path
     */
    static Requirement bound(String path, String op, double bound) {
        Metric metric = null;
        if (!path.equals("score")) {
            metric = Metric.byPath(path);
            if (metric == null) {
                throw new IllegalArgumentException("--require: no metric '" + path + "' ('camlab explain' lists them)");
            }
        }
        return new Requirement(path, op, bound, metric, false, "");
    }

    /** The value this requirement looks at, NaN where not measured. */
    public double valueIn(SessionReport r, Verdict v) {
        return metric == null ? v.score() : r.value(metric);
    }

    public boolean metBy(SessionReport r, Verdict v) {
        if (op.equals(NOTHING_FOUND)) {
            return found(v) == null;
        }
        double x = valueIn(r, v);
        if (Double.isNaN(x)) {
            return absentPasses;
        }
        return switch (op) {
            case "<" -> x < bound;
            case "<=" -> x <= bound;
            case ">" -> x > bound;
            case ">=" -> x >= bound;
            default -> x == bound;
        };
    }

    /** Whether {@code r} and {@code v} meet it, with the number it looked at as the report publishes it. */
    public RequirementResult judge(SessionReport r, Verdict v) {
        boolean met = metBy(r, v);
        if (op.equals(NOTHING_FOUND)) {
            return new RequirementResult(expression(), met, path, null, Double.NaN, found(v), source);
        }
        double x = valueIn(r, v);
        return new RequirementResult(expression(), met, null, metric, metric == null ? x : metric.published(x), null,
                source);
    }

    /** The bound as the user reads it: {@code backlight.ratioStops <= 0.6}. */
    public String expression() {
        if (op.equals(NOTHING_FOUND)) {
            return "no " + path;
        }
        return path + " " + op + " " + format(bound);
    }

    /** A bound or a measured value as a requirement writes it: {@code 0.6}, {@code 40}, at most three decimals. */
    public static String format(double x) {
        return Decimals.text(x, 3);
    }
}
