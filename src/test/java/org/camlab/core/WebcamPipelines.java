package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.camlab.capture.FrameSource;
import org.camlab.capture.Sources;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Frame;

/**
 * Real photographs sent the way webcams send them: a small sensor picture (with its grain)
 * enlarged by the camera's scaler, then MJPEG at quality 75 or 90 or H.264 through x264 at a
 * webcam's CRF 23; and the look-alikes that have no detail to miss (gradients, a blank wall's
 * light falloff, defocused scenes) through the same encoders. Shared by
 * {@link UpscaleWebcamPipelinesTest} and its {@link #main} that prints every reading.
 */
public final class WebcamPipelines {
    /** Photographs at least 434 px wide, so that their 360 px wide sensor picture is a true reduction. */
    static final List<String> PHOTOS = List.of("astronaut.png", "coffee.png", "chelsea.png", "camera.png", "messi5.jpg",
            "face_portrait_man_outdoor.jpg", "face_webcam_woman_indoor_overlay.jpg", "face_portrait_man_white_bg.jpg",
            "face_man_glasses_triptych.jpg");
    /** The webcam enlargements: 576p→720p, 480p→720p, 720p→1280 wide (or 540p→960p), ×2; from a 360 px wide sensor. */
    static final double[] WEBCAM_FACTORS = {1.25, 1.5, 16.0 / 9, 2};
    /** Small sources enlarged a lot: from a 240 px wide sensor. */
    static final double[] SMALL_SOURCE_FACTORS = {3, 4};
    static final int CRF = 23;
    /** The defocus of the look-alikes, Gaussian σ in pixels. */
    static final double[] DEFOCUS = {1.5, 2, 3, 4};

    enum Send {
        MJPEG_75,
        MJPEG_90,
        H264
    }

    record Case(String what, double factor, Frame frame) {
    }

    private WebcamPipelines() {
    }

    static void enlargements(Consumer<Case> out) {
        for (String name : PHOTOS) {
            BufferedImage photo = Scenes.read(Fixtures.real(name));
            for (double k : WEBCAM_FACTORS) {
                addEnlargements(out, name, photo, 360, k);
            }
            for (double k : SMALL_SOURCE_FACTORS) {
                addEnlargements(out, name, photo, 240, k);
            }
        }
    }

    private static void addEnlargements(Consumer<Case> out, String name, BufferedImage photo, int width, double k) {
        int height = even(width * photo.getHeight() / (double) photo.getWidth());
        BufferedImage sensor = Scenes.grain(Scenes.shrink(photo, width, height), 2, 1);
        int w = even(width * k);
        int h = even(height * k);
        double truth = (double) w / width;
        for (boolean bicubic : new boolean[]{true, false}) {
            String scaler = bicubic ? "bicubic" : "bilinear";
            String what = String.format(Locale.ROOT, "%s %dx%d ×%.2f %s", name, width, height, truth, scaler);
            BufferedImage large = Scenes.resize(sensor, w, h, bicubic);
            out.accept(new Case(what + " MJPEG 75", truth, Scenes.frame(Scenes.jpeg(large, 0.75f))));
            out.accept(new Case(what + " MJPEG 90", truth, Scenes.frame(Scenes.jpeg(large, 0.9f))));
            out.accept(new Case(what + " H.264", truth, h264(sensor, w, h, scaler)));
        }
    }

    /** Pictures with no detail to miss: each must read 1 or "not measurable". */
    static void lookAlikes(Consumer<Case> out) {
        int w = 1280;
        int h = 720;
        addSent(out, "horizontal gradient", ramp(w, h, 40, 200, 1, 0));
        addSent(out, "diagonal gradient", ramp(w, h, 30, 220, 1, 0.6));
        addSent(out, "shallow vertical gradient", ramp(w, h, 100, 140, 0, 1));
        for (double sigma : new double[]{0, 1, 2}) {
            addSent(out, "wall, lamp at the top left, grain " + sigma, wall(w, h, 0.25, -0.2, 0.6, 200, sigma));
            addSent(out, "wall, lamp above, grain " + sigma, wall(w, h, 0.5, -0.6, 1.0, 180, sigma));
            addSent(out, "wall, lamp off to the right, grain " + sigma, wall(640, 480, 1.4, 0.5, 0.8, 150, sigma));
        }
        for (String name : PHOTOS) {
            BufferedImage photo = Scenes.read(Fixtures.real(name));
            // even sizes, so that x264's 4:2:0 needs no scaling
            BufferedImage grainy = Scenes.grain(photo.getSubimage(0, 0, photo.getWidth() / 2 * 2, photo.getHeight() / 2
                    * 2), 2, 3);
            out.accept(new Case(name + " native MJPEG 75", 1, Scenes.frame(Scenes.jpeg(grainy, 0.75f))));
            out.accept(new Case(name + " native MJPEG 90", 1, Scenes.frame(Scenes.jpeg(grainy, 0.9f))));
            out.accept(new Case(name + " native H.264", 1, h264(grainy, grainy.getWidth(), grainy.getHeight(),
                    "bicubic")));
            for (double sigma : DEFOCUS) {
                BufferedImage soft = Scenes.grain(Scenes.blur(photo, sigma), 1, 2);
                out.accept(new Case(name + " defocused σ " + sigma, 1, Scenes.frame(soft)));
                out.accept(new Case(name + " defocused σ " + sigma + " MJPEG 75", 1, Scenes.frame(Scenes.jpeg(soft,
                        0.75f))));
                out.accept(new Case(name + " defocused σ " + sigma + " MJPEG 90", 1, Scenes.frame(Scenes.jpeg(soft,
                        0.9f))));
                out.accept(defocusedH264(name, soft, sigma));
            }
        }
    }

    /**
     * The other real photographs (not {@link #PHOTOS}, not {@link Fixtures#DRAWINGS}), defocused (σ 1.5–3)
     * and sent through x264, whose ×4 reading from the drop at 1/8 cycles/px alone a defocus of σ 2
     * matched, or ×8/3 from x264's own line at 1/4. Not building.jpg: it reads ×1.8 as taken (its
     * history is unknown).
     */
    static void otherPhotographsDefocused(Consumer<Case> out) {
        for (Path p : otherPhotographs()) {
            String name = p.getFileName().toString();
            BufferedImage photo = Scenes.read(p);
            for (double sigma : new double[]{1.5, 2, 3}) {
                out.accept(defocusedH264(name, Scenes.grain(Scenes.blur(photo, sigma), 1, 2), sigma));
            }
        }
    }

    /**
     * The other real photographs (as {@link #otherPhotographsDefocused}), defocused (σ 1.5–4) and sent as
     * MJPEG 75 and 90, whose block grid fills Nyquist: 6 read ×2 before the grid's Nyquist line was
     * looked for inside the blocks (ResidueProfiles.interiorNyquist), a chessboard (left01.jpg, σ 2–4)
     * ×16/9 and a triptych (σ 1.5, MJPEG 90) ×5/4 before a line looked at alone under the grid had to be
     * locked to the frame's edge (lineUnderGrid).
     */
    static void otherPhotographsDefocusedThroughMjpeg(Consumer<Case> out) {
        for (Path p : otherPhotographs()) {
            String name = p.getFileName().toString();
            BufferedImage photo = Scenes.read(p);
            for (double sigma : DEFOCUS) {
                BufferedImage soft = Scenes.grain(Scenes.blur(photo, sigma), 1, 2);
                for (float quality : new float[]{0.75f, 0.9f}) {
                    out.accept(new Case(String.format(Locale.ROOT, "%s defocused σ %s MJPEG %.0f", name, sigma, 100
                            * quality), 1, Scenes.frame(Scenes.jpeg(soft, quality))));
                }
            }
        }
    }

    /**
     * Pictures whose content is periodic, defocused (σ 1.5–3) as is and through MJPEG 75, 90 and x264: the
     * drawings ({@link Fixtures#DRAWINGS}: text, music's ruled staves, ellipses) and the collages of face
     * crops on a grid. Their residue has lines of the content's period, which read as ×1.1–×3.7 before
     * the light's own line at the residue's peak was looked for (UpscaleEstimator's contentsLine).
     */
    static void periodicContentDefocused(Consumer<Case> out) {
        List<String> names = new ArrayList<>(Fixtures.DRAWINGS);
        names.addAll(List.of("face_grid4_landmarks.jpg", "face_grid12_landmarks.jpg", "face_grid24_landmarks.jpg"));
        Collections.sort(names);
        for (String name : names) {
            BufferedImage photo = Scenes.read(Fixtures.real(name));
            for (double sigma : new double[]{1.5, 2, 3}) {
                BufferedImage soft = Scenes.grain(Scenes.blur(photo, sigma), 1, 2);
                String what = name + " defocused σ " + sigma;
                out.accept(new Case(what, 1, Scenes.frame(soft)));
                out.accept(new Case(what + " MJPEG 75", 1, Scenes.frame(Scenes.jpeg(soft, 0.75f))));
                out.accept(new Case(what + " MJPEG 90", 1, Scenes.frame(Scenes.jpeg(soft, 0.9f))));
                out.accept(defocusedH264(name, soft, sigma));
            }
        }
    }

    /**
     * The real photographs outside {@link #PHOTOS}: not the drawings, not the one whose history is not
     * known ({@link UpscaleHardCasesTest#UNKNOWN_HISTORY}).
     */
    private static List<Path> otherPhotographs() {
        return Fixtures.realPhotographs("jpg", "png", "gif").stream().filter(p -> {
            String name = p.getFileName().toString();
            return !PHOTOS.contains(name) && !name.equals(UpscaleHardCasesTest.UNKNOWN_HISTORY);
        }).toList();
    }

    private static Case defocusedH264(String name, BufferedImage soft, double sigma) {
        // even sizes, so that x264's 4:2:0 needs no scaling
        BufferedImage even = soft.getSubimage(0, 0, soft.getWidth() / 2 * 2, soft.getHeight() / 2 * 2);
        return new Case(name + " defocused σ " + sigma + " H.264", 1, h264(even, even.getWidth(), even.getHeight(),
                "bicubic"));
    }

    private static void addSent(Consumer<Case> out, String what, BufferedImage img) {
        out.accept(new Case(what, 1, Scenes.frame(img)));
        out.accept(new Case(what + " MJPEG 75", 1, Scenes.frame(Scenes.jpeg(img, 0.75f))));
        out.accept(new Case(what + " MJPEG 90", 1, Scenes.frame(Scenes.jpeg(img, 0.9f))));
        out.accept(new Case(what + " H.264", 1, h264(img, img.getWidth(), img.getHeight(), "bicubic")));
    }

    /** A linear ramp of luma from {@code from} to {@code to} along the direction (dx, dy). */
    public static BufferedImage ramp(int w, int h, double from, double to, double dx, double dy) {
        double span = Math.abs(dx) * (w - 1) + Math.abs(dy) * (h - 1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round(from + (to - from) * (dx * x + dy * y) / span);
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /**
     * A blank wall lit by a lamp at (cx, cy) (in frame widths) at a distance {@code d} from it:
     * inverse-square light with the cosine of incidence, so a smooth falloff, plus sensor grain.
     */
    public static BufferedImage wall(int w, int h, double cx, double cy, double d, double peak, double grain) {
        Random random = new Random(7);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double rx = (double) x / w - cx;
                double ry = (double) y / w - cy;
                double r2 = (rx * rx + ry * ry) / (d * d);
                double light = Math.pow(1 + r2, -1.5);
                int v = (int) Math.round(peak * light + 20 + grain * random.nextGaussian());
                v = Math.max(0, Math.min(255, v));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    /**
     * The picture enlarged to w×h by FFmpeg's scaler and sent through x264 at CRF {@value #CRF}
     * (4:2:0, veryfast, zero latency, as a meeting application does), decoded again by camlab.
     */
    public static Frame h264(BufferedImage img, int w, int h, String scaler) {
        try {
            Path dir = Files.createTempDirectory("camlab-upscale");
            Path png = dir.resolve("in.png");
            Path mp4 = dir.resolve("out.mp4");
            ImageIO.write(img, "png", png.toFile());
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-loop", "1", "-i", png.toString(),
                    "-frames:v",
                    "3", "-r", "30", "-vf", "scale=" + w + ":" + h + ":flags=" + scaler + ",format=yuv420p", "-c:v",
                    "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-crf", String.valueOf(CRF), mp4
                            .toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg failed: " + log);
            Frame f = new Frame();
            try (FrameSource s = Sources.open(mp4.toString())) {
                s.next();
                s.read(f);
            }
            Files.delete(png);
            Files.delete(mp4);
            Files.delete(dir);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int even(double v) {
        return 2 * (int) Math.round(v / 2);
    }

    /** Prints every case's reading: {@code what <tab> truth <tab> reading <tab> traced}. */
    public static void main(String[] args) {
        UpscaleEstimator estimator = new UpscaleEstimator();
        Consumer<Case> print = c -> {
            double k = estimator.estimate(c.frame().luma, c.frame().width, c.frame().height);
            System.out.printf(Locale.ROOT, "%s\t%.2f\t%.2f\t%s%n", c.what(), c.factor(), k, estimator.traced());
        };
        if (args.length == 0 || args[0].equals("enlargements")) {
            enlargements(print);
        }
        if (args.length == 0 || args[0].equals("lookalikes")) {
            lookAlikes(print);
            otherPhotographsDefocused(print);
            otherPhotographsDefocusedThroughMjpeg(print);
            periodicContentDefocused(print);
        }
    }
}
