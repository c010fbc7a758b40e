package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.camlab.fixtures.MemorySource;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.junit.jupiter.api.Test;

/** The virtual camera hands each frame over at its own time after the first, and loops seamlessly. */
class PacedSourceTest {
    private static List<Frame> frames() {
        List<Frame> l = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Frame f = new Frame();
            f.resize(64, 48, 32, 24);
            l.add(f);
        }
        return l;
    }

    @Test
    void framesArriveNoEarlierThanTheirTimestamps() throws SourceException {
        long started = System.nanoTime();
        List<Long> lateness = new ArrayList<>();
        try (PacedSource s = new PacedSource(() -> new MemorySource("r", frames(), 25, 25, SourceInfo.Kind.FILE),
                false)) {
            long first = -1;
            int n = 0;
            while (s.next()) {
                long now = System.nanoTime();
                first = first < 0 ? now : first;
                lateness.add((now - first) / 1000 - s.ptsMicros());
                assertEquals(Math.round(n * 1e6 / 25), s.ptsMicros());
                n++;
            }
            assertEquals(25, n);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        assertTrue(wall >= 0.96 - 0.001, "25 frames at 25 fps: the last is due at 0.96 s, came at " + wall);
        for (long l : lateness) {
            assertTrue(l >= 0, "a frame came " + -l + " µs early");
        }
    }

    @Test
    void aLoopContinuesTheTimestampsOneFrameOn() throws SourceException {
        int[] opened = {0};
        try (PacedSource s = new PacedSource(() -> {
            opened[0]++;
            return new MemorySource("r", frames(), 50, 5, SourceInfo.Kind.FILE);
        }, true)) {
            assertEquals(-1, s.frameCountHint(), "a looping camera never ends");
            long last = -1;
            for (int i = 0; i < 12; i++) {
                assertTrue(s.next());
                if (last >= 0) {
                    assertEquals(20_000, s.ptsMicros() - last, "frame " + i);
                }
                last = s.ptsMicros();
            }
        }
        assertEquals(3, opened[0], "12 frames of a 5-frame recording: opened three times");
    }

    @Test
    void anInterruptEndsTheWait() throws Exception {
        PacedSource s = new PacedSource(() -> new MemorySource("r", frames(), 0.2, 3, SourceInfo.Kind.FILE), false);
        assertTrue(s.next());
        Thread.currentThread().interrupt();
        long t = System.nanoTime();
        assertTrue(s.next(), "the frame is still handed over");
        assertTrue((System.nanoTime() - t) / 1e9 < 1, "not waited for 5 s");
        assertTrue(Thread.interrupted());
        assertFalse(Thread.currentThread().isInterrupted());
        s.close();
    }
}
