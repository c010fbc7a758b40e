package org.camlab.bench.baseline;

import org.camlab.bench.FrameBenchmarkBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floor: one plain read pass over the luma plane in Java, summing every byte (as unsigned)
 * into a long. No full-resolution analysis can be faster than this on the same frame.
 */
@State(Scope.Thread)
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
