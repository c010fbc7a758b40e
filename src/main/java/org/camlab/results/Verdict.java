package org.camlab.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recommendations in the order of their expected gain — most severe first (the points fixing it
 * gives back), then the furthest beyond its threshold — and the scores they leave: 100 less each recommendation's
 * {@link Severity#penalty}, never below 0, overall and per {@link ScoreArea} (a recommendation
 * counts against the area of its metric). 100 means nothing was found.
 */
public record Verdict(int score, List<Recommendation> recommendations, Map<ScoreArea, Integer> areaScores) {
    /** The verdict these problems make: ranked by expected gain, and the scores they leave. */
    public static Verdict of(List<Recommendation> problems) {
        List<Recommendation> out = Recommendation.ranked(problems);
        int score = 100;
        EnumMap<ScoreArea, Integer> areas = new EnumMap<>(ScoreArea.class);
        for (ScoreArea a : ScoreArea.values()) {
            areas.put(a, 100);
        }
        for (Recommendation r : out) {
            score -= r.severity().penalty;
            areas.merge(ScoreArea.of(r.metric()), -r.severity().penalty, (a, b) -> Math.max(0, a + b));
        }
        return new Verdict(Math.max(0, score), List.copyOf(out), Collections.unmodifiableMap(areas));
    }

    /**
     * The verdict were {@code fixed} met: the scores recomputed from the other recommendations, as
     * {@link #of} scores any list (the score with that one fix).
     */
    public Verdict without(Recommendation fixed) {
        List<Recommendation> others = new ArrayList<>(recommendations);
        others.remove(fixed);
        return of(others);
    }

    public int score(ScoreArea area) {
        Integer s = areaScores.get(area);
        return s == null ? 100 : s;
    }
}
