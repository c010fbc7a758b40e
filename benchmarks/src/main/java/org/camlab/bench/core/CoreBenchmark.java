package org.camlab.bench.core;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.camlab.bench.BenchFrames;
import org.camlab.bench.FrameBenchmarkBase;
import org.camlab.core.ChromaKernel;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.FrameMetrics;
import org.camlab.core.LumaKernel;
import org.camlab.core.UpscaleEstimator;
import org.camlab.image.Face;
import org.camlab.image.Frame;
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
 *   <li>{@code upscaleEnlarged}: the same on the mosaic at half the size enlarged ×2 (Java2D bicubic), a
 *       frame that shows a trace, so the estimate also reads whether the light shares the residue's line.
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
    private Frame enlarged;

    @Override
    protected void setUp() throws IOException {
        analyzer = new FrameAnalyzer();
        metrics = new FrameMetrics();
        luma = new LumaKernel();
        chroma = new ChromaKernel();
        upscale = new UpscaleEstimator();
        enlarged = BenchFrames.toVideoFrame(enlarge(BenchFrames.mosaic(frame.width / 2, frame.height / 2), frame.width,
                frame.height));
    }

    private static BufferedImage enlarge(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    @Benchmark
    public double upscaleEnlarged() {
        return upscale.estimate(enlarged.luma, enlarged.width, enlarged.height);
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
