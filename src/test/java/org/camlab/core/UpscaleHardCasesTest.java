package org.camlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code resolution.upscaleFactor} where it used to fail: small camera pictures shown at 720p and
 * 1080p, webcam JPEGs, cameras that enlarge and then send MJPEG, palette images, and blurred or
 * compressed native pictures that must not read as enlarged. Every case is made from the real
 * photographs, shrunk by area averaging to the camera's size (the photographs are smaller than
 * 1280×720, so a "native 720p" cannot be made from them by enlarging). A reading is right when it
 * is within 15 % of the true factor and the interpolation traces were found; the shares asserted
 * are those measured (docs/METRICS.md) less a small margin, so a regression fails.
 */
class UpscaleHardCasesTest {
    static final List<String> PHOTOS = List.of("astronaut.png", "coffee.png", "chelsea.png", "camera.png", "messi5.jpg",
            "face_portrait_man_outdoor.jpg", "face_webcam_woman_indoor_overlay.jpg", "face_portrait_woman_lowkey.gif",
            "face_two_men_glider_gray.jpg");

    /** The camera's picture size and the size it is shown at. */
    record Scenario(String name, Function<BufferedImage, BufferedImage> camera, int shownWidth, int shownHeight,
            double factor) {
    }

    /** How the small picture becomes the large one. */
    enum Pipeline {
        BICUBIC(0.95, true, small -> small, false, 0),
        BILINEAR(0.95, true, small -> small, false, 0),
        /** A noisy webcam's MJPEG (grain σ 3, quality 75) enlarged by the meeting application. */
        WEBCAM_JPEG_ENLARGED(0.95, true, small -> Scenes.jpeg(Scenes.grain(small, 3, 1), 0.75f), false, 0),
        /** A camera that enlarges its noisy sensor picture itself and sends MJPEG (quality 80). */
        ENLARGED_THEN_MJPEG(0.88, false, small -> Scenes.grain(small, 3, 1), true, 0.8f),
        /** Both: a webcam JPEG enlarged and encoded as JPEG again. */
        JPEG_ENLARGED_JPEG(0.78, false, small -> Scenes.jpeg(Scenes.grain(small, 3, 1), 0.75f), true, 0.8f);

        final double minimumShare;
        final boolean allCalledEnlarged;
        final Function<BufferedImage, BufferedImage> atCamera;
        final boolean encodedAfter;
        final float quality;

        Pipeline(double minimumShare, boolean allCalledEnlarged, Function<BufferedImage, BufferedImage> atCamera,
                boolean encodedAfter,
                float quality) {
            this.minimumShare = minimumShare;
            this.allCalledEnlarged = allCalledEnlarged;
            this.atCamera = atCamera;
            this.encodedAfter = encodedAfter;
            this.quality = quality;
        }

        BufferedImage apply(BufferedImage small, int w, int h) {
            BufferedImage large = Scenes.resize(atCamera.apply(small), w, h, this != BILINEAR);
            return encodedAfter ? Scenes.jpeg(large, quality) : large;
        }
    }

    record Reading(String what, double expected, double factor, boolean traced) {
        boolean right() {
            return traced && Math.abs(factor / expected - 1) <= 0.15;
        }

        boolean calledEnlarged() {
            return traced && factor > 1.3;
        }

        @Override
        public String toString() {
            return String.format("%s: %.2f%s", what, factor, traced ? "" : " (no traces)");
        }
    }

    static Reading read(String what, BufferedImage img, double expected) {
        var f = Scenes.frame(img);
        UpscaleEstimator estimator = new UpscaleEstimator();
        double k = estimator.estimate(f.luma, f.width, f.height);
        return new Reading(what, expected, k, estimator.traced());
    }

    static List<Scenario> scenarios(BufferedImage photo) {
        List<Scenario> out = new ArrayList<>();
        int w = 320;
        int h = (int) Math.round(320.0 * photo.getHeight() / photo.getWidth());
        for (double k : new double[]{1.5, 2, 3, 4}) {
            out.add(new Scenario(w + "x" + h + " ×" + k, p -> Scenes.shrink(p, w, h), (int) Math.round(w * k),
                    (int) Math.round(h * k), k));
        }
        BufferedImage wide = Scenes.widescreen(photo);
        for (int[] s : new int[][]{{320, 180, 1280, 720}, {480, 270, 1280, 720}, {480, 270, 1920, 1080}, {640, 360,
                1280, 720}}) {
            if (wide.getWidth() >= s[0]) {
                out.add(new Scenario(s[0] + "x" + s[1] + " at " + s[2] + "x" + s[3], p -> Scenes.shrink(Scenes
                        .widescreen(p), s[0], s[1]),
                        s[2], s[3], (double) s[2] / s[0]));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pipeline.class)
    void smallCameraPicturesShownLarge(Pipeline pipeline) {
        List<Reading> readings = new ArrayList<>();
        for (String name : PHOTOS) {
            BufferedImage photo = Scenes.read(Fixtures.real(name));
            for (Scenario s : scenarios(photo)) {
                BufferedImage shown = pipeline.apply(s.camera().apply(photo), s.shownWidth(), s.shownHeight());
                readings.add(read(name + " " + s.name(), shown, s.factor()));
            }
        }
        List<Reading> wrong = readings.stream().filter(r -> !r.right()).toList();
        double share = 1 - (double) wrong.size() / readings.size();
        System.out.printf("upscale %s: %d of %d within 15 %%%n", pipeline, readings.size() - wrong.size(), readings
                .size());
        assertTrue(readings.size() >= 50, "too few cases: " + readings.size());
        assertTrue(share >= pipeline.minimumShare, pipeline + ": " + Math.round(100 * share) + " % right, misses "
                + wrong);
        // 480×270 at 1280×720 is 8/3: it repeats every 8 pixels like the block grid, and is told apart from it
        List<Reading> eightThirds = readings.stream().filter(r -> r.what().contains("480x270 at 1280x720")).toList();
        assertTrue(eightThirds.size() >= 6, "8/3 cases: " + eightThirds);
        if (pipeline == Pipeline.ENLARGED_THEN_MJPEG) {
            assertEquals(List.of(), eightThirds.stream().filter(r -> !r.right()).toList(), "×8/3 under MJPEG");
        }
        if (pipeline.allCalledEnlarged) {
            List<Reading> missed = readings.stream().filter(r -> !r.calledEnlarged()).toList();
            assertTrue(missed.isEmpty(), pipeline + ": enlargements not told: " + missed);
        }
    }

    @Test
    void paletteImagesEnlargedTwoThreeAndFourTimes() {
        List<Reading> wrong = new ArrayList<>();
        for (String name : PHOTOS) {
            BufferedImage photo = Scenes.read(Fixtures.real(name));
            int w = 320;
            int h = (int) Math.round(320.0 * photo.getHeight() / photo.getWidth());
            BufferedImage indexed = Scenes.palette(Scenes.shrink(photo, w, h));
            for (int k = 2; k <= 4; k++) {
                Reading r = read(name + " palette ×" + k, Scenes.resize(indexed, w * k, h * k, false), k);
                if (!r.right()) {
                    wrong.add(r);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "palette enlargements misread: " + wrong);
    }

    /**
     * A photograph fetched for the straight-edge finder (issue 29) that may be no camera's native
     * picture (as the {@link Fixtures#DRAWINGS} are not): building.jpg, whose history is not known. It reads ×1.80 as
     * taken and through every version below, and it is soft the way an enlargement is (a bicubic
     * round trip through 1/1.8 of its size changes it by 3.5 code values RMS, the other photographs
     * by 7.7–10). The finder's other scenes (rooms, boxes, facades, fur, fruit) are held to 1.
     */
    static final String UNKNOWN_HISTORY = "building.jpg";

    /** A blurred, soft or compressed native picture loses detail too, but leaves no periodic trace: it reads 1. */
    @Test
    void blurredAndCompressedNativesAreNotEnlarged() throws Exception {
        List<Path> photos = Fixtures.realPhotographs("png", "jpg", "gif").stream().filter(p -> !p.getFileName()
                .toString().equals(UNKNOWN_HISTORY)).toList();
        assertTrue(photos.size() >= 20, "real photographs missing: " + photos);
        List<Reading> wrong = new ArrayList<>();
        int cases = 0;
        for (Path p : photos) {
            BufferedImage photo = Scenes.read(p);
            String name = p.getFileName().toString();
            List<Reading> readings = List.of(read(name, photo, 1), read(name + " σ 1", Scenes.blur(photo, 1.0), 1),
                    read(name + " σ 1.5", Scenes.blur(photo, 1.5), 1), read(name + " box 3×3 twice", box3(box3(photo)),
                            1),
                    read(name + " grain 3, JPEG 75", Scenes.jpeg(Scenes.grain(photo, 3, 1), 0.75f), 1),
                    read(name + " JPEG 60", Scenes.jpeg(photo, 0.6f), 1));
            for (Reading r : readings) {
                cases++;
                if (r.traced() || !(r.factor() < 1.2)) {
                    wrong.add(r);
                }
            }
        }
        assertEquals(List.of(), wrong, cases + " natives; read as enlarged: " + wrong.stream().map(Reading::toString)
                .collect(Collectors.joining(", ")));
    }

    static BufferedImage box3(BufferedImage src) {
        float[] k = new float[9];
        Arrays.fill(k, 1f / 9);
        return new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }
}
