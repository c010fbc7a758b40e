package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camlab.capture.FrameSource;
import org.camlab.capture.Sources;
import org.camlab.core.Metric;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two frames measured side by side give exactly the report of one frame at a time. */
class FrameParallelSessionTest {
    static final ExecutorService POOL = Executors.newFixedThreadPool(1);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    static SessionReport run(Path file, SessionOptions options, ExecutorService pool, int threads) throws Exception {
        try (FrameSource s = Sources.open(file.toString())) {
            return new SessionRunner(options, FaceDetector.NONE, null, pool, threads).run(s);
        }
    }

    @ParameterizedTest(name = "{0} every {1}, at most {2}")
    @CsvSource({"dropped, 1, 0", "dropped, 3, 0", "dropped, 1, 7", "frozen, 1, 0", "frozen, 2, 9"})
    void sameReportOnOneAndTwoThreads(String kind, int every, long maxFrames) throws Exception {
        Path file = kind.equals("dropped")
                ? Recordings.withDroppedFrames(30.0, 60, new int[] {10, 20, 21, 40, 41, 42}, 320, 240)
                : Recordings.withFrozenFrames(25.0, 70, new int[] {5, 6, 30, 50}, 320, 240);
        SessionOptions options = new SessionOptions(maxFrames, every, 0.5, 2.0);
        SessionReport one = run(file, options, null, 1);
        SessionReport two = run(file, options, POOL, 2);
        assertEquals(one.framesAnalyzed(), two.framesAnalyzed());
        assertEquals(one.timing(), two.timing());
        assertEquals(one.durationSec(), two.durationSec());
        for (Metric m : Metric.values()) {
            assertEquals(one.value(m), two.value(m), 0.0, m.path());
        }
        assertEquals(one.flicker(), two.flicker());
        if (every == 1 && maxFrames == 0) { // the whole file: the truth is known as well
            assertEquals(kind.equals("dropped") ? 6 : 0, two.timing().droppedFrames());
            assertEquals(kind.equals("frozen") ? 4 : 0, two.timing().frozenFrames());
        }
    }
}
