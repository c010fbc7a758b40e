package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.camlab.demo.DemoScene;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;
import org.junit.jupiter.api.Test;

/**
 * The per-frame analysis allocates nothing once warmed up (single thread, no faces, no resolution
 * estimate), nor do the search for straight edges and the resolution's upscale estimate on their own.
 */
class AllocationFreeTest {
    /**
     * Bytes the calling thread allocates per run of {@code work}, after warming it up: the least of
     * five windows of 200 runs, because a method still waiting for C2 (a busy compile queue when other
     * tests share the JVM) runs C1 code, which allocates what C2's escape analysis removes.
     */
    static long bytesPerRun(Runnable work, int warmUp) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmUp; i++) { // past C2 compilation of the hot loops
            work.run();
        }
        long id = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 5 && least > 0; window++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 200; i++) {
                work.run();
            }
            least = Math.min(least, (threads.getThreadAllocatedBytes(id) - before) / 200);
        }
        return least;
    }

    static long bytesPerFrame(List<Face> faces) {
        Frame f = Scenes.frame(new DemoScene(640, 360, 1.0, 7).paint(0.1));
        FrameAnalyzer analyzer = new FrameAnalyzer();
        FrameMetrics m = new FrameMetrics();
        return bytesPerRun(() -> analyzer.analyze(f, faces, false, m), 3000);
    }

    @Test
    void steadyStateAnalysisAllocatesNothing() {
        assertEquals(0, bytesPerFrame(List.of()), "bytes allocated per frame");
    }

    @Test
    void findingStraightEdgesAllocatesNothing() {
        Frame f = Scenes.frame(new DemoScene(640, 360, 1.0, 7).paint(0.1));
        StraightEdges edges = new StraightEdges(640, 360);
        assertEquals(0, bytesPerRun(() -> edges.find(f.luma, f.width, f.height), 3000),
                "bytes allocated per search for straight edges");
    }

    /**
     * A photograph enlarged ×1.5 and sent as MJPEG 75: the estimate reads the residue lines' locks to
     * the frame's edge (a first version returned each as a record: 64 bytes a frame).
     */
    @Test
    void theUpscaleEstimateAllocatesNothing() {
        BufferedImage small = Scenes.shrink(Scenes.read(Fixtures.real("coffee.png")), 427, 240);
        Frame f = Scenes.frame(Scenes.jpeg(Scenes.resize(small, 640, 360, true), 0.75f));
        UpscaleEstimator estimator = new UpscaleEstimator();
        assertEquals(1.5, estimator.estimate(f.luma, f.width, f.height), 0.25, "the case is read as enlarged");
        assertEquals(0, bytesPerRun(() -> estimator.estimate(f.luma, f.width, f.height), 2000),
                "bytes allocated per estimate");
    }

    @Test
    void withAFaceItAllocatesNothingEither() {
        List<Face> face = List.of(new Face(new Rect(280, 90, 80, 100), 0.9, 130));
        assertEquals(0, bytesPerFrame(face), "bytes allocated per frame with a face");
    }
}
