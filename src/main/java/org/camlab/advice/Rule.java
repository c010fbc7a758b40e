package org.camlab.advice;

import org.camlab.results.Recommendation;
import org.camlab.results.Severity;

import java.util.Optional;
import org.camlab.results.SessionReport;
import org.camlab.text.Text;

/**
 * One row of the rule table: a named problem, the threshold that defines it, where that threshold
 * comes from, and the check that turns a session into advice.
 */
public record Rule(String id, String metric, double threshold, String source, Check check) {
    @FunctionalInterface
    public interface Check {
        Optional<Recommendation> apply(SessionReport r, Rule self);
    }

    public Optional<Recommendation> evaluate(SessionReport report) {
        return check.apply(report, this);
    }

    Recommendation advise(Severity severity, Text title, Text detail, double value) {
        return new Recommendation(id, severity, title, detail, metric, value, threshold);
    }
}
