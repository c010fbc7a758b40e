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
}
