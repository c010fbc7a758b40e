package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.camlab.advice.Advisor;
import org.camlab.capture.Sources;
import org.camlab.cli.CliRunner;
import org.camlab.face.FaceDetector;
import org.camlab.fixtures.Recordings;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.Remedy;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.Cadence;
import org.camlab.session.Session;
import org.camlab.session.SessionOptions;
import org.camlab.text.Language;
import org.camlab.text.Words;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The advice charted, on recordings built to trip known rules: rolling bands of 50 Hz mains lamps
 * on a picture enlarged ×2 (flicker: the light's; the enlarged picture: the camera's; the
 * enlargement smooths the generator's grain below the noise rule's threshold), and a dim room whose camera halves its rate (too dark and the
 * falling rate: the light's; its native picture no fix). The chart's rows are checked against the verdict, its pixels in the
 * page Chromium draws and in the PDF poppler draws.
 */
@Timeout(300)
class RecommendationChartTest {
    private static final Advisor ADVISOR = new Advisor();
    static Path banded;
    static Path dimHalved;

    @BeforeAll
    static void record() {
        // a 480×270 camera picture enlarged ×2 by FFmpeg's scaler and sent through x264, as a webcam
        // whose sensor mode is smaller than what it sends (the generator's scene is native: since
        // issue 29 its x264 grid no longer reads as an enlargement)
        banded = Recordings.enlarged(Recordings.lit(30, 180, 480, 270, new int[0], false, 1.0, 10.0 / 3, 1.0 / 3, 0.03,
                0, 0), 960, 540);
        int[] odd = IntStream.range(0, 90).filter(i -> i % 2 == 1 && i < 89).toArray();
        dimHalved = Recordings.lit(30, 90, 640, 360, odd, true, 0.35, 0, 0, 0, 0, 0);
    }

    static SessionReport measure(Path file) throws Exception {
        return new Session(SessionOptions.defaults().withCadence(Cadence.frames(1)), FaceDetector.NONE, null, 1, null)
                .run(Sources.open(file.toString()));
    }

    /** The score with every recommendation but {@code fixed}, by the contract's formula: 100 less each penalty. */
    static int scoreWithout(Verdict v, Recommendation fixed) {
        int score = 100;
        for (Recommendation r : v.recommendations()) {
            score -= r == fixed ? 0 : r.severity().penalty;
        }
        return Math.max(0, score);
    }

    @Test
    void aRowPerRecommendationWithItsNumbersItsRemedyAndTheScoreWithoutIt() throws Exception {
        SessionReport r = measure(banded);
        Verdict v = ADVISOR.judge(r);
        RecommendationChart chart = new RecommendationChart(v, Terms.ENGLISH);
        List<RecommendationChart.Bar> bars = chart.bars();
        assertEquals(v.recommendations().size(), bars.size(), "one bar per recommendation");
        Map<String, Remedy> expected = Map.of("flicker", Remedy.LIGHTING, "upscaled", Remedy.CAMERA);
        assertEquals(expected.keySet(), bars.stream().map(b -> b.recommendation().id()).collect(
                Collectors.toSet()), "the rules the scene was built to trip");
        for (int i = 0; i < bars.size(); i++) {
            RecommendationChart.Bar b = bars.get(i);
            Recommendation rec = v.recommendations().get(i);
            assertEquals(rec, b.recommendation(), "in the verdict's order");
            assertEquals(expected.get(rec.id()), b.remedy(), rec.id());
            Metric m = Metric.byPath(rec.metric());
            assertEquals(r.value(m), rec.value(), 1e-9, rec.id() + ": the measured value is the session's");
            assertEquals(Terms.ENGLISH.value(m, rec.value()) + " · threshold " + String.format(Locale.ROOT,
                    "%." + m.decimals + "f", rec.threshold()), b.numbers(), rec.id());
            assertEquals(Math.abs(rec.value()) / Math.abs(rec.threshold()), b.beyond(), 1e-9, "past its threshold");
            assertEquals(scoreWithout(v, rec), b.scoreWithFix(), rec.id() + ": the score recomputed with it met");
            assertEquals(v.score() + rec.severity().penalty, b.scoreWithFix(), "100 less the others' penalties");
        }
        RecommendationChart.Bar flicker = bars.stream().filter(b -> b.recommendation().id().equals("flicker"))
                .findFirst().orElseThrow();
        assertTrue(flicker.numbers().endsWith(" % · threshold 2.00"), "the flicker rule's 2 %: " + flicker.numbers());
    }

    @Test
    void aDimRoomsFallingRateIsALightingFixAndItsNativePictureNoCameraFix() throws Exception {
        SessionReport r = measure(dimHalved);
        RecommendationChart chart = new RecommendationChart(ADVISOR.judge(r), Terms.ENGLISH);
        Map<String, Remedy> got = new HashMap<>();
        chart.bars().forEach(b -> got.put(b.recommendation().id(), b.remedy()));
        assertEquals(Remedy.LIGHTING, got.get("underexposed"), got.toString());
        assertEquals(Remedy.LIGHTING, got.get("low-fps"), "the rate falls for lack of light: " + got);
        assertNull(got.get("upscaled"), "a native picture through x264 is not enlarged: " + got);
    }

    @Test
    void droppedFramesAreChartedAgainstAThresholdInFrames() throws Exception {
        // 6 of 60 frames removed: 10 %, against the rule's 1 % of the 60 frames, 0.6 frames
        SessionReport r = measure(Recordings.withDroppedFrames(30, 60, new int[]{10, 20, 21, 40, 41, 42}, 320, 240));
        RecommendationChart.Bar b = new RecommendationChart(ADVISOR.judge(r), Terms.ENGLISH).bars().stream().filter(
                x -> x.recommendation().id().equals("dropped-frames")).findFirst().orElseThrow();
        assertEquals(6, b.recommendation().value());
        assertEquals(0.6, b.recommendation().threshold(), 1e-9, "1 % of the 60 frames, in the metric's unit");
        assertEquals("6 frames · threshold 0.6", b.numbers());
        assertEquals(Remedy.COMPUTER, b.remedy());
        assertEquals(10, b.beyond(), 1e-9);
    }

    @Test
    void noAdviceNoChart() {
        Verdict clean = Verdict.of(List.of());
        StringBuilder h = new StringBuilder();
        RecommendationChart.html(h, clean, Terms.ENGLISH);
        assertEquals("", h.toString());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theChartSpeaksEachLanguage(Language l) throws Exception {
        SessionReport r = measure(banded);
        Verdict v = ADVISOR.judge(r);
        Terms t = Terms.of(l);
        String page = HtmlReport.render(r, v, null, Double.NaN, t);
        Matcher alt = Pattern.compile("<figure id=\"chart-fixes\"><img alt=\"([^\"]+)\"").matcher(page);
        assertTrue(alt.find(), "the chart is in the page");
        Words w = Words.of(l);
        for (String key : List.of("chart.fixes.remedy.lighting", "chart.fixes.remedy.camera")) {
            assertTrue(alt.group(1).contains(HtmlReport.esc(w.get(key))), l + ": " + alt.group(1));
        }
        RecommendationChart chart = new RecommendationChart(v, t);
        var drawn = chart.chart();
        assertEquals(-1, new Font(Charts.fontFor(w.get("chart.font.sample")), Font.PLAIN, 12)
                .canDisplayUpTo(drawn.getTitle().getText()), "a font that has its characters");
        assertTrue(page.contains(HtmlReport.esc(w.get("camera.title"))), "what camera to buy, in " + l);
        List<String> camera = CameraUpgrade.sentences(r, t);
        assertEquals(2, camera.size(), "resolution and anti-flicker: " + camera);
        for (String sentence : camera) {
            assertTrue(page.contains(HtmlReport.esc(sentence)), sentence);
        }
    }

    @Test
    void theChartIsOnThePageChromiumDraws(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        var run = CliRunner.run("analyze", "--every", "1", "--faces", "none", "--report", html.toString(), banded
                .toString());
        assertEquals(0, run.exit(), run.err());
        String dom = chromium(dir, "--dump-dom", html.toUri().toString());
        int advice = dom.indexOf("id=\"advice\"");
        int figure = dom.indexOf("<figure id=\"chart-fixes\">");
        int camera = dom.indexOf("<section id=\"camera-targets\">");
        int evidence = dom.indexOf("id=\"evidence\"");
        assertTrue(advice > 0 && advice < figure && figure < camera && camera < evidence,
                "the chart and the camera targets under the advice, before the evidence");
        String block = dom.substring(camera, evidence);
        assertTrue(block.contains("look for one that resolves at least 1280×720"), block);
        assertTrue(block.contains("under lamps on 50 Hz mains"), block);
        assertFalse(block.contains("fps"), "30 fps kept: no rate to buy: " + block);

        BufferedImage shot = HtmlReportBrowserTest.screenshot(html, dir);
        Files.copy(dir.resolve("shot.png"), Path.of("/tmp/recs/report-fixes.png"), StandardCopyOption.REPLACE_EXISTING);
        // the light's bar (orange) and the camera's (blue), as wide as the chart draws them
        int lighting = HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, RecommendationChart.colour(
                Remedy.LIGHTING), 10));
        int cameraBars = HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, RecommendationChart
                .colour(Remedy.CAMERA), 10));
        int score = HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, RecommendationChart.SCORE,
                10));
        assertTrue(lighting > 3000, "the lighting fix's bar: " + lighting);
        assertTrue(cameraBars > 3000, "the camera fixes' bars: " + cameraBars);
        assertTrue(score > 1500, "the scores with each fix: " + score);
    }

    @Test
    void theChartAndTheCameraTargetsAreInThePdf(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        var run = CliRunner.run("analyze", "--every", "1", "--faces", "none", "--report", pdf.toString(), banded
                .toString());
        assertEquals(0, run.exit(), run.err());
        String text = PdfReportTest.run(dir, "pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ")
                // DejaVu's ligatures, as pdftotext reads them
                .replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff");
        assertTrue(text.contains("the score the picture would have with that fix alone"), text);
        assertTrue(text.contains("What camera to buy") && text.contains("resolves at least 1280×720"), text);
        PdfReportTest.run(dir, "pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", pdf.toString(), dir.resolve(
                "page").toString());
        int lighting = 0;
        int camera = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("page")).toList()) {
                BufferedImage page = ImageIO.read(p.toFile());
                Files.copy(p, Path.of("/tmp/recs/pdf-" + p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                lighting += HtmlReportBrowserTest.count(page, c -> HtmlReportBrowserTest.near(c, RecommendationChart
                        .colour(Remedy.LIGHTING), 14));
                camera += HtmlReportBrowserTest.count(page, c -> HtmlReportBrowserTest.near(c, RecommendationChart
                        .colour(Remedy.CAMERA), 14));
            }
        }
        assertTrue(lighting > 100 && camera > 100, "the chart's bars on the hand-out: " + lighting + ", " + camera);
    }

    static String chromium(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(HtmlReportBrowserTest.chromium(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--user-data-dir=" + dir.resolve(
                        "profile-dom")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium-dom.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        return out;
    }
}
