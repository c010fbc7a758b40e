package org.camlab.capture;

import java.util.concurrent.locks.LockSupport;
import org.camlab.image.Frame;
import org.camlab.image.LumaSample;
import org.camlab.image.SourceInfo;

/**
 * A virtual camera: a recording replayed at its real pace, each frame handed over no earlier than
 * its own timestamp after the first (wall clock), so that everything a live camera drives — the
 * live view, dropping analysis when busy, the stall timeout — can be tested where no camera exists.
 * Timestamps are the recording's own; replayed in a loop, each pass continues where the last one
 * ended, one frame interval later.
 */
public final class PacedSource implements FrameSource {
    /** Opens the recording again for the next pass of a loop. */
    @FunctionalInterface
    public interface Reopen {
        FrameSource open() throws SourceException;
    }

    private final Reopen reopen;
    private final boolean loop;
    private final SourceInfo info;
    private FrameSource inner;
    private long startNanos = Long.MIN_VALUE;
    private long offsetMicros;
    private long lastPts;
    private long pts;
    private boolean any;

    /**
     * @param reopen opens the recording (called once, and again for every pass when {@code loop})
     * @param loop   start again at the end: a camera that never ends (a session ends it)
     */
    public PacedSource(Reopen reopen, boolean loop) throws SourceException {
        this(reopen, loop, null);
    }

    /** @param name what to call it in reports (the demo scene, not its cache file); null: the recording's name */
    public PacedSource(Reopen reopen, boolean loop, String name) throws SourceException {
        this.reopen = reopen;
        this.loop = loop;
        this.inner = reopen.open();
        SourceInfo i = inner.info();
        this.info = new SourceInfo(i.kind(), name != null ? name : i.name(), i.width(), i.height(), i.fpsNominal(), i
                .clock());
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean next() throws SourceException {
        if (!inner.next()) {
            if (!loop || !any) {
                return false;
            }
            double fps = info.fpsNominal() > 0 ? info.fpsNominal() : 30;
            offsetMicros = lastPts + Math.round(1e6 / fps);
            inner.close();
            inner = reopen.open();
            if (!inner.next()) {
                return false;
            }
        }
        any = true;
        pts = offsetMicros + inner.ptsMicros();
        lastPts = pts;
        long now = System.nanoTime();
        if (startNanos == Long.MIN_VALUE) {
            startNanos = now - pts * 1000;
        }
        long due = startNanos + pts * 1000;
        while (now < due && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(due - now);
            now = System.nanoTime();
        }
        return true;
    }

    @Override
    public long ptsMicros() {
        return pts;
    }

    @Override
    public void sample(LumaSample into) throws SourceException {
        inner.sample(into);
    }

    @Override
    public void read(Frame into) throws SourceException {
        inner.read(into);
        into.ptsMicros = pts;
    }

    @Override
    public long frameCountHint() {
        return loop ? -1 : inner.frameCountHint();
    }

    @Override
    public void close() {
        inner.close();
    }
}
