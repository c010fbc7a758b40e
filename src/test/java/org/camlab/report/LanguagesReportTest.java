package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camlab.cli.CliRunner;
import org.camlab.fixtures.Recordings;
import org.camlab.text.Language;
import org.camlab.text.Words;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report, the summary and the charts in each language, as a user gets them with {@code --lang}:
 * the page rendered by headless Chromium with Debian's Noto CJK fonts (its text read back from the
 * browser's own PDF, so the glyphs were real, not boxes), the PDF hand-out read back with
 * pdftotext, the charts drawn in a font that has the characters — and the JSON unchanged, in
 * English. The recording's light beats at 5 Hz by ±20 %, so the flicker advice is there to read.
 */
class LanguagesReportTest {
    static Path recording;

    @BeforeAll
    static void record() {
        recording = Recordings.lit(30, 90, 640, 360, new int[0], false, 0.8, 0, 0, 0, 5.0, 0.2);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theReportReadsInEachLanguageInABrowser(Language l, @TempDir Path dir) throws Exception {
        Words w = Words.of(l);
        Path html = dir.resolve("report.html");
        var r = CliRunner.run("analyze", "--faces", "none", "--lang", l.tag, "--report", html.toString(),
                recording.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<html lang=\"" + l.htmlLang + "\">"), "the page says its language");
        String flicker = w.get("advice.flicker.title");
        String heading = w.get("report.advice");
        assertTrue(page.contains(flicker) && page.contains(heading), flicker + " / " + heading);
        if (l != Language.ENGLISH) {
            // the report's JSON rides along as data (English, as the contract is): not text a person reads
            String read = page.replaceAll("(?s)<script type=\"application/json\" id=\"camlab-report\">.*?</script>",
                    "");
            assertFalse(read.contains("Flickering light") || read.contains("What to change")
                    || read.contains("The evidence"), "no English left on the " + l + " page");
        }
        // the summary in the terminal: the same words, lines no wider than the terminal
        assertTrue(r.out().contains(w.get("text.to-change").replaceAll("[:：]$", "")) && r.out().contains(flicker),
                r.out());
        for (String line : r.out().split("\n")) {
            // a line may only run over where it is one unbreakable word (a long file name)
            assertTrue(TextReport.columns(line) <= 80 || TextReport.breakable(line.strip()).size() == 1,
                    "fits 80 columns: " + line);
        }

        // Chromium's PDF of the page: its text comes back, set in a font that has the characters
        Path pdf = dir.resolve("page.pdf");
        chromium(dir, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", html.toUri().toString());
        String text = run(dir, "pdftotext", "-layout", pdf.toString(), "-").replaceAll("\\s+", "");
        assertTrue(text.contains(flicker.replaceAll("\\s+", "")), "the browser set the advice: " + text);
        if (l != Language.ENGLISH) {
            // Chromium embeds TrueType fonts (DejaVu) as they are and CFF-outlined ones as Type 3:
            // here the only CFF fonts are Noto CJK's, so a Type 3 font is the CJK glyphs drawn
            String fonts = run(dir, "pdffonts", pdf.toString());
            assertTrue(fonts.contains("CJK") || fonts.contains("Type 3"), "a CJK font drew the page: " + fonts);
            assertTrue(!run(dir, "fc-list", ":lang=zh").isBlank(), "a font with Chinese glyphs is installed");
        }
        // and its screenshot: not blank, the charts there
        BufferedImage shot = HtmlReportBrowserTest.screenshot(html, dir);
        Files.copy(dir.resolve("shot.png"), Path.of("target", "report-" + l.tag + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertTrue(HtmlReportBrowserTest.share(shot, c -> !HtmlReportBrowserTest.near(c, Color.WHITE, 12)) > 0.05,
                "not blank");
        assertTrue(HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, Charts.SERIES, 20)) > 1500,
                "the charts' bars and lines");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void thePdfHandOutIsInTheLanguage(Language l, @TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("report.pdf");
        var r = CliRunner.run("analyze", "--faces", "none", "--lang", l.tag, "--report", pdf.toString(),
                recording.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(PdfReport.speaks(l), "the CJK font is installed (.ci/run installs fonts-wqy-zenhei)");
        String text = run(dir, "pdftotext", pdf.toString(), "-").replaceAll("\\s+", "");
        Words w = Words.of(l);
        for (String s : List.of(w.get("report.title"), w.get("advice.flicker.title"), w.get("report.evidence"))) {
            assertTrue(text.contains(s.replaceAll("\\s+", "")), s + " in: " + text);
        }
        assertFalse(text.contains("Flickering"), text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyChartIsDrawnInAFontThatHasItsCharacters(Language l) throws Exception {
        var saved = SavedReport.read(json(l));
        Terms t = Terms.of(l);
        Charts charts = new Charts(t);
        var v = saved.verdict();
        List<org.jfree.chart.JFreeChart> all = List.of(charts.scores(v), charts.beforeAfter(v, v));
        for (var chart : all) {
            String title = chart.getTitle().getText();
            assertEquals(-1, charts.font().canDisplayUpTo(title), l + ": " + title + " in " + charts.font());
            var axis = chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot p ? p.getRangeAxis().getLabel()
                    : "";
            assertEquals(-1, charts.font().canDisplayUpTo(axis), axis);
        }
        if (l != Language.ENGLISH) {
            String title = all.get(0).getTitle().getText();
            assertTrue(title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    title);
        }
    }

    /** JSON is for programs: the same ids, fields and English words whatever the language shown. */
    @Test
    void theJsonStaysEnglish() throws Exception {
        JsonNode en = new ObjectMapper().readTree(Files.readString(json(Language.ENGLISH)));
        JsonNode zh = new ObjectMapper().readTree(Files.readString(json(Language.TRADITIONAL_CHINESE)));
        JsonNode a = en.get("recommendations");
        JsonNode b = zh.get("recommendations");
        assertEquals(a.size(), b.size());
        assertTrue(a.size() > 0);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).get("id"), b.get(i).get("id"));
            assertEquals(a.get(i).get("title"), b.get(i).get("title"));
            assertEquals(a.get(i).get("detail"), b.get(i).get("detail"));
        }
        assertEquals("Flickering light", b.get(0).get("title").asText());
    }

    /** Numbers read the same in every language: the advice's figures are the English advice's. */
    @Test
    void numbersAreWrittenTheSameInEveryLanguage() {
        Locale was = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // a decimal comma, were the words formatted by the system's locale
            for (Language l : Language.values()) {
                String s = Words.of(l).get("advice.flicker.detail", 12.25, 5.0);
                assertTrue(s.contains("12.3") || s.contains("12.2"), s);
                assertTrue(s.contains("5.0 Hz"), s);
            }
        } finally {
            Locale.setDefault(was);
        }
    }

    private static final Map<Language, Path> JSON = new EnumMap<>(Language.class);

    static synchronized Path json(Language l) throws Exception {
        if (!JSON.containsKey(l)) {
            var r = CliRunner.run("analyze", "--faces", "none", "--json", "--lang", l.tag, recording.toString());
            assertEquals(0, r.exit(), r.err());
            Path f = Files.createTempFile("camlab-" + l.tag, ".json");
            Files.writeString(f, r.out());
            f.toFile().deleteOnExit();
            JSON.put(l, f);
        }
        return JSON.get(l);
    }

    static void chromium(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(HtmlReportBrowserTest.chromium(), "--headless",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--user-data-dir=" + dir.resolve("profile-pdf")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("chromium-pdf.log")
                .toFile()).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
    }

    static String run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
