package org.camlab.bench.core;

import java.util.List;
import org.camlab.bench.FrameBenchmarkBase;
import org.camlab.core.ChromaKernel;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameMetrics;
import org.camlab.core.LumaKernel;
import org.camlab.core.UpscaleEstimator;
import org.camlab.image.Face;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * camlab's analysis core on one frame, single thread.
 *
 * <ul>
 *   <li>{@code analyze}: the complete per-frame analysis of design.md without face detection and
 *       without the effective-resolution estimate: {@code FrameAnalyzer.analyze(frame, no faces,
 *       false, metrics)} (fused luma pass, exposure, uniformity grid, sharpness, noise, colour cast).
 *   <li>{@code analyzeWithResolution}: the same with the effective-resolution estimate.
 *   <li>{@code lumaPass}: the fused luma pass alone ({@link LumaKernel#run}).
 *   <li>{@code chromaPass}: the colour-cast pass alone ({@link ChromaKernel#run}), 4:2:0 chroma.
 *   <li>{@code upscale}: the effective-resolution estimate alone ({@link UpscaleEstimator#estimate}).
 * </ul>
 */
@State(Scope.Thread)
public class CoreBenchmark extends FrameBenchmarkBase {
    private final List<Face> noFaces = List.of();
    private FrameAnalyzer analyzer;
    private FrameMetrics metrics;
    private LumaKernel luma;
    private ChromaKernel chroma;
    private UpscaleEstimator upscale;

    @Override
    protected void setUp() {
        analyzer = new FrameAnalyzer();
        metrics = new FrameMetrics();
        luma = new LumaKernel();
        chroma = new ChromaKernel();
        upscale = new UpscaleEstimator();
    }

    @Benchmark
    public double upscale() {
        return upscale.estimate(frame.luma, frame.width, frame.height);
    }

    @Benchmark
    public FrameMetrics analyze() {
        analyzer.analyze(frame, noFaces, false, metrics);
        return metrics;
    }

    /** {@code analyze} with the effective-resolution estimate, as every 2 s of a session (and every key frame of {@code --every 10s}). */
    @Benchmark
    public FrameMetrics analyzeWithResolution() {
        analyzer.analyze(frame, noFaces, true, metrics);
        return metrics;
    }

    @Benchmark
    public LumaKernel lumaPass() {
        luma.run(frame.luma, frame.width, frame.height);
        return luma;
    }

    @Benchmark
    public ChromaKernel chromaPass() {
        chroma.run(frame);
        return chroma;
    }
}
