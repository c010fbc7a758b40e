package org.camlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Windows launcher {@code dist/bin/camlab.cmd} for real, under Wine's {@code cmd.exe}, with a
 * stand-in {@code java.exe}: a real Windows program (built here with MinGW from the C source below)
 * that writes the arguments it was given, as Windows parses a command line into them, to a file,
 * and exits with the code it is told. The install directory has spaces, {@code &}, parentheses,
 * {@code !} and characters outside ASCII in its path; every run starts in another directory.
 *
 * <p>Wine's {@code cmd} is not Windows' in every corner: it expands a {@code %} that a variable's
 * value or {@code %*} brings in a second time, where Windows does not, so no path or argument here
 * holds a {@code %}. Wine makes an 8.3 short name for every long one, so the quoting of the paths
 * the launcher gives java is checked by reading it, not here. What this test does check, Windows'
 * {@code cmd} does the same way.
 *
 * <p>Needs Debian's {@code wine} and {@code wine64} (the {@code cmd} to run it) and {@code
 * gcc-mingw-w64-x86-64-win32} (to build the stand-in); fails, not skips, without them.
 */
class CmdLauncherTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir"), "dist", "bin", "camlab.cmd");
    private static final String WINE = "/usr/bin/wine";
    private static final String WINESERVER = "/usr/bin/wineserver";
    private static final String MINGW = "/usr/bin/x86_64-w64-mingw32-gcc";
    private static final String NO_JAVA = "camlab: no Java runtime found: install Java 17 or later (https://adoptium.net) or set JAVA_HOME";

    /** The stand-in java.exe: "exe=", "cwd=", then "arg=" per argument and "jar=" the long name of -jar's file. */
    private static final String FAKE_JAVA_C = """
            #include <windows.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <wchar.h>

            static void put(FILE *f, const char *key, const wchar_t *value) {
                int n = WideCharToMultiByte(CP_UTF8, 0, value, -1, NULL, 0, NULL, NULL);
                char *s = malloc(n > 0 ? n : 1);
                s[0] = 0;
                if (n > 0) WideCharToMultiByte(CP_UTF8, 0, value, -1, s, n, NULL, NULL);
                fprintf(f, "%s=%s\\n", key, s);
                free(s);
            }

            int wmain(int argc, wchar_t **argv) {
                const wchar_t *out = _wgetenv(L"FAKE_JAVA_OUT");
                const wchar_t *code = _wgetenv(L"FAKE_JAVA_EXIT");
                static wchar_t buf[32768];
                FILE *f = out ? _wfopen(out, L"wb") : stdout;
                if (!f) return 99;
                GetModuleFileNameW(NULL, buf, 32768);
                put(f, "exe", buf);
                GetCurrentDirectoryW(32768, buf);
                put(f, "cwd", buf);
                for (int i = 1; i < argc; i++) {
                    put(f, "arg", argv[i]);
                    if (wcscmp(argv[i], L"-jar") == 0 && i + 1 < argc) {
                        DWORD n = GetLongPathNameW(argv[i + 1], buf, 32768);
                        put(f, "jar", n > 0 && n < 32768 ? buf : L"(missing)");
                    }
                }
                fclose(f);
                return code ? _wtoi(code) : 0;
            }
            """;

    @TempDir
    static Path tmp;
    private static Path prefix;
    private static Path fakeJava;
    private static Path home;
    private static Path work;
    private static Path runs;
    private static int runCount;

    @BeforeAll
    static void wineAndStandIn() throws Exception {
        assertTrue(Files.isRegularFile(LAUNCHER), "the launcher " + LAUNCHER);
        assertTrue(Files.isExecutable(Path.of(WINE)) && Files.isExecutable(Path.of(WINESERVER)),
                "no wine: install Debian's wine and wine64 (scripts/install-test-deps.sh does)");
        assertTrue(Files.isExecutable(Path.of(MINGW)),
                "no MinGW: install Debian's gcc-mingw-w64-x86-64-win32 (scripts/install-test-deps.sh does)");
        String installDir = "Prøgram Files (x86) & ü 日本 !b!";
        String names = System.getProperty("sun.jnu.encoding", "UTF-8");
        assertTrue(Charset.forName(names).newEncoder().canEncode(installDir), "this JVM's file names are " + names
                + ": run it in a UTF-8 locale (LANG=C.UTF-8), as every test with a name outside ASCII needs");
        runs = Files.createDirectories(tmp.resolve("runs"));
        Files.createDirectories(tmp.resolve("wine-tmp"));
        Path src = tmp.resolve("fakejava.c");
        Files.writeString(src, FAKE_JAVA_C);
        fakeJava = tmp.resolve("java.exe");
        Proc built = run(List.of(MINGW, "-municode", "-Os", "-s", "-o", fakeJava.toString(), src.toString()),
                Map.of(), 120, "fakejava-build");
        assertEquals(0, built.code, "the stand-in java.exe builds: " + built.stderr);
        prefix = tmp.resolve("wine prefix");
        Files.createDirectories(tmp.resolve("wine home"));
        // the prefix is made once (about 5 s and 700 MB); wineboot returns before its services settle
        Proc boot = run(List.of(WINE, "wineboot", "--init"), Map.of(), 300, "wineboot");
        run(List.of(WINESERVER, "-w"), Map.of(), 300, "wineserver-wait");
        assertTrue(Files.isRegularFile(prefix.resolve("system.reg")), "wineboot made a prefix: " + boot.stderr);

        home = tmp.resolve(installDir).resolve("camlab");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(LAUNCHER, home.resolve("bin").resolve("camlab.cmd"));
        Files.writeString(home.resolve("camlab.jar"), "stand-in");
        Files.writeString(home.resolve("lib").resolve("a.jar"), "stand-in");
        work = Files.createDirectories(tmp.resolve("some other dir"));
    }

    /** Stops the prefix's wineserver, then removes the prefix without following its links (Z: is /). */
    @AfterAll
    static void removePrefix() throws Exception {
        if (prefix == null) {
            return;
        }
        run(List.of(WINESERVER, "-k"), Map.of(), 60, "wineserver-kill");
        if (Files.exists(prefix, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(prefix)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void isCrlfAndAscii() throws IOException {
        byte[] b = Files.readAllBytes(LAUNCHER);
        for (int i = 0; i < b.length; i++) {
            assertTrue(b[i] >= 0, "byte " + i + " is not ASCII: cmd.exe reads a batch file in the console's code page");
            if (b[i] == '\n') {
                assertTrue(i > 0 && b[i - 1] == '\r', "line ending at byte " + i + " is LF alone: cmd.exe's"
                        + " goto and labels misread LF-only files (.gitattributes: dist/bin/*.cmd text eol=crlf)");
            }
        }
        String text = new String(b, StandardCharsets.US_ASCII);
        assertFalse(text.contains("AOTCache") || text.contains("sun-misc-unsafe"), "no option Java 17 rejects");
    }

    @Test
    void bundledRuntimeComesFirstAndArgumentsPassUnchanged() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("runtime").resolve("bin"));
        Files.copy(fakeJava, runtime.resolve("java.exe"));
        try {
            Path jdk = jdk("jdk home");
            Path onPath = jdk("on path");
            Map<String, String> env = Map.of("JAVA_HOME", win(jdk), "T_PATH", win(onPath.resolve("bin")),
                    "T_ARG", "café 日本 (1).jpg");
            Result r = launch(env, 0, "set \"PATH=%T_BIN%;%T_PATH%;%PATH%\"",
                    "camlab analyze \"a b\" \"say \\\"hi\\\"\" \"q&r\" \"(x)\" !bang! \"\" \"%T_ARG%\""
                            + " --json --every 10s --require \"sharpness.score>=40\"");
            assertEquals(0, r.code, r.toString());
            assertEquals(win(runtime.resolve("java.exe")), r.exe, r.toString());
            assertEquals(List.of("analyze", "a b", "say \"hi\"", "q&r", "(x)", "!bang!", "", "café 日本 (1).jpg",
                    "--json", "--every", "10s", "--require", "sharpness.score>=40"), r.userArgs(), r.toString());
        } finally {
            Files.delete(runtime.resolve("java.exe"));
            Files.delete(runtime);
            Files.delete(runtime.getParent());
        }
    }

    @Test
    void javaHomeWhenNoBundledRuntime() throws Exception {
        Path jdk = jdk("Java (jdk 17) & co");
        Path onPath = jdk("on path");
        // quoted and with a trailing backslash, as people set it
        Map<String, String> env = Map.of("JAVA_HOME", "\"" + win(jdk) + "\\\"", "T_PATH", win(onPath.resolve("bin")));
        Result r = launch(env, 4, "set \"PATH=%T_BIN%;%T_PATH%;%PATH%\"", "camlab check --demo");
        assertEquals(4, r.code, "java's exit code comes back: " + r);
        assertEquals(win(jdk.resolve("bin").resolve("java.exe")), r.exe, r.toString());
        assertEquals(List.of("check", "--demo"), r.userArgs(), r.toString());
    }

    @Test
    void javaOnPathWhenNoJavaHome() throws Exception {
        Path onPath = jdk("on path (2)");
        Result r = launch(Map.of("T_PATH", win(onPath.resolve("bin"))), 3, "set \"PATH=%T_PATH%;%PATH%\"",
                "\"%T_BIN%\\camlab.cmd\" devices");
        assertEquals(3, r.code, r.toString());
        assertEquals(win(onPath.resolve("bin").resolve("java.exe")), r.exe, r.toString());
        assertEquals(List.of("devices"), r.userArgs(), r.toString());
    }

    @Test
    void everyWayOfRunningItFindsItsHome() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", win(jdk("jdk")));
        List<String[]> ways = List.of(
                new String[]{"set \"PATH=%T_BIN%;%PATH%\"", "camlab x \"y z\""},
                new String[]{"set \"PATH=%T_BIN%;%PATH%\"", "camlab.cmd x \"y z\""},
                new String[]{"set \"PATH=%T_BIN%;%PATH%\"", "\"camlab\" x \"y z\""},
                new String[]{"rem full path", "\"%T_BIN%\\camlab.cmd\" x \"y z\""},
                new String[]{"cd /d \"%T_HOME%\"", "bin\\camlab x \"y z\""},
                new String[]{"cd /d \"%T_HOME%\"", "\"bin\\camlab.cmd\" x \"y z\""},
                new String[]{"cd /d \"%T_BIN%\"", "camlab x \"y z\""},
                new String[]{"cd /d \"%T_BIN%\"", "call camlab x \"y z\""});
        for (String[] way : ways) {
            Result r = launch(env, 0, way[0], way[1]);
            String what = String.join(" / ", way) + ": " + r;
            assertEquals(0, r.code, what);
            assertEquals(List.of("x", "y z"), r.userArgs(), what);
        }
    }

    @Test
    void javaOptionsGoBeforeTheJar() throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", win(jdk("jdk")), "CAMLAB_JAVA_OPTS", "-Xmx1g \"-Dx=a b\"");
        Result r = launch(env, 0, "rem", "\"%T_BIN%\\camlab.cmd\" demo");
        assertEquals(List.of("-Dcamlab.launcher=cmd", "-Xmx1g", "-Dx=a b", "-jar"), r.args.subList(1, 5),
                r.toString());
        assertEquals(List.of("demo"), r.userArgs(), r.toString());
    }

    @Test
    void noJavaIsOneLineAndExit6() throws Exception {
        Result r = launch(Map.of(), 0, "rem", "\"%T_BIN%\\camlab.cmd\" demo");
        assertEquals(6, r.code, r.toString());
        assertEquals(List.of(NO_JAVA), r.stderr, r.toString());
        assertNull(r.exe, "no java ran: " + r);
    }

    @Test
    void javaHomeWithoutJavaIsOneLineAndExit6() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("not a jdk & (x)"));
        Result r = launch(Map.of("JAVA_HOME", win(empty)), 0, "rem", "\"%T_BIN%\\camlab.cmd\" demo");
        assertEquals(6, r.code, r.toString());
        assertEquals(List.of("camlab: JAVA_HOME is \"" + win(empty) + "\" and has no bin\\java.exe: point it at"
                + " a Java 17 or later, or unset it"), r.stderr, r.toString());
        assertNull(r.exe, r.toString());
    }

    @Test
    void missingJarIsOneLineAndExit6() throws Exception {
        Path broken = tmp.resolve("broken & (copy)").resolve("camlab");
        Files.createDirectories(broken.resolve("bin"));
        Files.copy(LAUNCHER, broken.resolve("bin").resolve("camlab.cmd"));
        Map<String, String> env = Map.of("JAVA_HOME", win(jdk("jdk")), "T_BROKEN", win(broken.resolve("bin")));
        Result r = launch(env, 0, "rem", "\"%T_BROKEN%\\camlab.cmd\" demo");
        assertEquals(6, r.code, r.toString());
        assertEquals(List.of("camlab: \"" + win(broken.resolve("camlab.jar")) + "\" is missing: the installation is"
                + " incomplete; reinstall camlab"), r.stderr, r.toString());
        assertNull(r.exe, r.toString());
    }

    @Test
    void writesNothingIntoTheInstallDirectory() throws Exception {
        Map<String, FileTime> before = tree(home);
        launch(Map.of("JAVA_HOME", win(jdk("jdk"))), 0, "rem", "\"%T_BIN%\\camlab.cmd\" analyze photo.jpg");
        launch(Map.of(), 0, "rem", "\"%T_BIN%\\camlab.cmd\" demo");
        assertEquals(before, tree(home));
    }

    /** A directory with bin\java.exe, the stand-in (made once per name). */
    private static Path jdk(String name) throws IOException {
        Path dir = tmp.resolve("jdks").resolve(name);
        Path exe = dir.resolve("bin").resolve("java.exe");
        if (!Files.exists(exe)) {
            Files.createDirectories(exe.getParent());
            Files.copy(fakeJava, exe);
        }
        return dir;
    }

    /**
     * Runs, under {@code wine cmd /c}, a batch file that changes to another directory, runs {@code setup}
     * and then {@code command} (its last line: its exit code is the batch's, as at a prompt). T_HOME and
     * T_BIN name the install; anything outside ASCII reaches the batch through the environment.
     */
    private static Result launch(Map<String, String> env, int javaExit, String setup, String command)
            throws Exception {
        int n = ++runCount;
        Path out = runs.resolve("java-" + n + ".txt");
        Path driver = runs.resolve("run-" + n + ".cmd");
        String text = String.join("\r\n", "@echo off", "cd /d \"" + win(work) + "\"", setup, command) + "\r\n";
        assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(text), text);
        Files.writeString(driver, text, StandardCharsets.US_ASCII);
        Map<String, String> all = new TreeMap<>(env);
        all.put("T_HOME", win(home));
        all.put("T_BIN", win(home.resolve("bin")));
        all.put("FAKE_JAVA_OUT", win(out));
        all.put("FAKE_JAVA_EXIT", Integer.toString(javaExit));
        Proc p = run(List.of(WINE, "cmd", "/c", win(driver)), all, 60, "run-" + n);
        Result r = new Result();
        r.code = p.code;
        r.stderr = p.stderr;
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                String k = line.substring(0, eq);
                String v = line.substring(eq + 1);
                switch (k) {
                    case "exe" -> r.exe = v;
                    case "cwd" -> r.cwd = v;
                    case "jar" -> r.jar = v;
                    default -> r.args.add(v);
                }
            }
            // the fixed part of every java command line: its home, the launcher's name, the jar
            String where = win(home);
            assertTrue(r.args.size() >= 4, r.toString());
            assertTrue(r.args.get(0).startsWith("-Dcamlab.home="), r.toString());
            String given = r.args.get(0).substring("-Dcamlab.home=".length());
            assertEquals("-Dcamlab.launcher=cmd", r.args.get(1), r.toString());
            int jar = r.args.indexOf("-jar");
            assertEquals(given + "\\camlab.jar", r.args.get(jar + 1), r.toString());
            assertEquals(where + "\\camlab.jar", r.jar, "-jar names the install's camlab.jar: " + r);
            assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(given),
                    "the home given to java is its short (8.3) name, ASCII: " + r);
            if (!setup.startsWith("cd ")) {
                assertEquals(win(work), r.cwd, "java starts in the caller's directory: " + r);
            }
            r.userStart = jar + 2;
        }
        return r;
    }

    private static Map<String, FileTime> tree(Path root) throws IOException {
        Map<String, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.collect(Collectors.toList())) {
                m.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    /** Z:\ is / in every Wine prefix. */
    private static String win(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    private static final class Result {
        int code;
        List<String> stderr;
        String exe;
        String cwd;
        String jar;
        final List<String> args = new ArrayList<>();
        int userStart;

        List<String> userArgs() {
            return args.subList(userStart, args.size());
        }

        @Override
        public String toString() {
            return "exit " + code + ", java " + exe + " " + args + ", stderr " + stderr;
        }
    }

    private static final class Proc {
        int code;
        List<String> stderr;
    }

    /**
     * Runs a command headless (no display, no stdin, Wine's debug output off, a UTF-8 locale so that
     * Wine reads non-ASCII names and variables right, no JAVA_HOME or CAMLAB_JAVA_OPTS unless given,
     * a home of its own) with its output in files: Wine's background processes may hold a pipe open
     * after it ends.
     */
    private static Proc run(List<String> cmd, Map<String, String> env, int seconds, String name) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        Map<String, String> e = pb.environment();
        e.remove("DISPLAY");
        e.remove("WAYLAND_DISPLAY");
        e.remove("JAVA_HOME");
        e.remove("CAMLAB_JAVA_OPTS");
        e.put("LANG", "C.UTF-8");
        e.put("LC_ALL", "C.UTF-8");
        e.put("WINEDEBUG", "-all");
        // wineserver's socket directory, and MinGW's temporary files, stay in this test's directory
        e.put("TMPDIR", tmp.resolve("wine-tmp").toString());
        // no .NET or HTML engine to offer, no menu entries or file associations for the user's desktop
        e.put("WINEDLLOVERRIDES", "mscoree=;mshtml=;winemenubuilder.exe=");
        if (prefix != null) {
            e.put("WINEPREFIX", prefix.toString());
            // the prefix links its Documents, Desktop... to the home's: one of its own
            e.put("HOME", prefix.resolveSibling("wine home").toString());
            e.keySet().removeIf(k -> k.startsWith("XDG_"));
        }
        e.putAll(env);
        Path stdout = runs.resolve(name + ".out");
        Path stderr = runs.resolve(name + ".err");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not end in " + seconds + " s; stderr: "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        Proc r = new Proc();
        r.code = p.exitValue();
        r.stderr = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().map(l -> l.replace("\r", ""))
                .filter(l -> !l.isEmpty()).collect(Collectors.toList());
        return r;
    }
}
