package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.camlab.results.Timing;
import org.junit.jupiter.api.Test;

/** {@link FrameTiming#of} on synthetic timestamps whose answers are known by construction (docs/CONTRACT.md, temporal.*). */
class TimingTest {
    /** Timestamps in µs from a list of intervals in µs, starting at {@code start}. */
    private static long[] fromIntervals(long start, long... intervalsUs) {
        long[] pts = new long[intervalsUs.length + 1];
        pts[0] = start;
        for (int i = 0; i < intervalsUs.length; i++) {
            pts[i + 1] = pts[i] + intervalsUs[i];
        }
        return pts;
    }

    /** {@code n} intervals of {@code us} each. */
    private static long[] repeat(int n, long us) {
        long[] d = new long[n];
        Arrays.fill(d, us);
        return d;
    }

    private static long[] concat(long[]... parts) {
        int n = 0;
        for (long[] p : parts) {
            n += p.length;
        }
        long[] out = new long[n];
        int o = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    @Test
    void steadyRateHasNoJitterAndNoDrops() {
        long[] pts = fromIntervals(0, repeat(99, 40_000)); // 25 fps, 100 frames
        Timing t = FrameTiming.of(pts, pts.length, 25.0, 0);
        assertEquals(25.0, t.fpsMeasured(), 1e-12);
        assertEquals(0.0, t.jitterMs(), 1e-12);
        assertEquals(0, t.droppedFrames());
        assertEquals(0, t.frozenFrames());
    }

    @Test
    void intervalOfThreeTimesNominalIsTwoDropped() {
        long[] pts = fromIntervals(0, concat(repeat(10, 40_000), new long[]{120_000}, repeat(10, 40_000)));
        assertEquals(2, FrameTiming.of(pts, pts.length, 25.0, 0).droppedFrames());
    }

    @Test
    void intervalOfTwiceNominalIsOneDropped() {
        long[] pts = fromIntervals(0, concat(repeat(10, 40_000), new long[]{80_000}, repeat(10, 40_000)));
        assertEquals(1, FrameTiming.of(pts, pts.length, 25.0, 0).droppedFrames());
    }

    @Test
    void intervalOfOnePointFourTimesNominalIsNotADrop() {
        long[] pts = fromIntervals(0, concat(repeat(10, 40_000), new long[]{56_000}, repeat(10, 40_000)));
        assertEquals(0, FrameTiming.of(pts, pts.length, 25.0, 0).droppedFrames());
    }

    @Test
    void intervalOfTwoPointSixTimesNominalIsRoundMinusOne() {
        // round(2.6) - 1 = 2
        long[] pts = fromIntervals(0, concat(repeat(10, 40_000), new long[]{104_000}, repeat(10, 40_000)));
        assertEquals(2, FrameTiming.of(pts, pts.length, 25.0, 0).droppedFrames());
    }

    @Test
    void dropsAddUpOverSeveralGaps() {
        // 2×, 3× and 4× nominal: 1 + 2 + 3 missing frames
        long[] pts = fromIntervals(0, concat(repeat(5, 40_000), new long[]{80_000}, repeat(5, 40_000),
                new long[]{120_000}, repeat(5, 40_000), new long[]{160_000}, repeat(5, 40_000)));
        assertEquals(6, FrameTiming.of(pts, pts.length, 25.0, 0).droppedFrames());
    }

    @Test
    void alternatingThirtyAndThirtySixMillisecondsHasThreeMillisecondsJitter() {
        long[] d = new long[100];
        for (int i = 0; i < d.length; i++) {
            d[i] = i % 2 == 0 ? 30_000 : 36_000;
        }
        long[] pts = fromIntervals(1_000_000, d);
        Timing t = FrameTiming.of(pts, pts.length, 1000.0 / 33.0, 0);
        // mean 33 ms, every interval 3 ms away from it: population stddev exactly 3 ms
        assertEquals(3.0, t.jitterMs(), 1e-9);
        // 101 frames over 50 × 66 ms = 3.3 s
        assertEquals(100 / 3.3, t.fpsMeasured(), 1e-9);
        assertEquals(0, t.droppedFrames());
    }

    @Test
    void fpsIsFramesMinusOneOverTheSpan() {
        // 11 frames spanning 0.5 s: 20 fps, whatever the intervals in between
        long[] pts = {0, 10_000, 90_000, 100_000, 150_000, 200_000, 260_000, 300_000, 390_000, 450_000, 500_000};
        Timing t = FrameTiming.of(pts, pts.length, Double.NaN, 0);
        assertEquals(20.0, t.fpsMeasured(), 1e-9);
    }

    @Test
    void fpsIgnoresTheOffsetOfTheFirstTimestamp() {
        long[] pts = fromIntervals(7_654_321, repeat(29, 33_333));
        assertEquals(1e6 / 33_333, FrameTiming.of(pts, pts.length, 30.0, 0).fpsMeasured(), 1e-9);
    }

    @Test
    void onlyTheFirstCountTimestampsAreUsed() {
        long[] pts = fromIntervals(0, repeat(9, 40_000));
        long[] buffer = Arrays.copyOf(pts, 64); // a grown buffer with unused zeros at the end
        Timing t = FrameTiming.of(buffer, pts.length, 25.0, 0);
        assertEquals(25.0, t.fpsMeasured(), 1e-12);
        assertEquals(0, t.droppedFrames());
        assertEquals(0.0, t.jitterMs(), 1e-12);
    }

    @Test
    void withoutADeclaredRateTheMedianIntervalIsNominal() {
        // median interval 40 ms; one 120 ms interval = 2 dropped
        long[] pts = fromIntervals(0, concat(repeat(10, 40_000), new long[]{120_000}, repeat(10, 40_000)));
        assertEquals(2, FrameTiming.of(pts, pts.length, Double.NaN, 0).droppedFrames());
    }

    @Test
    void frozenCountIsPassedThrough() {
        long[] pts = fromIntervals(0, repeat(9, 40_000));
        assertEquals(4, FrameTiming.of(pts, pts.length, 25.0, 4).frozenFrames());
    }

    @Test
    void fewerThanTwoFramesMeasuresNothing() {
        Timing one = FrameTiming.of(new long[]{0}, 1, 30.0, 0);
        assertTrue(Double.isNaN(one.fpsMeasured()));
        assertTrue(Double.isNaN(one.jitterMs()));
        assertEquals(0, one.droppedFrames());
        Timing none = FrameTiming.of(new long[0], 0, 30.0, 0);
        assertTrue(Double.isNaN(none.fpsMeasured()));
        assertEquals(0, none.droppedFrames());
    }
}
