package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camlab.demo.DemoScene;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.camlab.results.Metric;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bands of rows on several threads give exactly the single-thread numbers. */
class ThreadsMatchSingleTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void twoAndFourThreadsEqualOne() {
        for (Frame f : List.of(Scenes.frame(new DemoScene(1280, 720, 1.0, 3).paint(0.2)), Scenes.noisy(333, 217, 100, 9,
                2))) {
            FrameMetrics one = new FrameMetrics();
            new FrameAnalyzer().analyze(f, List.of(), true, one);
            for (int threads : new int[]{2, 4}) {
                FrameMetrics many = new FrameMetrics();
                new FrameAnalyzer(POOL, threads).analyze(f, List.of(), true, many);
                for (Metric m : Metric.perFrameMetrics()) {
                    assertEquals(m.of(one), m.of(many), 0.0, m.path() + " with " + threads + " threads");
                }
                for (int i = 0; i < one.grid.cells(); i++) {
                    assertEquals(one.gridMeanLinear[i], many.gridMeanLinear[i], 0.0);
                }
            }
        }
    }
}
