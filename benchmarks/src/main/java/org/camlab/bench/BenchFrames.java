package org.camlab.bench;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.camlab.capture.StillImageSource;
import org.camlab.image.Frame;

/**
 * The benchmark frames: a mosaic of real photographs at their native pixel scale (no resampling,
 * only cropping), tiled to fill a 720p, 1080p or 2160p frame, and turned into a {@link Frame} the
 * way video arrives: full-range luma plus 4:2:0 chroma.
 *
 * <p>The photographs are the ones {@code scripts/fetch-real-data.sh} unpacks from Debian's
 * packages into {@code fixtures/real/}. They are found through the system property
 * {@code camlab.fixtures} (the {@code fixtures} directory, as for the tests), else
 * {@code fixtures/} under the working directory (run from the repository root), else
 * {@code ../fixtures} (run from {@code benchmarks/}), else next to the benchmarks jar.
 */
public final class BenchFrames {
    /** Natural photographs only (no edge maps, drawn overlays or captions), in tiling order. */
    public static final List<String> PHOTOS = List.of(
            "astronaut.png", "coffee.png", "chelsea.png", "camera.png", "messi5.jpg",
            "face_portrait_man_outdoor.jpg", "face_portrait_man_white_bg.jpg", "face_portrait_man_goatee.jpg");

    /** The sizes measured, as the benchmarks' {@code @Param} values. */
    public static final List<String> SIZES = List.of("720p", "1080p", "2160p");

    private BenchFrames() {
    }

    /** {width, height} of a size name: 720p, 1080p or 2160p. */
    public static int[] dimensions(String size) {
        switch (size) {
            case "720p":
                return new int[]{1280, 720};
            case "1080p":
                return new int[]{1920, 1080};
            case "2160p":
                return new int[]{3840, 2160};
            default:
                throw new IllegalArgumentException("unknown frame size '" + size + "' (expected one of " + SIZES + ")");
        }
    }

    /** The mosaic at {@code size} as a video frame: luma plus 4:2:0 chroma, BT.601 full range. */
    public static Frame videoFrame(String size) throws IOException {
        int[] d = dimensions(size);
        return toVideoFrame(mosaic(d[0], d[1]));
    }

    /**
     * Tiles the photographs row by row. Each row takes photographs in turn until it is at least as
     * wide as the frame; its height is the smallest of theirs, each photograph is centre-cropped to
     * it, and the last one is cut at the right edge. The bottom row is cut at the bottom edge.
     */
    public static BufferedImage mosaic(int width, int height) throws IOException {
        List<Photo> photos = new ArrayList<>();
        Path dir = fixturesDir().resolve("real");
        for (String name : PHOTOS) {
            photos.add(Photo.load(dir.resolve(name)));
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int next = 0;
        int y = 0;
        while (y < height) {
            List<Photo> row = new ArrayList<>();
            int rowWidth = 0;
            int rowHeight = Integer.MAX_VALUE;
            while (rowWidth < width) {
                Photo p = photos.get(next++ % photos.size());
                row.add(p);
                rowWidth += p.width;
                rowHeight = Math.min(rowHeight, p.height);
            }
            rowHeight = Math.min(rowHeight, height - y);
            int x = 0;
            for (Photo p : row) {
                int w = Math.min(p.width, width - x);
                int top = (p.height - rowHeight) / 2;
                for (int r = 0; r < rowHeight; r++) {
                    out.setRGB(x, y + r, w, 1, p.rgb, (top + r) * p.width, p.width);
                }
                x += w;
            }
            y += rowHeight;
        }
        return out;
    }

    /**
     * Converts an RGB image the way camlab converts a still ({@link StillImageSource#fromBufferedImage},
     * BT.601, 4:4:4), then averages each 2×2 block of Cb and Cr (rounded) to 4:2:0, as a camera or a
     * decoder would deliver it. Width and height must be even.
     */
    public static Frame toVideoFrame(BufferedImage image) {
        Frame full = new Frame();
        StillImageSource.fromBufferedImage(image, full);
        int w = full.width;
        int h = full.height;
        if (!full.hasChroma() || w % 2 != 0 || h % 2 != 0) {
            throw new IllegalArgumentException("need an even-sized colour image, got " + w + "x" + h);
        }
        int cw = w / 2;
        int ch = h / 2;
        Frame f = new Frame();
        f.resize(w, h, cw, ch);
        System.arraycopy(full.luma, 0, f.luma, 0, w * h);
        subsample(full.cb, f.cb, w, cw, ch);
        subsample(full.cr, f.cr, w, cw, ch);
        f.matrix = full.matrix;
        f.ptsMicros = 0;
        return f;
    }

    private static void subsample(byte[] src, byte[] dst, int w, int cw, int ch) {
        for (int cy = 0; cy < ch; cy++) {
            int a = 2 * cy * w;
            int b = a + w;
            for (int cx = 0; cx < cw; cx++) {
                int x = 2 * cx;
                int sum = (src[a + x] & 0xFF) + (src[a + x + 1] & 0xFF) + (src[b + x] & 0xFF) + (src[b + x + 1] & 0xFF);
                dst[cy * cw + cx] = (byte) ((sum + 2) >> 2);
            }
        }
    }

    /**
     * Writes the frame as one raw yuv420p picture (Y plane, then Cb, then Cr), atomically, so that
     * FFmpeg reads exactly the planes camlab measured ({@code -f rawvideo -pix_fmt yuv420p}).
     */
    public static Path writeYuv420p(Frame f, Path file) throws IOException {
        if (f.chromaWidth * 2 != f.width || f.chromaHeight * 2 != f.height) {
            throw new IllegalArgumentException("not a 4:2:0 frame");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            out.write(f.luma, 0, f.width * f.height);
            out.write(f.cb, 0, f.chromaWidth * f.chromaHeight);
            out.write(f.cr, 0, f.chromaWidth * f.chromaHeight);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default
        }
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code frame-<size>.yuv} in {@link #outputDir()}. */
    public static Path yuvFile(String size) {
        return outputDir().resolve("frame-" + size + ".yuv");
    }

    /**
     * Where generated frames go: the system property {@code camlab.bench.out}, else the directory
     * holding the benchmarks jar ({@code benchmarks/target/}; {@code target/} too when run from
     * {@code target/classes}).
     */
    public static Path outputDir() {
        String prop = System.getProperty("camlab.bench.out");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        try {
            Path code = Path.of(BenchFrames.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("benchmarks", "target");
        }
    }

    /** The {@code fixtures} directory holding {@code real/}; fails with what to do if it is absent. */
    public static Path fixturesDir() {
        List<Path> tried = new ArrayList<>();
        String prop = System.getProperty("camlab.fixtures");
        if (prop != null && !prop.isBlank()) {
            tried.add(Path.of(prop));
        } else {
            tried.add(Path.of("fixtures"));
            tried.add(Path.of("..", "fixtures"));
            tried.add(outputDir().resolve("../../fixtures").normalize());
        }
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve("real").resolve(PHOTOS.get(0)))) {
                return p;
            }
        }
        StringBuilder where = new StringBuilder();
        for (Path p : tried) {
            where.append(where.length() == 0 ? "" : ", ").append(p.toAbsolutePath().normalize().resolve("real"));
        }
        throw new IllegalStateException("the real photographs for the benchmark frames are missing (looked for "
                + PHOTOS.get(0) + " in " + where + "). Run scripts/fetch-real-data.sh at the repository root, "
                + "then run the benchmarks from the repository root or from benchmarks/, "
                + "or pass -Dcamlab.fixtures=/path/to/fixtures.");
    }

    /** One photograph as packed sRGB; gray images keep their code values (r = g = b). */
    private static final class Photo {
        final int width;
        final int height;
        final int[] rgb;

        private Photo(int width, int height, int[] rgb) {
            this.width = width;
            this.height = height;
            this.rgb = rgb;
        }

        static Photo load(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("missing photograph " + file.toAbsolutePath().normalize()
                        + ": run scripts/fetch-real-data.sh at the repository root");
            }
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new IOException("cannot decode " + file);
            }
            int w = img.getWidth();
            int h = img.getHeight();
            int[] rgb = new int[w * h];
            Raster raster = img.getRaster();
            if (img.getColorModel() instanceof ComponentColorModel && raster.getNumBands() <= 2
                    && raster.getSampleModel().getSampleSize(0) == 8) {
                // read gray samples directly: getRGB would pass them through a gamma curve
                int[] row = new int[w];
                for (int y = 0; y < h; y++) {
                    raster.getSamples(0, y, w, 1, 0, row);
                    for (int x = 0; x < w; x++) {
                        int v = row[x] & 0xFF;
                        rgb[y * w + x] = (v << 16) | (v << 8) | v;
                    }
                }
            } else {
                img.getRGB(0, 0, w, h, rgb, 0, w);
            }
            return new Photo(w, h, rgb);
        }
    }
}
