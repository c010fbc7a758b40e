package org.camlab.session;

import java.util.ArrayDeque;
import org.camlab.capture.FrameSource;
import org.camlab.image.Frame;

/**
 * Between the capture thread and the session thread: the source once open, one slot for the frame
 * to analyse (never a queue: a live source that finds it full does not convert the frame at all),
 * the frames handed back for reuse, and how the capture ended. Every wait is bounded by its caller.
 */
final class Handoff {
    private FrameSource source;
    private Throwable openFailure;
    private Frame ready;
    private final ArrayDeque<Frame> spare = new ArrayDeque<>(2);
    private boolean ended;
    private String endError;
    private volatile boolean stopping;
    /** System.nanoTime() of the last frame decoded, or of the open. */
    private volatile long lastProgressNanos = System.nanoTime();

    synchronized void opened(FrameSource s) {
        source = s;
        lastProgressNanos = System.nanoTime();
        notifyAll();
    }

    synchronized void openFailed(Throwable t) {
        openFailure = t;
        ended = true;
        notifyAll();
    }

    /** Waits up to {@code millis} for the open; null while still opening. */
    synchronized FrameSource awaitOpen(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (source == null && openFailure == null) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return source;
    }

    synchronized Throwable openFailure() {
        return openFailure;
    }

    void progressed() {
        lastProgressNanos = System.nanoTime();
    }

    long nanosSinceProgress() {
        return System.nanoTime() - lastProgressNanos;
    }

    synchronized boolean slotFree() {
        return ready == null;
    }

    /** Capture side: waits until the slot is free; false when the session is stopping. */
    synchronized boolean awaitSlot() throws InterruptedException {
        while (ready != null && !stopping) {
            wait(100);
        }
        return !stopping;
    }

    synchronized Frame spareFrame() {
        Frame f = spare.poll();
        return f != null ? f : new Frame();
    }

    synchronized void put(Frame f) {
        ready = f;
        notifyAll();
    }

    /** Session side: the next frame, or null after {@code millis} or once the capture has ended. */
    synchronized Frame take(long millis) throws InterruptedException {
        if (ready == null && !ended) {
            wait(millis);
        }
        Frame f = ready;
        ready = null;
        if (f != null) {
            // a recording's capture waits for the analysis: a frame taken is progress too
            lastProgressNanos = System.nanoTime();
        }
        notifyAll();
        return f;
    }

    synchronized void recycle(Frame f) {
        if (spare.size() < 2) {
            spare.push(f);
        }
    }

    synchronized void end(String error) {
        if (!ended) {
            ended = true;
            endError = error;
        }
        notifyAll();
    }

    /** The capture has ended and its last frame has been taken. */
    synchronized boolean drained() {
        return ended && ready == null;
    }

    synchronized String endError() {
        return endError;
    }

    void stop() {
        stopping = true;
        synchronized (this) {
            notifyAll();
        }
    }

    boolean stopping() {
        return stopping;
    }
}
