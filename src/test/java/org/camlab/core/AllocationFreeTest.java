package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.camlab.demo.DemoScene;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;
import org.junit.jupiter.api.Test;

/** The per-frame analysis allocates nothing once warmed up (single thread, no faces, no resolution estimate). */
class AllocationFreeTest {
    /**
     * Bytes the calling thread allocates per analysed frame, after warming the analysis up: the
     * least of five windows of 200 frames, because a method still waiting for C2 (a busy compile
     * queue when other tests share the JVM) runs C1 code, which allocates what C2's escape
     * analysis removes.
     */
    static long bytesPerFrame(List<Face> faces) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Frame f = Scenes.frame(new DemoScene(640, 360, 1.0, 7).paint(0.1));
        FrameAnalyzer analyzer = new FrameAnalyzer();
        FrameMetrics m = new FrameMetrics();
        for (int i = 0; i < 3000; i++) { // past C2 compilation of the hot loops
            analyzer.analyze(f, faces, false, m);
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 5 && least > 0; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) {
                analyzer.analyze(f, faces, false, m);
            }
            least = Math.min(least, (threads.getThreadAllocatedBytes(id) - before) / 200);
        }
        return least;
    }

    @Test
    void steadyStateAnalysisAllocatesNothing() {
        assertEquals(0, bytesPerFrame(List.of()), "bytes allocated per frame");
    }

    @Test
    void findingStraightEdgesAllocatesNothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Frame f = Scenes.frame(new DemoScene(640, 360, 1.0, 7).paint(0.1));
        StraightEdges edges = new StraightEdges(640, 360);
        for (int i = 0; i < 3000; i++) {
            edges.find(f.luma, f.width, f.height);
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 5 && least > 0; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) {
                edges.find(f.luma, f.width, f.height);
            }
            least = Math.min(least, (threads.getThreadAllocatedBytes(id) - before) / 200);
        }
        assertEquals(0, least, "bytes allocated per search for straight edges");
    }

    @Test
    void withAFaceItAllocatesNothingEither() {
        List<Face> face = List.of(new Face(new Rect(280, 90, 80, 100), 0.9, 130));
        assertEquals(0, bytesPerFrame(face), "bytes allocated per frame with a face");
    }
}
