package org.camlab.results;

import java.util.List;
import java.util.Map;

/**
 * Recommendations, most severe first, and the scores they leave: 100 less each recommendation's
 * {@link Severity#penalty}, never below 0, overall and per {@link ScoreArea} (a recommendation
 * counts against the area of its metric). 100 means nothing was found.
 */
public record Verdict(int score, List<Recommendation> recommendations, Map<ScoreArea, Integer> areaScores) {
    public int score(ScoreArea area) {
        Integer s = areaScores.get(area);
        return s == null ? 100 : s;
    }
}
