package org.camlab.session;

import org.camlab.capture.FrameSource;
import org.camlab.capture.SourceException;
import org.camlab.image.Frame;
import org.camlab.image.LumaSample;
import org.camlab.image.SourceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the capture thread runs: opens the source, decodes every frame, samples each for the temporal
 * statistics, and converts in full the frames the cadence picks — handing each to the session,
 * waiting for it (a recording) or only when the analysis is free (a live source). Whatever ends
 * it — the end, a decode error, a decoder that runs out of memory — ends it with one message.
 */
final class CaptureLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CaptureLoop.class);

    private final SourceOpener opener;
    private final SourceInfo.Kind kind;
    private final String name;
    private final SessionOptions options;
    private final Handoff handoff;
    /** Made once the source is open and its frame rate known; read by the session after the open. */
    private volatile TemporalStats temporal;
    private volatile boolean abandoned;
    private final FrameTap tap;

    CaptureLoop(SourceOpener opener, SourceInfo.Kind kind, String name, SessionOptions options, Handoff handoff,
            FrameTap tap) {
        this.tap = tap;
        this.opener = opener;
        this.kind = kind;
        this.name = name;
        this.options = options;
        this.handoff = handoff;
    }

    TemporalStats temporal() {
        return temporal;
    }

    /** The session gave up waiting on this thread (stuck in a native call): it must not close what it was using. */
    void abandon() {
        abandoned = true;
    }

    @Override
    public void run() {
        FrameSource source;
        try {
            source = opener.open(options.cadence().keyFramesOnly(kind));
        } catch (SourceException | RuntimeException e) {
            handoff.openFailed(e);
            return;
        } catch (OutOfMemoryError e) {
            handoff.openFailed(new SourceException("not enough memory to open " + name));
            return;
        } catch (Throwable t) {
            handoff.openFailed(new SourceException("cannot open " + name + ": " + t));
            return;
        }
        if (source == null) { // an opener that broke its contract, or one that gave up after being abandoned
            handoff.openFailed(new SourceException("cannot open " + name));
            return;
        }
        if (abandoned) {
            source.close();
            return;
        }
        temporal = new TemporalStats(source.info().fpsNominal());
        handoff.opened(source);
        try {
            loop(source);
            handoff.end(null);
        } catch (SourceException e) {
            handoff.end(e.getMessage());
        } catch (InterruptedException e) {
            handoff.end(null);
        } catch (OutOfMemoryError e) {
            handoff.end("not enough memory to decode " + name + " (a larger -Xmx, or a smaller resolution)");
        } catch (Throwable t) {
            log.debug("capture failed", t);
            handoff.end("decoding " + name + " failed: " + t);
        } finally {
            if (!abandoned) {
                source.close();
            }
        }
    }

    private void loop(FrameSource source) throws SourceException, InterruptedException {
        boolean latestOnly = options.cadence().latestOnly(kind);
        Cadence.Picker picker = options.cadence().picker(kind);
        long limit = options.durationMicros();
        while (!handoff.stopping()) {
            if (!source.next()) {
                if (source.info().kind() == SourceInfo.Kind.CAMERA && !handoff.stopping()) {
                    // a camera has no end of its own: it was unplugged, another program took it, or the
                    // driver stopped sending; the frames measured so far are still reported (partial)
                    throw new SourceException("the camera " + name + " went away (unplugged, taken by another "
                            + "program, or its driver stopped sending)");
                }
                return;
            }
            long pts = source.ptsMicros();
            if (limit > 0 && pts >= limit) {
                return;
            }
            LumaSample s = temporal.target();
            source.sample(s);
            s.ptsMicros = pts;
            temporal.commit();
            handoff.progressed();
            if (tap != null) {
                Frame shown = tap.borrow(pts);
                if (shown != null) {
                    source.read(shown);
                    shown.ptsMicros = pts;
                    tap.filled(shown);
                }
            }
            if (!picker.due(pts)) {
                continue;
            }
            if (latestOnly) {
                if (!handoff.slotFree()) {
                    continue; // the analysis is busy: this frame is only timed
                }
            } else if (!handoff.awaitSlot()) {
                return;
            }
            Frame f = handoff.spareFrame();
            source.read(f);
            handoff.put(f);
        }
    }
}
