package org.camlab.readiness;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.camlab.capture.FfmpegLogging;
import org.camlab.capture.Natives;

/**
 * Encode and decode headroom, measured as a call would load the machine: H.264 at a meeting
 * client's bitrate on one thread (WebRTC's software H.264 is OpenH264, the encoder this FFmpeg
 * build carries), and several streams decoded at once.
 *
 * <p>Only the encoder's own calls are timed: the content is decoded and scaled to each size
 * outside the clock, so the figure is the encoder's, not the demo file's. (No FFmpeg filter graph:
 * libavfilter needs libpostproc, which camlab's plain natives do not carry.)
 */
public final class EncodeBench {
    /** Sizes tried, with the bitrate a meeting client sends at each (Zoom: 1.2 Mbit/s 720p, 1.8 Mbit/s 1080p, one-to-one). */
    static final int[][] SIZES = {{1280, 720, 1_200_000}, {1920, 1080, 1_800_000}};
    static final int FPS = 30;
    /** A gallery of four: what a meeting client decodes at once. */
    static final int DECODE_STREAMS = 4;
    static final List<String> HARDWARE = List.of("h264_nvenc", "h264_qsv", "h264_vaapi", "h264_v4l2m2m",
            "h264_videotoolbox",
            "h264_amf", "h264_mf");
    static final List<String> SOFTWARE = List.of("libx264", "libopenh264");

    private final Path content;
    private final double seconds;

    /**
     * @param content a recording or still to encode (the demo scene, or the camera's own recording)
     * @param seconds of video per size
     */
    public EncodeBench(Path content, double seconds) {
        this.content = content;
        this.seconds = seconds;
    }

    public Headroom run() throws IOException {
        Natives.init();
        FfmpegLogging.init();
        String encoder = softwareEncoder();
        if (encoder == null) {
            throw new IOException("this FFmpeg build has no H.264 software encoder");
        }
        Path dir = Files.createTempDirectory("camlab-readiness");
        try {
            List<Headroom.Encode> encodes = new ArrayList<>();
            Path smallest = null;
            for (int[] s : SIZES) {
                Path out = dir.resolve(s[1] + "p.mp4");
                encodes.add(encode(encoder, s[0], s[1], s[2], out));
                if (smallest == null) {
                    smallest = out;
                }
            }
            Headroom.Decode decode = decode(smallest, SIZES[0][0], SIZES[0][1]);
            List<String> hardware = hardwareEncoders(dir);
            return new Headroom(encodes, decode, encoder, hardware, canSend(encodes));
        } finally {
            deleteAll(dir);
        }
    }

    static String canSend(List<Headroom.Encode> encodes) {
        String best = "less than 720p";
        for (Headroom.Encode e : encodes) {
            if (e.realTimeFactor() >= Headroom.MIN_REAL_TIME && e.height() >= 720) {
                best = e.height() + "p";
            }
        }
        return best;
    }

    private static String softwareEncoder() {
        for (String name : SOFTWARE) {
            var codec = avcodec.avcodec_find_encoder_by_name(name);
            if (codec != null && !codec.isNull()) {
                return name;
            }
        }
        return null;
    }

    private Headroom.Encode encode(String encoder, int width, int height, int bitrate, Path out) throws IOException {
        int frames = (int) Math.round(seconds * FPS);
        long encodeNanos = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(content.toFile());
                FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), width, height, 0)) {
            // the grabber scales (swscale) to the size and planar format the encoder takes, so that
            // record() does no conversion of its own: only encoding is on the clock
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            grabber.start();
            recorder.setFormat("mp4");
            recorder.setVideoCodecName(encoder);
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(bitrate);
            recorder.setGopSize(FPS * 2);
            recorder.setVideoOption("threads", "1");
            recorder.setVideoOption("allow_skip_frames", "0");
            long t = System.nanoTime();
            recorder.start();
            encodeNanos += System.nanoTime() - t;
            for (int done = 0; done < frames; done++) {
                Frame f = grabber.grabImage();
                if (f == null) {
                    // a short recording or a still: loop it, so that every size encodes the same content
                    grabber.setTimestamp(0);
                    f = grabber.grabImage();
                    if (f == null) {
                        throw new IOException("cannot read frames from " + content.getFileName());
                    }
                }
                t = System.nanoTime();
                recorder.setTimestamp(done * 1_000_000L / FPS);
                recorder.record(f, AV_PIX_FMT_YUV420P);
                encodeNanos += System.nanoTime() - t;
            }
            t = System.nanoTime();
            recorder.stop();
            encodeNanos += System.nanoTime() - t;
        } catch (FFmpegFrameGrabber.Exception | FFmpegFrameRecorder.Exception e) {
            throw new IOException("cannot measure the encoder at " + width + "×" + height + ": " + e.getMessage(), e);
        }
        double secs = encodeNanos / 1e9;
        return new Headroom.Encode(width, height, FPS, bitrate / 1e6, frames, secs, (frames / (double) FPS) / secs,
                Files.size(out));
    }

    /** Decodes the same stream {@link #DECODE_STREAMS} times at once, one thread each: a gallery view. */
    private static Headroom.Decode decode(Path video, int width, int height) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(DECODE_STREAMS, r -> {
            Thread t = new Thread(r, "camlab-readiness-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> streams = new ArrayList<>();
            long t = System.nanoTime();
            for (int i = 0; i < DECODE_STREAMS; i++) {
                streams.add(pool.submit(() -> {
                    int n = 0;
                    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
                        g.setVideoOption("threads", "1");
                        g.start();
                        while (g.grabImage() != null) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int frames = 0;
            for (Future<Integer> f : streams) {
                frames += f.get(60, TimeUnit.SECONDS);
            }
            double wall = (System.nanoTime() - t) / 1e9;
            return new Headroom.Decode(DECODE_STREAMS, width, height, FPS, (frames / (double) FPS) / wall);
        } catch (Exception e) {
            throw new IOException("cannot measure decoding: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The hardware H.264 encoders FFmpeg can open here: compiled in is not enough (nvenc without an
     * NVIDIA GPU fails at open), so each encodes a few tiny frames, bounded in time (a driver can hang).
     */
    private static List<String> hardwareEncoders(Path dir) {
        List<String> usable = new ArrayList<>();
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "camlab-readiness-hw");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String name : HARDWARE) {
                var codec = avcodec.avcodec_find_encoder_by_name(name);
                if (codec == null || codec.isNull()) {
                    continue;
                }
                Path out = dir.resolve(name + ".mp4");
                Future<Boolean> opened = one.submit(() -> tryEncoder(name, out));
                try {
                    if (opened.get(3, TimeUnit.SECONDS)) {
                        usable.add(name);
                    }
                } catch (Exception e) {
                    opened.cancel(true);
                }
            }
        } finally {
            one.shutdownNow();
        }
        return usable;
    }

    private static boolean tryEncoder(String name, Path out) {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), 256, 144, 0)) {
            r.setFormat("mp4");
            r.setVideoCodecName(name);
            r.setPixelFormat(AV_PIX_FMT_YUV420P);
            r.setFrameRate(FPS);
            r.start();
            Frame f = new Frame(256, 144, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < 3; i++) {
                r.record(f);
            }
            r.stop();
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing the measurement for
        }
    }
}
