package org.camlab.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks camlab makes before it runs, on installations and runtimes built to trip each. */
class InstallTest {
    @TempDir
    Path dir;

    @Test
    void javaOlderThan17IsOneLineNewerPasses() {
        assertNull(Launch.javaProblem("17", "/jdk17"));
        assertNull(Launch.javaProblem("25", "/jdk25"));
        assertNull(Launch.javaProblem("", "/odd"), "an unreadable version is left to the runtime");
        String eleven = Launch.javaProblem("11", "/usr/lib/jvm/java-11");
        assertTrue(eleven.contains("needs Java 17") && eleven.contains("/usr/lib/jvm/java-11 is Java 11"), eleven);
        assertTrue(Launch.javaProblem("1.8", "/jre8").contains("is Java 1.8"));
        assertEquals(8, Launch.feature("1.8"));
        assertEquals(21, Launch.feature("21"));
    }

    @Test
    void platformsAreJavaCppsNames() {
        assertEquals("linux-x86_64", Platform.of("Linux", "amd64"));
        assertEquals("windows-x86_64", Platform.of("Windows 11", "amd64"));
        assertEquals("macosx-arm64", Platform.of("Mac OS X", "aarch64"));
        assertEquals("macosx-x86_64", Platform.of("Mac OS X", "x86_64"));
        assertEquals("linux-arm64", Platform.of("Linux", "aarch64"));
    }

    @Test
    void cacheDirectoryFollowsEachSystemsConvention() {
        Map<String, String> env = new HashMap<>();
        assertEquals(new File("/home/a/.cache/camlab"), CacheDirectory.of(env, "Linux", "/home/a"));
        env.put("XDG_CACHE_HOME", "/x/cache");
        assertEquals(new File("/x/cache/camlab"), CacheDirectory.of(env, "Linux", "/home/a"));
        env.put("XDG_CACHE_HOME", "relative");
        assertEquals(new File("/home/a/.cache/camlab"), CacheDirectory.of(env, "Linux", "/home/a"),
                "XDG: a relative path is to be ignored");
        assertEquals(new File("/Users/a/Library/Caches/camlab"), CacheDirectory.of(env, "Mac OS X", "/Users/a"));
        env.put("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local");
        assertEquals(new File(new File(new File("C:\\Users\\a\\AppData\\Local"), "camlab"), "cache"),
                CacheDirectory.of(env, "Windows 10", "C:\\Users\\a"));
        env.put("CAMLAB_CACHE", "/mine");
        assertEquals(new File("/mine"), CacheDirectory.of(env, "Windows 10", "C:\\Users\\a"));
    }

    @Test
    void wholeInstallationHasNoProblem() throws IOException {
        File jar = install("lib/picocli.jar lib/ffmpeg-1-linux-x86_64.jar lib/ffmpeg-1-windows-x86_64.jar",
                "lib/picocli.jar", "lib/ffmpeg-1-linux-x86_64.jar");
        assertNull(Installation.problem(jar, "linux-x86_64"), "another platform's natives are expected to be absent");
    }

    @Test
    void aMissingJarIsNamed() throws IOException {
        File jar = install("lib/picocli.jar lib/jackson.jar lib/pdfbox.jar lib/ffmpeg-1-linux-x86_64.jar",
                "lib/picocli.jar", "lib/ffmpeg-1-linux-x86_64.jar");
        String p = Installation.problem(jar, "linux-x86_64");
        assertTrue(p.contains("incomplete") && p.contains("lib/jackson.jar is missing (and 1 more)"), p);
    }

    @Test
    void anotherSystemsDownloadIsToldApart() throws IOException {
        File jar = install("lib/picocli.jar lib/ffmpeg-1-linux-x86_64.jar lib/ffmpeg-1-windows-x86_64.jar",
                "lib/picocli.jar", "lib/ffmpeg-1-linux-x86_64.jar");
        String p = Installation.problem(jar, "windows-x86_64");
        assertTrue(p.contains("built for linux-x86_64") && p.contains("download for windows-x86_64"), p);
    }

    @Test
    void linkageErrorsAreExplainedForPeople() {
        System.setProperty("org.bytedeco.javacpp.cachedir", "/c/javacpp");
        String natives = Installation.explain(new NoClassDefFoundError(
                "Could not initialize class org.bytedeco.opencv.global.opencv_core"));
        assertTrue(natives.contains("cannot be loaded from /c/javacpp") && natives.contains("delete that directory"),
                natives);
        String missing = Installation.explain(new NoClassDefFoundError("picocli/CommandLine"));
        assertTrue(missing.contains("picocli.CommandLine") && missing.contains("reinstall"), missing);
        System.clearProperty("org.bytedeco.javacpp.cachedir");
    }

    @Test
    void onlyCommandsThatOpenPicturesNeedTheNatives() {
        assertTrue(Launch.usesNatives(new String[]{"analyze", "x.png"}));
        assertTrue(Launch.usesNatives(new String[]{"check", "--demo"}));
        assertTrue(!Launch.usesNatives(new String[]{"--version"}));
        assertTrue(!Launch.usesNatives(new String[]{"explain", "backlight"}));
    }

    /** A camlab.jar whose manifest names {@code classPath}, beside the files {@code present}. */
    private File install(String classPath, String... present) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        File jar = dir.resolve("camlab.jar").toFile();
        try (OutputStream out = Files.newOutputStream(jar.toPath()); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        for (String p : present) {
            Path f = dir.resolve(p);
            Files.createDirectories(f.getParent());
            Files.write(f, new byte[]{1});
        }
        return jar;
    }
}
