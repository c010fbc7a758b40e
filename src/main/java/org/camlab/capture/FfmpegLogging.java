package org.camlab.capture;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;

import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg writes to stderr on its own by default. camlab keeps it quiet (a user gets one line from
 * camlab, and a stream URL with credentials must not be echoed) unless debug logging is on.
 */
public final class FfmpegLogging {
    private static volatile boolean initialised;

    private FfmpegLogging() {
    }

    public static void init() {
        if (!initialised) {
            synchronized (FfmpegLogging.class) {
                if (!initialised) {
                    boolean verbose = LoggerFactory.getLogger(FfmpegSource.class).isDebugEnabled();
                    avutil.av_log_set_level(verbose ? AV_LOG_WARNING : AV_LOG_QUIET);
                    initialised = true;
                }
            }
        }
    }

    /** FFmpeg's text for an error number, e.g. "Invalid data found when processing input". */
    static String errorText(String code) {
        try {
            int n = Integer.parseInt(code);
            byte[] buf = new byte[256];
            avutil.av_strerror(n, buf, buf.length);
            int len = 0;
            while (len < buf.length && buf[len] != 0) {
                len++;
            }
            String s = new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
