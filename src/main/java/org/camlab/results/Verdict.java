package org.camlab.results;

import java.util.List;

/** Recommendations, most severe first, and the 0–100 score they leave. */
public record Verdict(int score, List<Recommendation> recommendations) {
}
