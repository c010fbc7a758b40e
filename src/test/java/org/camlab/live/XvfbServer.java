package org.camlab.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real X server for the window's tests: Debian's Xvfb on a free display, stopped after. */
public final class XvfbServer implements AutoCloseable {
    private final Process process;
    private final String display;

    private XvfbServer(Process p, String display) {
        this.process = p;
        this.display = display;
    }

    public static XvfbServer start() throws IOException, InterruptedException {
        for (int n = 91; n < 120; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            Process p;
            try {
                p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IOException("Xvfb is not installed (Debian package xvfb; .ci/run installs it)", e);
            }
            Path socket = Path.of("/tmp/.X11-unix/X" + n);
            for (int i = 0; i < 100 && p.isAlive() && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket)) {
                return new XvfbServer(p, ":" + n);
            }
            p.destroyForcibly();
        }
        throw new IOException("no free X display for Xvfb between :91 and :119");
    }

    public String display() {
        return display;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
