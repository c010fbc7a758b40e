package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.rooms.Fix;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.FleetPage;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fleet report in a real headless Chromium, over a fortnight of six rooms built to rank in a
 * known order: a dim basement that fails all day, a huddle room whose camera fails every other
 * day, a west room that failed every afternoon until new blinds went up after the first week, and
 * three rooms that pass with different scores. On SQLite and on a real PostgreSQL.
 */
@Timeout(180)
class FleetReportBrowserTest {
    static final ZoneId ZONE = ZoneOffset.UTC;
    static final LocalDate FIRST = LocalDate.of(2026, 11, 16); // a Monday
    static final int DAYS = 14;

    static void fill(RoomStore s) throws Exception {
        for (String[] r : new String[][]{{"Basement", "Annex"}, {"Huddle 2", "HQ"}, {"West 4", "HQ"}, {"Board", "HQ"},
                {"East 1", "HQ"}, {"North 2", "Annex"}}) {
            s.add(new Room(r[0], r[1], null, null, "camera:0"));
        }
        for (int d = 0; d < DAYS; d++) {
            for (int hour = 9; hour < 17; hour++) {
                long t = FIRST.plusDays(d).atTime(hour, 0).atZone(ZONE).toInstant().toEpochMilli();
                s.record(m("Basement", t, 55, 0.3, 60, "underexposed", false));
                boolean soft = d % 2 == 0;
                s.record(m("Huddle 2", t, soft ? 50 : 85, 0.3, 130, soft ? "soft-focus" : null, !soft));
                boolean sun = d < 7 && hour >= 14;
                s.record(m("West 4", t, sun ? 55 : 90, sun ? 1.8 : 0.3, sun ? 170 : 130, sun ? "backlight" : null,
                        !sun));
                s.record(m("Board", t, 85, 0.2, 140, null, true));
                s.record(m("East 1", t, 88, 0.2, 140, null, true));
                s.record(m("North 2", t, 92, 0.2, 140, null, true));
            }
        }
        s.record(Measurement.failed("Board", FIRST.atTime(8, 0).atZone(ZONE).toInstant().toEpochMilli(), "s",
                "stream down"));
    }

    static Measurement m(String room, long t, int score, double backlight, double light, String problem, boolean pass) {
        return new Measurement(room, t, "s", true, null, score, backlight, light, 0.4, 30, 0.3, problem, Fix.forProblem(
                problem),
                "test standard", pass ? 1 : 0, "[]", "{}");
    }

    @ParameterizedTest
    @MethodSource("org.camlab.rooms.TestDatabases#kinds")
    void theFleetRanksAndDrawsInABrowser(String kind, @TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh(kind, dir);
        String page;
        Fleet f;
        try (RoomStore s = RoomStore.open(db, ZONE)) {
            fill(s);
            f = Fleet.read(s, FIRST.toEpochDay(), FIRST.toEpochDay() + DAYS);
            page = FleetPage.render(f, s.shown(), ZONE);
            Fleet secondWeek = Fleet.read(s, FIRST.toEpochDay() + 7, FIRST.toEpochDay() + DAYS);
            Fleet.RoomSummary westLater = secondWeek.rooms().stream().filter(r -> r.room().equals("West 4")).findFirst()
                    .orElseThrow();
            assertEquals(0, westLater.meetsSince(), "after the blinds, West 4 met its standard all the period");
            assertEquals(0.0, westLater.needShare(), 1e-9);
        }
        List<String> expected = List.of("Basement", "Huddle 2", "West 4", "Board", "East 1", "North 2");
        assertEquals(expected, f.rooms().stream().map(Fleet.RoomSummary::room).toList());
        Fleet.RoomSummary west = f.rooms().get(2);
        assertEquals(List.of(), west.failingHours(), "fails in under half of its afternoons over the fortnight");
        assertEquals(FIRST.plusDays(7).atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli(), west.meetsSince(),
                "meets the standard since the first morning after the blinds");
        assertTrue(west.trend() > 10, "its trend rises: " + west.trend());
        assertEquals(List.of(9, 10, 11, 12, 13, 14, 15, 16), f.rooms().get(0).failingHours());
        // the fix is the latest state's: West 4 meets its standard since the blinds, and Huddle 2's last day
        // was a sharp one; their worst problems over the fortnight are still told
        assertEquals(1, f.fixCounts().get(Fix.LIGHTING), "the basement alone needs light now");
        assertEquals(0, f.fixCounts().getOrDefault(Fix.CAMERA, 0));
        assertEquals(null, west.fix());
        assertEquals("backlight", west.worstProblem());
        assertEquals(Fix.LIGHTING, f.rooms().get(0).fix());
        assertEquals(1, f.rooms().get(3).failedCaptures());
        assertEquals((west.meanScore() + 85) / 2, f.medianScore(), 1e-9,
                "the median of six rooms' means: West 4's and Board's");
        assertEquals(55 - f.medianScore(), f.rooms().get(0).vsMedian(f.medianScore()), 1e-9);

        Path html = dir.resolve("fleet.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "self-contained: no network reference");
        assertFalse(page.contains("<script"), "no script");
        assertFalse(page.contains("data:image/jpeg"), "no picture of any room");

        String dom = dumpDom(html, dir);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"room\" data-room=\"([^\"]+)\"").matcher(dom);
        while (row.find()) {
            rows.add(row.group(1));
        }
        assertEquals(expected, rows, "the browser's table ranks the rooms worst first");
        assertTrue(dom.matches("(?s).*id=\"fix-lighting\"><div class=\"big\">1</div>.*"), "one room needs lighting");
        assertTrue(dom.matches("(?s).*id=\"fix-camera\"><div class=\"big\">0</div>.*"), "none its camera now");
        assertTrue(dom.contains("1 of 113 captures failed"), "Board's lost capture is told");
        assertEquals(2, HtmlReportBrowserTest.embeddedImages(page).size(), "the trend and the fixes, drawn");
        for (BufferedImage chart : HtmlReportBrowserTest.embeddedImages(page)) {
            assertEquals(2 * Charts.WIDTH, chart.getWidth());
        }

        BufferedImage shot = HtmlReportBrowserTest.screenshot(html, dir);
        Files.copy(dir.resolve("shot.png"), Path.of("target", "fleet-" + kind + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        // the heat maps' cells reach the screen: red (below 60) and green (80 and more) score cells, the
        // west room's dark afternoon backlight
        assertTrue(HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, new Color(0xfed7d7), 3)) > 2000,
                "red score cells");
        assertTrue(HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, new Color(0xc6f6d5), 3)) > 2000,
                "green score cells");
        // each weekday's cell: one sunny week, one with blinds
        Color darkBacklight = Color.decode(FleetPage.backlightBackground((1.8 + 0.3) / 2));
        assertTrue(HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, darkBacklight, 4)) > 100,
                "the afternoon sun in the west room's backlight map");
    }

    static String dumpDom(Path html, Path dir) throws Exception {
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(HtmlReportBrowserTest.chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--user-data-dir=" + dir.resolve("profile-dom"), "--dump-dom",
                html.toUri().toString()).redirectOutput(out.toFile()).redirectError(dir.resolve("dom.log").toFile())
                .start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        String dom = Files.readString(out);
        assertTrue(dom.contains("</html>"), "chromium dumped the page: " + Files.readString(dir.resolve("dom.log")));
        return dom;
    }
}
