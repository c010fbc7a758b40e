package org.camlab.install;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the installation camlab runs from is whole: every jar its manifest names is there, and
 * the native libraries are the ones for this computer. A missing jar would otherwise surface as a
 * {@code NoClassDefFoundError} in the middle of some command; natives for another system as an
 * {@code UnsatisfiedLinkError} when the first picture is opened.
 *
 * <p>camlab's manifest names the native jars of every platform it is built for; a distribution
 * holds only its own, so the jars of other platforms are expected to be absent.
 */
public final class Installation {
    /** {@code name-version-PLATFORM.jar}: a JavaCPP native jar. */
    private static final Pattern NATIVE = Pattern.compile(".*-((?:linux|windows|macosx|android|ios)-[a-z0-9_]+)\\.jar");

    private Installation() {
    }

    /** The jar camlab runs from, or null when it runs from a classes directory (a build, a test). */
    public static File jar() {
        CodeSource source = Installation.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            File f = new File(source.getLocation().toURI());
            return f.isFile() ? f : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** What is wrong with the installation of {@code jar} on {@code platform}, in one line; null when nothing is. */
    public static String problem(File jar, String platform) {
        List<String> entries;
        try (JarFile j = new JarFile(jar)) {
            Manifest m = j.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            entries = new ArrayList<>();
            if (cp != null) {
                for (String e : cp.trim().split("\\s+")) {
                    if (!e.isEmpty()) {
                        entries.add(e);
                    }
                }
            }
        } catch (IOException e) {
            return "cannot read " + jar + " (" + e.getMessage() + "): reinstall camlab";
        }
        File dir = jar.getAbsoluteFile().getParentFile();
        List<String> missing = new ArrayList<>();
        int ownNatives = 0;
        int ownNativesPresent = 0;
        String otherPlatform = null;
        for (String e : entries) {
            boolean present = new File(dir, e.replace('/', File.separatorChar)).isFile();
            Matcher n = NATIVE.matcher(e);
            if (n.matches() && !n.group(1).equals(platform)) {
                if (present) {
                    otherPlatform = n.group(1);
                }
                continue;
            }
            if (n.matches()) {
                ownNatives++;
                if (present) {
                    ownNativesPresent++;
                }
            }
            if (!present) {
                missing.add(e);
            }
        }
        if (ownNatives > 0 && ownNativesPresent == 0 && otherPlatform != null) {
            return "this camlab is built for " + otherPlatform + " and this computer is " + platform
                    + ": install the camlab download for " + platform;
        }
        if (ownNatives == 0 && otherPlatform != null) {
            return "this camlab holds native libraries for " + otherPlatform + " only and this computer is "
                    + platform + ": install the camlab download for " + platform;
        }
        if (!missing.isEmpty()) {
            return "the installation in " + dir + " is incomplete: " + missing.get(0) + " is missing"
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "") + "; reinstall camlab";
        }
        return null;
    }

    /**
     * What a linkage error means to the person running camlab, in one line: a jar of the installation
     * is missing, or the native libraries cannot be loaded from (or unpacked into) their cache.
     */
    public static String explain(LinkageError e) {
        String why = firstLine(e.getMessage());
        if (e instanceof UnsatisfiedLinkError || why.contains("org.bytedeco")) {
            String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
            return "the native libraries (FFmpeg, OpenCV) cannot be loaded" + (cache == null ? "" : " from " + cache)
                    + (why.isEmpty() ? "" : " (" + why + ")") + ": delete that directory to have them unpacked again,"
                    + " or set CAMLAB_CACHE to a directory you can write; if it persists, reinstall camlab";
        }
        if (e instanceof NoClassDefFoundError) {
            return "a part of camlab is missing (" + why.replace('/', '.') + "): the installation is incomplete;"
                    + " reinstall camlab";
        }
        return "camlab cannot run here (" + e + "); reinstall camlab";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
