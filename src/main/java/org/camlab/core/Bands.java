package org.camlab.core;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Splits rows [0, rows) into n bands: band 0 runs on the calling thread, the others on a pool.
 * With rows = n it runs n tasks, one each (the session's frames side by side).
 */
public final class Bands {
    /** The work of one band: rows [from, to). */
    @FunctionalInterface
    public interface Work {
        void run(int band, int from, int to);
    }

    private Bands() {
    }

    /** Runs all bands and returns when every one has finished; a failure in a band is rethrown. */
    public static void run(ExecutorService pool, int n, int rows, Work work) {
        Future<?>[] futures = new Future<?>[n - 1];
        for (int i = 1; i < n; i++) {
            final int band = i;
            final int from = (int) ((long) rows * i / n);
            final int to = (int) ((long) rows * (i + 1) / n);
            futures[i - 1] = pool.submit(() -> work.run(band, from, to));
        }
        work.run(0, 0, (int) ((long) rows / n));
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
