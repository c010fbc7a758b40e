package org.camlab.live;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.camlab.core.FrameMetrics;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.SourceInfo;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;

/**
 * One analysed frame kept for the report ({@code --snapshot}), painted as the live window paints
 * it: zebra on clipped highlights, focus peaking, the face and the background it is compared
 * with, the light grid. The frame kept is the one halfway through a recording (the first analysed
 * at or after its middle frame); without a frame count, one every ten seconds of source time, the
 * last. Only a copy of that one frame is held, and only when the snapshot was asked for.
 */
public final class Snapshot implements SessionListener {
    static final int WIDTH = LiveWindow.PREVIEW_WIDTH;
    private static final long EVERY_MICROS = 10_000_000L;

    private final Frame frame = new Frame();
    private final FrameMetrics overlay = new FrameMetrics();
    private List<Face> faces = List.of();
    private long middle = -1;
    private boolean kept;
    private boolean pastMiddle;
    private long nextPts = Long.MIN_VALUE;

    @Override
    public void opened(SourceInfo source, long frameCountHint) {
        middle = frameCountHint > 1 ? frameCountHint / 2 : -1;
    }

    @Override
    public void analysed(FrameEvent e) {
        boolean keep;
        if (!kept) {
            keep = true;
        } else if (middle >= 0) {
            keep = !pastMiddle && e.decoded() >= middle;
        } else {
            keep = e.frame().ptsMicros >= nextPts;
        }
        if (!keep) {
            return;
        }
        if (middle >= 0 && e.decoded() >= middle) {
            pastMiddle = true;
        }
        frame.copyFrom(e.frame());
        overlay.grid = e.metrics().grid;
        System.arraycopy(e.metrics().gridMeanLinear, 0, overlay.gridMeanLinear, 0, overlay.gridMeanLinear.length);
        faces = List.copyOf(e.faces());
        nextPts = e.frame().ptsMicros + EVERY_MICROS;
        kept = true;
    }

    /** The annotated frame as PNG bytes; null when no frame was analysed. */
    public byte[] png() {
        if (!kept) {
            return null;
        }
        BufferedImage img = new FramePainter().paint(frame, overlay, faces, WIDTH);
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
