package org.camlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.camlab.text.Text;
import org.junit.jupiter.api.Test;

/** The score's formula and the ranking by expected gain, as the contract states them. */
class VerdictTest {
    private static Recommendation rec(String id, Severity s, String metric, double value, double threshold) {
        return new Recommendation(id, s, Text.literal(id), Text.literal(id), metric, value, threshold);
    }

    @Test
    void mostSevereFirstThenFurthestBeyondItsThreshold() {
        Recommendation slightBacklight = rec("backlight", Severity.MEDIUM, "backlight.ratioStops", 0.8, 0.6);
        Recommendation slowCamera = rec("low-fps", Severity.MEDIUM, "temporal.fpsMeasured", 8, 24); // 3× under
        Recommendation flicker = rec("flicker", Severity.HIGH, "temporal.flickerPct", 2.5, 2.0);
        Recommendation farAway = rec("framing", Severity.LOW, "framing.faceHeightPct", 4, 12);
        Verdict v = Verdict.of(List.of(farAway, slightBacklight, slowCamera, flicker));
        assertEquals(List.of("flicker", "low-fps", "backlight", "framing"),
                v.recommendations().stream().map(Recommendation::id).toList());
    }

    @Test
    void scoresFallByThePenaltiesOverallAndPerArea() {
        Verdict v = Verdict.of(List.of(rec("backlight", Severity.HIGH, "backlight.ratioStops", 2, 0.6),
                rec("underexposed", Severity.MEDIUM, "exposure.surroundHighlightLuma", 100, 160),
                rec("framing", Severity.LOW, "framing.faceHeightPct", 8, 12)));
        assertEquals(100 - 25 - 12 - 5, v.score());
        assertEquals(100 - 25 - 12, v.score(ScoreArea.LIGHTING));
        assertEquals(95, v.score(ScoreArea.FRAMING));
        assertEquals(100, v.score(ScoreArea.MOTION));
        // never below 0
        List<Recommendation> many = Collections.nCopies(5, rec("flicker", Severity.HIGH, "temporal.flickerPct", 9, 2));
        assertEquals(0, Verdict.of(many).score());
        assertEquals(0, Verdict.of(many).score(ScoreArea.MOTION));
        assertEquals(100, Verdict.of(List.of()).score());
    }
}
