package org.camlab.advice;

import java.util.List;
import java.util.Optional;
import org.camlab.results.Recommendation;
import org.camlab.results.Severity;
import org.camlab.text.Text;

/**
 * One row of a rule table: a named problem, the threshold that defines it, where that threshold
 * comes from, and the check that turns what was measured into advice.
 *
 * @param <T>     what the rule judges: a session's report (the picture) or what {@code camlab readiness}
 *                measured of the computer, the network and the camera
 * @param metrics the JSON paths of the numbers the rule reads, in the order its advice names them: one
 *                for most rules; a rule on several (the colour cast's a* and b*) names in each
 *                recommendation the one it found beyond the threshold
 */
public record Rule<T>(String id, List<String> metrics, double threshold, String source, Check<T> check) {
    @FunctionalInterface
    public interface Check<T> {
        Optional<Recommendation> apply(T measured, Rule<T> self);
    }

    public Rule {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " reads no metric");
        }
    }

    /** A rule on one number. */
    public Rule(String id, String metric, double threshold, String source, Check<T> check) {
        this(id, List.of(metric), threshold, source, check);
    }

    /**
     * The one metric this rule reads, which its recommendations name.
     *
     * @throws IllegalStateException for a rule on several, whose check names the metric itself
     */
    public String metric() {
        if (metrics.size() != 1) {
            throw new IllegalStateException("rule " + id + " reads " + metrics + ": its check names the metric");
        }
        return metrics.get(0);
    }

    public Optional<Recommendation> evaluate(T measured) {
        return check.apply(measured, this);
    }

    Recommendation advise(Severity severity, Text title, Text detail, double value) {
        return new Recommendation(id, severity, title, detail, metric(), value, threshold);
    }
}
