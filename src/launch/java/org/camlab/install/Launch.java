package org.camlab.install;

import java.io.File;
import java.lang.reflect.InvocationTargetException;

/**
 * camlab's entry point in its jar's manifest: checks that it can run here, points JavaCPP's native
 * cache at the user's cache directory, then hands over to {@code org.camlab.cli.Main}. Anything it
 * finds wrong is one line on stderr and {@link #EXIT_INSTALLATION}.
 */
public final class Launch {
    /** camlab cannot run here: Java too old, a jar missing, natives for another system or unloadable. */
    public static final int EXIT_INSTALLATION = 6;
    public static final int JAVA_NEEDED = 17;
    static final String NATIVE_CACHE = "org.bytedeco.javacpp.cachedir";

    private Launch() {
    }

    public static void main(String[] args) {
        String problem = javaProblem(System.getProperty("java.specification.version", ""),
                System.getProperty("java.home", "?"));
        if (problem == null) {
            File jar = Installation.jar();
            problem = jar == null ? null : Installation.problem(jar, Platform.current());
        }
        if (problem != null) {
            System.err.println("camlab: " + problem);
            System.exit(EXIT_INSTALLATION);
        }
        if (System.getProperty(NATIVE_CACHE) == null) {
            File natives = CacheDirectory.natives();
            System.setProperty(NATIVE_CACHE, natives.getPath());
            if (usesNatives(args) && !writable(natives)) {
                // JavaCPP then unpacks into a temporary directory: camlab still works, only starts slower
                System.err.println("camlab: note: cannot write to the cache directory " + natives.getParent()
                        + ", so the native libraries are unpacked anew on every run; set CAMLAB_CACHE to a directory"
                        + " you can write");
            }
        }
        try {
            Class.forName("org.camlab.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LinkageError) {
                System.err.println("camlab: " + Installation.explain((LinkageError) cause));
                System.exit(EXIT_INSTALLATION);
            }
            throw new IllegalStateException(cause);
        } catch (LinkageError e) {
            System.err.println("camlab: " + Installation.explain(e));
            System.exit(EXIT_INSTALLATION);
        } catch (ReflectiveOperationException e) {
            System.err.println("camlab: cannot start: " + e + "; reinstall camlab");
            System.exit(EXIT_INSTALLATION);
        }
    }

    /** A command that opens pictures, recordings or cameras (FFmpeg, OpenCV), rather than only reads or prints. */
    static boolean usesNatives(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            switch (a) {
                case "analyze":
                case "analyse":
                case "check":
                case "demo":
                case "survey":
                case "readiness":
                case "devices":
                    return true;
                default:
                    return false;
            }
        }
        return false;
    }

    private static boolean writable(File dir) {
        return (dir.isDirectory() || dir.mkdirs()) && dir.canWrite();
    }

    /** Null when a runtime of {@code java.specification.version} can run camlab; else what to do, in one line. */
    public static String javaProblem(String specificationVersion, String javaHome) {
        int feature = feature(specificationVersion);
        if (feature == 0 || feature >= JAVA_NEEDED) { // unreadable: let the runtime try
            return null;
        }
        return "needs Java " + JAVA_NEEDED + " or later, and " + javaHome + " is Java " + specificationVersion
                + ": install Java " + JAVA_NEEDED + "+ (for example from adoptium.net) and point JAVA_HOME at it,"
                + " or unset JAVA_HOME if a newer Java is on PATH";
    }

    /** The feature release of a {@code java.specification.version}: 8 for "1.8", 11 for "11"; 0 when unreadable. */
    static int feature(String v) {
        String s = v.startsWith("1.") ? v.substring(2) : v;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        try {
            return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
