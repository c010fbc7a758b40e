package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.IntToDoubleFunction;
import org.camlab.results.Flicker;
import org.junit.jupiter.api.Test;

/** Auto-exposure hunting on frame means of known course, 30 fps. */
class HuntingTest {
    private static Flicker hunting(int frames, IntToDoubleFunction level) {
        TemporalStats t = new TemporalStats(UniformFrames.FPS);
        for (int i = 0; i < frames; i++) {
            UniformFrames.feed(t, i, level.applyAsDouble(i));
        }
        return t.hunting();
    }

    @Test
    void brightnessPumpingEveryTwoSecondsIsHunting() {
        Flicker h = hunting(600, i -> 120 * (1 + 0.05 * Math.sin(2 * Math.PI * 0.5 * i / 30)));
        assertNotNull(h);
        assertEquals(0.5, h.hz(), 0.06);
        assertEquals(10, h.pct(), 1.0, "±5 % is 10 % peak to peak");
        Flicker slow = hunting(900, i -> 120 * (1 + 0.04 * Math.sin(2 * Math.PI * 0.4 * i / 30)));
        assertNotNull(slow, "a period of 2.5 s");
        assertEquals(0.4, slow.hz(), 0.06);
        Flicker fast = hunting(600, i -> 120 * (1 + 0.04 * Math.sin(2 * Math.PI * 1.1 * i / 30)));
        assertNotNull(fast, "a period of 0.9 s");
        assertEquals(1.1, fast.hz(), 0.06);
    }

    @Test
    void steadyLightALampSwitchedOnAndMainsFlickerAreNotHunting() {
        assertNull(hunting(600, i -> 120));
        assertNull(hunting(600, i -> i < 300 ? 100 : 140), "one step is not a pumping");
        assertNull(hunting(600, i -> 100 + 0.02 * i), "a slow drift is not a pumping");
        // 100 Hz lamps seen at 30 fps beat at 10 Hz, 120 Hz lamps at 0 or (at 25 fps) 5 Hz: above the band
        assertNull(hunting(600, i -> 120 * (1 + 0.1 * Math.sin(2 * Math.PI * 10 * i / 30))));
        assertNull(hunting(600, i -> 120 * (1 + 0.1 * Math.sin(2 * Math.PI * 5 * i / 30))));
    }
}
