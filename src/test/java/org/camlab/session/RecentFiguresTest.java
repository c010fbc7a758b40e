package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.camlab.results.Recent;
import org.junit.jupiter.api.Test;

/**
 * The live check's recent figures: 6 s of light beating at 5 Hz with every 10th frame dropped, then
 * 6 s of steady light with every frame — the session keeps the flicker and the drops it saw, the
 * last two seconds show neither; and while the beat lasts, the recent figures show it.
 */
class RecentFiguresTest {
    private static double beat(int i) {
        return 120 * (1 + 0.1 * Math.sin(2 * Math.PI * 5 * i / 30.0 + 0.3));
    }

    @Test
    void aFixedLightAndASteadyLinkClearFromTheRecentFigures() {
        TemporalStats t = new TemporalStats(30);
        for (int i = 0; i < 180; i++) {
            if (i % 10 != 9) {
                UniformFrames.feed(t, i, beat(i));
            }
        }
        Recent during = t.recentFigures();
        assertNotNull(during.flicker(), "the beat, within the last complete window");
        // the meter takes the means as evenly spaced at the nominal rate: with one frame in ten missing,
        // 5 Hz reads 10/9 as fast
        assertEquals(5 * 10 / 9.0, during.flicker().hz(), 0.2);
        // 4-6 s: frames 120-178 arrived, 129, 139 … 169 missing between them (179, the last slot, is
        // missing after the window's last frame: that gap falls between two windows, and only the
        // session counts it)
        assertEquals(5, during.timing().droppedFrames(), "2 s at 30 fps, every 10th frame missing");
        assertEquals(2.0, during.seconds(), 0.05);

        for (int i = 180; i < 360; i++) {
            UniformFrames.feed(t, i, 120);
        }
        Recent after = t.recentFigures();
        assertNull(after.flicker(), "steady light for the last 2 s: " + after.flicker());
        assertEquals(0, after.timing().droppedFrames());
        assertEquals(30, after.timing().fpsMeasured(), 0.1);
        assertTrue(after.fromSec() >= 8 && after.fromSec() <= 10, "a window of the last seconds: " + after.fromSec());
        // the session as a whole keeps what it saw
        assertEquals(18, t.timing().droppedFrames());
        assertNotNull(t.flicker(), "the session's flicker stays in its report");
    }

    @Test
    void aFreezeShowsInTheWindowItLastsIn() {
        TemporalStats t = new TemporalStats(30);
        for (int i = 0; i < 240; i++) {
            UniformFrames.feed(t, i, i >= 60 && i < 120 ? 100 : 100 + (i % 7)); // frames 60-119 repeat frame 59's level
        }
        // the windows are 0-2 s, 2-4 s, 4-6 s, 6-8 s: the last complete one (4-6 s) moves and does not freeze
        Recent r = t.recentFigures();
        assertEquals(0, r.timing().longestFreezeSec(), 1e-9, "no freeze in the last complete window");
        assertTrue(t.timing().longestFreezeSec() >= 1.9, "the session keeps the 2 s freeze: " + t.timing()
                .longestFreezeSec());
    }
}
