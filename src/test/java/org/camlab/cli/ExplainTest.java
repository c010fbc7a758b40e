package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camlab.advice.Advisor;
import org.camlab.advice.Rule;
import org.camlab.report.Terms;
import org.camlab.report.TextReport;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.camlab.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code camlab explain} as a person new to camlab meets it: a short index, and for a rule or a word
 * of the live view what the number means, what good and bad look like and what to do, before the
 * formula and the threshold; wrapped at the terminal's width (a real one: tmux).
 */
class ExplainTest {
    private static int widest(String out) {
        return out.lines().mapToInt(TextReport::columns).max().orElse(0);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aloneItIsAShortIndexOfOneLineATopicGrouped(Language l) {
        var r = CliRunner.run("explain", "--lang", l.tag);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() <= 60, lines.size() + " lines: " + r.out());
        assertTrue(widest(r.out()) <= 80, r.out());
        Terms t = Terms.of(l);
        for (Rule<SessionReport> rule : new Advisor().rules()) {
            String line = "  " + TextReport.padded(rule.id(), 17) + " " + t.rule(rule.id(), "?");
            assertTrue(lines.contains(line), "one line for " + rule.id() + ": " + r.out());
        }
        for (String w : new String[]{"stops", "zebra", "peaking", "light-map", "score"}) {
            assertTrue(lines.stream().anyMatch(x -> x.startsWith("  " + TextReport.padded(w, 17) + " ")), w);
        }
        for (String group : new String[]{"explain.index.words", "explain.index.rules", "explain.index.metrics",
                "explain.index.readiness"}) {
            assertTrue(lines.contains(t.get(group)), group + ": " + r.out());
        }
    }

    /** The start of a bundle's text, short enough never to be wrapped at 80 columns after its heading. */
    private static String head(Terms t, String key) {
        String s = t.get(key);
        return s.substring(0, Math.min(s.length(), 14));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void backlightSaysInWordsWhatTheNumberMeansBeforeItsFormula(Language l) {
        var r = CliRunner.run("explain", "backlight", "--lang", l.tag);
        assertEquals(0, r.exit(), r.err());
        Terms t = Terms.of(l);
        String out = r.out();
        int means = out.indexOf(t.get("explain.what") + t.language().sentenceGap() + head(t,
                "explain.topic.backlight.means"));
        int good = out.indexOf(t.get("explain.good") + t.language().sentenceGap() + head(t,
                "explain.topic.backlight.good"));
        int todo = out.indexOf(t.get("explain.do") + t.language().sentenceGap() + head(t,
                "explain.topic.backlight.do"));
        int formula = out.indexOf("backlight.ratioStops vs 0.6");
        assertTrue(0 < means && means < good && good < todo && todo < formula, out);
        assertTrue(out.contains(t.definition(Metric.BACKLIGHT_RATIO).substring(0, 10)), "the definition stays: " + out);
        assertTrue(widest(out) <= 80, out);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theWordsOfTheLiveViewAnswer(Language l) {
        Terms t = Terms.of(l);
        for (String[] asked : new String[][]{{"stops", "stops"}, {"zebra", "zebra"}, {"peaking", "peaking"}, {
                "Stop", "stops"}, {"grid", "light-map"}, {"code-value", "code-value"}}) {
            var r = CliRunner.run("explain", asked[0], "--lang", l.tag);
            assertEquals(0, r.exit(), asked[0] + ": " + r.err());
            for (String part : new String[]{"means", "good", "do"}) {
                assertTrue(r.out().contains(head(t, "explain.topic." + asked[1] + "." + part)), asked[0] + " " + part
                        + ": " + r.out());
            }
        }
        assertEquals(2, CliRunner.run("explain", "nonsense").exit());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aNumberNoRuleReadsIsToldByItsCategory(Language l) {
        Terms t = Terms.of(l);
        var r = CliRunner.run("explain", "cctKelvin", "--lang", l.tag);
        assertEquals(0, r.exit(), r.err());
        int words = r.out().indexOf(head(t, "explain.category.color"));
        assertTrue(words > 0 && words < r.out().indexOf("color.cctKelvin"), r.out());
    }

    @Test
    void everyRuleIsExplainedInWordsInEveryLanguage() {
        for (Language l : Language.values()) {
            Terms t = Terms.of(l);
            for (Rule<SessionReport> rule : new Advisor().rules()) {
                var r = CliRunner.run("explain", rule.id(), "--lang", l.tag);
                assertEquals(0, r.exit(), l + " " + rule.id() + ": " + r.err());
                for (String part : new String[]{"means", "good", "do"}) {
                    assertTrue(r.out().contains(head(t, "explain.topic." + rule.id() + "." + part)), l + " "
                            + rule.id() + " " + part + ": " + r.out());
                }
            }
        }
    }

    /** {@code camlab explain ARGS} in a tmux terminal {@code columns} wide: what the terminal received. */
    static String inTerminal(Path dir, int columns, String... args) throws Exception {
        Path out = dir.resolve("out-" + columns + ".txt");
        Path done = dir.resolve("done-" + columns);
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java(), "-XX:TieredStopAtLevel=1",
                "-Duser.language=en", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        StringBuilder shell = new StringBuilder();
        for (String c : cmd) {
            shell.append('\'').append(c.replace("'", "'\\''")).append("' ");
        }
        shell.append("> '").append(out).append("' 2>&1; touch '").append(done).append('\'');
        String session = "camlab-explain-" + ProcessHandle.current().pid() + "-" + columns;
        Process tmux = new ProcessBuilder("tmux", "-L", session, "new-session", "-d", "-x", Integer.toString(columns),
                "-y", "40", "-s", session, shell.toString()).redirectErrorStream(true).start();
        assertTrue(tmux.waitFor(30, TimeUnit.SECONDS) && tmux.exitValue() == 0, new String(tmux.getInputStream()
                .readAllBytes()));
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(done) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertTrue(Files.exists(done), "explain finished in the terminal");
            return Files.readString(out);
        } finally {
            new ProcessBuilder("tmux", "-L", session, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theTextWrapsAtTheTerminalsWidth(@TempDir Path dir) throws Exception {
        String wide = inTerminal(dir, 120, "explain", "backlight");
        String narrow = inTerminal(dir, 80, "explain", "backlight");
        assertTrue(widest(wide) <= 120 && widest(wide) > 100, "wrapped at 120: " + wide);
        assertTrue(widest(narrow) <= 80 && widest(narrow) > 70, "wrapped at 80: " + narrow);
        assertTrue(wide.lines().count() < narrow.lines().count(), "fewer lines in a wider terminal");
        assertEquals(narrow.replaceAll("\\s+", " "), wide.replaceAll("\\s+", " "), "the same words");
    }
}
