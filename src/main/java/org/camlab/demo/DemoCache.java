package org.camlab.demo;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.camlab.install.CacheDirectory;

/**
 * The live demo's recording, made once and kept in the user's cache directory: painting and
 * encoding it takes seconds (benchmarks/RESULTS.md), longer than a live check may take to show its
 * first verdict. It holds only the generated scene, nothing of the user's. Written to a temporary
 * name and moved into place, so a run killed while writing it never leaves half a file.
 */
public final class DemoCache {
    /** Bumped whenever the scene or its encoding changes. */
    private static final int VERSION = 1;
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final double FPS = 30;
    public static final double SECONDS = 6;

    private DemoCache() {
    }

    /** The user's cache directory ({@link CacheDirectory}: {@code $CAMLAB_CACHE}, else the system's convention). */
    public static Path directory() {
        return CacheDirectory.get().toPath();
    }

    public static boolean present() {
        return Files.isRegularFile(file());
    }

    public static Path file() {
        return directory().resolve("demo-live-v" + VERSION + ".mp4");
    }

    /** The demo recording, written first if it is not there yet. */
    public static Path get() throws Exception {
        Path f = file();
        if (Files.isRegularFile(f)) {
            return f;
        }
        Files.createDirectories(f.getParent());
        Path tmp = Files.createTempFile(f.getParent(), "demo-", ".mp4.part");
        try {
            DemoRecording.write(tmp, WIDTH, HEIGHT, FPS, SECONDS, 1.0);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the move took it
            }
        }
        return f;
    }
}
