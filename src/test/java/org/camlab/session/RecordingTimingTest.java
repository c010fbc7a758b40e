package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camlab.capture.FrameSource;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.Recordings;
import org.camlab.results.SessionReport;
import org.camlab.results.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Frame timing measured on real H.264 recordings whose timestamps, gaps and repeats are known by
 * construction ({@link Recordings}): the whole path from the demuxer to {@link Timing}.
 */
@Timeout(120)
class RecordingTimingTest {
    private static final int W = 320;
    private static final int H = 240;
    /** Frames 10, 20–21 and 40–42 removed: gaps of 2×, 3× and 4× nominal, 1 + 2 + 3 missing frames. */
    private static final int[] REMOVED = {10, 20, 21, 40, 41, 42};
    private static final int SLOTS = 60;
    private static final SessionOptions ALL = SessionOptions.defaults().withCadence(Cadence.frames(1));

    private static SessionReport analyse(Path file, SessionOptions options) throws SourceException {
        return new Session(options, FaceDetector.NONE, null, 1, null).run(Sources.open(file.toString()));
    }

    private static SessionReport analyse(Path file) throws SourceException {
        return analyse(file, ALL);
    }

    /** Every timestamp in the file, as the source delivers them, in µs. */
    private static List<Long> timestamps(Path file) throws SourceException {
        List<Long> pts = new ArrayList<>();
        try (FrameSource source = Sources.open(file.toString())) {
            while (source.next()) {
                pts.add(source.ptsMicros());
            }
        }
        return pts;
    }

    private static void assertSteady(double fps, int frames) throws SourceException {
        Path file = Recordings.constantRate(fps, frames, W, H);
        SessionReport r = analyse(file);
        assertNull(r.error());
        assertEquals(fps, r.source().fpsNominal(), 1e-9, "declared rate");
        assertEquals(fps, r.timing().fpsMeasured(), 0.05, "fpsMeasured");
        assertEquals(0, r.timing().droppedFrames(), "droppedFrames");
        assertEquals(0, r.timing().frozenFrames(), "frozenFrames");
        assertEquals(frames, r.framesAnalyzed(), "frames analysed");
        assertEquals(frames / fps, r.durationSec(), 1e-3, "duration");
    }

    @Test
    void constantThirtyFps() throws SourceException {
        assertSteady(30.0, 90);
    }

    @Test
    void constantTwentyFiveFps() throws SourceException {
        assertSteady(25.0, 75);
    }

    @Test
    void theDroppedFramesFixtureReallyHasGapsInItsTimestamps() throws SourceException {
        // independent of Timing: the kept frames carry i / fps, the removed ones are absent
        List<Long> pts = timestamps(Recordings.withDroppedFrames(30.0, SLOTS, REMOVED, W, H));
        int[] kept = IntStream.range(0, SLOTS).filter(i -> IntStream.of(REMOVED).noneMatch(r -> r == i)).toArray();
        assertEquals(kept.length, pts.size(), "frames in the file");
        for (int k = 0; k < kept.length; k++) {
            assertEquals(kept[k] * 1e6 / 30.0, pts.get(k), 1.0, "timestamp of frame " + kept[k]);
        }
    }

    @Test
    void droppedFramesAreCountedExactly() throws SourceException {
        SessionReport r = analyse(Recordings.withDroppedFrames(30.0, SLOTS, REMOVED, W, H));
        assertNull(r.error());
        assertEquals(1 + 2 + 3, r.timing().droppedFrames());
        assertEquals(0, r.timing().frozenFrames());
        assertEquals(SLOTS - REMOVED.length, r.framesAnalyzed());
        // 54 frames over 59 nominal intervals
        assertEquals((SLOTS - REMOVED.length - 1) / (59 / 30.0), r.timing().fpsMeasured(), 0.05);
    }

    /**
     * A 30 fps camera that loses every other frame delivers 15 frames a second: 14 frames are
     * missing in the first second. The declared rate must come from the stream's frame rate
     * (30), not from the container's average (frames / duration ≈ 16), or no drop is ever seen.
     */
    @Test
    void droppedFramesAreCountedAgainstTheDeclaredRateNotTheAverage() throws SourceException {
        int[] everyOther = IntStream.range(0, 14).map(i -> 2 * i + 1).toArray(); // 1, 3, … 27 of 0 … 29
        SessionReport r = analyse(Recordings.withDroppedFrames(30.0, 30, everyOther, W, H));
        assertEquals(30.0, r.source().fpsNominal(), 1e-9);
        assertEquals(14, r.timing().droppedFrames());
    }

    @Test
    void frozenFramesAreCountedExactly() throws SourceException {
        int[] repeats = {10, 30, 31, 50};
        SessionReport r = analyse(Recordings.withFrozenFrames(25.0, 70, repeats, W, H));
        assertNull(r.error());
        assertEquals(repeats.length, r.timing().frozenFrames());
        assertEquals(0, r.timing().droppedFrames());
        assertEquals(70, r.framesAnalyzed());
        assertEquals(25.0, r.timing().fpsMeasured(), 0.05);
    }

    @Test
    void everyThirdFrameAnalysesCeilNOverThree() throws SourceException {
        SessionOptions every3 = ALL.withCadence(Cadence.frames(3));
        int written = SLOTS - REMOVED.length; // 54
        assertEquals((written + 2) / 3, analyse(Recordings.withDroppedFrames(30.0, SLOTS, REMOVED, W, H), every3)
                .framesAnalyzed());
        assertEquals(30, analyse(Recordings.constantRate(30.0, 90, W, H), every3).framesAnalyzed());
        assertEquals(31, analyse(Recordings.constantRate(30.0, 91, W, H), every3).framesAnalyzed());
    }

    @Test
    void everyThirdFrameStillTimesAllFrames() throws SourceException {
        SessionReport r = analyse(Recordings.withDroppedFrames(30.0, SLOTS, REMOVED, W, H), ALL.withCadence(Cadence
                .frames(3)));
        int written = SLOTS - REMOVED.length;
        assertEquals(6, r.timing().droppedFrames(), "timing uses every frame read, analysed or not");
        assertEquals((written + 2) / 3, r.framesAnalyzed(), "ceil(n / 3)");
        assertEquals((written - 1) / (59 / 30.0), r.timing().fpsMeasured(), 0.05);
    }

    @Test
    void everyThirdFrameOfASteadyRecordingTimesAllFrames() throws SourceException {
        SessionReport r = analyse(Recordings.constantRate(30.0, 90, W, H), ALL.withCadence(Cadence.frames(3)));
        assertEquals(30, r.framesAnalyzed());
        assertEquals(30.0, r.timing().fpsMeasured(), 0.05);
        assertEquals(0.0, r.timing().jitterMs(), 0.01);
        assertEquals(0, r.timing().droppedFrames());
        assertEquals(0, r.timing().frozenFrames(), "frames three apart differ even more than neighbours");
    }

    @Test
    void maxFramesStopsAfterThatMany() throws SourceException {
        SessionReport r = analyse(Recordings.constantRate(30.0, 90, W, H), ALL.withMaxFrames(10));
        assertNull(r.error());
        assertEquals(10, r.framesAnalyzed());
        assertEquals(0, r.timing().droppedFrames());
        assertEquals(30.0, r.timing().fpsMeasured(), 0.05);
    }
}
