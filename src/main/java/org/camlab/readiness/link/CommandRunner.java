package org.camlab.readiness.link;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs an external program for its standard output; a seam so tests can hand in fixture text instead of running {@code iw}. */
@FunctionalInterface
public interface CommandRunner {

    /** The program's standard output, or empty when it is missing, fails, or outlasts {@code timeout}. Never throws. */
    Optional<String> run(List<String> command, Duration timeout);

    /** Runs the program directly (no shell, so an interface name cannot become a command), killing it at the timeout. */
    static CommandRunner system() {
        return CommandRunner::runProcess;
    }

    /** More than any {@code iw} answer; a runaway program must not fill the heap. (Interfaces cannot hold private constants.) */
    private static int maxOutput() {
        return 256 * 1024;
    }

    private static Optional<String> runProcess(List<String> command, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            // Untranslated output: the parsers read English keywords.
            pb.environment().put("LC_ALL", "C");
            p = pb.start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // program missing or not runnable
        }
        // Read concurrently: a program that fills the pipe would otherwise never exit.
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readCapped(p.getInputStream()),
                r -> daemon(r).start());
        try {
            if (!p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                kill(p);
                return Optional.empty();
            }
            if (p.exitValue() != 0) return Optional.empty();
            // A child that kept our stdout open must not hold us past the deadline either.
            return Optional.of(out.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            kill(p);
            return Optional.empty();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "camlab-command-output");
        t.setDaemon(true);
        return t;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String readCapped(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (in) {
            for (int n; (n = in.read(chunk)) >= 0;) {
                int room = maxOutput() - buf.size();
                if (room > 0) buf.write(chunk, 0, Math.min(n, room));
            }
        } catch (IOException e) {
            // the process was killed or closed its output: keep what arrived
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
