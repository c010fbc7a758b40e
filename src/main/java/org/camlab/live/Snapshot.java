package org.camlab.live;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;

/**
 * One analysed frame kept for the report ({@code --snapshot}), painted as the live window paints
 * it: zebra on clipped highlights, focus peaking, the face and the background it is compared
 * with, the histogram (the report has its own light map). The frame kept is the one halfway
 * through a recording (the first analysed at or after the time of its middle frame); without a frame
 * count, one every ten seconds of source time, the last. Only a copy of that one frame is held, and only when the snapshot was asked for.
 */
public final class Snapshot implements SessionListener {
    static final int WIDTH = LiveWindow.PREVIEW_WIDTH;
    private static final long EVERY_MICROS = 10_000_000L;

    private final Frame frame = new Frame();
    private final Overlay overlay = new Overlay();
    /** Source time of a recording's middle frame from its first; -1 when the length is not known. */
    private long middle = -1;
    private boolean kept;
    private long keptPts;
    private long firstPts;

    @Override
    public void opened(SourceInfo source, long frameCountHint) {
        // by the frame's own time: the count of frames decoded when it is analysed runs ahead of it
        middle = frameCountHint > 1 && source.fpsNominal() > 0
                ? Math.round(frameCountHint / 2 * 1e6 / source.fpsNominal()) : -1;
    }

    @Override
    public void analysed(FrameEvent e) {
        if (!kept) {
            firstPts = e.frame().ptsMicros;
        }
        long t = e.frame().ptsMicros - firstPts;
        boolean keep = !kept || (middle >= 0 ? keptPts < middle && t >= middle : t >= keptPts + EVERY_MICROS);
        if (!keep) {
            return;
        }
        frame.copyFrom(e.frame());
        overlay.take(e.faces(), null);
        keptPts = t;
        kept = true;
    }

    /** The annotated frame as PNG bytes; null when no frame was analysed. */
    public byte[] png() {
        if (!kept) {
            return null;
        }
        BufferedImage img = new FramePainter().paint(frame, overlay.faces, WIDTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Source seconds of the frame kept; NaN when none. */
    public double seconds() {
        return kept ? frame.ptsMicros / 1e6 : Double.NaN;
    }
}
