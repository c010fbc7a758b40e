package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.image.SourceInfo;
import org.camlab.results.ScoreArea;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTML report's head as headless Chromium lays it out and prints it: each area's score under
 * its own label and set apart from the next (in Chinese too, where the labels are narrower than the
 * numbers), the file's name and a local date and time in the header, and on A4 no heading left
 * as the last thing on a page.
 */
class ReportPageTest {
    /** The boxes of the verdict's words, as the browser laid them out: a script added to a copy of the page. */
    private static final String MEASURE = """
            <script>
            const out = [];
            const walk = document.createTreeWalker(document.getElementById('verdict'), NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              const s = n.textContent.trim();
              if (!s || n.parentElement.closest('.score')) continue;
              const r = document.createRange(); r.selectNodeContents(n); const b = r.getBoundingClientRect();
              out.push({text: s, left: b.left, top: b.top, right: b.right, bottom: b.bottom});
            }
            document.body.setAttribute('data-boxes', JSON.stringify(out));
            </script>
            """;

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachAreaScoreStandsUnderItsLabel(Language l, @TempDir Path dir) throws Exception {
        Terms t = Terms.of(l);
        SessionReport r = HandOuts.flickering();
        Verdict v = HandOuts.advice(r, 3);
        String page = HtmlReport.render(r, v, null, Double.NaN, t).replace("</body>", MEASURE + "</body>");
        Path html = Files.writeString(dir.resolve("page.html"), page, StandardCharsets.UTF_8);
        JsonNode boxes = boxes(dumpDom(html, dir));
        List<JsonNode> numbers = new ArrayList<>();
        for (JsonNode b : boxes) {
            if (b.get("text").asText().matches("\\d+")) {
                numbers.add(b);
            }
        }
        assertEquals(ScoreArea.values().length, numbers.size(), "a score per area: " + boxes);
        int i = 0;
        for (ScoreArea a : ScoreArea.values()) {
            JsonNode n = numbers.get(i++);
            assertEquals(String.valueOf(v.score(a)), n.get("text").asText(), a + "'s score, in the areas' order");
            JsonNode label = null;
            for (JsonNode b : boxes) {
                label = b.get("text").asText().equals(t.area(a)) ? b : label;
            }
            assertTrue(label != null, t.area(a) + " labelled: " + boxes);
            assertTrue(label.get("bottom").asDouble() <= n.get("top").asDouble() + 1, a
                    + ": the label above its score");
            assertEquals(centre(label), centre(n), 4, a + ": the label centred over its score");
        }
        for (int k = 1; k < numbers.size(); k++) {
            JsonNode a = numbers.get(k - 1);
            JsonNode b = numbers.get(k);
            if (Math.abs(a.get("top").asDouble() - b.get("top").asDouble()) < 2) {
                double gap = b.get("left").asDouble() - a.get("right").asDouble();
                assertTrue(gap >= 12, l + ": " + a.get("text") + " and " + b.get("text") + " stand " + gap
                        + " px apart: they read as one number");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theHeaderNamesTheFileAndALocalTime(Language l, @TempDir Path dir) throws Exception {
        Terms t = Terms.of(l);
        SessionReport r = HandOuts.flickering();
        Verdict v = HandOuts.advice(r, 1);
        Path file = Path.of(r.source().name());
        String page = HtmlReport.render(r, v, null, Double.NaN, t);
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        String when = ReportHeader.when(r.measuredAt(), t, ZoneId.systemDefault());
        assertTrue(header.contains(">" + file.getFileName() + " · "), "the file's name: " + header);
        assertFalse(header.contains(file.getParent().toString()), "not the folders it is in: " + header);
        assertTrue(header.contains(when), when + " in " + header);
        assertFalse(header.contains(r.measuredAt().toString()) || header.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+.*"),
                "no ISO instant to the nanosecond: " + header);
        // the PDF's head says the same
        Path pdf = HandOuts.write(dir.resolve("r.pdf"), PdfReport.render(r, v, null, t));
        String first = HandOuts.page(pdf, 1, dir).replaceAll("\\s+", "");
        assertTrue(first.contains((file.getFileName() + "·").replaceAll("\\s+", "")), first);
        assertTrue(first.contains(when.replaceAll("\\s+", "")) && !first.contains(file.getParent().toString()), first);
        // the JSON keeps its fields as they were: the path as given, the instant in UTC
        JsonNode json = new ObjectMapper().readTree(JsonReport.line(r, v));
        assertEquals(r.source().name(), json.get("source").get("name").asText());
        assertEquals(r.measuredAt().toString(), json.get("measuredAt").asText());
    }

    @Test
    void aDateAndTimeInEachLanguagesWay() {
        Instant at = Instant.parse("2026-12-07T16:07:19.428069610Z");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertTrue(ReportHeader.when(at, Terms.ENGLISH, shanghai).startsWith("8 December 2026, 00:07"),
                ReportHeader.when(at, Terms.ENGLISH, shanghai));
        assertTrue(ReportHeader.when(at, Terms.ENGLISH, ZoneId.of("UTC")).equals("7 December 2026, 16:07 UTC"),
                ReportHeader.when(at, Terms.ENGLISH, ZoneId.of("UTC")));
        for (Language l : List.of(Language.SIMPLIFIED_CHINESE, Language.TRADITIONAL_CHINESE)) {
            String s = ReportHeader.when(at, Terms.of(l), shanghai);
            assertTrue(s.startsWith("2026年12月8日 00:07"), s);
        }
        SourceInfo windows = new SourceInfo(SourceInfo.Kind.FILE, "C:\\Users\\ana\\Videos\\room 4.mp4", 1280, 720,
                30);
        assertEquals("room 4.mp4", ReportHeader.shownName(windows));
        SourceInfo stream = new SourceInfo(SourceInfo.Kind.STREAM, "rtsp://cam.example/live/1", 1280, 720, 30);
        assertEquals("rtsp://cam.example/live/1", ReportHeader.shownName(stream), "a stream's address is its name");
    }

    /**
     * The page printed to A4 by Chromium with 1 to 8 pieces of advice (each pushing the headings
     * further down): no page ends with a heading.
     */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = "TRADITIONAL_CHINESE", mode = EnumSource.Mode.EXCLUDE)
    void printingKeepsEachHeadingWithWhatFollows(Language l, @TempDir Path dir) throws Exception {
        Terms t = Terms.of(l);
        SessionReport r = HandOuts.flickering();
        List<String> headings = HandOuts.headings(t);
        int checked = 0;
        for (int n = 1; n <= 8; n++) {
            Path html = Files.writeString(dir.resolve("advice-" + n + ".html"), HtmlReport.render(r, HandOuts.advice(r,
                    n), null, Double.NaN, t), StandardCharsets.UTF_8);
            Path pdf = dir.resolve("advice-" + n + ".pdf");
            LanguagesReportTest.chromium(dir, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", html.toUri()
                    .toString());
            int pages = HandOuts.pages(pdf, dir);
            for (int p = 1; p < pages; p++) {
                assertEquals(null, HandOuts.strandedHeading(pdf, p, headings, null, dir), n
                        + " pieces of advice: page " + p + " of " + pages + " ends with a heading");
                checked++;
            }
        }
        assertTrue(checked >= 24, checked + " page feet looked at");
    }

    private static double centre(JsonNode b) {
        return (b.get("left").asDouble() + b.get("right").asDouble()) / 2;
    }

    private static JsonNode boxes(String dom) throws Exception {
        Matcher m = Pattern.compile("data-boxes=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the script measured the verdict");
        return new ObjectMapper().readTree(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
    }

    private static String dumpDom(Path html, Path dir) throws Exception {
        List<String> cmd = List.of(HtmlReportBrowserTest.chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--user-data-dir=" + dir.resolve("profile-dom"),
                "--window-size=1000,1400", "--dump-dom", html.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("dom.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        return out;
    }
}
