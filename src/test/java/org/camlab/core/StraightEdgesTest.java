package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.fixtures.SlantedEdges;
import org.camlab.image.Frame;
import org.junit.jupiter.api.Test;

class StraightEdgesTest {
    static final Path PICTURES = Path.of("target", "edge-pictures");

    /** Across the line, the end points lie on the true side within this, px. */
    static final double ACROSS = 0.2;
    /** Along the line, each end stops this far before the square's corner at least and at most, px. */
    static final double NEAREST_TO_CORNER = 1;
    static final double FARTHEST_FROM_CORNER = 9;

    @Test
    void eachSideOfATiltedSquareIsOneSegmentFromNearlyCornerToCorner() {
        int w = 480;
        int h = 480;
        double side = 240;
        StraightEdges finder = new StraightEdges(w, h);
        for (double tilt : new double[]{3, 10, 30, 40, 60, 85}) {
            byte[] luma = SlantedEdges.square(w, h, 241.3, 238.6, side, tilt, 0.8, 0.03, 0.6);
            int n = finder.find(luma, w, h);
            picture("square-" + (int) tilt, gray(luma, w, h), finder, n);
            assertEquals(4, n, "segments of a square tilted " + tilt + "°");
            double[][] corners = corners(241.3, 238.6, side, tilt);
            boolean[] matched = new boolean[4];
            for (int i = 0; i < n; i++) {
                int s = sideOf(finder, i, corners);
                assertTrue(s >= 0, "segment " + describe(finder, i) + " lies on no side at " + tilt + "°");
                matched[s] = true;
                double[] a = corners[s];
                double[] b = corners[(s + 1) % 4];
                double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
                double[] along = {(finder.x1(i) - a[0]) * (b[0] - a[0]) / len + (finder.y1(i) - a[1]) * (b[1] - a[1])
                        / len, (finder.x2(i) - a[0]) * (b[0] - a[0]) / len + (finder.y2(i) - a[1]) * (b[1] - a[1])
                                / len};
                double start = Math.min(along[0], along[1]);
                double end = len - Math.max(along[0], along[1]);
                assertTrue(start >= NEAREST_TO_CORNER && start <= FARTHEST_FROM_CORNER && end >= NEAREST_TO_CORNER
                        && end <= FARTHEST_FROM_CORNER, "ends " + start + " and " + end + " px before the corners at "
                                + tilt + "°: " + describe(finder, i));
                assertTrue(finder.clearance(i) >= 30, "clearance " + finder.clearance(i));
                // 0.03 and 0.6 linear: (0.6 − 0.03) / 0.63
                assertEquals(0.905, finder.contrast(i), 0.02, "contrast at " + tilt + "°");
            }
            for (boolean m : matched) {
                assertTrue(m, "a side without its segment at " + tilt + "°");
            }
        }
    }

    @Test
    void aLongEdgeAcrossTheFrameIsFoundWholeAtAnyTilt() {
        int w = 640;
        int h = 480;
        StraightEdges finder = new StraightEdges(w, h);
        for (double tilt : new double[]{0, 3, 10, 30, 40, 45, 60, 85}) {
            byte[] luma = SlantedEdges.plane(w, h, 320.2, 240.7, tilt, 1.0, 0.05, 0.5, 2.0, 7, false);
            int n = finder.find(luma, w, h);
            picture("plane-" + (int) tilt, gray(luma, w, h), finder, n);
            assertEquals(1, n, "segments of one edge tilted " + tilt + "°");
            double t = Math.toRadians(tilt);
            double nx = Math.cos(t);
            double ny = -Math.sin(t);
            for (double[] p : new double[][]{{finder.x1(0), finder.y1(0)}, {finder.x2(0), finder.y2(0)}}) {
                double d = (p[0] - 320.2) * nx + (p[1] - 240.7) * ny;
                assertTrue(Math.abs(d) <= ACROSS, "end point " + d + " px off the edge at " + tilt + "°");
            }
            // the edge crosses the whole frame: it is found to within the profile's reach of the border
            double length = Math.hypot(finder.x2(0) - finder.x1(0), finder.y2(0) - finder.y1(0));
            double whole = h / Math.cos(t) > w / Math.sin(Math.max(t, 1e-9)) ? w / Math.sin(t) : h / Math.cos(t);
            assertTrue(length > whole - 30, "length " + length + " of " + whole + " at " + tilt + "°");
        }
    }

    @Test
    void curvesTextNoiseAndGradientsYieldNothing() {
        int w = 640;
        int h = 480;
        StraightEdges finder = new StraightEdges(w, h);
        BufferedImage circle = canvas(w, h, 200);
        Graphics2D g = circle.createGraphics();
        smooth(g);
        g.setColor(new Color(40, 40, 40));
        g.fillOval(170, 90, 300, 300);
        g.dispose();
        BufferedImage ellipse = canvas(w, h, 210);
        g = ellipse.createGraphics();
        smooth(g);
        g.setColor(new Color(30, 30, 30));
        g.fillOval(60, 120, 520, 240);
        g.setColor(new Color(230, 230, 230));
        g.fillOval(240, 190, 160, 100);
        g.dispose();
        BufferedImage text = canvas(w, h, 235);
        g = text.createGraphics();
        smooth(g);
        g.setColor(Color.BLACK);
        int y = 40;
        for (int size : new int[]{12, 16, 20, 28, 36}) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            g.drawString("Quarterly review: MTF, noise and latency", 10, y);
            g.setFont(new Font(Font.SERIF, Font.BOLD, size));
            g.drawString("The quick brown fox jumps over", 10, y + size + 6);
            y += 2 * size + 24;
        }
        g.dispose();
        BufferedImage noise = canvas(w, h, 0);
        Random r = new Random(3);
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.max(0, Math.min(255, 128 + 50 * r.nextGaussian()));
                noise.setRGB(x, yy, v * 0x010101);
            }
        }
        BufferedImage gradient = canvas(w, h, 0);
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) {
                int v = 20 + (x * 200) / w + yy / 20;
                gradient.setRGB(x, yy, v * 0x010101);
            }
        }
        Object[][] cases = {{"circle", circle}, {"ellipse", ellipse}, {"text", text}, {"noise", noise}, {
                "noise-blurred", Scenes.blur(noise, 1.5)}, {"gradient", gradient}};
        StringBuilder found = new StringBuilder();
        for (Object[] c : cases) {
            Frame f = Scenes.frame((BufferedImage) c[1]);
            int n = finder.find(f.luma, f.width, f.height);
            picture("lookalike-" + c[0], (BufferedImage) c[1], finder, n);
            if (n > 0) {
                found.append(c[0]).append(": ").append(describe(finder, 0)).append("; ");
            }
        }
        assertEquals("", found.toString(), "segments where there should be none");
    }

    /**
     * Name, least segments, most segments: floors for the photos of buildings, rooms and boxes (a
     * little under what was found when the pictures were checked by eye), ceilings for textures,
     * curves and text. What each yielded is printed; the pictures are in {@link #PICTURES}.
     */
    static final Object[][] PHOTOS = {{"building.jpg", 20, 64}, {"box_in_scene.png", 14, 64}, {"left01.jpg", 15, 64},
            {"leuvenA.jpg", 4, 64}, {"home.jpg", 0, 64}, {"board.jpg", 0, 64}, {"aero1.jpg", 0, 64}, {"baboon.jpg", 0,
                    1}, {"fruits.jpg", 0, 2}, {"orange.jpg", 0, 1}, {"ellipses.jpg", 0, 0}, {"notes.png", 0, 0}, {
                            "imageTextN.png", 0, 0}};

    @Test
    void realPhotographs() {
        StraightEdges finder = new StraightEdges(4000, 3000);
        StringBuilder table = new StringBuilder("photo | size | segments\n");
        StringBuilder wrong = new StringBuilder();
        for (Object[] p : PHOTOS) {
            String name = (String) p[0];
            BufferedImage img = Scenes.read(Fixtures.real(name));
            Frame f = Scenes.frame(img);
            int n = finder.find(f.luma, f.width, f.height);
            picture(name.substring(0, name.lastIndexOf('.')), img, finder, n);
            table.append(name).append(" | ").append(f.width).append('×').append(f.height).append(" | ").append(n)
                    .append('\n');
            if (n < (int) p[1] || n > (int) p[2]) {
                wrong.append(name).append(": ").append(n).append(" not in ").append(p[1]).append('–').append(p[2])
                        .append("; ");
            }
        }
        System.out.print(table);
        assertEquals("", wrong.toString());
    }

    static double[][] corners(double cx, double cy, double side, double tiltDeg) {
        double t = Math.toRadians(tiltDeg);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double h = side / 2;
        double[][] uv = {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
        double[][] out = new double[4][];
        for (int k = 0; k < 4; k++) {
            out[k] = new double[]{cx + uv[k][0] * c - uv[k][1] * s, cy + uv[k][0] * s + uv[k][1] * c};
        }
        return out;
    }

    /** The side (corner k to k+1) both end points lie on within {@link #ACROSS}, or −1. */
    static int sideOf(StraightEdges f, int i, double[][] corners) {
        for (int k = 0; k < 4; k++) {
            double[] a = corners[k];
            double[] b = corners[(k + 1) % 4];
            double len = Math.hypot(b[0] - a[0], b[1] - a[1]);
            double nx = (b[1] - a[1]) / len;
            double ny = -(b[0] - a[0]) / len;
            double d1 = (f.x1(i) - a[0]) * nx + (f.y1(i) - a[1]) * ny;
            double d2 = (f.x2(i) - a[0]) * nx + (f.y2(i) - a[1]) * ny;
            if (Math.abs(d1) <= ACROSS && Math.abs(d2) <= ACROSS) {
                return k;
            }
        }
        return -1;
    }

    static String describe(StraightEdges f, int i) {
        return String.format("(%.2f, %.2f)–(%.2f, %.2f) clearance %.0f contrast %.2f", f.x1(i), f.y1(i), f.x2(i),
                f.y2(i), f.clearance(i), f.contrast(i));
    }

    static BufferedImage canvas(int w, int h, int level) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(level, level, level));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    static BufferedImage gray(byte[] luma, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (luma[y * w + x] & 0xFF) * 0x010101);
            }
        }
        return img;
    }

    /**
     * The photo, dimmed, with each segment drawn over it: green from its first end point, red
     * beyond its middle, and a thin cyan band of its clearance (capped at the ROI's 32 px).
     */
    static void picture(String name, BufferedImage photo, StraightEdges f, int n) {
        BufferedImage out = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.drawImage(photo, 0, 0, null);
        g.setColor(new Color(0, 0, 0, 90));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        smooth(g);
        for (int i = 0; i < n; i++) {
            double x1 = f.x1(i) + 0.5;
            double y1 = f.y1(i) + 0.5;
            double x2 = f.x2(i) + 0.5;
            double y2 = f.y2(i) + 0.5;
            double len = Math.hypot(x2 - x1, y2 - y1);
            double c = Math.min(f.clearance(i), 32);
            double ox = -(y2 - y1) / len * c;
            double oy = (x2 - x1) / len * c;
            g.setStroke(new BasicStroke(1f));
            g.setColor(new Color(0, 255, 255, 110));
            g.drawLine((int) (x1 + ox), (int) (y1 + oy), (int) (x2 + ox), (int) (y2 + oy));
            g.drawLine((int) (x1 - ox), (int) (y1 - oy), (int) (x2 - ox), (int) (y2 - oy));
            g.setStroke(new BasicStroke(2f));
            double mx = (x1 + x2) / 2;
            double my = (y1 + y2) / 2;
            g.setColor(Color.GREEN);
            g.drawLine((int) Math.round(x1), (int) Math.round(y1), (int) Math.round(mx), (int) Math.round(my));
            g.setColor(Color.RED);
            g.drawLine((int) Math.round(mx), (int) Math.round(my), (int) Math.round(x2), (int) Math.round(y2));
            g.setColor(Color.YELLOW);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString(Integer.toString(i), (float) mx + 3, (float) my - 3);
        }
        g.dispose();
        try {
            Files.createDirectories(PICTURES);
            ImageIO.write(out, "png", PICTURES.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
