package org.camlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.camlab.results.Recommendation;
import org.camlab.results.Severity;
import org.camlab.text.Text;
import org.junit.jupiter.api.Test;

/** A problem is shown once it has lasted the hold time, and cleared once it has been gone as long. */
class ConfirmedProblemsTest {
    private static final Recommendation BACKLIGHT = rec("backlight", Severity.HIGH);
    private static final Recommendation CAST = rec("colour-cast", Severity.LOW);

    private static Recommendation rec(String id, Severity s) {
        return new Recommendation(id, s, Text.literal(id), Text.literal(id), "x.y", 1, 0);
    }

    private static List<String> ids(List<Recommendation> l) {
        return l.stream().map(Recommendation::id).toList();
    }

    @Test
    void aProblemIsShownOnlyOnceItHasLastedAndClearsTheSameWay() {
        ConfirmedProblems p = new ConfirmedProblems(2.0);
        assertEquals(List.of(), p.update(0.0, List.of(BACKLIGHT)));
        assertEquals(List.of(), p.update(1.0, List.of(BACKLIGHT)));
        assertEquals(List.of(), p.update(1.9, List.of(BACKLIGHT)));
        assertEquals(List.of("backlight"), ids(p.update(2.0, List.of(BACKLIGHT))));
        // gone: still shown for the hold time, then cleared
        assertEquals(List.of("backlight"), ids(p.update(2.5, List.of())));
        assertEquals(List.of("backlight"), ids(p.update(4.4, List.of())));
        assertEquals(List.of(), p.update(4.5, List.of()));
    }

    @Test
    void aBlipIsNeverShown() {
        ConfirmedProblems p = new ConfirmedProblems(2.0);
        for (double t = 0; t < 10; t += 0.5) {
            // found on every third look only: never for 2 s in a row
            List<Recommendation> found = ((int) (t * 2)) % 3 == 0 ? List.of(CAST) : List.of();
            assertEquals(List.of(), p.update(t, found), "at " + t + " s");
        }
    }

    @Test
    void aProblemThatReturnsWhileFadingStaysShownAndMostSevereComesFirst() {
        ConfirmedProblems p = new ConfirmedProblems(2.0);
        p.update(0, List.of(CAST, BACKLIGHT));
        assertEquals(List.of("backlight", "colour-cast"), ids(p.update(2, List.of(CAST, BACKLIGHT))));
        p.update(3, List.of(CAST));
        assertEquals(List.of("backlight", "colour-cast"), ids(p.update(4.5, List.of(CAST, BACKLIGHT))));
        List<Recommendation> later = p.update(6.4, List.of(CAST));
        assertTrue(ids(later).contains("backlight"), "it came back at 4.5 s: its absence starts again at 6.4 s");
        assertEquals(List.of("colour-cast"), ids(p.update(8.5, List.of(CAST))));
    }
}
