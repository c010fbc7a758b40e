package org.camlab.bench.baseline;

import java.util.concurrent.TimeUnit;
import org.camlab.bench.FrameBenchmarkBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor: one plain read pass over the luma plane in Java, summing every byte (as unsigned)
 * into a long. No full-resolution analysis can be faster than this on the same frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class ReadPassBenchmark extends FrameBenchmarkBase {
    @Benchmark
    public long readPass() {
        final byte[] luma = frame.luma;
        final int n = frame.width * frame.height;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += luma[i] & 0xFF;
        }
        return sum;
    }
}
