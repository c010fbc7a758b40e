package org.camlab.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * Paints a person-like scene, as a webcam would see someone at a desk: a wall, a bright window
 * behind one shoulder, a head with hair, eyes and a shaded face, shoulders. Deterministic for a
 * given seed; {@code t} (seconds) sways the head so that consecutive frames differ.
 */
public final class DemoScene {
    private final int width;
    private final int height;
    private final double windowGain;
    /** Gaussian samples, σ = 1, reused from a random offset each frame: fast and still unlike frame to frame. */
    private final float[] gaussian = new float[1 << 20];
    private final Random noise;

    /**
     * @param windowGain brightness of the window behind the person, 0 (no window) to 1 (blown out)
     */
    public DemoScene(int width, int height, double windowGain, long seed) {
        this.width = width;
        this.height = height;
        this.windowGain = windowGain;
        this.noise = new Random(seed);
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] = (float) noise.nextGaussian();
        }
    }

    public BufferedImage paint(double t) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double u = width / 1280.0;
        // wall, lit from the right
        g.setPaint(new GradientPaint(0, 0, new Color(120, 112, 100), width, 0, new Color(168, 160, 146)));
        g.fillRect(0, 0, width, height);
        if (windowGain > 0) {
            int v = (int) Math.round(180 + 75 * windowGain);
            g.setColor(new Color(v, v, Math.min(255, v + 4)));
            g.fillRect((int) (90 * u), (int) (60 * u), (int) (330 * u), (int) (420 * u));
            g.setColor(new Color(90, 84, 76));
            g.setStroke(new BasicStroke((float) (10 * u)));
            g.drawRect((int) (90 * u), (int) (60 * u), (int) (330 * u), (int) (420 * u));
            g.drawLine((int) (255 * u), (int) (60 * u), (int) (255 * u), (int) (480 * u));
        }
        // a shelf with books: texture for the sharpness and noise measures
        for (int i = 0; i < 14; i++) {
            g.setColor(Color.getHSBColor((i * 0.137f) % 1f, 0.45f, 0.55f));
            g.fillRect((int) ((900 + i * 22) * u), (int) ((170 - (i % 3) * 12) * u), (int) (18 * u), (int) ((110 + (i
                    % 3) * 12) * u));
        }
        double sway = 40 * u * Math.sin(2 * Math.PI * 0.5 * t);
        double cx = width * 0.52 + sway;
        double cy = height * 0.42;
        double fw = 230 * u;
        double fh = 300 * u;
        // shoulders and shirt
        Path2D body = new Path2D.Double();
        body.moveTo(cx - 330 * u, height);
        body.curveTo(cx - 320 * u, cy + 230 * u, cx - 160 * u, cy + 190 * u, cx - 70 * u, cy + 170 * u);
        body.lineTo(cx + 70 * u, cy + 170 * u);
        body.curveTo(cx + 160 * u, cy + 190 * u, cx + 320 * u, cy + 230 * u, cx + 330 * u, height);
        body.closePath();
        g.setPaint(new GradientPaint((float) cx, (float) (cy + 170 * u), new Color(52, 78, 120), (float) cx, height,
                new Color(34, 52, 86)));
        g.fill(body);
        // neck
        g.setColor(new Color(170, 120, 95));
        g.fillRect((int) (cx - 45 * u), (int) (cy + 100 * u), (int) (90 * u), (int) (90 * u));
        // hair behind the head
        g.setColor(new Color(48, 34, 26));
        g.fill(new Ellipse2D.Double(cx - fw * 0.58, cy - fh * 0.62, fw * 1.16, fh * 0.95));
        // face, shaded: light from the right of the picture
        g.setPaint(new RadialGradientPaint((float) (cx + fw * 0.15), (float) (cy - fh * 0.1), (float) (fw * 0.75),
                new float[]{0f, 1f}, new Color[]{new Color(150, 108, 88), new Color(104, 70, 56)}));
        g.fill(new Ellipse2D.Double(cx - fw / 2, cy - fh / 2, fw, fh));
        // fringe
        g.setColor(new Color(48, 34, 26));
        g.fill(new Ellipse2D.Double(cx - fw * 0.52, cy - fh * 0.60, fw * 1.04, fh * 0.32));
        // eyes, brows, nose, mouth
        for (int s = -1; s <= 1; s += 2) {
            double ex = cx + s * fw * 0.2;
            double ey = cy - fh * 0.06;
            g.setColor(new Color(245, 240, 235));
            g.fill(new Ellipse2D.Double(ex - 22 * u, ey - 9 * u, 44 * u, 18 * u));
            g.setColor(new Color(70, 50, 36));
            g.fill(new Ellipse2D.Double(ex - 9 * u, ey - 9 * u, 18 * u, 18 * u));
            g.setColor(new Color(60, 42, 32));
            g.setStroke(new BasicStroke((float) (6 * u)));
            g.drawLine((int) (ex - 26 * u), (int) (ey - 26 * u), (int) (ex + 24 * u), (int) (ey - 30 * u));
        }
        g.setColor(new Color(180, 120, 98));
        g.setStroke(new BasicStroke((float) (5 * u)));
        g.drawLine((int) cx, (int) (cy - fh * 0.02), (int) (cx - 10 * u), (int) (cy + fh * 0.14));
        g.setColor(new Color(150, 70, 70));
        g.fill(new Ellipse2D.Double(cx - 38 * u, cy + fh * 0.24, 76 * u, 16 * u));
        g.dispose();
        addNoise(img, 2.0);
        return img;
    }

    /** Gaussian sensor noise of σ code values on every channel. */
    private void addNoise(BufferedImage img, double sigma) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int mask = gaussian.length - 1;
        int offset = noise.nextInt(gaussian.length);
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xFF) + Math.round(gaussian[(offset + i * 7) & mask] * (float) sigma);
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }
}
