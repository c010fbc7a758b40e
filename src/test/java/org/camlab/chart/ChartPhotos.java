package org.camlab.chart;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.camlab.core.Homography;
import org.camlab.core.Srgb;
import org.camlab.core.TestChartLayout;

/**
 * A simulated camera's photographs of camlab's printed chart: the PDF rendered by pdftoppm at
 * 300 dpi, seen in perspective, each camera pixel the render integrated under a Gaussian point
 * spread of {@link #SIGMA} camera pixels, light uneven across the view, a warm white balance, 8-bit
 * sRGB with noise of 1.5 code values (ChartRoundTripTest says why each).
 */
public final class ChartPhotos {
    private ChartPhotos() {
    }

    public static final int W = 1280;
    public static final int H = 720;
    public static final double SIGMA = 1.0;
    public static final double DPI = 300;
    /** The chart's corners on the camera's picture: tilted, nearer at the top right. */
    public static final double[] QUAD = {210, 100, 1080, 80, 1050, 650, 240, 620};

    static float[] render;
    static int rw;
    static int rh;

    /** The chart rendered by pdftoppm, in linear light, once per test run. */
    static synchronized void renderChart() throws Exception {
        if (render != null) {
            return;
        }
        Path dir = Files.createTempDirectory("camlab-chart");
        Path pdf = dir.resolve("chart.pdf");
        TestChart.write(pdf, TestChart.Paper.A4);
        Process p = new ProcessBuilder("pdftoppm", "-r", String.valueOf((int) DPI), "-gray", "-png", "-singlefile",
                pdf.toString(), dir.resolve("chart").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pdftoppm: " + log);
        }
        BufferedImage img = ImageIO.read(dir.resolve("chart.png").toFile());
        rw = img.getWidth();
        rh = img.getHeight();
        render = new float[rw * rh];
        var raster = img.getRaster();
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < rw; x++) {
                render[y * rw + x] = (float) Srgb.LINEAR[raster.getSample(x, y, 0)];
            }
        }
        if (rw != 3508) {
            throw new IllegalStateException("A4 landscape at 300 dpi is 3508 px wide, not " + rw);
        }
    }

    /** The scene's linear light at chart millimetres (x, y): the render read bilinearly; the room around it. */
    static double scene(double x, double y) {
        double px = ((TestChart.Paper.A4.widthMm - TestChartLayout.WIDTH_MM) / 2 + x) * DPI / 25.4 - 0.5;
        double py = ((TestChart.Paper.A4.heightMm - TestChartLayout.HEIGHT_MM) / 2 + y) * DPI / 25.4 - 0.5;
        if (px < 0 || py < 0 || px >= rw - 1 || py >= rh - 1) {
            return 0.12;
        }
        int x0 = (int) px;
        int y0 = (int) py;
        double fx = px - x0;
        double fy = py - y0;
        int i = y0 * rw + x0;
        return (1 - fy) * ((1 - fx) * render[i] + fx * render[i + 1]) + fy * ((1 - fx) * render[i + rw]
                + fx * render[i + rw + 1]);
    }

    /** The camera's picture of the chart with its corners at {@code quad}. */
    public static BufferedImage photograph(double[] quad, long seed) throws Exception {
        renderChart();
        double[] chart = {0, 0, TestChartLayout.WIDTH_MM, 0, TestChartLayout.WIDTH_MM, TestChartLayout.HEIGHT_MM, 0,
                TestChartLayout.HEIGHT_MM};
        double[] toChart = Homography.fit(quad, chart, 4);
        // 7 × 7 points over ±3σ, weighted by the Gaussian: the point spread, integrated
        int taps = 7;
        double[] off = new double[taps];
        double[] wt = new double[taps];
        double total = 0;
        for (int i = 0; i < taps; i++) {
            off[i] = (i - (taps - 1) / 2.0) * SIGMA;
            wt[i] = Math.exp(-off[i] * off[i] / (2 * SIGMA * SIGMA));
            total += wt[i];
        }
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double v = 0;
                for (int j = 0; j < taps; j++) {
                    for (int i = 0; i < taps; i++) {
                        double[] c = Homography.map(toChart, x + off[i], y + off[j]);
                        v += wt[i] * wt[j] * scene(c[0], c[1]);
                    }
                }
                v /= total * total;
                v *= 0.55 + 0.35 * x / W; // uneven light, exposed so that the paper does not clip
                int red = code(v * 1.1, r);
                int green = code(v, r);
                int blue = code(v / 1.1, r);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    static int code(double linear, Random r) {
        double s = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(Math.min(1, linear), 1 / 2.4) - 0.055;
        return Math.max(0, Math.min(255, (int) Math.round(s * 255 + 1.5 * r.nextGaussian())));
    }

    /** MTF50 of the Gaussian times the render's pixel and bilinear reading (sinc³ of its size in camera pixels). */
    public static double truth(double renderPixel) {
        double lo = 0.01;
        double hi = 0.6;
        for (int i = 0; i < 60; i++) {
            double f = (lo + hi) / 2;
            double s = Math.sin(Math.PI * renderPixel * f) / (Math.PI * renderPixel * f);
            double m = Math.exp(-2 * Math.PI * Math.PI * SIGMA * SIGMA * f * f) * s * s * s;
            if (m > 0.5) {
                lo = f;
            } else {
                hi = f;
            }
        }
        return (lo + hi) / 2;
    }

    /** The photograph of the chart at {@link #QUAD}, as a PNG. */
    public static void write(Path file) throws Exception {
        ImageIO.write(photograph(QUAD, 1), "png", file.toFile());
    }
}
