package org.camlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.image.SourceInfo;
import org.camlab.report.CategoryRow;
import org.camlab.report.Charts;
import org.camlab.report.HtmlReport;
import org.camlab.report.Terms;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;
import org.camlab.text.Language;
import org.camlab.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The live window's side panel lit from the verdict it is given, in the colours of {@link Charts},
 * whatever the language calls the severities: painted off screen, no display needed.
 */
class StatusPanelTest {
    private static SessionReport picture(boolean face) {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.MEAN_LUMA, 136.1);
        m.put(Metric.SUBJECT_LUMA, 96.5);
        m.put(Metric.CLIPPED_HIGHLIGHTS, 6.25);
        m.put(Metric.CLIPPED_SHADOWS, 0.0);
        m.put(Metric.FACE_DETECTED, face ? 1.0 : 0.0);
        m.put(Metric.BACKLIGHT_RATIO, 1.72);
        m.put(Metric.SIDE_LIGHT, -0.14);
        m.put(Metric.NOISE_SIGMA, 0.07);
        m.put(Metric.FACE_HEIGHT, 28.9);
        m.put(Metric.EYE_LINE, 35.5);
        m.put(Metric.OFF_CENTRE, 1.2);
        return new SessionReport(new SourceInfo(SourceInfo.Kind.IMAGE, "portrait.png", 1280, 720, 0), Instant.EPOCH, 1,
                1, 0, 0.1, m, null, null, face ? "blazeface" : "none", null, false, Map.of(), null, null, null, null,
                null);
    }

    private static Recommendation problem(String id, Severity s, Metric m, double value, double threshold) {
        return new Recommendation(id, s, Text.literal(id + " title"), Text.literal(id + " detail"), m.path(), value,
                threshold);
    }

    private static final Verdict VERDICT = Verdict.of(List.of(
            problem("backlight", Severity.HIGH, Metric.BACKLIGHT_RATIO, 1.72, 0.6),
            problem("clipping", Severity.MEDIUM, Metric.CLIPPED_HIGHLIGHTS, 6.25, 2),
            problem("low-light-noise", Severity.LOW, Metric.NOISE_SIGMA, 0.07, 0.05)));

    private static StatusPanel panel(Language l, LiveState s) {
        StatusPanel p = new StatusPanel(Terms.of(l), LiveWindow.PANEL_WIDTH, LiveWindow.PREVIEW_WIDTH * 9 / 16);
        p.setSize(p.getPreferredSize());
        p.show(s);
        return p;
    }

    private static BufferedImage paint(StatusPanel p) {
        BufferedImage img = new BufferedImage(p.getWidth(), p.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            p.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int count(BufferedImage img, Color c) {
        return LiveWindowTest.count(img, c.getRGB() & 0xFFFFFF, 0, 0, 0, img.getWidth(), img.getHeight());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachCategoryIsLitByItsWorstProblemInTheReportsColours(Language l) {
        LiveState s = new LiveState(picture(true), VERDICT, VERDICT, picture(true), 1);
        StatusPanel p = panel(l, s);
        List<CategoryRow> rows = p.rows(s);
        assertEquals(List.of(Category.values()), rows.stream().map(CategoryRow::category).toList(),
                "one row per category");
        for (CategoryRow row : rows) {
            Color expected = switch (row.category()) {
                case BACKLIGHT -> Charts.FIX;
                case EXPOSURE -> Charts.CHECK;
                case NOISE -> Charts.NOTE;
                case TEMPORAL -> Charts.UNMEASURED; // a still: no timing
                default -> Charts.GOOD;
            };
            assertEquals(expected, StatusPanel.light(row), l + " " + row.category());
        }
        CategoryRow exposure = rows.get(0);
        assertEquals(Severity.MEDIUM, exposure.worst());
        assertTrue(exposure.items().stream().anyMatch(i -> i.contains("136.1")), "its numbers: " + exposure.items());
        assertTrue(exposure.items().stream().anyMatch(i -> i.contains("6.25")), "its numbers: " + exposure.items());

        // painted: each light's colour is on the panel, and the score's band (100 − 25 − 12 − 5 = 58: fix)
        BufferedImage img = paint(p);
        for (Color c : List.of(Charts.FIX, Charts.CHECK, Charts.NOTE, Charts.GOOD, Charts.UNMEASURED)) {
            assertTrue(count(img, c) > 20, l + ": " + c + " drawn " + count(img, c));
        }
        assertEquals(58, VERDICT.score());
        assertEquals(Charts.FIX, Charts.scoreColour(VERDICT.score()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void withoutAFaceTheFaceRowsSayWhyAndStayUnlit(Language l) {
        Verdict none = Verdict.of(List.of());
        LiveState s = new LiveState(picture(false), none, none, picture(false), 1);
        StatusPanel p = panel(l, s);
        for (CategoryRow row : p.rows(s)) {
            if (row.category() == Category.BACKLIGHT || row.category() == Category.FRAMING) {
                assertFalse(row.measured());
                assertEquals(List.of(Terms.of(l).unmeasured(row.category())), row.items());
                assertEquals(Charts.UNMEASURED, StatusPanel.light(row));
            }
            assertNull(row.worst());
        }
        BufferedImage img = paint(p);
        assertEquals(0, count(img, Charts.FIX) + count(img, Charts.CHECK) + count(img, Charts.NOTE), "no problem lit");
        assertTrue(count(img, Charts.GOOD) > 100, "the score and the measured rows are good");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void whileMeasuringNoScoreAndNoLightIsShown(Language l) {
        // the rules find nothing yet, so the verdict's score is 100: painted, it would be a green all-clear
        Verdict none = Verdict.of(List.of());
        LiveState s = new LiveState(picture(true), none, VERDICT, picture(true), 1, true, Map.of());
        BufferedImage img = paint(panel(l, s));
        assertEquals(0, count(img, Charts.GOOD) + count(img, Charts.FIX) + count(img, Charts.CHECK) + count(img,
                Charts.NOTE), "no score and no verdict's colour");
        assertTrue(count(img, Charts.UNMEASURED) > 100, "the rows' lights wait, grey");
        assertTrue(count(img, Charts.GOOD) == 0 && count(paint(panel(l, new LiveState(picture(true), none, none,
                picture(true), 1))), Charts.GOOD) > 100, "once settled, the same verdict is painted good");
    }

    /** The tooltip at the height {@code y} of the panel, as Swing asks for it when the mouse rests there. */
    private static String tipAt(StatusPanel p, int y) {
        return p.getToolTipText(new MouseEvent(p, MouseEvent.MOUSE_MOVED, 0, 0, 200, y, 0, false));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachRowsTooltipHoldsItsLabelItsNumbersWithUnitsAndItsAdvice(Language l) {
        Terms t = Terms.of(l);
        LiveState s = new LiveState(picture(true), VERDICT, VERDICT, picture(true), 1);
        StatusPanel p = panel(l, s);
        paint(p);
        for (CategoryRow row : p.rows(s)) {
            int y = p.rowY(row.category());
            assertTrue(y > 0, l + ": " + row.category() + " painted");
            String tip = tipAt(p, y);
            assertTrue(tip != null && tip.contains(t.title(row.category())), l + ": " + row.category() + " " + tip);
            for (String item : row.items()) {
                assertTrue(tip.contains(HtmlReport.esc(item)), l + ": " + item + " in " + tip);
            }
        }
        // the light row: its numbers with their units, and the advice on them in full
        String light = tipAt(p, p.rowY(Category.BACKLIGHT));
        assertTrue(light.contains("+1.72 " + t.unit("stops")), light);
        assertTrue(light.contains(t.severity(Severity.HIGH).toUpperCase(Locale.ROOT)) && light.contains(
                "backlight title") && light.contains("backlight detail"), light);
        assertFalse(light.contains("clipping title"), "another category's advice: " + light);
        String exposure = tipAt(p, p.rowY(Category.EXPOSURE));
        assertTrue(exposure.contains("6.25 %") && exposure.contains("clipping detail"), exposure);
        // the advice below the rows, whole
        assertTrue(tipAt(p, p.adviceY()).contains("backlight detail"));
        assertNull(tipAt(p, 2), "nothing above the score");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void whatSSavedIsSaidInFullWrappedWithinThePanel(Language l) {
        Terms t = Terms.of(l);
        LiveState s = new LiveState(picture(true), VERDICT, VERDICT, picture(true), 1);
        StatusPanel p = panel(l, s);
        String dir = "/home/someone/Documents/meetings/camera-checks/2026-12-07";
        p.say(t.get("window.saved.all", dir, "camlab-20261207-160952.png", "camlab-20261207-160952.json",
                "camlab-20261207-160952.html"));
        BufferedImage img = paint(p);
        // the message is drawn in the quiet grey at the panel's foot: on several lines, none past the margin
        Color quiet = new Color(0xA0, 0xA0, 0xA0);
        int w = img.getWidth();
        int h = img.getHeight();
        assertEquals(0, LiveWindowTest.count(img, quiet.getRGB() & 0xFFFFFF, 0, w - 10, h - 90, w, h),
                "nothing drawn past the right margin");
        int lines = 0;
        boolean inLine = false;
        for (int y = h - 90; y < h; y++) {
            boolean ink = LiveWindowTest.count(img, quiet.getRGB() & 0xFFFFFF, 0, 0, y, w, y + 1) > 0;
            lines += ink && !inLine ? 1 : 0;
            inLine = ink;
        }
        assertTrue(lines >= 2, l + ": the message wrapped on " + lines + " lines");
        FontMetrics fm = img.createGraphics().getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        List<String> wrapped = StatusPanel.wrap(StatusPanel.prose(dir + " x"), fm, 200);
        assertTrue(wrapped.size() >= 2 && String.join("", wrapped).replace(" ", "").equals((dir + "x")),
                "a path wider than a line is cut where the line ends, nothing lost: " + wrapped);
    }
}
