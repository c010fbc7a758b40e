package org.camlab.capture;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONKEY;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOTIMESTAMPS;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;

import java.nio.ByteBuffer;
import java.util.Map;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.camlab.image.ColorMatrix;
import org.camlab.image.Frame;
import org.camlab.image.LumaSample;
import org.camlab.image.SourceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recordings and network streams through FFmpeg.
 *
 * <p>The grabber runs in RAW mode so that the decoder's own Y'CbCr planes are copied as they are
 * (and limited range expanded by table); only pixel formats camlab does not read natively are
 * converted by swscale, to 4:4:4.
 */
public final class FfmpegSource implements FrameSource {
    private static final Logger log = LoggerFactory.getLogger(FfmpegSource.class);
    /** Connect and read timeout for network streams. */
    public static final long STREAM_TIMEOUT_MICROS = 10_000_000;
    /** A live frame takes at least this long to come (a 300 frames/s source: 3.3 ms); a buffered one does not. */
    private static final long BUFFERED_NANOS = 2_000_000;
    private static final int BUFFERED_MAX = 64;

    private final FFmpegFrameGrabber grabber;
    private long frameCountHint = -1;
    private final SourceInfo info;
    private final String displayName;
    private final boolean keyFramesOnly;
    private long firstPts = Long.MIN_VALUE;
    /**
     * Frames timed by their arrival (a live source without timestamps), from the moment the source
     * was asked for: its --duration is then the wall time the user waits, opening included.
     */
    private final boolean byArrival;
    private final long askedNanos = System.nanoTime();
    private boolean arrived;
    private long framesRead;
    private org.bytedeco.javacv.Frame current;
    private long pts;
    private final Frame scratch = new Frame();
    /** The current frame is already converted in full into {@link #scratch} (a format sampled via swscale). */
    private boolean scratchIsCurrent;
    private byte[] row = new byte[0];

    // swscale fallback, allocated on first use only
    private SwsContext sws;
    private BytePointer swsBuffer;
    private PointerPointer<BytePointer> swsPlanes;
    private IntPointer swsStrides;

    /**
     * @param url           a path or URL as FFmpeg takes it
     * @param displayName   what the user named, credentials removed
     * @param keyFramesOnly decode key frames only (a long recording sampled by time)
     */
    public FfmpegSource(String url, String displayName, SourceInfo.Kind kind, boolean keyFramesOnly)
            throws SourceException {
        this(url, displayName, kind, keyFramesOnly, null, Map.of());
    }

    /**
     * @param format  FFmpeg's input format (v4l2, avfoundation, dshow for a camera), null to probe
     * @param options the input format's options (a camera's video_size, framerate, input_format)
     */
    FfmpegSource(String url, String displayName, SourceInfo.Kind kind, boolean keyFramesOnly, String format,
            Map<String, String> options) throws SourceException {
        FfmpegLogging.init();
        this.displayName = displayName;
        this.keyFramesOnly = keyFramesOnly;
        grabber = new FFmpegFrameGrabber(url);
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        if (format != null) {
            grabber.setFormat(format);
        }
        options.forEach(grabber::setOption);
        if (kind == SourceInfo.Kind.STREAM) {
            // µs: a dead stream must not hang; the session's own deadline covers a slow one
            grabber.setOption("rw_timeout", Long.toString(STREAM_TIMEOUT_MICROS));
            grabber.setOption("timeout", Long.toString(STREAM_TIMEOUT_MICROS));
            if (url.regionMatches(true, 0, "rtsp", 0, 4)) {
                grabber.setOption("rtsp_transport", "tcp");
            }
        }
        if (keyFramesOnly) {
            grabber.setVideoOption("skip_frame", "nokey");
        }
        long logMark = FfmpegLogging.mark();
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly();
            throw new SourceException("cannot open " + displayName + ": " + reason(e)
                    + (kind == SourceInfo.Kind.CAMERA ? deviceReason(format, logMark, reason(e)) : ""));
        }
        if (grabber.getVideoStream() < 0 || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly();
            throw new SourceException("cannot open " + displayName + ": it holds no video that camlab can read");
        }
        if (keyFramesOnly) {
            // Also drop the other frames in the demuxer, not only in the decoder: a decoder that
            // skips frames cannot decode the key frames in parallel (measured: half the wall time
            // for an hour's key frames, benchmarks/RESULTS.md); skip_frame stays for the packets
            // the probe already read and for demuxers that ignore the flag.
            grabber.getFormatContext().streams(grabber.getVideoStream()).discard(AVDISCARD_NONKEY);
        }
        try {
            FrameSize.check(displayName, "video", grabber.getImageWidth(), grabber.getImageHeight());
        } catch (SourceException e) {
            closeQuietly();
            throw e;
        }
        byArrival = kind.live() && (grabber.getFormatContext().iformat().flags() & AVFMT_NOTIMESTAMPS) != 0;
        double fps = byArrival ? Double.NaN : declaredRate(grabber);
        // read once while the grabber is certainly open: a stream that breaks off is closed by the
        // reading side, and the length read later would find no format context (an NPE seen with an
        // HTTP mp4 whose index is at its end, ReliabilityTest)
        int declared = grabber.getLengthInVideoFrames();
        frameCountHint = declared > 0 ? declared : -1;
        info = new SourceInfo(kind, displayName, grabber.getImageWidth(), grabber.getImageHeight(),
                fps > 0 && fps < 1000 ? fps : Double.NaN,
                byArrival ? SourceInfo.Clock.ARRIVAL : SourceInfo.Clock.TIMESTAMPS);
        log.debug("opened {}: {}×{} at {} fps, codec {}, pixel format {}, {} frames declared{}", displayName, info
                .width(),
                info.height(), fps, grabber.getVideoCodecName(), pixelFormatName(grabber.getPixelFormat()),
                frameCountHint(),
                keyFramesOnly ? ", key frames only" : "");
    }

    private static String pixelFormatName(int fmt) {
        BytePointer name = fmt >= 0 ? org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name(fmt) : null;
        return name == null || name.isNull() ? Integer.toString(fmt) : name.getString();
    }

    /**
     * The rate the stream declares (r_frame_rate: the rate its timestamps are laid out on) rather
     * than FFmpeg's average (frames / duration, which falls with every frame lost). Falls back to
     * the average for variable-rate files whose r_frame_rate is a time base, not a frame rate.
     */
    private static double declaredRate(FFmpegFrameGrabber g) {
        double avg = g.getFrameRate();
        org.bytedeco.ffmpeg.avformat.AVFormatContext ctx = g.getFormatContext();
        int index = g.getVideoStream();
        if (ctx != null && index >= 0 && index < ctx.nb_streams()) {
            org.bytedeco.ffmpeg.avutil.AVRational r = ctx.streams(index).r_frame_rate();
            if (r != null && r.num() > 0 && r.den() > 0) {
                double rate = (double) r.num() / r.den();
                if (rate <= 240 && (!(avg > 0) || rate >= avg * 0.99)) {
                    return rate;
                }
            }
        }
        return avg;
    }

    /**
     * Moves a recording to {@code micros} from its start, or past its end to that time modulo its
     * length: the frames read next are from there.
     */
    public void seek(long micros) throws SourceException {
        long length = grabber.getLengthInTime();
        long at = length > 0 ? Math.floorMod(micros, length) : Math.max(0, micros);
        try {
            grabber.setTimestamp(at, true);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException("cannot move to " + at / 1_000_000 + " s in " + displayName + ": " + reason(e));
        }
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public long frameCountHint() {
        return frameCountHint;
    }

    @Override
    public boolean next() throws SourceException {
        current = byArrival && !arrived ? firstLive() : grab();
        if (current == null) {
            return false;
        }
        pts = byArrival ? arrivalMicros() : relativePts(current.timestamp);
        scratchIsCurrent = false;
        return true;
    }

    @Override
    public long ptsMicros() {
        return pts;
    }

    @Override
    public void sample(LumaSample into) throws SourceException {
        AVFrame p = (AVFrame) current.opaque;
        int fmt = p.format();
        if (!(fmt == AV_PIX_FMT_YUV420P || fmt == AV_PIX_FMT_YUVJ420P || fmt == AV_PIX_FMT_YUV422P
                || fmt == AV_PIX_FMT_YUVJ422P || fmt == AV_PIX_FMT_YUV444P || fmt == AV_PIX_FMT_YUVJ444P
                || fmt == AV_PIX_FMT_GRAY8 || fmt == AV_PIX_FMT_NV12)) {
            copy(p, scratch); // formats swscale converts: convert in full, then sample
            scratch.ptsMicros = pts;
            scratchIsCurrent = true;
            into.fillFrom(scratch);
            return;
        }
        int w = p.width();
        int h = p.height();
        FrameSize.check(displayName, "video", w, h);
        into.resizeFor(w, h);
        int stride = p.linesize(0);
        ByteBuffer buf = p.data(0).capacity((long) stride * h).asByteBuffer();
        if (row.length < w) {
            row = new byte[w];
        }
        int o = 0;
        for (int y = 0; y < h; y += LumaSample.STEP) {
            buf.position(y * stride);
            buf.get(row, 0, w);
            for (int x = 0; x < w; x += LumaSample.STEP) {
                into.values[o++] = row[x];
            }
        }
        boolean full = p.color_range() == AVCOL_RANGE_JPEG
                || fmt == AV_PIX_FMT_YUVJ420P || fmt == AV_PIX_FMT_YUVJ422P || fmt == AV_PIX_FMT_YUVJ444P;
        if (!full) {
            YCbCr.expandLimitedLuma(into.values, o);
        }
        into.ptsMicros = pts;
    }

    @Override
    public void read(Frame into) throws SourceException {
        if (scratchIsCurrent) {
            into.copyFrom(scratch); // converted once already, for the sample
            return;
        }
        copy((AVFrame) current.opaque, into);
        into.ptsMicros = pts;
    }

    @Override
    public boolean keyFramesOnly() {
        return keyFramesOnly;
    }

    private org.bytedeco.javacv.Frame grab() throws SourceException {
        try {
            org.bytedeco.javacv.Frame f = grabber.grabImage();
            if (f != null) {
                framesRead++;
            } else if (info.kind() == SourceInfo.Kind.FILE && !keyFramesOnly) {
                long declared = frameCountHint();
                if (declared > 0 && framesRead < declared * 0.9 - 1) {
                    throw new SourceException("cannot decode " + displayName + ": it ends after " + framesRead
                            + " of its "
                            + declared + " frames (the file is cut short or damaged)");
                }
            }
            return f;
        } catch (SourceException e) {
            throw e;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new SourceException("cannot decode " + displayName + " after " + framesRead + " frames: " + reason(
                    e));
        }
    }

    /**
     * The first frame that arrived live: the frames FFmpeg read while it probed the stream come at
     * once, and timed by their arrival they would read as a burst and then a gap (measured on MJPEG over
     * HTTP at 10 frames a second: 20 ms of jitter and a "dropped" frame). A grab that returns within
     * {@link #BUFFERED_NANOS} handed over a frame already read: skipped, up to {@link #BUFFERED_MAX}.
     */
    private org.bytedeco.javacv.Frame firstLive() throws SourceException {
        for (int skipped = 0;; skipped++) {
            long asked = System.nanoTime();
            org.bytedeco.javacv.Frame f = grab();
            if (f == null || System.nanoTime() - asked >= BUFFERED_NANOS || skipped == BUFFERED_MAX) {
                return f;
            }
        }
    }

    private long arrivalMicros() {
        arrived = true;
        return (System.nanoTime() - askedNanos) / 1000;
    }

    private long relativePts(long pts) {
        if (firstPts == Long.MIN_VALUE) {
            firstPts = pts;
        }
        return pts - firstPts;
    }

    private void copy(AVFrame p, Frame into) throws SourceException {
        int w = p.width();
        int h = p.height();
        FrameSize.check(displayName, "video", w, h); // a stream may change size mid-way
        int fmt = p.format();
        boolean full = p.color_range() == AVCOL_RANGE_JPEG
                || fmt == AV_PIX_FMT_YUVJ420P || fmt == AV_PIX_FMT_YUVJ422P || fmt == AV_PIX_FMT_YUVJ444P;
        into.matrix = matrixOf(p.colorspace(), h);
        if (fmt == AV_PIX_FMT_YUV420P || fmt == AV_PIX_FMT_YUVJ420P) {
            planar(p, into, w, h, (w + 1) / 2, (h + 1) / 2);
        } else if (fmt == AV_PIX_FMT_YUV422P || fmt == AV_PIX_FMT_YUVJ422P) {
            planar(p, into, w, h, (w + 1) / 2, h);
        } else if (fmt == AV_PIX_FMT_YUV444P || fmt == AV_PIX_FMT_YUVJ444P) {
            planar(p, into, w, h, w, h);
        } else if (fmt == AV_PIX_FMT_GRAY8) {
            into.resize(w, h, 0, 0);
            copyPlane(p.data(0), p.linesize(0), into.luma, w, h);
        } else if (fmt == AV_PIX_FMT_NV12) {
            nv12(p, into, w, h);
        } else {
            convert(p, into, w, h);
            full = false; // swscale writes limited-range YUV
        }
        if (!full) {
            YCbCr.expandLimitedLuma(into.luma, w * h);
            int c = into.chromaWidth * into.chromaHeight;
            YCbCr.expandLimitedChroma(into.cb, c);
            YCbCr.expandLimitedChroma(into.cr, c);
        }
    }

    private static ColorMatrix matrixOf(int colorspace, int height) {
        if (colorspace == AVCOL_SPC_BT709) {
            return ColorMatrix.BT709;
        }
        if (colorspace == AVCOL_SPC_BT470BG || colorspace == AVCOL_SPC_SMPTE170M) {
            return ColorMatrix.BT601;
        }
        return height >= 720 ? ColorMatrix.BT709 : ColorMatrix.BT601; // what players assume when untagged
    }

    private static void planar(AVFrame p, Frame into, int w, int h, int cw, int ch) {
        into.resize(w, h, cw, ch);
        copyPlane(p.data(0), p.linesize(0), into.luma, w, h);
        copyPlane(p.data(1), p.linesize(1), into.cb, cw, ch);
        copyPlane(p.data(2), p.linesize(2), into.cr, cw, ch);
    }

    private static void copyPlane(BytePointer src, int stride, byte[] dst, int w, int h) {
        ByteBuffer buf = src.capacity((long) stride * h).asByteBuffer();
        if (stride == w) {
            buf.get(dst, 0, w * h);
            return;
        }
        for (int y = 0; y < h; y++) {
            buf.position(y * stride);
            buf.get(dst, y * w, w);
        }
    }

    private static void nv12(AVFrame p, Frame into, int w, int h) {
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        into.resize(w, h, cw, ch);
        copyPlane(p.data(0), p.linesize(0), into.luma, w, h);
        int stride = p.linesize(1);
        ByteBuffer uv = p.data(1).capacity((long) stride * ch).asByteBuffer();
        for (int y = 0; y < ch; y++) {
            int s = y * stride;
            int d = y * cw;
            for (int x = 0; x < cw; x++) {
                into.cb[d + x] = uv.get(s + 2 * x);
                into.cr[d + x] = uv.get(s + 2 * x + 1);
            }
        }
    }

    private void convert(AVFrame p, Frame into, int w, int h) {
        sws = swscale.sws_getCachedContext(sws, w, h, p.format(), w, h, AV_PIX_FMT_YUV444P,
                swscale.SWS_BILINEAR, null, null, (DoublePointer) null);
        if (swsBuffer == null || swsBuffer.capacity() < 3L * w * h) {
            if (swsBuffer != null) {
                swsBuffer.close();
            }
            swsBuffer = new BytePointer(3L * w * h);
            swsStrides = new IntPointer(w, w, w, 0);
        }
        swsPlanes = new PointerPointer<>(swsBuffer.getPointer(0), swsBuffer.getPointer((long) w * h),
                swsBuffer.getPointer(2L * w * h), null);
        swscale.sws_scale(sws, new PointerPointer<>(p), p.linesize(), 0, h, swsPlanes, swsStrides);
        into.resize(w, h, w, h);
        ByteBuffer all = swsBuffer.capacity(3L * w * h).asByteBuffer();
        all.get(into.luma, 0, w * h);
        all.get(into.cb, 0, w * h);
        all.get(into.cr, 0, w * h);
    }

    /**
     * What the device's own input said about the failure, which FFmpeg only logs (a camera that is
     * not there, a mode it refuses, macOS's camera permission), as " (…)"; "" when it said nothing new.
     */
    private static String deviceReason(String format, long logMark, String already) {
        if ("avfoundation".equals(format)) {
            String mac = AvfoundationListing.problem(String.join("\n", FfmpegLogging.since(logMark)));
            if (mac != null) {
                return " (" + mac + ")";
            }
        }
        String said = FfmpegLogging.lastProblem(logMark);
        if (said == null || already.contains(said)) {
            return "";
        }
        return " (" + (said.length() > 160 ? said.substring(0, 157) + "…" : said) + ")";
    }

    static String reason(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        m = Redact.url(m.strip());
        if (m.contains("Did not find a video or audio stream")) {
            return "it holds no video that camlab can read";
        }
        int javacvHint = m.indexOf(" (make sure");
        if (javacvHint > 0) {
            m = m.substring(0, javacvHint);
        }
        // FFmpeg's messages come as "avformat_open_input() error -1094995529: Could not open input "x". (Has setFormat() been called?)"
        int hint = m.indexOf(" (Has setFormat");
        if (hint > 0) {
            m = m.substring(0, hint);
        }
        int err = m.indexOf("error ");
        if (err >= 0 && m.startsWith("av")) {
            int colon = m.indexOf(':', err);
            String code = m.substring(err + 6, colon > 0 ? colon : m.length()).trim();
            String text = FfmpegLogging.errorText(code);
            if ("-16".equals(code)) { // EBUSY: another program holds the camera
                return "it is in use by another program (a meeting client or another camera app): close that and try again";
            }
            if (text != null) {
                return text;
            }
        }
        return m;
    }

    private void closeQuietly() {
        try {
            grabber.release();
        } catch (Exception | Error e) {
            log.debug("release failed", e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
        if (sws != null) {
            swscale.sws_freeContext(sws);
            sws = null;
        }
        if (swsBuffer != null) {
            swsBuffer.close();
        }
    }
}
