package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;

/** What the rule tables name: the metrics each rule reads, as --require and explain take them. */
class RuleTableTest {
    private static final Advisor ADVISOR = new Advisor();

    private static Rule<SessionReport> rule(String id) {
        return ADVISOR.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyPictureRuleReadsEntriesOfTheCatalogue() {
        for (Rule<SessionReport> r : ADVISOR.rules()) {
            for (String path : r.metrics()) {
                assertNotNull(Metric.byPath(path), r.id() + " reads " + path);
            }
        }
    }

    @Test
    void everyReadinessRuleReadsThePathsOfTheReadinessSection() {
        for (var r : new ReadinessAdvisor().rules()) {
            assertEquals(1, r.metrics().size(), r.id());
            assertTrue(r.metric().startsWith("readiness."), r.id() + ": " + r.metric());
        }
    }

    /** The cast is judged on a* and b* together; each recommendation names the one it found (Advisor.cast). */
    @Test
    void theColourCastReadsTwoMetricsAndNamesNoSingleOne() {
        Rule<SessionReport> cast = rule("colour-cast");
        assertEquals(List.of(Metric.HIGHLIGHT_CAST_A.path(), Metric.HIGHLIGHT_CAST_B.path()), cast.metrics());
        assertThrows(IllegalStateException.class, cast::metric);
        assertEquals(Metric.BACKLIGHT_RATIO.path(), rule("backlight").metric());
    }

    @Test
    void aBoundIsHeldOnARuleOfOneMetricOnly() {
        Profile p = Profile.parse("{\"requirements\": [{\"rule\": \"backlight\", \"op\": \"<=\"}]}", "test", ADVISOR);
        assertEquals("backlight.ratioStops <= 0.6", p.requirements().get(0).expression());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse(
                "{\"requirements\": [{\"rule\": \"colour-cast\", \"op\": \"<=\"}]}", "test", ADVISOR));
        assertEquals("--require: test, requirement 1: rule 'colour-cast' has no single metric to hold a bound on",
                e.getMessage());
    }
}
