package org.camlab.advice;

import java.util.List;

/** Recommendations, most severe first, and the 0–100 score they leave. */
public record Verdict(int score, List<Recommendation> recommendations) {
    public boolean passes() {
        return recommendations.stream().noneMatch(r -> r.severity() == Severity.HIGH);
    }
}
