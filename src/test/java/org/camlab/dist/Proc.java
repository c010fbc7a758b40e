package org.camlab.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run as a person would run it: its own directory and environment, a deadline, what it printed. */
record Proc(int exit, String out, String err) {
    static Proc run(Path cwd, Map<String, String> env, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        return run(cwd, env, timeoutSeconds, Arrays.asList(command));
    }

    static Proc run(Path cwd, Map<String, String> env, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("camlab-proc", ".out");
        Path err = Files.createTempFile("camlab-proc", ".err");
        try {
            ProcessBuilder b = new ProcessBuilder(new ArrayList<>(command)).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (env != null) {
                b.environment().clear();
                b.environment().putAll(env);
            }
            Process p = b.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within " + timeoutSeconds + " s; stderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** stderr's lines that are not blank. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
