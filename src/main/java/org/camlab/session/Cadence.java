package org.camlab.session;

import java.util.Locale;
import org.camlab.image.SourceInfo;

/**
 * Which decoded frames get the full analysis: the one place that decides. Every decoded frame is
 * sampled for the temporal statistics whatever the cadence says.
 *
 * <ul>
 *   <li>{@link #frames(int) every N frames}: frames 0, N, 2N, …;</li>
 *   <li>{@link #period(long) every T of source time}: the first frame at or after 0, T, 2T, …; a
 *       recording sampled at one frame a second or sparser decodes its key frames only;</li>
 *   <li>{@link #auto()}: a recording is analysed at {@value #AUTO_FILE_PERIOD_MS} ms of source
 *       time (the same frames on every run, so a room measured twice gives the same numbers); a
 *       camera or a stream whenever the analysis is free for the newest frame.</li>
 * </ul>
 */
public final class Cadence {
    // two a second: a minute gives 120 frames for each median, while the analysis stays near a
    // quarter of what decoding costs (the engine's end-to-end budget; 0.2 s cost half as much again)
    static final long AUTO_FILE_PERIOD_MS = 500;
    /** From this period on, a recording's frames in between are not even decoded. */
    static final long KEY_FRAMES_FROM_MICROS = 1_000_000;

    private final int everyFrames;
    private final long periodMicros;
    private final boolean auto;

    private Cadence(int everyFrames, long periodMicros, boolean auto) {
        this.everyFrames = everyFrames;
        this.periodMicros = periodMicros;
        this.auto = auto;
    }

    public static Cadence auto() {
        return new Cadence(0, 0, true);
    }

    public static Cadence frames(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("every must be 1 frame or more");
        }
        return new Cadence(n, 0, false);
    }

    public static Cadence period(long micros) {
        if (micros <= 0) {
            throw new IllegalArgumentException("the period must be more than 0");
        }
        return new Cadence(0, micros, false);
    }

    /**
     * Parses {@code --every}: a number of frames ({@code 5}) or a duration ({@code 10s},
     * {@code 500ms}, {@code 2m}); {@code auto} for the default.
     */
    public static Cadence parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return auto();
        }
        if (t.matches("\\d+")) {
            long n = Long.parseLong(t.length() > 9 ? "1000000000" : t);
            if (n < 1 || n > 1_000_000) {
                throw new IllegalArgumentException("--every takes 1 to 1000000 frames, or a duration such as 10s: '" + s
                        + "'");
            }
            return frames((int) n);
        }
        long micros;
        try {
            micros = Durations.parseMicros(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--every takes a number of frames (5) or a duration (10s, 500ms, 2m): '"
                    + s + "'");
        }
        if (micros <= 0) {
            throw new IllegalArgumentException("--every must be more than 0: '" + s + "'");
        }
        return period(micros);
    }

    /** The period a source is analysed at under this cadence, or 0 where it goes by frames or by rate. */
    long periodFor(SourceInfo.Kind kind) {
        if (auto) {
            return kind.live() ? 0 : AUTO_FILE_PERIOD_MS * 1000;
        }
        return periodMicros;
    }

    /** Whether only the key frames of a recording of this kind need decoding. */
    public boolean keyFramesOnly(SourceInfo.Kind kind) {
        return kind == SourceInfo.Kind.FILE && periodFor(kind) >= KEY_FRAMES_FROM_MICROS;
    }

    /** Whether frames arrive faster than the analysis is asked for them: analyse whatever is newest. */
    boolean latestOnly(SourceInfo.Kind kind) {
        return kind.live();
    }

    /** A fresh decision state for one session. */
    Picker picker(SourceInfo.Kind kind) {
        return new Picker(everyFrames, periodFor(kind));
    }

    @Override
    public String toString() {
        if (auto) {
            return "auto";
        }
        return everyFrames > 0 ? "every " + everyFrames + " frames" : "every " + Durations.format(periodMicros);
    }

    /** Decides frame by frame; used by the capture thread alone. */
    static final class Picker {
        private final int everyFrames;
        private final long periodMicros;
        private long index;
        private long nextDue;

        Picker(int everyFrames, long periodMicros) {
            this.everyFrames = everyFrames;
            this.periodMicros = periodMicros;
        }

        /** Whether the frame decoded next, at {@code ptsMicros}, is due for analysis. */
        boolean due(long ptsMicros) {
            long i = index++;
            if (everyFrames > 0) {
                return i % everyFrames == 0;
            }
            if (periodMicros <= 0) {
                return true;
            }
            if (i == 0 || ptsMicros >= nextDue) {
                // the next multiple of the period after this frame: a gap in the source skips ahead
                nextDue = (Math.floorDiv(Math.max(0, ptsMicros), periodMicros) + 1) * periodMicros;
                return true;
            }
            return false;
        }
    }
}
