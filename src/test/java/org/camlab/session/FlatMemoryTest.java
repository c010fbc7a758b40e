package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.camlab.capture.SourceException;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.MemorySource;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session's memory does not grow with its length: the live heap after ten minutes of a replayed
 * 1080p30 source is within 1 MB of the heap after one minute (medians in fixed histograms, series
 * decimated to a fixed size, timing and flicker as running sums).
 */
@Timeout(300)
class FlatMemoryTest {
    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void tenMinutesCostTheMemoryOfOne() throws SourceException {
        List<Frame> frames = List.of(Scenes.noisy(1920, 1080, 110, 3, 1), Scenes.noisy(1920, 1080, 130, 3, 2));
        int fps = 30;
        long[] heap = new long[2];
        SessionListener probe = new SessionListener() {
            @Override
            public void analysed(FrameEvent e) {
                // every 0.2 s of the source, 300 frames a minute: past the 2048 the medians keep exact
                if (e.analysed() == 300) {
                    heap[0] = liveHeap();
                } else if (e.analysed() == 3000) {
                    heap[1] = liveHeap();
                }
            }
        };
        SessionReport r = new Session(SessionOptions.defaults().withCadence(Cadence.period(200_000)), FaceDetector.NONE,
                null, 1, null).listen(probe)
                .run(new MemorySource("replayed 1080p30", frames, fps, 10L * 60 * fps, SourceInfo.Kind.FILE));
        assertEquals(18_000, r.framesDecoded());
        assertEquals(3000, r.framesAnalyzed());
        long grown = heap[1] - heap[0];
        System.out.printf("flat memory: live heap after 1 min %.1f MB, after 10 min %.1f MB%n", heap[0] / 1e6, heap[1]
                / 1e6);
        assertTrue(heap[0] > 0 && heap[1] > 0);
        assertTrue(Math.abs(grown) < 1_000_000, "heap grew by " + grown / 1e6 + " MB from minute 1 to minute 10");
    }
}
