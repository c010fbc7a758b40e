package org.camlab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camlab.capture.SourceException;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.MemorySource;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session engine as the live view, the progress bar and a survey use it: listeners, snapshots, limits, rates. */
@Timeout(120)
class SessionEngineTest {
    private static final List<Frame> FRAMES = List.of(Scenes.noisy(640, 360, 100, 3, 1), Scenes.noisy(640, 360, 140, 3,
            2));

    private static SessionOptions all() {
        return SessionOptions.defaults().withCadence(Cadence.frames(1));
    }

    /** Records what a listener is told. */
    static class Recorder implements SessionListener {
        SourceInfo opened;
        long hint;
        final List<Integer> analysed = new ArrayList<>();
        final List<Long> lag = new ArrayList<>();
        final List<SessionReport> snapshots = new ArrayList<>();
        final double fps;
        final long sleepMillis;

        Recorder(double fps, long sleepMillis) {
            this.fps = fps;
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void opened(SourceInfo source, long frameCountHint) {
            opened = source;
            hint = frameCountHint;
        }

        @Override
        public void analysed(FrameEvent e) {
            analysed.add(e.analysed());
            long index = Math.round(e.frame().ptsMicros * fps / 1e6);
            lag.add(e.decoded() - 1 - index);
            assertEquals(e.frame().width, 640);
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void snapshot(SessionReport r) {
            snapshots.add(r);
        }
    }

    @Test
    void listenersHearEveryFrameAndValidSnapshotsMidRun() throws SourceException {
        Recorder rec = new Recorder(30, 2);
        SessionReport end = new Session(all().withSnapshotInterval(Duration.ofMillis(20)), FaceDetector.NONE, null, 1,
                null)
                .listen(rec).run(new MemorySource("memory", FRAMES, 30, 240, SourceInfo.Kind.FILE));
        assertEquals("memory", rec.opened.name());
        assertEquals(240, rec.hint);
        assertEquals(240, end.framesAnalyzed());
        assertEquals(240, end.framesDecoded());
        assertEquals(240, rec.analysed.size());
        for (int i = 0; i < rec.analysed.size(); i++) {
            assertEquals(i + 1, rec.analysed.get(i), "every analysed frame, in order");
        }
        List<SessionReport> mid = rec.snapshots.stream().filter(s -> s.framesAnalyzed() > 0 && s.framesAnalyzed() < 240)
                .toList();
        assertTrue(mid.size() >= 3, "snapshots mid-run: " + mid.size());
        int last = 0;
        for (SessionReport s : mid) {
            assertTrue(s.framesAnalyzed() >= last, "snapshots only move forward");
            last = s.framesAnalyzed();
            double mean = s.value(Metric.MEAN_LUMA);
            assertEquals(120, mean, 20.5, "a complete, valid median mid-run");
            assertFalse(s.partial());
            assertTrue(s.timing() != null && s.timing().fpsMeasured() > 29.9, "timing mid-run");
        }
        assertEquals(end, rec.snapshots.get(rec.snapshots.size() - 1), "the last snapshot is the result");
        assertEquals(120, end.value(Metric.MEAN_LUMA), 20.5);
        assertEquals(30.0, end.timing().fpsMeasured(), 1e-4); // timestamps in whole µs
        assertEquals(8.0, end.durationSec(), 1e-5);
        assertTrue(end.series().get(Metric.MEAN_LUMA).size() > 0);
    }

    @Test
    void maxFramesAndDurationEndTheSession() throws SourceException {
        SessionReport n = new Session(all().withMaxFrames(25), FaceDetector.NONE, null, 1, null)
                .run(new MemorySource("m", FRAMES, 30, 1000, SourceInfo.Kind.FILE));
        assertEquals(25, n.framesAnalyzed());
        assertFalse(n.partial(), "a limit asked for is not a partial session");
        SessionReport d = new Session(all().withDurationMicros(2_000_000), FaceDetector.NONE, null, 1, null)
                .run(new MemorySource("m", FRAMES, 30, 1000, SourceInfo.Kind.STREAM));
        assertEquals(60, d.framesDecoded(), "2 s at 30 fps");
        assertNull(d.error());
    }

    @Test
    void aStopSignalEndsWithAPartialReport() throws SourceException {
        StopSignal stop = new StopSignal();
        Recorder rec = new Recorder(30, 0) {
            @Override
            public void analysed(FrameEvent e) {
                super.analysed(e);
                if (e.analysed() == 50) {
                    stop.stop("interrupted (test)");
                }
            }
        };
        SessionReport r = new Session(all(), FaceDetector.NONE, null, 1, stop).listen(rec)
                .run(new MemorySource("m", FRAMES, 30, 100_000, SourceInfo.Kind.FILE));
        assertTrue(r.partial());
        assertEquals("interrupted (test)", r.error());
        assertTrue(r.framesAnalyzed() >= 50 && r.framesAnalyzed() < 60, "stops within a frame or so: " + r
                .framesAnalyzed());
    }

    /**
     * A live source faster than the analysis: every frame is decoded and timed, the analysis takes
     * the newest frame whenever it is free, and no queue builds up (the lag of an analysed frame
     * behind the newest decoded one stays bounded instead of growing).
     */
    @Test
    void aLiveSourceIsAnalysedAtTheRateTheMachineKeepsUpNeverQueued() throws SourceException {
        int count = 200;
        double fps = 100;
        MemorySource paced = new MemorySource("live", FRAMES, fps, count, SourceInfo.Kind.CAMERA) {
            private long started;

            @Override
            public boolean next() {
                if (started == 0) {
                    started = System.nanoTime();
                }
                boolean more = super.next();
                long due = started + (long) (ptsMicros() * 1000);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                return more;
            }
        };
        Recorder rec = new Recorder(fps, 30); // the analysis takes ≥ 30 ms a frame: a third of the rate at most
        SessionReport r = new Session(SessionOptions.defaults(), FaceDetector.NONE, null, 1, null).listen(rec).run(
                paced);
        assertEquals(count, r.framesDecoded(), "every frame decoded and timed");
        assertEquals(fps, r.timing().fpsMeasured(), 0.5);
        assertEquals(0, r.timing().droppedFrames(), "frames the analysis skipped are not dropped by the source");
        assertTrue(r.framesAnalyzed() < count / 2 && r.framesAnalyzed() > 10, "analysed " + r.framesAnalyzed());
        // a queue would fall further behind with every frame: by the end about 130 frames (200 frames,
        // analysed at a third of their rate); the slot holds one frame, at most one analysis old
        // (3–4 frames here, more when the machine is loaded and the sleep overshoots)
        long maxLag = rec.lag.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(maxLag < 30, "an analysed frame is about one analysis behind the newest, not queued: lag " + maxLag);
        int n = rec.lag.size();
        long early = rec.lag.subList(0, n / 4).stream().mapToLong(Long::longValue).max().orElseThrow();
        long late = rec.lag.subList(3 * n / 4, n).stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(late <= early + 10, "the lag does not grow: " + early + " early, " + late + " late");
    }

    /** A camera that stops sending after 90 frames (unplugged): the frames so far are reported, marked partial, with why. */
    @Test
    void aCameraThatGoesAwayEndsThePartialReportWithWhy() throws SourceException {
        SessionReport r = new Session(all(), FaceDetector.NONE, null, 1, null)
                .run(new MemorySource("Integrated Webcam", FRAMES, 30, 90, SourceInfo.Kind.CAMERA));
        assertEquals(90, r.framesDecoded());
        assertTrue(r.partial(), "partial");
        assertTrue(r.error() != null && r.error().contains("the camera Integrated Webcam went away"), r.error());
        // the same frames from a recording end as a recording ends: whole, no error
        SessionReport file = new Session(all(), FaceDetector.NONE, null, 1, null)
                .run(new MemorySource("desk.mp4", FRAMES, 30, 90, SourceInfo.Kind.FILE));
        assertEquals(90, file.framesDecoded());
        assertEquals(null, file.error());
    }

    @Test
    void aSourceWithNoFrameIsAnErrorNotAReport() {
        MemorySource empty = new MemorySource("nothing", FRAMES, 30, 0, SourceInfo.Kind.FILE);
        SourceException e = assertThrows(SourceException.class,
                () -> new Session(all(), FaceDetector.NONE, null, 1, null).run(empty));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
    }

    @Test
    void aSourceThatNeverOpensFailsWithinTheOpenTimeout() {
        long started = System.nanoTime();
        SourceException e = assertThrows(SourceException.class, () -> new Session(
                SessionOptions.defaults().withTimeouts(Duration.ofMillis(500), null), FaceDetector.NONE, null, 1, null)
                .run(SourceInfo.Kind.STREAM, "rtsp://camera/x", keyFrames -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        double s = (System.nanoTime() - started) / 1e9;
        assertTrue(s < 2, "gave up after " + s + " s");
        assertTrue(e.getMessage().contains("no answer"), e.getMessage());
    }

    @Test
    void aDecoderThatRunsOutOfMemoryEndsWithThePartialReport() throws SourceException {
        MemorySource dying = new MemorySource("big", FRAMES, 30, 1000, SourceInfo.Kind.FILE) {
            @Override
            public void read(Frame into) {
                if (ptsMicros() > 1_000_000) {
                    throw new OutOfMemoryError("Java heap space");
                }
                super.read(into);
            }
        };
        SessionReport r = new Session(all(), FaceDetector.NONE, null, 1, null).run(dying);
        assertTrue(r.partial());
        assertTrue(r.error().contains("not enough memory"), r.error());
        assertEquals(31, r.framesAnalyzed());
    }

    @Test
    void aSourceThatStallsEndsAfterTheStallTimeout() throws SourceException {
        MemorySource stalling = new MemorySource("stream", FRAMES, 30, 1000, SourceInfo.Kind.STREAM) {
            @Override
            public boolean next() {
                if (ptsMicros() >= 500_000) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }
                return super.next();
            }
        };
        long started = System.nanoTime();
        SessionReport r = new Session(all().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(700)),
                FaceDetector.NONE,
                null, 1, null).run(stalling);
        assertTrue((System.nanoTime() - started) / 1e9 < 5);
        assertTrue(r.partial());
        assertTrue(r.error().startsWith("no new frame from stream"), r.error());
        assertTrue(r.framesAnalyzed() >= 1, "the frames analysed before the stall are kept");
        assertEquals(16, r.framesDecoded(), "frames up to 0.5 s, at 30 fps");
    }
}
