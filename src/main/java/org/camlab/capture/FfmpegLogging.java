package org.camlab.capture;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;

import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLogger;

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
                    avutil.av_log_set_level(debugLogging() ? AV_LOG_WARNING : AV_LOG_QUIET);
                    initialised = true;
                }
            }
        }
    }

    /**
     * Whether camlab's debug log is on. While SLF4J is still initialising on another thread (the
     * face detector loads in the background), {@code getLogger} returns a stand-in that records
     * events and answers "enabled" for every level; FFmpeg would then print its own lines on every
     * run. Then the configured level (slf4j-simple's properties, set by the command line) decides.
     */
    static boolean debugLogging() {
        Logger logger = LoggerFactory.getLogger(FfmpegSource.class);
        if (logger instanceof SubstituteLogger s && s.isDelegateNull()) {
            String level = System.getProperty("org.slf4j.simpleLogger.log.org.camlab",
                    System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "info"));
            return level.equalsIgnoreCase("debug") || level.equalsIgnoreCase("trace");
        }
        return logger.isDebugEnabled();
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
