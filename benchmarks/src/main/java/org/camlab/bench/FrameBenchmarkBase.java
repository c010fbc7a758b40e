package org.camlab.bench;

import java.util.concurrent.TimeUnit;
import org.camlab.image.Frame;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared state of every frame benchmark: the photo mosaic at 720p, 1080p or 2160p as a 4:2:0
 * {@link Frame} (see {@link BenchFrames}), built once per trial, never inside a measured method.
 *
 * <p>Scope.Thread: camlab's analyzers are one-per-thread, so each benchmark thread gets its own
 * frame and its own analyzers ({@code -t 2} then measures frames analysed in parallel).
 *
 * <p>Setup also writes the frame as raw yuv420p to {@code benchmarks/target/frame-<size>.yuv}, so
 * that {@code ffmpeg-baseline.sh} feeds FFmpeg exactly the planes measured here. Subclasses build
 * their own state in {@link #setUp()}, which runs after the frame exists. The run settings
 * below hold for every subclass (JMH inherits class-level annotations).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class FrameBenchmarkBase {
    @Param({"720p", "1080p", "2160p"})
    public String size;

    /** The frame measured; read its fields into locals inside hot loops. */
    protected Frame frame;

    @Setup(Level.Trial)
    public final void setUpFrame() throws Exception {
        frame = BenchFrames.videoFrame(size);
        BenchFrames.writeYuv420p(frame, BenchFrames.yuvFile(size));
        setUp();
    }

    /** Per-trial state of the subclass (analyzers, output buffers, native copies). */
    protected void setUp() throws Exception {
    }
}
