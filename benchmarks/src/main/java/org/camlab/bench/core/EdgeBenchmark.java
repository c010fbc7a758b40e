package org.camlab.bench.core;

import org.camlab.bench.FrameBenchmarkBase;
import org.camlab.core.ChartFinder;
import org.camlab.core.EdgeFinder;
import org.camlab.core.TestChartLayout;
import org.camlab.image.Frame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The resolution lab's edge search and e-SFR on one frame, single thread (the budget: 50 ms
 * at 1080p, so that the live check can refresh the figure about once a second).
 *
 * <ul>
 *   <li>{@code findEdges}: {@link EdgeFinder#find} on the benchmark's video frame (a real
 *       photograph: few straight edges, so most of the time is the search).
 *   <li>{@code findEdgesOnChart}: the same on a frame of five slanted squares (5°, as on camlab's
 *       test chart) in the centre and towards the corners: the search and 20 e-SFR measurements.
 *   <li>{@code findEdgesOnManySquares}: 24 such squares, the finder's cap of 64 edges measured.
 *   <li>{@code readChart}: {@link ChartFinder#read} on a frame of camlab's test chart, drawn from its
 *       layout to fill 80 % of the frame's width (the budget: 100 ms at 1080p): finding the
 *       squares, the perspective, 20 e-SFR measurements, the grey steps and the neutral patches.
 * </ul>
 */
@State(Scope.Thread)
public class EdgeBenchmark extends FrameBenchmarkBase {
    private EdgeFinder finder;
    private byte[] chart;
    private byte[] manySquares;
    private ChartFinder chartFinder;
    private Frame chartFrame;

    @Override
    protected void setUp() throws Exception {
        finder = new EdgeFinder(frame.width, frame.height);
        chart = chart(frame.width, frame.height);
        manySquares = manySquares(frame.width, frame.height);
        chartFinder = new ChartFinder();
        chartFrame = new Frame();
        org.camlab.capture.StillImageSource.fromBufferedImage(testChart(frame.width, frame.height), chartFrame);
        if (chartFinder.read(chartFrame) == null) {
            throw new IllegalStateException("the drawn chart is not found");
        }
    }

    @Benchmark
    public ChartFinder.Reading readChart() {
        return chartFinder.read(chartFrame);
    }

    /** camlab's test chart drawn from its layout with Java2D (anti-aliased), 80 % of the width, mid-grey around. */
    static java.awt.image.BufferedImage testChart(int w, int h) {
        var img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        var g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(90, 90, 90));
        g.fillRect(0, 0, w, h);
        double scale = 0.8 * w / TestChartLayout.WIDTH_MM;
        g.translate((w - scale * TestChartLayout.WIDTH_MM) / 2, (h - scale * TestChartLayout.HEIGHT_MM) / 2);
        g.scale(scale, scale);
        g.setColor(new java.awt.Color(235, 235, 235));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, TestChartLayout.WIDTH_MM, TestChartLayout.HEIGHT_MM));
        int dark = (int) Math.round(255 * TestChartLayout.SQUARE_GREY);
        for (double[] q : TestChartLayout.SQUARES) {
            var t = g.getTransform();
            g.translate(q[0], q[1]);
            g.rotate(Math.toRadians(TestChartLayout.TILT_DEG));
            g.setColor(new java.awt.Color(dark, dark, dark));
            double s = TestChartLayout.SQUARE_MM;
            g.fill(new java.awt.geom.Rectangle2D.Double(-s / 2, -s / 2, s, s));
            g.setTransform(t);
        }
        double r = TestChartLayout.DOT_RADIUS_MM;
        g.setColor(new java.awt.Color(235, 235, 235));
        g.fill(new java.awt.geom.Ellipse2D.Double(TestChartLayout.SQUARES[1][0] - r, TestChartLayout.SQUARES[1][1] - r,
                2 * r, 2 * r));
        for (int i = 0; i < TestChartLayout.STEPS; i++) {
            double[] c = TestChartLayout.stepCentre(i);
            int v = (int) Math.round(235 * TestChartLayout.stepGrey(i));
            g.setColor(new java.awt.Color(v, v, v));
            g.fill(new java.awt.geom.Rectangle2D.Double(c[0] - TestChartLayout.STEP_WIDTH_MM / 2,
                    c[1] - TestChartLayout.STEP_HEIGHT_MM / 2, TestChartLayout.STEP_WIDTH_MM,
                    TestChartLayout.STEP_HEIGHT_MM));
        }
        g.dispose();
        return img;
    }

    @Benchmark
    public int findEdges() {
        return finder.find(frame.luma, frame.width, frame.height);
    }

    @Benchmark
    public int findEdgesOnChart() {
        return finder.find(chart, frame.width, frame.height);
    }

    /** The "1080p frame with many edges": 24 squares, 96 sides, of which the finder measures its cap. */
    @Benchmark
    public int findEdgesOnManySquares() {
        return finder.find(manySquares, frame.width, frame.height);
    }

    /** Dark squares a sixth of the height wide, turned 5°, on light grey; edges a logistic ramp of about 1 px. */
    static byte[] chart(int w, int h) {
        return squares(w, h, h / 6.0, new double[][]{{w / 2.0, h / 2.0}, {w * 0.16, h * 0.18}, {w * 0.84, h * 0.18},
                {w * 0.16, h * 0.82}, {w * 0.84, h * 0.82}});
    }

    /** 6 × 4 such squares, each 0.15 of the height wide. */
    static byte[] manySquares(int w, int h) {
        double[][] centres = new double[24][];
        for (int i = 0; i < 24; i++) {
            centres[i] = new double[]{w * (i % 6 + 0.5) / 6, h * (i / 6 + 0.5) / 4};
        }
        return squares(w, h, h * 0.15, centres);
    }

    static byte[] squares(int w, int h, double side, double[][] centres) {
        byte[] out = new byte[w * h];
        double c = Math.cos(Math.toRadians(5));
        double s = Math.sin(Math.toRadians(5));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double inside = 0;
                for (double[] q : centres) {
                    double u = Math.abs((x - q[0]) * c + (y - q[1]) * s);
                    double v = Math.abs(-(x - q[0]) * s + (y - q[1]) * c);
                    double d = side / 2 - Math.max(u, v);
                    inside = Math.max(inside, 1 / (1 + Math.exp(-1.7 * d)));
                }
                out[y * w + x] = (byte) Math.round(200 - 160 * inside);
            }
        }
        return out;
    }
}
