package org.camlab.advice;

import java.util.Optional;
import org.camlab.readiness.Readiness;
import org.camlab.results.Recommendation;
import org.camlab.results.Severity;
import org.camlab.text.Text;

/**
 * One row of the readiness rule table: like {@link Rule}, on what {@code camlab readiness} measured
 * of the computer, the network and the camera instead of on the picture.
 *
 * @param metric the JSON path in the report's {@code readiness} section
 */
public record ReadinessRule(String id, String metric, double threshold, String source, Check check) {
    @FunctionalInterface
    public interface Check {
        Optional<Recommendation> apply(Readiness r, ReadinessRule self);
    }

    public Optional<Recommendation> evaluate(Readiness readiness) {
        return check.apply(readiness, this);
    }

    Recommendation advise(Severity severity, Text title, Text detail, double value) {
        return new Recommendation(id, severity, title, detail, metric, value, threshold);
    }
}
