package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.camlab.results.Timeline;
import org.junit.jupiter.api.Test;

/**
 * The timeline second by second, on frames whose timestamps and brightness are known exactly: the
 * frames each second holds, and the swing of the frame mean within it.
 */
class TimelineTest {
    /** Frames at 30 fps for {@code seconds} s, slots in {@code dropped} left out, each of uniform brightness. */
    private static Timeline run(int seconds, Set<Integer> dropped, IntToDoubleFunction level) {
        TemporalStats t = new TemporalStats(30);
        for (int i = 0; i < seconds * 30; i++) {
            if (dropped.contains(i)) {
                continue;
            }
            UniformFrames.feed(t, i, level.applyAsDouble(i));
        }
        return t.timeline();
    }

    @Test
    void framesPerSecondDipWhereFramesWereDropped() {
        // second 2 loses 6 of its 30 frames, second 3 all of them (the camera stalled)
        Set<Integer> dropped = new HashSet<>(Set.of(62, 67, 72, 77, 82, 87));
        for (int i = 90; i < 120; i++) {
            dropped.add(i);
        }
        Timeline tl = run(6, dropped, i -> 120);
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, tl.fps().seconds(), 0.0);
        assertArrayEquals(new double[]{30, 30, 24, 0, 30, 30}, tl.fps().values(), 0.0,
                "the last second is in: its frames reach its end");
        assertEquals(0, tl.swingPct().values()[0], 1e-9, "steady light does not swing");
    }

    @Test
    void aBeatingLightSwingsEverySecondAndALampSwitchedOnOnce() {
        // ±10 % at 5 Hz around Y 120 (as seen at 30 fps, every 6 frames a period): 20 % peak to peak
        Timeline beat = run(4, Set.of(), i -> 120 * (1 + 0.1 * Math.sin(2 * Math.PI * 5 * i / 30 + 0.3)));
        for (double v : beat.swingPct().values()) {
            assertEquals(20, v, 1.5, Arrays.toString(beat.swingPct().values()));
        }
        // a lamp switched on at 2.5 s: Y 100 to 140, one swing of 40 / 120 in second 2 only
        Timeline lamp = run(4, Set.of(), i -> i < 75 ? 100 : 140);
        double[] v = lamp.swingPct().values();
        assertEquals(0, v[0], 1e-9);
        assertEquals(0, v[1], 1e-9);
        assertEquals(100.0 * 40 / ((15 * 100 + 15 * 140) / 30.0), v[2], 0.5, Arrays.toString(v));
        assertEquals(0, v[3], 1e-9);
    }

    @Test
    void anUnfinishedSecondIsLeftOut() {
        TemporalStats t = new TemporalStats(30);
        for (int i = 0; i < 45; i++) { // 1.5 s
            UniformFrames.feed(t, i, 100);
        }
        Timeline tl = t.timeline();
        assertArrayEquals(new double[]{30}, tl.fps().values(), 0.0, "half a second is not a rate of 15 fps");
        assertTrue(tl.swingPct().size() == 1);
    }
}
