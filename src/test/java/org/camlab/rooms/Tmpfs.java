package org.camlab.rooms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own, mounted for a test: a disk that really fills up, a directory
 * that really is read-only (which root, who ignores file modes, meets only so). Needs root, as CI
 * and .ci/run are; a developer's own account gets {@link #possible()} false.
 */
public final class Tmpfs implements AutoCloseable {
    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    public static boolean possible() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: "1500k") on a new directory under {@code parent}. */
    public static Tmpfs mount(Path parent, String size) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(parent.resolve("tmpfs-" + System.nanoTime()));
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    public void readOnly() throws IOException, InterruptedException {
        run("mount", "-o", "remount,ro", dir.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "--lazy", dir.toString()); // a file still open in it must not leave the mount behind
    }

    /** Runs {@code command}; one that fails or hangs is an IOException with what it printed. */
    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(p.getInputStream()
                    .readAllBytes()));
        }
    }
}
