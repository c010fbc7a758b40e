package org.camlab.results;

/**
 * One requirement's result on one measurement ({@code --require}, a room's standard): what every
 * output of it — the JSON of analyze, the summary, a survey's stored row — is written from.
 *
 * @param requirement as the user reads it: {@code backlight.ratioStops <= 0.6}, {@code no flicker}
 * @param rule        the id of the rule that must find nothing; null for a bound on a number
 * @param metric      the metric bounded; null for {@code score} and for a rule
 * @param value       the number bounded as the report publishes it ({@link Metric#published}); NaN
 *                    when not measured, and for a rule
 * @param found       what the rule found; null when it found nothing, and for a bound
 * @param source      where the bound comes from; empty when the user wrote it
 */
public record RequirementResult(String requirement, boolean met, String rule, Metric metric, double value,
        Recommendation found, String source) {
    public boolean isRule() {
        return rule != null;
    }
}
