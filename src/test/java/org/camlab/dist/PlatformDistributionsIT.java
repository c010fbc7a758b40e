package org.camlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.bytedeco.javacpp.ClassProperties;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Windows and macOS distributions, which cannot run here: each holds its platform's native
 * libraries and no other's, each file of the right binary kind for that system and processor, and
 * every library JavaCPP's own metadata says it links for that platform (each preset's JNI library
 * and its {@code platform.link} list) is there by name.
 */
class PlatformDistributionsIT {
    /** The JavaCPP classes camlab loads: FFmpeg (capture), OpenCV (faces, stills), OpenBLAS (OpenCV's dnn). */
    static final String[] PRESETS = {"org.bytedeco.javacpp.presets.javacpp", "org.bytedeco.ffmpeg.global.avutil",
            "org.bytedeco.ffmpeg.global.avcodec", "org.bytedeco.ffmpeg.global.avformat",
            "org.bytedeco.ffmpeg.global.avdevice",
            "org.bytedeco.ffmpeg.global.avfilter", "org.bytedeco.ffmpeg.global.swscale",
            "org.bytedeco.ffmpeg.global.swresample",
            "org.bytedeco.opencv.global.opencv_core", "org.bytedeco.opencv.global.opencv_imgproc",
            "org.bytedeco.opencv.global.opencv_imgcodecs", "org.bytedeco.opencv.global.opencv_dnn",
            "org.bytedeco.opencv.global.opencv_objdetect", "org.bytedeco.opencv.global.opencv_videoio",
            "org.bytedeco.openblas.global.openblas_nolapack"};

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "windows-x86_64", "macosx-arm64", "macosx-x86_64"})
    void nativesOfItsPlatformOnlyAndAllOfThem(String platform) throws Exception {
        Map<String, byte[]> natives = new HashMap<>(); // path in a native jar -> its first bytes
        List<String> jars = new ArrayList<>();
        Path archive = Dist.archive(platform);
        for (Map.Entry<String, byte[]> jar : libJars(archive).entrySet()) {
            String name = jar.getKey();
            jars.add(name);
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(jar.getValue()))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                    String n = e.getName();
                    if (!e.isDirectory() && n.matches("org/bytedeco/[^/]+/[a-z]+-[a-z0-9_]+/.*") && !n.endsWith(".h")
                            && !n.contains("/share/") && !n.contains("/include/") && !n.contains("/lib/cmake")) {
                        natives.put(n, z.readNBytes(128));
                    }
                }
            }
        }
        for (String jar : jars) {
            if (jar.matches(".*-(linux|windows|macosx)-[a-z0-9_]+\\.jar")) {
                assertTrue(jar.endsWith("-" + platform + ".jar"), archive + " holds " + jar);
            }
        }
        assertEquals(4, jars.stream().filter(j -> j.endsWith("-" + platform + ".jar")).count(), jars.toString());
        assertTrue(jars.stream().noneMatch(j -> j.startsWith("javafx-")), "no per-platform JavaFX: " + jars);

        for (Map.Entry<String, byte[]> n : natives.entrySet()) {
            String path = n.getKey();
            assertEquals(platform, path.split("/")[3], path + " in " + archive);
            if (!platform.startsWith("linux")) {
                // by content, not name: OpenCV's Python module is a Mach-O named .so on macOS
                assertFalse(kind(n.getValue()).startsWith("ELF"), "a Linux library in " + archive + ": " + path);
            }
        }

        Properties props = Loader.loadProperties(platform, null);
        String prefix = props.getProperty("platform.library.prefix", "");
        // a list on some platforms (macOS: ".dylib:.so")
        List<String> suffixes = List.of(props.getProperty("platform.library.suffix", "").split(":"));
        TreeSet<String> files = new TreeSet<>();
        natives.keySet().forEach(p -> files.add(p.substring(p.lastIndexOf('/') + 1)));
        List<String> missing = new ArrayList<>();
        List<String> wrongKind = new ArrayList<>();
        for (String preset : PRESETS) {
            Class<?> c = Class.forName(preset, false, getClass().getClassLoader());
            ClassProperties cp = Loader.loadProperties(c, props, true);
            String jni = cp.getProperty("platform.library");
            List<String> libs = new ArrayList<>();
            libs.add(jni != null ? jni : "jni" + c.getSimpleName());
            libs.addAll(cp.get("platform.link"));
            for (String lib : libs) {
                if (lib.endsWith("#")) {
                    continue; // JavaCPP's mark for a library of the system (psapi on Windows), never bundled
                }
                String base = lib.split("#")[0].split("@")[0];
                String file = files.stream().filter(f -> (f.startsWith(prefix + base) || f.startsWith(base)
                        || f.startsWith("lib" + base)) && suffixes.stream().anyMatch(x -> f.endsWith(x) || f.contains(x
                                + "."))).findFirst()
                        .orElse(null);
                if (file == null) {
                    // JavaCPP goes on without a link library whose absence the JNI library does not need: what
                    // the Linux build, which runs here, also lacks (libpostproc, GPL-only) is not required
                    if (lib.startsWith("jni") || !LINUX_LACKS.contains(lib)) {
                        missing.add(preset + ": " + lib);
                    }
                    continue;
                }
                String kind = natives.entrySet().stream().filter(e -> e.getKey().endsWith("/" + file))
                        .map(e -> kind(e.getValue())).findFirst().orElse("unknown");
                if (!kind.contains(kind(platform))) {
                    wrongKind.add(file + ": " + kind);
                }
            }
        }
        assertEquals(List.of(), missing, "libraries JavaCPP links for " + platform + " but " + archive + " lacks");
        assertEquals(List.of(), wrongKind, "libraries of another kind than " + kind(platform) + " in " + archive);
    }

    /** Link libraries of the presets that the linux-x86_64 build lacks too, and runs without (measured here). */
    static final Set<String> LINUX_LACKS = Set.of("postproc@.58", "openblas_nolapack@.0");

    /** ELF, PE or Mach-O and the processor, from a native library's first bytes. */
    static String kind(String platform) {
        return switch (platform) {
            case "linux-x86_64" -> "ELF x86_64";
            case "windows-x86_64" -> "PE";
            case "macosx-arm64" -> "Mach-O arm64";
            case "macosx-x86_64" -> "Mach-O x86_64";
            default -> throw new IllegalArgumentException(platform);
        };
    }

    static String kind(byte[] b) {
        if (b.length >= 20 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F') {
            return (b[18] & 0xff) == 0x3e ? "ELF x86_64" : "ELF machine " + (b[18] & 0xff);
        }
        if (b.length >= 2 && b[0] == 'M' && b[1] == 'Z') {
            return "PE";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0xca && (b[1] & 0xff) == 0xfe && (b[2] & 0xff) == 0xba && (b[3]
                & 0xff) == 0xbe) {
            int n = (b[4] & 0xff) << 24 | (b[5] & 0xff) << 16 | (b[6] & 0xff) << 8 | (b[7] & 0xff);
            StringBuilder archs = new StringBuilder("Mach-O universal");
            for (int i = 0; i < n && 8 + 20 * i + 4 <= b.length; i++) {
                int o = 8 + 20 * i;
                int cpu = (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
                archs.append(cpu == 0x0100000c ? " Mach-O arm64" : cpu == 0x01000007 ? " Mach-O x86_64" : " cpu "
                        + cpu);
            }
            return archs.toString();
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0xcf && (b[1] & 0xff) == 0xfa && (b[2] & 0xff) == 0xed && (b[3]
                & 0xff) == 0xfe) {
            int cpu = (b[4] & 0xff) | (b[5] & 0xff) << 8 | (b[6] & 0xff) << 16 | (b[7] & 0xff) << 24;
            return cpu == 0x0100000c ? "Mach-O arm64" : cpu == 0x01000007 ? "Mach-O x86_64" : "Mach-O cpu " + cpu;
        }
        return "unknown";
    }

    /** The jars under lib/ of a distribution archive, by file name, with their bytes. */
    static Map<String, byte[]> libJars(Path archive) throws IOException, InterruptedException {
        Map<String, byte[]> jars = new HashMap<>();
        if (archive.toString().endsWith(".zip")) {
            try (ZipFile z = new ZipFile(archive.toFile())) {
                for (ZipEntry e : Collections.list(z.entries())) {
                    if (e.getName().matches("camlab-[^/]+/lib/[^/]+\\.jar")) {
                        try (InputStream in = z.getInputStream(e)) {
                            jars.put(e.getName().substring(e.getName().lastIndexOf('/') + 1), in.readAllBytes());
                        }
                    }
                }
            }
        } else {
            Path dir = Files.createTempDirectory("camlab-tgz");
            assertEquals(0, Proc.run(dir, null, 300, "tar", "-xzf", archive.toString(), "-C", dir.toString()).exit());
            try (var s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (p.getParent() != null && p.getParent().getFileName().toString().equals("lib") && p.toString()
                            .endsWith(".jar")) {
                        jars.put(p.getFileName().toString(), Files.readAllBytes(p));
                    }
                }
            }
            Proc.run(Path.of("/"), null, 120, "rm", "-rf", dir.toString());
        }
        return jars;
    }
}
