package org.camlab.capture;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an FFmpeg input device what it has, as {@code ffmpeg -f dshow -list_devices true -i dummy}
 * does: FFmpeg prints the answer to its log and then refuses to open, so the answer is the log it
 * wrote meanwhile. Bounded by a deadline on a thread of its own: a driver that hangs costs the
 * deadline, never the check.
 */
final class FfmpegDeviceQuery {
    private static final Logger log = LoggerFactory.getLogger(FfmpegDeviceQuery.class);
    static final long DEADLINE_MILLIS = 5000;

    private FfmpegDeviceQuery() {
    }

    /**
     * FFmpeg's log while opening {@code input} with {@code format} and {@code options}; null when the
     * format is not in this FFmpeg (dshow on Linux), or nothing came within the deadline.
     */
    static String ask(String format, String input, Map<String, String> options) {
        FutureTask<String> task = new FutureTask<>(() -> FfmpegLogging.atInfo(() -> {
            long mark = FfmpegLogging.mark();
            FFmpegFrameGrabber g = new FFmpegFrameGrabber(input);
            g.setFormat(format);
            options.forEach(g::setOption);
            try {
                g.start();
                g.stop(); // it opened after all (a mode that exists): the listing, if any, is in the log
            } catch (Exception | LinkageError expected) {
                log.debug("{} {} answered: {}", format, input, expected.getMessage());
            } finally {
                try {
                    g.release();
                } catch (Exception ignored) {
                    // nothing was opened
                }
            }
            return String.join("\n", FfmpegLogging.since(mark));
        }));
        Thread t = new Thread(task, "camlab-device-query");
        t.setDaemon(true);
        t.start();
        try {
            String text = task.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            return text.isBlank() ? null : text;
        } catch (TimeoutException e) {
            log.debug("{} {}: no answer within {} ms", format, input, DEADLINE_MILLIS);
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
