package org.camlab.session;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;
import org.camlab.demo.DemoRecording;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Recordings;
import org.camlab.results.SessionReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What counts as a frozen frame (docs/METRICS.md, Frame timing): a repeat — identical to the frame
 * before, or part of a picture standing still for {@link org.camlab.results.Timing#STILL_SEC} s — counted
 * exactly where the recording's truth is known, and never the slow turn of a smooth scene, whose
 * frames differ by a fraction of a code value for a sixth of a second.
 */
@Timeout(180)
class FrozenFramesTest {
    private static SessionReport timing(Path file) throws SourceException {
        // timing is kept on every decoded frame whatever the cadence: analyse few, time all
        return new Session(SessionOptions.defaults().withCadence(Cadence.frames(10)), FaceDetector.NONE, null, 1,
                null).run(Sources.open(file.toString()));
    }

    @Test
    void theDemoScenesSlowSwayIsNotFrozen() throws SourceException {
        // its grain smoothed by the encoder: where the sway turns back, frames differ by 0.24–0.47 code values
        Path demo = Fixtures.cached(Fixtures.generated(), "live-demo-1.0.mp4",
                out -> DemoRecording.write(out, 1280, 720, 30, 4, 1.0));
        SessionReport r = timing(demo);
        assertEquals(120, r.framesDecoded());
        assertEquals(0, r.timing().frozenFrames(), r.timing().toString());
        assertEquals(0, r.timing().longestFreezeSec(), 1e-9);
    }

    @Test
    void repeatedFramesAreStillCounted() throws SourceException {
        int[] repeats = {10, 30, 31, 50};
        assertEquals(repeats.length, timing(Recordings.withFrozenFrames(25.0, 70, repeats, 320, 240)).timing()
                .frozenFrames());
        // 90 repeats; each key frame inside codes the picture anew and is bridged, not counted
        SessionReport freeze = timing(Recordings.withFrozenFrames(30, 150, IntStream.rangeClosed(31, 120).toArray(),
                320, 240));
        assertTrue(freeze.timing().frozenFrames() >= 82 && freeze.timing().frozenFrames() <= 90, freeze.timing()
                .toString());
        assertEquals(3.0, freeze.timing().longestFreezeSec(), 1 / 30.0 + 1e-6);
    }

    @Test
    void aRealStreetRecordingHasNoneAndItsRepeatsAreCounted() throws Exception {
        Path street = Fixtures.real("vtest.avi");
        assertEquals(0, timing(street).timing().frozenFrames(), "people walking: no frame repeats");
        // the same street re-encoded as H.264 with frames 20–29 repeating frame 19: x264 refines the picture
        // standing still, so not every repeat decodes identical (0.01 code values): counted as a run of 1 s
        int[] repeated = IntStream.rangeClosed(20, 29).toArray();
        Path withRepeats = Fixtures.cached(Fixtures.generated(), "vtest-60-repeats-20-29-v1.mp4", out -> {
            try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(street.toFile())) {
                in.start();
                try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), in.getImageWidth(), in
                        .getImageHeight(), 0)) {
                    rec.setFormat("mp4");
                    rec.setVideoCodec(AV_CODEC_ID_H264);
                    rec.setPixelFormat(AV_PIX_FMT_YUV420P);
                    rec.setFrameRate(10);
                    rec.setGopSize(30);
                    rec.setVideoBitrate(4_000_000);
                    rec.setVideoOption("preset", "veryfast");
                    rec.setVideoOption("allow_skip_frames", "0");
                    rec.start();
                    Frame shown = null;
                    for (int i = 0; i < 60; i++) {
                        Frame f = in.grabImage();
                        if (shown == null || Arrays.binarySearch(repeated, i) < 0) {
                            shown = f.clone();
                        }
                        rec.setFrameNumber(i);
                        rec.record(shown);
                    }
                    rec.stop();
                }
            }
        });
        SessionReport r = timing(withRepeats);
        assertEquals(60, r.framesDecoded());
        assertEquals(repeated.length, r.timing().frozenFrames(), r.timing().toString());
        assertEquals(1.0, r.timing().longestFreezeSec(), 1e-6, "frame 19 shown from 1.9 s to 2.9 s");
    }
}
