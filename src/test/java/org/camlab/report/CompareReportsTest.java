package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.cli.CliRunner;
import org.camlab.fixtures.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code camlab compare} as a person reads it: the headline first, then the problems fixed, new and
 * remaining, then the numbers that moved by more than their measurement noise, marked better or
 * worse; and the HTML report camlab writes read back as its JSON.
 */
class CompareReportsTest {
    /** A camlab.report/1 object with these problems and numbers, as {@code --json} writes one. */
    private static String report(String name, int score, String metrics, String... problems) {
        StringBuilder recs = new StringBuilder();
        for (String p : problems) {
            String[] idTitle = p.split("=", 2);
            recs.append(recs.length() == 0 ? "" : ",").append("{\"id\":\"").append(idTitle[0])
                    .append("\",\"severity\":\"high\",\"title\":\"").append(idTitle[1])
                    .append("\",\"detail\":\"\",\"metric\":\"x\",\"value\":null,\"threshold\":null}");
        }
        return "{\"schema\":\"camlab.report/1\",\"measuredAt\":\"2026-12-01T09:30:00Z\",\"source\":{\"name\":\"" + name
                + "\"}," + metrics + ",\"score\":" + score + ",\"recommendations\":[" + recs + "]}";
    }

    private static final String BEFORE = report("room A", 52, "\"exposure\":{\"meanLuma\":120.0},"
            + "\"backlight\":{\"ratioStops\":1.8},\"noise\":{\"sigma\":2.0},\"color\":{\"cctKelvin\":5000}",
            "backlight=Bright light behind you", "flicker=Flickering light", "soft-focus=Soft picture");
    /** The blind closed, the lamp changed, a new camera: meanLuma and σ move within their noise. */
    private static final String AFTER = report("room A", 81, "\"exposure\":{\"meanLuma\":120.6},"
            + "\"backlight\":{\"ratioStops\":0.2},\"noise\":{\"sigma\":2.05},\"color\":{\"cctKelvin\":5600}",
            "soft-focus=Soft picture", "low-fps=Low frame rate");

    @Test
    void theHeadlineComesFirstThenTheProblemsThenTheNumbersBeyondTheirNoise(@TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("before.json"), BEFORE);
        Path after = Files.writeString(dir.resolve("after.json"), AFTER);
        var r = CliRunner.run("compare", before.toString(), after.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("2 problems fixed, 1 new, score 52 → 81\n\n"), out);
        assertTrue(out.contains(")\n\nFixed:\n  backlight — Bright light behind you\n  flicker — Flickering light\n\n"
                + "New:\n  low-fps — Low frame rate\n\nStill to fix:\n  soft-focus — Soft picture\n\n  score       52 →  81"
                + "  +29\n"), out);
        assertTrue(out.contains("\nChanged:\n"
                + "  backlight.ratioStops  +1.80 stops → +0.20 stops  -1.60  better\n"
                + "  color.cctKelvin            5000 K → 5600 K        +600\n"
                + "(2 smaller changes, within the measurement noise, left out)\n"), out);
        assertFalse(out.contains("exposure.meanLuma") || out.contains("noise.sigma"), "within noise: " + out);
        assertTrue(out.indexOf("Still to fix:") < out.indexOf("Changed:"), "problems before the numbers");
    }

    @Test
    void theHeadlineInChinese(@TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("before.json"), BEFORE);
        Path after = Files.writeString(dir.resolve("after.json"), AFTER);
        var hans = CliRunner.run("compare", "--lang", "zh-Hans", before.toString(), after.toString());
        assertTrue(hans.out().startsWith("修复了 2 个问题，新增 1 个，评分 52 → 81\n"), hans.out());
        assertTrue(hans.out().contains("backlight.ratioStops  +1.80 档 → +0.20 档  -1.60  变好\n"), hans.out());
        assertTrue(hans.out().contains("（另有 2 项变化在测量误差之内，未列出）"), hans.out());
        var hant = CliRunner.run("compare", "--lang", "zh-Hant", before.toString(), after.toString());
        assertTrue(hant.out().startsWith("修復了 2 個問題，新增 1 個，評分 52 → 81\n"), hant.out());
        assertTrue(hant.out().contains("變好"), hant.out());
        var same = CliRunner.run("compare", before.toString(), before.toString());
        assertTrue(same.out().startsWith("No problem fixed or new, score 52 → 52\n"), same.out());
        var worse = CliRunner.run("compare", after.toString(), before.toString());
        assertTrue(worse.out().startsWith("1 problem fixed, 2 new, score 81 → 52\n"), worse.out());
        assertTrue(worse.out().contains("+0.20 stops → +1.80 stops  +1.60  worse"), worse.out());
    }

    @Test
    void theComparisonPageHasTheSameOrderAndMarks(@TempDir Path dir) throws Exception {
        Path before = Files.writeString(dir.resolve("before.json"), BEFORE);
        Path after = Files.writeString(dir.resolve("after.json"), AFTER);
        Path page = dir.resolve("compare.html");
        var r = CliRunner.run("compare", before.toString(), after.toString(), "--report", page.toString());
        assertEquals(0, r.exit(), r.err());
        String dom = FleetReportBrowserTest.dumpDom(page, dir);
        assertTrue(dom.contains("<h1 id=\"headline\">2 problems fixed, 1 new, score 52 → 81</h1>"), dom);
        int fixed = dom.indexOf("id=\"fixed\"");
        int fresh = dom.indexOf("id=\"new\"");
        int remaining = dom.indexOf("id=\"remaining\"");
        int changes = dom.indexOf("id=\"changes\"");
        assertTrue(0 < fixed && fixed < fresh && fresh < remaining && remaining < changes, "order");
        assertTrue(dom.contains("<td class=\"better\">better</td>"), dom);
        assertFalse(dom.contains("<code>exposure.meanLuma</code>"), "within noise");
    }

    @Test
    void anHtmlReportReadsAsItsJson(@TempDir Path dir) throws Exception {
        // a name no HTML may hold raw: the embedded JSON must not end at it
        Path odd = Files.createDirectories(dir.resolve("a<")).resolve("script><!--x.mp4");
        Files.copy(Recordings.lit(30, 60, 320, 240, new int[0], false, 0.8, 0, 0, 0, 5.0, 0.2), odd);
        Path steady = Recordings.lit(30, 60, 320, 240, new int[0], false, 0.8, 0, 0, 0, 0, 0);
        Path html = dir.resolve("flicker.html");
        var a = CliRunner.run("analyze", "--json", "--faces", "none", "--report", html.toString(), odd.toString());
        assertEquals(0, a.exit(), a.err());
        Path json = Files.writeString(dir.resolve("flicker.json"), a.out());
        var s = CliRunner.run("analyze", "--json", "--faces", "none", steady.toString());
        Path after = Files.writeString(dir.resolve("steady.json"), s.out());

        String page = Files.readString(html);
        assertTrue(a.out().contains("a</script><!--x.mp4") && !page.contains("a</script><!--"), "escaped in the page");
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"camlab-report\">(.*?)</script>",
                Pattern.DOTALL).matcher(FleetReportBrowserTest.dumpDom(html, dir));
        assertTrue(m.find(), "the browser finds the report's data");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode embedded = mapper.readTree(m.group(1));
        assertEquals(mapper.readTree(a.out()), embedded, "the page holds the JSON --json printed");

        var fromJson = CliRunner.run("compare", json.toString(), after.toString());
        var fromHtml = CliRunner.run("compare", html.toString(), after.toString());
        assertEquals(0, fromHtml.exit(), fromHtml.err());
        assertEquals(fromJson.out().replace(json.toString(), "BEFORE"), fromHtml.out().replace(html.toString(),
                "BEFORE"));
        assertTrue(fromHtml.out().startsWith("1 problem fixed, score "), fromHtml.out());
    }

    @Test
    void aWebPageThatIsNotCamlabsIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), BEFORE);
        Path page = Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html>\n<html><head><title>x</title>"
                + "<script type=\"application/json\" id=\"other\">{\"schema\":\"camlab.report/1\"}</script></head>"
                + "<body><p>hello</p></body></html>\n");
        var r = CliRunner.run("compare", good.toString(), page.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("camlab: " + page + " is a web page but not a camlab report; give one written by 'camlab "
                + "analyze … --report FILE.html' or '--json'", r.err().strip());
    }
}
