package org.camlab.demo;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.camlab.capture.FfmpegLogging;

/** Writes the demo scene as a short recording, H.264 where this FFmpeg build has an encoder, else MPEG-4 Part 2. */
public final class DemoRecording {
    private DemoRecording() {
    }

    public static void write(Path out, int width, int height, double fps, double seconds, double windowGain)
            throws Exception {
        write(out, width, height, fps, seconds, new double[]{windowGain});
    }

    /**
     * A recording whose window brightens (or dims) step by step, as the afternoon sun comes round:
     * the seconds are split into as many equal steps as {@code windowGains}, each with its gain.
     */
    public static void write(Path out, int width, int height, double fps, double seconds, double[] windowGains)
            throws Exception {
        FfmpegLogging.init();
        DemoScene[] scenes = new DemoScene[windowGains.length];
        for (int i = 0; i < scenes.length; i++) {
            scenes[i] = new DemoScene(width, height, windowGains[i], 42);
        }
        Exception last = null;
        for (int codec : new int[]{AV_CODEC_ID_H264, AV_CODEC_ID_MPEG4}) {
            try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
                    Java2DFrameConverter conv = new Java2DFrameConverter()) {
                rec.setFormat("mp4");
                rec.setVideoCodec(codec);
                rec.setFrameRate(fps);
                rec.setPixelFormat(AV_PIX_FMT_YUV420P);
                rec.setVideoBitrate(8_000_000); // enough to keep the sensor noise the scene carries
                rec.start();
                int n = (int) Math.round(seconds * fps);
                for (int i = 0; i < n; i++) {
                    int step = Math.min(scenes.length - 1, (int) ((long) i * scenes.length / n));
                    rec.record(conv.convert(scenes[step].paint(i / fps)));
                }
                rec.stop();
                return;
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }
}
