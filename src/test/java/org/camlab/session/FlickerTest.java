package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.camlab.results.Flicker;
import org.junit.jupiter.api.Test;

class FlickerTest {
    static double[] series(int n, double rate, double hz, double pct, double driftPerFrame) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 120 * (1 + pct / 200 * Math.sin(2 * Math.PI * hz * i / rate)) + driftPerFrame * i;
        }
        return m;
    }

    @Test
    void aKnownOscillationIsFoundWithItsFrequencyAndAmplitude() {
        // 100 Hz mains flicker seen at 30 fps aliases to 10 Hz; 4 % peak to peak.
        Flicker f = FlickerMeter.detect(series(300, 30, 10, 4, 0), 300, 30);
        assertNotNull(f);
        assertEquals(10, f.hz(), 0.1);
        assertEquals(4, f.pct(), 0.2);
    }

    @Test
    void aLongRecordingBetweenBinsStillReadsRight() {
        // 120 Hz flicker at 25 fps aliases to 5 Hz; an hour's worth of frames, 2.5 % peak to peak.
        Flicker f = FlickerMeter.detect(series(90_000, 25, 5, 2.5, 0), 90_000, 25);
        assertNotNull(f);
        assertEquals(5, f.hz(), 0.1);
        assertEquals(2.5, f.pct(), 0.15);
    }

    @Test
    void steadyLightAndSlowDriftAreNotFlicker() {
        assertNull(FlickerMeter.detect(series(300, 30, 0, 0, 0), 300, 30));
        assertNull(FlickerMeter.detect(series(300, 30, 0, 0, 0.05), 300, 30));
        assertNull(FlickerMeter.detect(series(1800, 30, 0.05, 3, 0), 1800, 30));
    }
}
