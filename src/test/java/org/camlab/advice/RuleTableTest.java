package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.report.JsonReport;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
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

    /** The contract's "metric" of a cast is the path of the axis it lies along, as before rules had lists. */
    @Test
    void aWarmCastNamesHighlightCastBInTheJson() {
        SessionReport warm = Portraits.analyse(Scenes.tint(Scenes.read(Fixtures.real("astronaut.png")), 1.4));
        Recommendation cast = Portraits.find(warm, "colour-cast");
        assertNotNull(cast, "a light 1.4× warmer is a cast (ColourCastTest)");
        assertEquals("color.highlightCastB", cast.metric());
        assertEquals(ScoreArea.COLOUR, ScoreArea.of(cast.metric()));
        JsonNode json = null;
        for (JsonNode rec : JsonReport.build(warm, ADVISOR.judge(warm)).path("recommendations")) {
            if (rec.path("id").asText().equals("colour-cast")) {
                json = rec;
            }
        }
        assertNotNull(json);
        assertEquals("color.highlightCastB", json.path("metric").asText());
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

    @Test
    void aBoundOnARuleIsItsOwnThresholdOnItsMetricExactly() {
        for (Rule<SessionReport> rule : ADVISOR.rules()) {
            if (rule.metrics().size() != 1) {
                continue;
            }
            Profile p = Profile.parse("{\"requirements\": [{\"rule\": \"" + rule.id() + "\", \"op\": \">\", "
                    + "\"absent\": \"pass\"}]}", "test", ADVISOR);
            Requirement r = p.requirements().get(0);
            assertEquals(rule.metric(), r.path(), rule.id());
            assertEquals(Metric.byPath(rule.metric()), r.metric(), rule.id());
            assertEquals(">", r.op(), rule.id());
            assertEquals(rule.threshold(), r.bound(), 0.0, rule.id());
            assertEquals(rule.source(), r.source(), rule.id());
            assertTrue(r.absentPasses(), rule.id());
        }
    }
}
