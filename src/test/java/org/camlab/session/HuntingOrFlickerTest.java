package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.camlab.results.Flicker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame mean oscillating at a known frequency counts as auto-exposure hunting (slower than
 * {@link Flicker#FLICKER_FROM_HZ}) or as flicker (at it or faster), never both, at the frame rates a
 * webcam runs at and falls to in poor light.
 */
class HuntingOrFlickerTest {
    /** 30 s of frames whose brightness swings ±4 % (8 % peak to peak) around 120 at {@code hz}. */
    private static TemporalStats oscillating(double fps, double hz, double amplitude) {
        TemporalStats t = new TemporalStats(fps);
        int frames = (int) Math.round(30 * fps);
        for (int i = 0; i < frames; i++) {
            UniformFrames.feed(t, i, 120 * (1 + amplitude * Math.sin(2 * Math.PI * hz * i / fps)), fps);
        }
        return t;
    }

    /** One spectrum bin of the session's 256-frame windows, Hz. */
    private static double bin(double fps) {
        return fps / FlickerMeter.WINDOW;
    }

    /** 0.5 Hz, and 1.1 Hz just below the boundary: hunting, and not flicker, at every frame rate. */
    @ParameterizedTest(name = "{1} Hz at {0} fps")
    @CsvSource({"30, 0.5", "25, 0.5", "15, 0.5", "10, 0.5", "30, 1.1", "25, 1.1", "15, 1.1", "10, 1.1"})
    void aPumpingBelowTheBoundaryIsHuntingAlone(double fps, double hz) {
        TemporalStats t = oscillating(fps, hz, 0.04);
        Flicker h = t.hunting();
        assertNotNull(h, hz + " Hz at " + fps + " fps, below " + Flicker.FLICKER_FROM_HZ + " Hz");
        assertEquals(hz, h.hz(), bin(fps) / 2);
        assertEquals(8, h.pct(), 0.8);
        assertNull(t.flicker(), hz + " Hz at " + fps + " fps is not flicker");
    }

    @ParameterizedTest
    @ValueSource(doubles = {30, 25, 15, 10})
    void aBeatAtTwoHertzIsFlickerAlone(double fps) {
        TemporalStats t = oscillating(fps, 2, 0.04);
        Flicker f = t.flicker();
        assertNotNull(f, "2 Hz at " + fps + " fps");
        assertEquals(2, f.hz(), bin(fps) / 2);
        assertEquals(8, f.pct(), 0.8);
        assertNull(t.hunting(), "2 Hz at " + fps + " fps is not hunting");
    }

    /**
     * Across the boundary in steps of 0.05 Hz, strong enough (±10 %) that the flank of a peak on the
     * other side would pass for one: one kind or none, and the right kind beyond a bin of the boundary.
     */
    @ParameterizedTest
    @ValueSource(doubles = {30, 25, 15, 10})
    void nearTheBoundaryItIsOneOrTheOther(double fps) {
        for (int c = 80; c <= 180; c += 5) {
            double hz = c / 100.0;
            TemporalStats t = oscillating(fps, hz, 0.1);
            Flicker h = t.hunting();
            Flicker f = t.flicker();
            String at = hz + " Hz at " + fps + " fps: hunting " + h + ", flicker " + f;
            assertFalse(h != null && f != null, at);
            if (hz < Flicker.FLICKER_FROM_HZ - bin(fps)) {
                assertNotNull(h, at);
            } else if (hz >= Flicker.FLICKER_FROM_HZ + bin(fps)) {
                assertNotNull(f, at);
            }
        }
    }
}
