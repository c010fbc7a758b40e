package org.camlab.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camlab.demo.DemoRecording;
import org.camlab.face.FaceDetectors;
import org.camlab.fixtures.Fixtures;
import org.camlab.lab.Lab;
import org.camlab.report.CategoryRow;
import org.camlab.report.Terms;
import org.camlab.report.TextReport;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.session.SessionOptions;
import org.camlab.session.StopSignal;
import org.camlab.text.Language;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a person reads in the live check's terminal view, state by state, on the demo scene (a
 * person before a window 1.8 stops brighter than the face) replayed at its real pace: no verdict
 * before a problem could have lasted, lines that fit the terminal, figures that do not flip to n/a.
 */
@Timeout(120)
class LiveViewTest {
    private static final List<LiveState> STATES = new ArrayList<>();

    @BeforeAll
    static void watchTheDemo() throws Exception {
        Path demo = Fixtures.cached(Fixtures.generated(), "live-demo-1.0.mp4",
                out -> DemoRecording.write(out, 1280, 720, 30, 4, 1.0));
        try (Lab lab = Lab.automatic(FaceDetectors.Mode.AUTO)) {
            LiveMonitor monitor = new LiveMonitor(lab.advisor());
            monitor.view(STATES::add);
            lab.watch(demo.toString(), null, true, SessionOptions.defaults().withDurationMicros(7_000_000L),
                    new StopSignal(), List.of(monitor));
        }
        assertTrue(STATES.size() >= 6, STATES.size() + " states"); // twice a second, fewer on a loaded machine
    }

    private static List<String> lines(LiveState s, Terms t, int width) {
        return new TextReport(false, width, t).live("camlab check — demo", s.rows(t), s.verdict(), s.measuring(),
                (int) LiveMonitor.HOLD_SEC);
    }

    @Test
    void noScoreNorAllClearBeforeAProblemCouldHaveLasted() {
        LiveState first = STATES.get(0);
        assertTrue(first.measuring(), "the first state is still measuring");
        double start = first.session().durationSec();
        LiveState settled = STATES.stream().filter(s -> !s.measuring()).findFirst().orElseThrow(
                () -> new AssertionError("never settled"));
        assertTrue(settled.session().durationSec() >= start + LiveMonitor.HOLD_SEC - 1e-9,
                "settled at " + settled.session().durationSec() + " s, the first state at " + start + " s");
        boolean seenSettled = false;
        for (LiveState s : STATES) {
            String text = String.join("\n", lines(s, Terms.ENGLISH, 119));
            if (s.measuring()) {
                assertFalse(seenSettled, "measuring again after the verdict");
                assertFalse(text.contains("Score") || text.contains("nothing to change") || text.contains("[ ok  ]")
                        || text.contains("[ FIX ]"), "a verdict while measuring:\n" + text);
                assertTrue(text.contains("background vs face +1.") && text.contains("Measuring"),
                        "the numbers, and that the verdict is to come:\n" + text);
            } else {
                seenSettled = true;
                // the window behind is 1.8 stops brighter from the first frame: the first score already says so
                assertTrue(s.verdict().recommendations().stream().anyMatch(r -> r.id().equals("backlight")),
                        "settled without the backlight: " + s.verdict());
                assertFalse(text.contains("nothing to change"), text);
                assertTrue(s.verdict().score() < 100 && text.contains("Score " + s.verdict().score() + "/100"), text);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLineFitsTheTerminalAndTheAdviceIsWhole(Language l) {
        Terms t = Terms.of(l);
        LiveState last = STATES.get(STATES.size() - 1);
        String advice = t.get(last.verdict().recommendations().get(0).detail());
        for (int columns : new int[]{80, 120}) {
            List<String> lines = lines(last, t, columns - 1);
            for (String line : lines) {
                assertTrue(TextReport.columns(line) <= columns - 1, l + " " + columns + ": " + line);
                assertFalse(line.contains("…"), "cut: " + line);
            }
            String shown = String.join("", lines).replaceAll("\\s", "");
            assertTrue(shown.contains(advice.replaceAll("\\s", "")), l + " " + columns + ": the advice whole\n"
                    + String.join("\n", lines));
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theStatusLineIsInTheLanguageOfTheRest(Language l) {
        Terms t = Terms.of(l);
        StringWriter sw = new StringWriter();
        new TerminalView(new PrintWriter(sw), true, false, () -> 120, t).accept(STATES.get(STATES.size() - 1));
        // the status line, wrapped at the width: its first two lines
        String status = sw.toString().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").lines().limit(2).reduce("",
                (a, b) -> a + " " + b.strip()).strip();
        String ends = switch (l) {
            case ENGLISH -> "Ctrl-C ends with the summary";
            case SIMPLIFIED_CHINESE -> "按 Ctrl-C 结束并显示摘要";
            case TRADITIONAL_CHINESE -> "按 Ctrl-C 結束並顯示摘要";
        };
        assertTrue(status.startsWith("camlab check — ") && status.replaceAll("\\s", "").contains(ends.replaceAll(
                "\\s", "")), l + ": " + status);
        assertEquals(l == Language.ENGLISH, status.contains("analysed"), l + ": " + status);
    }

    @Test
    void theViewFollowsTheTerminalsWidthWhenItIsResized() {
        StringWriter sw = new StringWriter();
        AtomicInteger width = new AtomicInteger(120);
        TerminalView view = new TerminalView(new PrintWriter(sw), true, false, width::get, Terms.ENGLISH);
        LiveState last = STATES.get(STATES.size() - 1);
        view.accept(last);
        String wide = sw.toString();
        sw.getBuffer().setLength(0);
        width.set(80);
        view.accept(last);
        String narrow = sw.toString();
        assertTrue(narrow.startsWith("\u001b[H\u001b[2J"), "a resized terminal is redrawn from its top");
        for (String[] drawn : new String[][]{{wide, "120"}, {narrow, "80"}}) {
            List<String> lines = List.of(drawn[0].replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").split("\n"));
            int max = lines.stream().mapToInt(TextReport::columns).max().orElseThrow();
            assertTrue(max < Integer.parseInt(drawn[1]), drawn[1] + " columns: a line of " + max);
            assertTrue(max > Integer.parseInt(drawn[1]) - 20, drawn[1] + " columns: the width is used, " + max);
        }
    }

    @Test
    void theResolutionRowKeepsItsLastMeasurementWithItsAge() {
        double lastMeasured = Double.NaN;
        int kept = 0;
        for (LiveState s : STATES) {
            double mtf = s.recent().value(Metric.MTF50);
            Double age = s.ageSec().get(Category.RESOLUTION);
            if (age == null) {
                lastMeasured = mtf;
                continue;
            }
            kept++;
            assertEquals(lastMeasured, mtf, 0, "the value kept is the last measured");
            CategoryRow row = s.rows(Terms.ENGLISH).stream().filter(r -> r.category() == Category.RESOLUTION)
                    .findFirst().orElseThrow();
            String text = String.join(" · ", row.items());
            assertFalse(text.contains("n/a"), text);
            if (age >= 1) {
                assertTrue(text.endsWith("measured " + (long) Math.floor(age) + " s ago"), text);
            }
        }
        assertTrue(kept > 0, "the demo has seconds without a slanted edge measured: the test needs them");
        long flips = STATES.stream().filter(s -> Double.isNaN(s.recent().value(Metric.MTF50))).count();
        assertTrue(flips <= STATES.stream().takeWhile(s -> Double.isNaN(s.recent().value(Metric.MTF50))).count(),
                "n/a only before the first measurement");
    }
}
