package org.camlab.dist;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Where `mvn package -P dist` left the distributions, and the environment of a person without camlab's build. */
final class Dist {
    private Dist() {
    }

    static Path dir() {
        String d = System.getProperty("camlab.dist");
        if (d == null) {
            throw new AssertionError("camlab.dist is not set: run these tests with mvn verify -P dist");
        }
        return Path.of(d);
    }

    static String version() {
        return System.getProperty("camlab.version");
    }

    static Path archive(String platform) {
        Path p = dir().resolve("camlab-" + version() + "-" + platform + (platform.startsWith("linux") ? ".tar.gz"
                : ".zip"));
        if (!Files.isRegularFile(p)) {
            throw new AssertionError(p + " was not built");
        }
        return p;
    }

    static Path deb() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith("_amd64.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb in " + dir()));
        }
    }

    /** A plain environment: PATH, a home and cache of the test's own, English, no JAVA_HOME and no camlab settings. */
    static Map<String, String> env(Path home, String path) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TERM", "dumb");
        return env;
    }

    /** A 512×512 still with a face-like oval, written where a person would keep a picture. */
    static Path still(Path dir) throws IOException {
        BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 85, 80));
        g.fillRect(0, 0, 512, 512);
        g.setColor(new Color(200, 160, 135));
        g.fillOval(180, 130, 150, 190);
        g.dispose();
        Path p = dir.resolve("desk photo.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
