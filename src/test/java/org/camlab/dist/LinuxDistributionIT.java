package org.camlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The linux-x86_64 tar.gz as a person uses it: unpacked into a directory whose path has spaces and
 * non-ASCII characters, made read-only, run from elsewhere and through a symlink with the system's
 * Java, and broken in the ways installations break.
 */
class LinuxDistributionIT {
    static Path root;
    static Path install;
    static Map<String, String> listing;
    static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

    @BeforeAll
    static void unpack() throws Exception {
        root = Files.createTempDirectory("camlab dist ");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path parent = Files.createDirectories(root.resolve("Programme (x86)/caméra ü"));
        Proc tar = Proc.run(root, null, 300, "tar", "-xzf", Dist.archive("linux-x86_64").toString(), "-C", parent
                .toString());
        assertEquals(0, tar.exit(), tar.toString());
        install = parent.resolve("camlab-" + Dist.version());
        assertEquals(0, Proc.run(root, null, 60, "chmod", "-R", "a-w", install.toString()).exit());
        listing = listing(install);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (root != null) {
            Proc.run(Path.of("/"), null, 60, "chmod", "-R", "u+w", root.toString());
            Proc.run(Path.of("/"), null, 120, "rm", "-rf", root.toString());
        }
    }

    private Path person() throws IOException {
        Path home = Files.createTempDirectory(root, "home ");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        return home;
    }

    @Test
    void demoRunsFromAnotherDirectoryAndWritesNothingIntoTheInstall() throws Exception {
        Path home = person();
        List<String> cmd = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes anywhere: run as nobody, for whom the install directory really is read-only
            cmd.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        cmd.add(install.resolve("bin/camlab").toString());
        cmd.add("demo");
        Proc demo = Proc.run(home, Dist.env(home, SYSTEM_PATH), 300, cmd);
        assertEquals(0, demo.exit(), demo.toString());
        assertTrue(demo.out().contains("Score") && demo.out().contains("background vs face"), demo.toString());
        assertFalse(demo.err().contains("Exception"), demo.toString());
        assertTrue(Files.isDirectory(home.resolve(".cache/camlab/javacpp")), "natives unpacked into the user's cache");
        assertEquals(listing, listing(install), "nothing written into the install directory");
    }

    @Test
    void analyzeAStillThroughASymlinkWithJson() throws Exception {
        Path home = person();
        Path links = Files.createDirectories(home.resolve("my bin"));
        Files.createSymbolicLink(links.resolve("camlab"), install.resolve("bin/camlab"));
        Path still = Dist.still(home);
        // through the shell, as a person types it: "camlab" found on PATH, a symlink to the install
        Proc p = Proc.run(home, Dist.env(home, links + ":" + SYSTEM_PATH), 180, "/bin/sh", "-c",
                "camlab analyze \"$1\" --json", "sh", still.toString());
        assertEquals(0, p.exit(), p.toString());
        assertTrue(p.out().startsWith("{\"schema\":\"camlab.report/1\""), p.toString());
        Proc v = Proc.run(home, Dist.env(home, links + ":" + SYSTEM_PATH), 60, "/bin/sh", "-c", "camlab --version");
        assertTrue(v.out().matches("(?s)camlab " + Pattern.quote(Dist.version())
                + " \\(commit [0-9a-f]{7,}(\\+changes)?, \\d{4}-\\d\\d-\\d\\d\\) · linux-x86_64 · Java .*"), v
                        .toString());
        assertEquals(listing, listing(install));
    }

    @Test
    void aMissingJarIsOneLineAndExit6() throws Exception {
        Path copy = copyOfInstall("missing jar");
        try (Stream<Path> s = Files.list(copy.resolve("lib"))) {
            Path picocli = s.filter(p -> p.getFileName().toString().startsWith("picocli-")).findFirst().orElseThrow();
            Files.delete(picocli);
        }
        Path home = person();
        Proc p = Proc.run(home, Dist.env(home, SYSTEM_PATH), 60, copy.resolve("bin/camlab").toString(), "analyze",
                Dist.still(home).toString());
        assertEquals(6, p.exit(), p.toString());
        assertEquals(1, p.errLines().size(), p.toString());
        assertTrue(p.err().contains("incomplete") && p.err().contains("picocli"), p.toString());
    }

    @Test
    void aCorruptedNativeCacheIsOneLineAndExit6() throws Exception {
        Path home = person();
        Map<String, String> env = Dist.env(home, SYSTEM_PATH);
        Path still = Dist.still(home);
        assertEquals(0, Proc.run(home, env, 180, install.resolve("bin/camlab").toString(), "analyze", still.toString())
                .exit());
        Path lib;
        try (Stream<Path> s = Files.walk(home.resolve(".cache/camlab/javacpp"))) {
            lib = s.filter(p -> p.getFileName().toString().equals("libjniopencv_core.so")).findFirst().orElseThrow();
        }
        // damaged in place: same size, same time, so JavaCPP's own check (size and date) does not see it
        var time = Files.getLastModifiedTime(lib);
        byte[] bytes = Files.readAllBytes(lib);
        Arrays.fill(bytes, 0, 4096, (byte) 0);
        Files.write(lib, bytes);
        Files.setLastModifiedTime(lib, time);
        Proc p = Proc.run(home, env, 180, install.resolve("bin/camlab").toString(), "analyze", still.toString());
        assertEquals(6, p.exit(), p.toString());
        List<String> ours = p.errLines().stream().filter(l -> l.startsWith("camlab:")).toList();
        assertEquals(1, ours.size(), p.toString());
        assertTrue(ours.get(0).contains("cannot be loaded from " + home.resolve(".cache/camlab/javacpp"))
                && ours.get(0).contains("delete that directory"), p.toString());
        assertFalse(p.err().contains("\tat "), "no stack trace: " + p);
    }

    @Test
    void anUnwritableCacheIsSaidInOneLineAndTheWorkIsDone() throws Exception {
        Path home = person();
        Path file = Files.writeString(home.resolve("not a directory"), "x");
        Map<String, String> env = Dist.env(home, SYSTEM_PATH);
        env.put("XDG_CACHE_HOME", file.resolve("cache").toString()); // under a file: no one can create it, root neither
        Proc p = Proc.run(home, env, 180, install.resolve("bin/camlab").toString(), "analyze", Dist.still(home)
                .toString());
        assertEquals(0, p.exit(), p.toString());
        assertEquals(1, p.errLines().size(), p.toString());
        assertTrue(p.err().contains("cannot write to the cache directory " + file.resolve("cache/camlab"))
                && p.err().contains("CAMLAB_CACHE"), p.toString());
        assertTrue(p.out().contains("Score"), p.toString());
    }

    @Test
    void javaHomeAtJava11IsOneLineAndExit6() throws Exception {
        Path home = person();
        Path jdk11 = Files.createDirectories(home.resolve("jdk-11.0.2/bin"));
        Files.writeString(jdk11.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Path java = Files.writeString(jdk11.resolve("java"),
                "#!/bin/sh\necho 'this Java 11 was started' >&2\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Dist.env(home, SYSTEM_PATH);
        env.put("JAVA_HOME", jdk11.getParent().toString());
        Proc p = Proc.run(home, env, 60, install.resolve("bin/camlab").toString(), "demo");
        assertEquals(6, p.exit(), p.toString());
        assertEquals(1, p.errLines().size(), p.toString());
        assertTrue(p.err().contains("needs Java 17 or later") && p.err().contains("Java 11"), p.toString());
    }

    @Test
    void noJavaAtAllIsOneLineAndExit6() throws Exception {
        Path home = person();
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : new String[]{"dirname", "readlink", "sed", "head", "uname", "cut", "mkdir", "cksum", "grep",
                "locale"}) {
            Path t = Path.of("/usr/bin", tool);
            if (Files.exists(t)) {
                Files.createSymbolicLink(bin.resolve(tool), t);
            }
        }
        Proc p = Proc.run(home, Dist.env(home, bin.toString()), 60, "/bin/sh", install.resolve("bin/camlab").toString(),
                "demo");
        assertEquals(6, p.exit(), p.toString());
        assertEquals(1, p.errLines().size(), p.toString());
        assertTrue(p.err().contains("no Java runtime found"), p.toString());
    }

    @Test
    void theLauncherIsPosixSh() throws Exception {
        for (String shell : new String[]{"/bin/dash", "/bin/sh"}) {
            if (Files.exists(Path.of(shell))) {
                Proc p = Proc.run(root, null, 30, shell, "-n", install.resolve("bin/camlab").toString());
                assertEquals(0, p.exit(), shell + ": " + p);
            }
        }
        String text = Files.readString(install.resolve("bin/camlab"));
        assertTrue(text.startsWith("#!/bin/sh\n"));
        for (String bashism : new String[]{"[[", "BASH_SOURCE", "declare ", "local ", "${!", "=~", "<<<",
                "function "}) {
            assertFalse(text.contains(bashism), "bash-only " + bashism + " in bin/camlab");
        }
        assertFalse(text.matches("(?s).*\\n\\s*\\(\\(.*"), "bash-only (( )) in bin/camlab");
    }

    private Path copyOfInstall(String name) throws Exception {
        Path copy = root.resolve(name);
        assertEquals(0, Proc.run(root, null, 120, "cp", "-r", install.toString(), copy.toString()).exit());
        assertEquals(0, Proc.run(root, null, 60, "chmod", "-R", "u+w", copy.toString()).exit());
        return copy;
    }

    /** Every file and directory below {@code dir} with its size and time. */
    static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                m.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }
}
