package org.camlab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs camlab as a user does — a separate JVM, its own stdin/stdout/stderr, a real exit code —
 * on the test's class path, bounded in time. For what only a process shows: signals, exit codes
 * under a small heap, the locale, /dev/full.
 */
public final class ChildProcess {
    /** @param timedOut the process was still running at the deadline and was killed */
    public record Result(int exit, String out, String err, double seconds, boolean timedOut) {
        /** stderr without blank lines. */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private final List<String> jvm = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final Set<String> removed = new HashSet<>();
    private Path stdout;

    public ChildProcess jvm(String... options) {
        jvm.addAll(List.of(options));
        return this;
    }

    public ChildProcess env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Sends stdout to this file (e.g. /dev/full) instead of capturing it. */
    /** The child runs without this variable of the parent's environment. */
    public ChildProcess without(String key) {
        removed.add(key);
        return this;
    }

    public ChildProcess stdout(Path file) {
        stdout = file;
        return this;
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The process started, its output left to the caller (pipes). */
    public Process start(String... args) throws IOException {
        return builder(args).start();
    }

    private ProcessBuilder builder(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        // the tests read English words: the machine's own language must not choose another
        cmd.add("-Duser.language=en");
        cmd.add("-Duser.country=US");
        cmd.addAll(jvm);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TERM");
        pb.environment().put("CI", "1"); // no progress bar, no colours
        pb.environment().keySet().removeAll(removed);
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb;
    }

    public Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path out = stdout != null ? null : Files.createTempFile("camlab-child-", ".out");
        Path err = Files.createTempFile("camlab-child-", ".err");
        ProcessBuilder pb = builder(args);
        pb.redirectOutput(stdout != null ? stdout.toFile() : out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String o = out == null ? "" : Files.readString(out, StandardCharsets.UTF_8);
        String e = Files.readString(err, StandardCharsets.UTF_8);
        if (out != null) {
            Files.deleteIfExists(out);
        }
        Files.deleteIfExists(err);
        return new Result(done ? p.exitValue() : -1, o, e, seconds, !done);
    }
}
