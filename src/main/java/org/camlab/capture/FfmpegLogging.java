package org.camlab.capture;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_INFO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLogger;

/**
 * FFmpeg writes to stderr on its own by default. camlab keeps it quiet (a user gets one line from
 * camlab, and a stream URL with credentials must not be echoed) unless debug logging is on.
 */
public final class FfmpegLogging {
    private static volatile boolean initialised;
    /** Held here for the life of the process: FFmpeg keeps only a native pointer to it. */
    private static final Capture CAPTURE = new Capture();

    private FfmpegLogging() {
    }

    public static void init() {
        if (!initialised) {
            synchronized (FfmpegLogging.class) {
                if (!initialised) {
                    // FFmpeg's messages up to INFO are taken by camlab's own callback: kept for the one-line
                    // reason of a failure and for the device listings FFmpeg prints, never printed itself
                    // (a stream URL with credentials must not be echoed); with --verbose, logged at debug
                    CAPTURE.debug = debugLogging();
                    // WARNING, not INFO: at INFO JavaCV prints "rejected some options" lines to stderr
                    // itself; device listings, which FFmpeg logs at INFO, raise it for their question only
                    avutil.av_log_set_level(AV_LOG_WARNING);
                    avutil.setLogCallback(CAPTURE);
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
            String s = new String(buf, 0, len, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Runs {@code question} with FFmpeg's log at INFO, where its device inputs print their listings,
     * and back at WARNING after. The level is the process's: one question at a time.
     */
    static synchronized <T> T atInfo(Supplier<T> question) {
        init();
        avutil.av_log_set_level(AV_LOG_INFO);
        try {
            return question.get();
        } finally {
            avutil.av_log_set_level(AV_LOG_WARNING);
        }
    }

    /** A position in FFmpeg's log: {@link #since} gives what FFmpeg logged after it (all threads). */
    static long mark() {
        init();
        return CAPTURE.mark();
    }

    /** FFmpeg's lines logged since {@code mark} (at most the last few hundred), credentials removed. */
    static List<String> since(long mark) {
        return CAPTURE.since(mark);
    }

    /** The last error or warning FFmpeg logged since {@code mark}, credentials removed; null when none. */
    static String lastProblem(long mark) {
        return CAPTURE.lastProblem(mark);
    }

    /** FFmpeg's log lines, in a bounded ring: nothing grows however long camlab runs. */
    private static final class Capture extends LogCallback {
        private static final int KEEP = 500;
        private final ArrayDeque<String> lines = new ArrayDeque<>();
        private final ArrayDeque<Integer> levels = new ArrayDeque<>();
        private long seen;
        volatile boolean debug;
        private final Logger log = LoggerFactory.getLogger("org.camlab.capture.ffmpeg");

        @Override
        public void call(int level, BytePointer msg) {
            String line = msg == null ? "" : msg.getString().stripTrailing();
            if (line.isEmpty()) {
                return;
            }
            synchronized (this) {
                lines.addLast(line);
                levels.addLast(level);
                if (lines.size() > KEEP) {
                    lines.removeFirst();
                    levels.removeFirst();
                }
                seen++;
            }
            if (debug && level <= AV_LOG_WARNING) {
                log.debug("ffmpeg: {}", Redact.url(line));
            }
        }

        synchronized long mark() {
            return seen;
        }

        synchronized List<String> since(long mark) {
            int n = (int) Math.min(lines.size(), Math.max(0, seen - mark));
            List<String> all = new ArrayList<>(lines);
            List<String> out = new ArrayList<>(n);
            for (String l : all.subList(all.size() - n, all.size())) {
                out.add(Redact.url(l));
            }
            return out;
        }

        synchronized String lastProblem(long mark) {
            int n = (int) Math.min(lines.size(), Math.max(0, seen - mark));
            List<String> all = new ArrayList<>(lines);
            List<Integer> lv = new ArrayList<>(levels);
            for (int i = all.size() - 1; i >= all.size() - n; i--) {
                if (lv.get(i) <= AV_LOG_WARNING) {
                    return Redact.url(FfmpegLogLine.message(all.get(i)));
                }
            }
            return null;
        }
    }
}
