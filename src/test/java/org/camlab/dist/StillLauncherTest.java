package org.camlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launchers ({@code bin/camlab} of a checkout, {@code dist/bin/camlab} of the distributions)
 * give stills the client compiler alone, also when options with values come with them: run for real
 * with a stand-in {@code java} that writes the arguments it was given.
 */
class StillLauncherTest {
    private static final String C1 = "-XX:TieredStopAtLevel=1";

    @Test
    void checkoutLauncher(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("checkout");
        Files.createDirectories(home.resolve("target"));
        Files.createFile(home.resolve("target/camlab.jar"));
        Path launcher = install(Path.of("bin/camlab"), home);
        Path jdk = dir.resolve("jdk");
        Path args = standIn(jdk.resolve("bin/java"), dir);
        check(launcher, args, jdk);
    }

    @Test
    void distributionLauncher(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("dist");
        Files.createDirectories(home);
        Files.createFile(home.resolve("camlab.jar"));
        Path launcher = install(Path.of("dist/bin/camlab"), home);
        Path args = standIn(home.resolve("runtime/bin/java"), dir);
        check(launcher, args, null);
    }

    private static void check(Path launcher, Path args, Path javaHome) throws Exception {
        assertEquals(true, c1(launcher, args, javaHome, "analyze", "a.png"));
        assertEquals(true, c1(launcher, args, javaHome, "analyze", "a.png", "--faces", "none", "--json"));
        assertEquals(true, c1(launcher, args, javaHome, "analyze", "--every", "5", "--threads", "2", "a.jpg",
                "--require", "score>=70", "--report", "a.html", "--lang", "zh-Hans"));
        assertEquals(false, c1(launcher, args, javaHome, "analyze", "a.png", "b.mp4"));
        assertEquals(false, c1(launcher, args, javaHome, "analyze", "--faces", "none", "rtsp://cam/1"));
        assertEquals(false, c1(launcher, args, javaHome, "check", "a.png"));
    }

    private static Path install(Path launcher, Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path copy = bin.resolve("camlab");
        Files.copy(launcher, copy, StandardCopyOption.COPY_ATTRIBUTES);
        return copy;
    }

    /** A java that writes its arguments, one a line, to the file it returns. */
    private static Path standIn(Path java, Path dir) throws IOException {
        Files.createDirectories(java.getParent());
        Path args = dir.resolve("args.txt");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return args;
    }

    private static boolean c1(Path launcher, Path args, Path javaHome, String... camlabArgs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(camlabArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", args.getParent().resolve("cache").toString());
        pb.environment().remove("CAMLAB_JAVA_OPTS");
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Files.deleteIfExists(args);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        List<String> given = Files.readAllLines(args);
        return given.contains(C1);
    }
}
