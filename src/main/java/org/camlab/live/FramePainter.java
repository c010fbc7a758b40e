package org.camlab.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;
import org.camlab.core.BacklightRegions;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.FrameImages;
import org.camlab.image.Rect;

/**
 * Draws an analysed frame as the live window shows it, scaled to the window, with the overlays a
 * person can act on: zebra stripes where the picture clips, focus peaking on sharp edges, the face
 * box and the background bands the backlight ratio is measured on, and the luma histogram with its
 * clipping zones. The light map is drawn beside the picture ({@link Legend}), where it hides
 * nothing. Paints into an image it owns and reuses.
 */
public final class FramePainter {
    /** Overlay colours: none occurs in a picture by chance at the strength drawn, so a test can find each. */
    public static final int ZEBRA = 0xFF00FF;
    public static final int PEAKING = 0x00FF00;
    public static final Color FACE = new Color(0xFFFF00);
    public static final Color BACKGROUND = new Color(0x00FFFF);
    public static final Color CLIP_ZONE = new Color(0xFF0000);
    /** Y from which a pixel is clipped, and up to which it is crushed: as exposure.clipped*Pct. */
    static final int CLIPPED = 250;
    static final int CRUSHED = 5;
    /** Luma step between neighbours two pixels apart that marks an in-focus edge at display size. */
    static final int PEAK_STEP = 90;

    // switched by keys on the window's thread, read by the painter thread
    public volatile boolean zebra = true;
    public volatile boolean peaking = true;
    public volatile boolean regions = true;
    public volatile boolean histogram = true;

    private final String histogramLabel;
    private BufferedImage image;
    private byte[] shown = new byte[0];
    private final int[] counts = new int[256];
    private final double[] edge = new double[4];

    public FramePainter() {
        this("luma 0–255");
    }

    /** @param histogramLabel the histogram's caption in the window's language */
    public FramePainter(String histogramLabel) {
        this.histogramLabel = histogramLabel;
    }

    /** The frame at {@code width} pixels wide, with the overlays switched on; the image is reused. */
    public BufferedImage paint(Frame f, List<Face> faces, int width) {
        int w = Math.max(16, Math.min(width, f.width));
        int h = Math.max(9, (int) ((long) f.height * w / f.width));
        if (image == null || image.getWidth() != w || image.getHeight() != h) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            shown = new byte[w * h];
        }
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        convert(f, w, h, px);
        if (zebra || peaking) {
            marks(w, h, px);
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            double scale = (double) w / f.width;
            if (regions && faces != null && !faces.isEmpty()) {
                drawRegions(g, largest(faces).box(), scale);
            }
            if (histogram) {
                drawHistogram(g, w, h);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture as a snapshot keeps it, its shown luma kept for the marks and the histogram. */
    private void convert(Frame f, int w, int h, int[] px) {
        FrameImages.scale(f, w, h, px, shown);
        Arrays.fill(counts, 0);
        for (int i = 0; i < w * h; i++) {
            counts[shown[i] & 0xFF]++;
        }
    }

    private void marks(int w, int h, int[] px) {
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                int v = shown[i] & 0xFF;
                if (zebra && v >= CLIPPED && ((x + y) / 6 & 1) == 0) {
                    px[i] = ZEBRA;
                } else if (peaking) {
                    int gx = Math.abs((shown[i + 1] & 0xFF) - (shown[i - 1] & 0xFF));
                    int gy = Math.abs((shown[i + w] & 0xFF) - (shown[i - w] & 0xFF));
                    if (gx + gy >= PEAK_STEP && v < CLIPPED) {
                        px[i] = PEAKING;
                    }
                }
            }
        }
    }

    private void drawRegions(Graphics2D g, Rect box, double s) {
        g.setStroke(new BasicStroke(2f));
        g.setColor(BACKGROUND);
        for (int i = 0; i < BacklightRegions.BANDS; i++) {
            BacklightRegions.band(box, i, edge);
            rect(g, s);
        }
        g.setColor(FACE);
        g.drawRect((int) Math.round(box.x() * s), (int) Math.round(box.y() * s), (int) Math.round(box.w() * s),
                (int) Math.round(box.h() * s));
    }

    private void rect(Graphics2D g, double s) {
        int x0 = (int) Math.round(edge[0] * s);
        int y0 = (int) Math.round(edge[1] * s);
        int x1 = (int) Math.round(edge[2] * s);
        int y1 = (int) Math.round(edge[3] * s);
        g.drawRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    private void drawHistogram(Graphics2D g, int w, int h) {
        int hw = Math.min(256, w / 3);
        int hh = Math.max(40, h / 6);
        int x0 = 8;
        int y0 = h - hh - 8;
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(x0, y0, hw, hh);
        g.setColor(CLIP_ZONE);
        int lo = (CRUSHED + 1) * hw / 256;
        int hi = CLIPPED * hw / 256;
        g.fillRect(x0, y0 + hh - 4, Math.max(2, lo), 4);
        g.fillRect(x0 + hi, y0 + hh - 4, Math.max(2, hw - hi), 4);
        int peak = 1;
        for (int c : counts) {
            peak = Math.max(peak, c);
        }
        g.setColor(new Color(235, 235, 235));
        for (int bin = 0; bin < hw; bin++) {
            int from = bin * 256 / hw;
            int to = Math.max(from + 1, (bin + 1) * 256 / hw);
            int n = 0;
            for (int v = from; v < to; v++) {
                n = Math.max(n, counts[v]);
            }
            int bar = (int) Math.round((hh - 8) * Math.sqrt((double) n / peak)); // sqrt: small counts stay visible
            g.drawLine(x0 + bin, y0 + hh - 5, x0 + bin, y0 + hh - 5 - bar);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(histogramLabel, x0 + 4, y0 + 12);
    }

    static Face largest(List<Face> faces) {
        Face best = faces.get(0);
        for (Face f : faces) {
            if (f.box().area() > best.box().area()) {
                best = f;
            }
        }
        return best;
    }
}
