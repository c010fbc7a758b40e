package org.camlab.session;

import java.util.Arrays;
import org.camlab.image.LumaSample;

/** Frames of one brightness each, at 30 fps unless told, fed to {@link TemporalStats} as the capture thread feeds it. */
final class UniformFrames {
    static final double FPS = 30;

    private UniformFrames() {
    }

    /** Slot {@code index} (its time index / 30 s), every sampled pixel at {@code level}. */
    static void feed(TemporalStats t, int index, double level) {
        feed(t, index, level, FPS);
    }

    /** Slot {@code index} at {@code fps} (its time index / fps s), every sampled pixel at {@code level}. */
    static void feed(TemporalStats t, int index, double level, double fps) {
        LumaSample s = t.target();
        s.resizeFor(64, 36);
        Arrays.fill(s.values, (byte) Math.round(level));
        s.ptsMicros = Math.round(index * 1e6 / fps);
        t.commit();
    }
}
