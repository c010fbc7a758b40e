package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camlab.results.Metric;
import org.camlab.results.RequirementResult;
import org.junit.jupiter.api.Test;

/** One shape for a requirement's result, whoever writes it, and the rows stored in the shape before. */
class RequirementReportTest {
    private static final RequirementResult BOUND = new RequirementResult("backlight.ratioStops <= 0.6", false, null,
            Metric.BACKLIGHT_RATIO, 0.72, null, "Cisco");
    private static final RequirementResult RULE = new RequirementResult("no flicker", true, "flicker", null, Double.NaN,
            null, "");

    @Test
    void aResultHasEveryFieldOfBothFormerShapes() throws Exception {
        JsonNode a = new ObjectMapper().readTree(RequirementReport.json(List.of(BOUND, RULE)));
        JsonNode bound = a.get(0);
        assertEquals("backlight.ratioStops <= 0.6", bound.get("requirement").asText());
        assertEquals(false, bound.get("met").asBoolean());
        assertEquals("backlight.ratioStops <= 0.6 (measured 0.72)", bound.get("result").asText());
        assertEquals("Cisco", bound.get("source").asText());
        assertEquals(0.72, bound.get("value").asDouble());
        assertEquals(bound.get("requirement"), bound.get("require"));
        assertEquals(bound.get("met"), bound.get("passed"));
        JsonNode rule = a.get(1);
        assertEquals("no flicker (none found)", rule.get("result").asText());
        assertNull(rule.get("value"), "a rule bounds no number");
        assertNull(rule.get("source"), "the user's own requirement names no source");
    }

    @Test
    void theUnmetAreReadFromRowsOfEitherShape() {
        assertEquals(List.of("backlight.ratioStops <= 0.6"), RequirementReport.unmet(RequirementReport.json(List.of(
                BOUND, RULE))));
        assertEquals(List.of("temporal.fpsMeasured >= 24"), RequirementReport.unmet(
                "[{\"require\":\"no flicker\",\"passed\":true},"
                        + "{\"require\":\"temporal.fpsMeasured >= 24\",\"passed\":false,\"value\":12.5}]"));
        assertNull(RequirementReport.unmet("not json"));
    }
}
