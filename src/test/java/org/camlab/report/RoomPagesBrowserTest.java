package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camlab.capture.Redact;
import org.camlab.cli.CliRunner;
import org.camlab.rooms.Fix;
import org.camlab.rooms.Measurement;
import org.camlab.rooms.Room;
import org.camlab.rooms.RoomPages;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code camlab fleet --report DIR}: the fleet page and a page per room, opened in a real headless
 * Chromium by following the fleet page's links. The rooms are named as people name them (a slash,
 * {@code ..}, two names that differ in case alone, Chinese, markup) and their cameras' URLs carry
 * passwords and tokens that must appear in no file; each page's numbers are checked against the
 * store.
 */
@Timeout(300)
class RoomPagesBrowserTest {
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final LocalDate FIRST = LocalDate.of(2026, 11, 16); // a Monday
    static final int DAYS = 7;
    /** The secrets in the cameras' URLs and a failed capture's message: none may reach a file. */
    static final List<String> SECRETS = List.of("s3cr3t-pw", "TOKENSECRET1", "APIKEYSECRET2", "hunter2");
    static final List<String[]> ODD = List.of(
            new String[]{"a/b", "rtsp://admin:s3cr3t-pw@10.0.0.5/stream?token=TOKENSECRET1"},
            new String[]{"..", "http://cam.example/x.mjpg?apikey=APIKEYSECRET2"},
            new String[]{"Board room", "rtsp://ops:hunter2@cam-2/live"},
            new String[]{"board room", "camera:1"},
            new String[]{"会议室 3", "camera:2"},
            new String[]{"<b>x</b> & \"q\"", "camera:3"});

    static final String FAILURE = "cannot open rtsp://admin:s3cr3t-pw@10.0.0.5/stream?token=TOKENSECRET1: "
            + "connection refused";

    static long at(int day, int hour) {
        return FIRST.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant().toEpochMilli();
    }

    /** A stored report as a survey writes it: its score and its advice, the backlight first. */
    static String report(int score, boolean backlit) {
        String recs = backlit ? "{\"id\":\"backlight\",\"severity\":\"high\",\"title\":\"Bright light behind you\","
                + "\"detail\":\"The area behind you is 1.8 stops brighter than your face.\",\"metric\":"
                + "\"backlight.ratioStops\",\"value\":1.8,\"threshold\":0.6},{\"id\":\"soft-focus\",\"severity\":"
                + "\"medium\",\"title\":\"Soft picture\",\"detail\":\"Sharpness 40/100.\",\"metric\":"
                + "\"sharpness.score\",\"value\":40,\"threshold\":50}" : "";
        return "{\"schema\":\"camlab.report/1\",\"source\":{\"name\":\"cam\"},\"score\":" + score
                + ",\"recommendations\":[" + recs + "]}";
    }

    static Measurement m(String room, long t, int score, double backlight, String problem, boolean pass) {
        return new Measurement(room, t, "s", true, null, score, backlight, 120, 0.4, 25, 0.3, problem, Fix.forProblem(
                problem), "room standard", pass ? 1 : 0, pass ? "[]"
                        : "[{\"requirement\":\"backlight.ratioStops <= 1.0\",\"met\":false}]", report(score,
                                problem != null));
    }

    /** The odd rooms, each measured every working hour of a week; the first backlit in the afternoons. */
    static String fill(Path dir) throws Exception {
        String db = TestDatabases.fresh("sqlite", dir);
        try (RoomStore s = RoomStore.open(db, ZONE)) {
            int i = 0;
            for (String[] r : ODD) {
                s.add(new Room(r[0], i % 2 == 0 ? "HQ" : "上海", i == 0 ? "Tower A" : null, i == 0 ? "3" : null, r[1]));
                for (int d = 0; d < DAYS; d++) {
                    for (int hour = 9; hour < 17; hour++) {
                        boolean sun = i == 0 && hour >= 14 || i == 2 && d == DAYS - 1;
                        int score = sun ? 55 : 80 + i * 3 + (hour % 3);
                        s.record(m(r[0], at(d, hour), score, sun ? 1.8 : 0.2 + 0.1 * i, sun ? "backlight" : null,
                                !sun));
                    }
                }
                i++;
            }
            s.record(Measurement.failed("a/b", at(2, 8), "s", FAILURE));
        }
        return db;
    }

    static CliRunner.Result fleet(String db, Path out, String lang) {
        return CliRunner.run("fleet", "--since", FIRST.toString(), "--until", FIRST.plusDays(DAYS - 1).toString(),
                "--report", out.toString(), "--lang", lang, "--db", db);
    }

    @Test
    void theFleetPageLinksEachRoomsPageWithItsNumbers(@TempDir Path dir) throws Exception {
        String db = fill(dir);
        Path out = dir.resolve("report");
        CliRunner.Result r = fleet(db, out, "en");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("6 room pages written to " + out.resolve("rooms")), r.err());
        Path fleetPage = out.resolve("fleet.html");
        List<Path> pages;
        try (Stream<Path> files = Files.list(out.resolve("rooms"))) {
            pages = files.sorted().toList();
        }
        assertEquals(ODD.size(), pages.size(), "one page per room, no two rooms in one file: " + pages);
        Set<String> lower = new HashSet<>();
        for (Path p : pages) {
            assertTrue(p.getFileName().toString().matches("[a-z0-9-]+\\.html"), "a safe name: " + p.getFileName());
            assertTrue(lower.add(p.getFileName().toString().toLowerCase(Locale.ROOT)), "apart in any case");
        }

        for (Path written : Stream.concat(Stream.of(fleetPage), pages.stream()).toList()) {
            String text = Files.readString(written, StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), secret + " in " + written);
            }
            assertFalse(Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(text)
                    .find(), "self-contained: " + written);
            assertFalse(text.contains("<script") || text.contains("<b>x</b>"), "no markup of a name: " + written);
        }
        for (String secret : SECRETS) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), secret + " printed");
        }

        String fleetDom = FleetReportBrowserTest.dumpDom(fleetPage, dir);
        Map<String, String> links = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr class=\"room\" data-room=\"([^\"]+)\">.*?<a href=\"([^\"]+)\">").matcher(
                fleetDom);
        while (row.find()) {
            links.put(unescape(row.group(1)), row.group(2));
        }
        assertEquals(Set.copyOf(ODD.stream().map(o -> o[0]).toList()), links.keySet(), "every row links its page");

        long from = at(0, 0);
        long to = FIRST.plusDays(DAYS).atStartOfDay(ZONE).toInstant().toEpochMilli();
        try (RoomStore s = RoomStore.open(db, ZONE)) {
            for (var e : links.entrySet()) {
                String room = e.getKey();
                Path page = Path.of(fleetPage.toUri().resolve(new URI(null, null, e.getValue(), null)));
                assertTrue(page.startsWith(out.resolve("rooms")), "inside the rooms' directory: " + page);
                Path sub = dir.resolve("dom-" + Math.abs(room.hashCode()));
                Files.createDirectories(sub);
                String dom = FleetReportBrowserTest.dumpDom(page, sub);
                assertEquals(room, unescape(first(dom, "<h1>(.*?)</h1>")), "the page is the room's");
                List<Measurement> ms = s.measurements(room, from, to);
                Measurement latest = ms.stream().filter(Measurement::ok).reduce((a, b) -> b).orElseThrow();
                assertEquals(Integer.toString(ms.size()), card(dom, "measurements"), room);
                assertEquals(Integer.toString(latest.score()), card(dom, "latest-score"), room);
                double mean = ms.stream().filter(Measurement::ok).mapToInt(Measurement::score).average().orElseThrow();
                assertEquals(String.format(Locale.ROOT, "%.0f", mean), card(dom, "mean-score"), room);
                assertEquals(ms.size(), count(dom, "<tr class=\"m\""), "every measurement listed: " + room);
                assertEquals(latest.standardPass() == 1 ? "met" : "not met", card(dom, "latest-standard"), room);
                assertEquals(Room.class.cast(s.room(room).orElseThrow()).shownSource(), unescape(first(dom,
                        "<dd id=\"source\"><code>(.*?)</code>")), "the source, redacted");
                assertEquals(1, HtmlReportBrowserTest.embeddedImages(Files.readString(page)).size(), "its chart");
                assertTrue(dom.contains("<a id=\"back\" href=\"../fleet.html\">"), "back to the fleet");
            }
        }
        // the backlit room: its latest measurement's advice with the measured value against the threshold
        String ab = Files.readString(out.resolve("rooms").resolve(RoomPages.fileNames(List.of("a/b")).get("a/b")));
        assertTrue(ab.contains("data-id=\"backlight\"") && ab.contains("+1.80 stops (threshold +0.60 stops)"), ab);
        assertTrue(ab.contains("lighting (lamps, blinds)"), "the fix it asks for");
        assertTrue(ab.contains("<code>backlight.ratioStops &lt;= 1.0</code>"), "the requirement not met");
        assertTrue(ab.contains("It does not meet it now"), "its standard, failed now");
        assertTrue(ab.contains("failed: <code>cannot open rtsp://***@10.0.0.5/stream?token=***"), "the failure, "
                + "redacted");
        assertTrue(ab.contains("<dd id=\"building\">Tower A</dd>") && ab.contains("<dd id=\"floor\">3</dd>"));

        // given a file, the rooms' pages go beside it
        Path named = dir.resolve("named");
        Files.createDirectories(named);
        CliRunner.Result file = fleet(db, named.resolve("estate.html"), "en");
        assertEquals(0, file.exit(), file.err());
        try (Stream<Path> files = Files.list(named.resolve("estate-rooms"))) {
            assertEquals(ODD.size(), files.count());
        }
        assertTrue(Files.readString(named.resolve("estate.html")).contains("<a href=\"estate-rooms/board-room-"));

        Path roomPage = out.resolve("rooms").resolve(RoomPages.fileNames(List.of("a/b")).get("a/b"));
        BufferedImage shot = HtmlReportBrowserTest.screenshot(roomPage, dir);
        Files.createDirectories(Path.of("target"));
        Files.copy(dir.resolve("shot.png"), Path.of("target", "room-page-en.png"), StandardCopyOption.REPLACE_EXISTING);
        BufferedImage chart = HtmlReportBrowserTest.embeddedImages(Files.readString(roomPage)).get(0);
        assertEquals(2 * Charts.WIDTH, chart.getWidth());
        // the chart's score line reaches the screen in the series' blue
        assertTrue(HtmlReportBrowserTest.count(shot, c -> HtmlReportBrowserTest.near(c, Charts.SERIES, 30)) > 500,
                "the score over time, drawn");
    }

    /**
     * In Chinese, every word a person reads on the two pages and in {@code fleet} and {@code history}
     * is Chinese: the Latin words left are the rooms' own (names, sites, cameras, the standard's
     * name), units, option names and camlab's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"zh-Hans", "zh-Hant"})
    void chineseThroughout(String lang, @TempDir Path dir) throws Exception {
        String db = fill(dir);
        Path out = dir.resolve("report");
        CliRunner.Result f = fleet(db, out, lang);
        assertEquals(0, f.exit(), f.err());
        assertNoEnglish(f.out(), "fleet --lang " + lang, db);
        assertTrue(f.out().contains(lang.equals("zh-Hans") ? "间会议室现在需要照明" : "間會議室現在需要照明"), f.out());
        CliRunner.Result h = CliRunner.run("history", "a/b", "--since", FIRST.toString(), "--until", FIRST.plusDays(
                DAYS - 1).toString(), "--rows", "100", "--lang", lang, "--db", db);
        assertEquals(0, h.exit(), h.err());
        assertTrue(h.out().contains("cannot open rtsp://***@10.0.0.5/stream?token=***"), "the failure, redacted: "
                + h.out());
        assertNoEnglish(h.out(), "history --lang " + lang, db);
        for (String secret : SECRETS) {
            assertFalse(h.out().contains(secret), secret);
        }

        Path fleetPage = out.resolve("fleet.html");
        String fleetDom = FleetReportBrowserTest.dumpDom(fleetPage, dir);
        assertTrue(fleetDom.contains("<html lang=\"" + lang + "\""), "the page says its language");
        assertNoEnglish(visible(fleetDom), "fleet.html " + lang, db);
        assertEquals(6, rooms(fleetDom).size());
        Path ab = out.resolve("rooms").resolve(RoomPages.fileNames(List.of("a/b")).get("a/b"));
        Path sub = dir.resolve("ab");
        Files.createDirectories(sub);
        String abDom = FleetReportBrowserTest.dumpDom(ab, sub);
        assertNoEnglish(visible(abDom), "the room page " + lang, db);
        assertTrue(abDom.contains(lang.equals("zh-Hans") ? "+1.80 档（阈值 +0.60 档）" : "+1.80 級（門檻 +0.60 級）"),
                "the advice's numbers against their threshold, in words of the language");
        assertTrue(abDom.contains(lang.equals("zh-Hans") ? "身后光线太亮" : "背後光線太亮"), "the problem named");
        HtmlReportBrowserTest.screenshot(ab, dir);
        Files.createDirectories(Path.of("target"));
        Files.copy(dir.resolve("shot.png"), Path.of("target", "room-page-" + lang + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        HtmlReportBrowserTest.screenshot(fleetPage, dir);
        Files.copy(dir.resolve("shot.png"), Path.of("target", "fleet-page-" + lang + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The words a person reads: the DOM without its style, tags and machine expressions ({@code <code>}). */
    static String visible(String dom) {
        return unescape(dom.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<code>.*?</code>", " ")
                .replaceAll("(?s)<[^>]*>", " "));
    }

    /** Latin words left once the rooms' own data, units, options and names are taken out. */
    static void assertNoEnglish(String text, String what, String db) {
        // a failed capture's message is stored as the capture said it, and shown so
        String rest = text.replace(db, " ").replace(Redact.url(FAILURE), " ");
        for (String[] room : ODD) {
            rest = rest.replace(room[0], " ").replace(new Room(room[0], null, null, null, room[1]).shownSource(), " ");
        }
        for (String own : new String[]{"HQ", "Tower A", "camlab room standard 1", "docs/CONTRACT.md", ZONE.getId()}) {
            rest = rest.replace(own, " ");
        }
        rest = rest.replaceAll("'camlab [^']*'", " ").replaceAll("--[a-z]+", " ").replaceAll(
                "\\b(camlab|dev|fps|UTC)\\b", " ");
        Matcher english = Pattern.compile("[A-Za-z]{2,}").matcher(rest);
        List<String> found = new ArrayList<>();
        while (english.find()) {
            found.add(english.group());
        }
        assertEquals(List.of(), found, what + ": English left in\n" + text);
    }

    /** A busy room lists its latest 500 and says how many there are; its chart is the hours', from the rollups. */
    @Test
    void aBusyRoomListsItsLatestAndSaysHowManyThereAre(@TempDir Path dir) throws Exception {
        String db = TestDatabases.fresh("sqlite", dir);
        try (RoomStore s = RoomStore.open(db, ZONE)) {
            s.add(new Room("Busy", null, null, null, "camera:0"));
            for (int i = 0; i < 600; i++) {
                s.record(m("Busy", at(0, 0) + i * 10 * 60_000L, 70 + i % 20, 0.3, null, true));
            }
        }
        Path out = dir.resolve("out");
        CliRunner.Result r = fleet(db, out, "en");
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(out.resolve("rooms").resolve(RoomPages.fileNames(List.of("Busy")).get("Busy")));
        assertEquals(500, count(page, "<tr class=\"m\""));
        assertTrue(page.contains("The latest 500 of 600, the latest first"), "says how many there are");
        assertEquals("600", card(page, "measurements"));
        try (RoomStore s = RoomStore.open(db, ZONE)) {
            Measurement last = s.lastBefore("Busy", Long.MAX_VALUE).orElseThrow();
            assertTrue(page.contains("data-at=\"" + last.takenAt() + "\""), "the latest is listed");
            assertEquals(Integer.toString(last.score()), card(page, "latest-score"));
        }
    }

    @Test
    void fileNamesAreSafeAndApartWhateverTheName() {
        List<String> names = List.of("a/b", "a_b", "a b", "..", ".", "", "CON", "Board room", "board room",
                "BOARD ROOM", "会议室", "會議室", "x".repeat(300), "../../etc/passwd", "C:\\x");
        Map<String, String> files = RoomPages.fileNames(names);
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            String f = files.get(n);
            assertNotNull(f, n);
            assertTrue(f.matches("[a-z0-9][a-z0-9-]{0,60}\\.html"), n + " → " + f);
            assertTrue(seen.add(f.toLowerCase(Locale.ROOT)), n + " shares " + f);
        }
        assertEquals(files, RoomPages.fileNames(names), "the same names on every run: links stay valid");
        assertTrue(files.get("Board room").startsWith("board-room-"), "a name people can read");
    }

    static String card(String dom, String id) {
        return unescape(first(dom, "id=\"" + id + "\"><div class=\"big\">(.*?)</div>"));
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace(
                "&amp;", "&");
    }

    /** The names the rows of the page give, in order. */
    static List<String> rooms(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"room\" data-room=\"([^\"]+)\"").matcher(dom);
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }
}
