package org.camlab.bench.core;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camlab.bench.FrameBenchmarkBase;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameMetrics;
import org.camlab.core.LumaKernel;
import org.camlab.image.Face;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One frame split into bands of rows over {@code threads} threads: camlab's multi-thread entry
 * points {@code new FrameAnalyzer(pool, threads)} and {@code LumaKernel.run(luma, w, h, pool,
 * threads)}, with the pool set up as {@code camlab analyze --threads N} does (N - 1 daemon
 * workers; the calling thread runs the first band). {@code threads = 1} runs the single-thread
 * path, so the speed-up is the threads=1 score over the threads=2 score of the same run.
 *
 * <p>The other way to use two cores, frames in parallel, is measured by {@link CoreBenchmark}
 * with JMH's {@code -t 2} (each JMH thread has its own frame and analyzer).
 */
@State(Scope.Thread)
public class ThreadsBenchmark extends FrameBenchmarkBase {
    @Param({"1", "2"})
    public int threads;

    private final List<Face> noFaces = List.of();
    private ExecutorService pool;
    private FrameAnalyzer analyzer;
    private FrameMetrics metrics;
    private LumaKernel luma;

    @Override
    protected void setUp() {
        pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "camlab-bench-band");
            t.setDaemon(true);
            return t;
        }) : null;
        analyzer = new FrameAnalyzer(pool, threads);
        metrics = new FrameMetrics();
        luma = new LumaKernel();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Benchmark
    public FrameMetrics analyze() {
        analyzer.analyze(frame, noFaces, false, metrics);
        return metrics;
    }

    @Benchmark
    public LumaKernel lumaPass() {
        luma.run(frame.luma, frame.width, frame.height, pool, threads);
        return luma;
    }
}
