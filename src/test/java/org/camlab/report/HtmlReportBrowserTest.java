package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camlab.cli.CliRunner;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab analyze … --report out.html --csv out.csv} as a user runs it, and the page as a
 * real browser shows it: headless Chromium renders the report to a PNG, and the test looks for
 * each chart's own colours on it. The recording's light beats at 5 Hz by ±20 % (a known truth),
 * so the report must carry flicker advice and the CSV must follow the beat frame by frame.
 */
class HtmlReportBrowserTest {
    static final double FPS = 30;
    static final int FRAMES = 90;
    static final double BEAT_HZ = 5.0;
    static final double BEAT_AMP = 0.2;

    static Path recording;

    @BeforeAll
    static void record() {
        recording = Recordings.lit(FPS, FRAMES, 640, 360, new int[0], false, 0.8, 0, 0, 0, BEAT_HZ, BEAT_AMP);
    }

    @Test
    void reportShowsVerdictAdviceAndChartsInABrowser(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        Path csv = dir.resolve("series.csv");
        var r = CliRunner.run("analyze", "--every", "1", "--faces", "none", "--report", html.toString(), "--csv",
                csv.toString(), recording.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("report written to " + html), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);

        // verdict first, then the advice, then the evidence; the flicker the recording holds is advised
        int verdict = page.indexOf("id=\"verdict\"");
        int advice = page.indexOf("id=\"advice\"");
        int evidence = page.indexOf("id=\"evidence\"");
        assertTrue(verdict > 0 && verdict < advice && advice < evidence, "verdict, advice, evidence in that order");
        assertTrue(page.substring(advice, evidence).contains("Flickering light"), "the 5 Hz beat is advised");
        // self-contained: nothing is fetched, nothing runs
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "no network reference");
        assertFalse(page.replace("<script type=\"application/json\" id=\"camlab-report\">", "").contains("<script"),
                "no script but the report's data");
        List<BufferedImage> charts = embeddedImages(page);
        assertTrue(charts.size() >= 4, "scores, light map, histogram and time series: " + charts.size());
        assertTrue(page.contains("id=\"chart-fps\"") && page.contains("id=\"chart-swing\""),
                "the frame rate and the brightness swing, second by second (3 s: 3 points each)");
        for (BufferedImage chart : charts) {
            assertEquals(2 * Charts.WIDTH, chart.getWidth());
            assertEquals(2 * Charts.HEIGHT, chart.getHeight());
        }

        BufferedImage shot = screenshot(html, dir);
        Files.copy(dir.resolve("shot.png"), Path.of("target", "report.png"), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(share(shot, c -> !near(c, Color.WHITE, 12)) > 0.05, "the page is not blank");
        // each chart's own colours reach the screen
        assertTrue(count(shot, c -> near(c, Charts.SERIES, 20)) > 1500, "histogram bars and series lines (blue)");
        assertTrue(count(shot, HtmlReportBrowserTest::onLumaScale) > 20_000, "the light map's cells");
        assertTrue(count(shot, c -> near(c, blend(Charts.CLIP_ZONE, Color.WHITE), 14)) > 300,
                "the histogram's clipping zones");
        Color badge = Charts.scoreColour(scoreIn(page));
        assertTrue(count(shot, c -> near(c, badge, 10)) > 3000, "the score badge and bars in the verdict's colour");
    }

    @Test
    void csvFollowsTheLightFrameByFrame(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("series.csv");
        var r = CliRunner.run("analyze", "--every", "1", "--faces", "none", "--csv", csv.toString(), recording
                .toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.get(0).split(",");
        assertEquals("seconds", head[0]);
        int mean = List.of(head).indexOf("exposure.meanLuma");
        assertTrue(mean > 0, lines.get(0));
        assertEquals(FRAMES + 1, lines.size(), "a row per analysed frame");
        // mean luma (full range) = A · (1 + amp·sin(2π f t)): divided by the beat, every row gives the same A
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",", -1);
            double t = Double.parseDouble(row[0]);
            assertEquals((i - 1) / FPS, t, 1e-3, "row " + i + " is frame " + (i - 1));
            double a = Double.parseDouble(row[mean]) / (1 + BEAT_AMP * Math.sin(2 * Math.PI * BEAT_HZ * t));
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        assertTrue(max / min < 1.03, "mean luma follows the beat within 3 %: " + min + " … " + max);
    }

    @Test
    void badReportNamesAreOneLine(@TempDir Path dir) {
        var txt = CliRunner.run("analyze", "--report", dir.resolve("r.txt").toString(), recording.toString());
        assertEquals(2, txt.exit());
        assertTrue(txt.err().contains(".html or .pdf") && txt.err().strip().lines().count() <= 2, txt.err());
        var nodir = CliRunner.run("analyze", "--report", dir.resolve("missing/r.html").toString(), recording
                .toString());
        assertEquals(2, nodir.exit());
        assertTrue(nodir.err().contains("no directory"), nodir.err());
    }

    static int scoreIn(String page) {
        Matcher m = Pattern.compile("<span class=\"n\">(\\d+)</span>").matcher(page);
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    static List<BufferedImage> embeddedImages(String page) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
        while (m.find()) {
            out.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        }
        return out;
    }

    /** The page as headless Chromium draws it, 1000 px wide and long enough for the whole report. */
    static BufferedImage screenshot(Path html, Path dir) throws Exception {
        Path shot = dir.resolve("shot.png");
        Process p = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1000,3600", "--screenshot=" + shot, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        assertTrue(Files.size(shot) > 0, "chromium wrote " + shot + ": " + Files.readString(dir.resolve(
                "chromium.log")));
        return ImageIO.read(shot.toFile());
    }

    static String chromium() {
        for (String c : new String[]{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        throw new IllegalStateException("no chromium: install Debian's chromium (.ci/run does)");
    }

    interface ColourTest {
        boolean test(Color c);
    }

    static int count(BufferedImage img, ColourTest t) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (t.test(new Color(img.getRGB(x, y)))) {
                    n++;
                }
            }
        }
        return n;
    }

    static double share(BufferedImage img, ColourTest t) {
        return (double) count(img, t) / ((long) img.getWidth() * img.getHeight());
    }

    static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    static Color blend(Color over, Color under) {
        double a = over.getAlpha() / 255.0;
        return new Color((int) Math.round(a * over.getRed() + (1 - a) * under.getRed()),
                (int) Math.round(a * over.getGreen() + (1 - a) * under.getGreen()),
                (int) Math.round(a * over.getBlue() + (1 - a) * under.getBlue()));
    }

    /** A colour of the light map's scale between dark and bright (not its near-black or near-white ends). */
    static boolean onLumaScale(Color c) {
        for (int v = 40; v <= 230; v += 2) {
            if (near(c, Charts.lumaColour(v), 6)) {
                return true;
            }
        }
        return false;
    }
}
