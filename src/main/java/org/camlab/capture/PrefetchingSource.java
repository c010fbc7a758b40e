package org.camlab.capture;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes ahead on its own thread, so that decoding the next frames overlaps with analysing this
 * one. Frames are handed over by swapping planes with the caller's frame, never copied.
 *
 * <p>The caller must read and skip in the pattern given here: one frame in {@code every} read,
 * the others skipped (skipped frames are not converted, only timed).
 */
public final class PrefetchingSource implements FrameSource {
    /** Decoded frames waiting: enough to ride out a slow frame, few enough to bound memory. */
    static final int DEPTH = 3;

    private record Slot(Frame frame, long ptsMicros, boolean end, SourceException error) {
    }

    private final FrameSource source;
    private final BlockingQueue<Slot> ready = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Frame> empty = new ArrayBlockingQueue<>(DEPTH + 1);
    private final Thread worker;
    private volatile boolean closed;
    private boolean finished;

    public PrefetchingSource(FrameSource source, int every) {
        this.source = source;
        for (int i = 0; i < DEPTH + 1; i++) {
            empty.add(new Frame());
        }
        worker = new Thread(() -> decode(Math.max(1, every)), "camlab-decode");
        worker.setDaemon(true);
        worker.start();
    }

    private void decode(int every) {
        Frame scratch = new Frame();
        try {
            for (long index = 0; !closed; index++) {
                if (index % every == 0) {
                    Frame f = empty.take();
                    if (!source.read(f)) {
                        ready.put(new Slot(null, 0, true, null));
                        return;
                    }
                    ready.put(new Slot(f, f.ptsMicros, false, null));
                } else {
                    if (!source.skip(scratch)) {
                        ready.put(new Slot(null, 0, true, null));
                        return;
                    }
                    ready.put(new Slot(null, scratch.ptsMicros, false, null));
                }
            }
        } catch (SourceException e) {
            putQuietly(new Slot(null, 0, true, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            putQuietly(new Slot(null, 0, true, new SourceException("decoding failed: " + e)));
        }
    }

    private void putQuietly(Slot s) {
        try {
            ready.put(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Slot next() throws SourceException {
        if (finished) {
            return null;
        }
        Slot s;
        try {
            s = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while decoding " + source.info().name());
        }
        if (s.end()) {
            finished = true;
            if (s.error() != null) {
                throw s.error();
            }
            return null;
        }
        return s;
    }

    @Override
    public SourceInfo info() {
        return source.info();
    }

    @Override
    public boolean read(Frame into) throws SourceException {
        Slot s = next();
        if (s == null) {
            return false;
        }
        if (s.frame() == null) {
            throw new IllegalStateException("read where the read/skip pattern expected a skip");
        }
        into.swapWith(s.frame());
        empty.add(s.frame()); // now holding the caller's old planes, reused for decoding
        return true;
    }

    @Override
    public boolean skip(Frame scratch) throws SourceException {
        Slot s = next();
        if (s == null) {
            return false;
        }
        if (s.frame() != null) {
            throw new IllegalStateException("skip where the read/skip pattern expected a read");
        }
        scratch.ptsMicros = s.ptsMicros();
        return true;
    }

    @Override
    public long frameCountHint() {
        return source.frameCountHint();
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(15_000); // a stream read gives up after its 10 s timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
