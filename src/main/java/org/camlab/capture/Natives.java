package org.camlab.capture;

/**
 * JavaCPP's own class, initialised once on the calling thread before camlab starts the threads
 * that load FFmpeg and OpenCV. Left to those threads, one can hold JavaCPP's loader lock while
 * loading a library whose initialisation waits for {@code Pointer}'s class initialiser, which
 * another thread runs and which waits for that same lock: a deadlock, seen as a still that never
 * opened in about one run in twenty (ReliabilityTest's stress case, the engine issue's hang).
 */
public final class Natives {
    private static volatile boolean ready;

    private Natives() {
    }

    public static void init() {
        if (ready) {
            return;
        }
        synchronized (Natives.class) {
            if (!ready) {
                try {
                    Class.forName("org.bytedeco.javacpp.Pointer", true, Natives.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    // no JavaCPP: the sources that need it say so when opened
                }
                ready = true;
            }
        }
    }

    /**
     * What a linkage error means to the person running camlab, in one line: a jar of the installation
     * is missing, or the native libraries cannot be loaded from (or unpacked into) the cache.
     */
    public static String explain(LinkageError e) {
        String why = firstLine(e.getMessage());
        if (e instanceof UnsatisfiedLinkError) {
            String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
            return "the native libraries (FFmpeg, OpenCV) cannot be loaded" + (cache == null ? "" : " from " + cache)
                    + (why.isEmpty() ? "" : " (" + why + ")") + ": delete that directory to have them unpacked again, or"
                    + " set CAMLAB_CACHE to a directory you can write; if it persists, reinstall camlab";
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
