package org.camlab.bench.core;

import org.camlab.bench.FrameBenchmarkBase;
import org.camlab.core.EdgeFinder;
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
 *   <li>{@code findEdgesOnChart}: the same on a frame of slanted squares (5°, as on camlab's test
 *       chart) in the centre and towards the corners: the search and twelve e-SFR measurements.
 * </ul>
 */
@State(Scope.Thread)
public class EdgeBenchmark extends FrameBenchmarkBase {
    private EdgeFinder finder;
    private byte[] chart;

    @Override
    protected void setUp() {
        finder = new EdgeFinder(frame.width, frame.height);
        chart = chart(frame.width, frame.height);
    }

    @Benchmark
    public int findEdges() {
        return finder.find(frame.luma, frame.width, frame.height);
    }

    @Benchmark
    public int findEdgesOnChart() {
        return finder.find(chart, frame.width, frame.height);
    }

    /** Dark squares a sixth of the height wide, turned 5°, on light grey; edges a logistic ramp of about 1 px. */
    static byte[] chart(int w, int h) {
        byte[] out = new byte[w * h];
        double side = h / 6.0;
        double[][] centres = {{w / 2.0, h / 2.0}, {w * 0.16, h * 0.18}, {w * 0.84, h * 0.18}, {w * 0.16, h * 0.82},
            {w * 0.84, h * 0.82}};
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
