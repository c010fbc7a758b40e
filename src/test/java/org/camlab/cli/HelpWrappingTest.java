package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.report.TextReport;
import org.camlab.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} copied a line at a time still runs: no line of any command's help, in any language,
 * at 80 or 120 columns, breaks inside a quoted argument, a path or a {@code key<=value} token, and an
 * example too wide for the terminal goes on with a shell's " \".
 */
class HelpWrappingTest {
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])'[^'\\n]+'(?![\\p{L}\\p{N}])");
    private static final Pattern ASCII_WORD = Pattern.compile("[A-Za-z0-9~(\\[][\\x21-\\x7e]*");
    /** Punctuation between two letters or digits: a path, a file name, a key<=value, a URL. */
    private static final Pattern JOINED = Pattern.compile("[\\w~][./<>=:@?&][\\w~/.]");

    /** What a person reads in the help: the description, the footer, each option's and parameter's words. */
    private static List<String> texts(CommandSpec spec) {
        List<String> out = new ArrayList<>(List.of(spec.usageMessage().description()));
        out.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec a : spec.args()) {
            out.addAll(List.of(a.description()));
        }
        return out.stream().map(s -> s.replace("%n", " ").replace("%%", "%")).toList();
    }

    /** The quoted arguments and the words with punctuation inside, which no line may break. */
    static Set<String> whole(List<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            Matcher q = QUOTED.matcher(t);
            while (q.find()) {
                out.add(q.group());
            }
            Matcher w = ASCII_WORD.matcher(t);
            while (w.find()) {
                String word = w.group().replaceAll("^[(\\[']+", "").replaceAll("[.,;:)\\]'\"]+$", "");
                if (JOINED.matcher(word).find() && !word.contains("'")) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    static CommandLine commandLine(Language l, int width) {
        CommandLine cl = Main.commandLine();
        Help.translate(cl, l);
        cl.setUsageHelpWidth(width);
        return cl;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noLineBreaksInsideAQuotedArgumentAPathOrAToken(Language l) {
        int checked = 0;
        for (int width : new int[]{80, 120}) {
            for (CommandLine c : HelpTest.commands(commandLine(l, width))) {
                String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
                List<String> lines = help.lines().toList();
                String name = c.getCommandSpec().qualifiedName() + " --help --lang " + l.tag + " at " + width;
                for (String line : lines) {
                    assertTrue(TextReport.columns(line) <= width, name + ": too wide: " + line);
                }
                for (String token : whole(texts(c.getCommandSpec()))) {
                    assertTrue(lines.stream().anyMatch(line -> line.contains(token)), name + ": '" + token
                            + "' is broken across lines:\n" + help);
                    checked++;
                }
                for (int i = 0; i + 1 < lines.size(); i++) {
                    if (lines.get(i).endsWith(" \\")) {
                        assertTrue(lines.get(i).contains("camlab ") || lines.get(i - 1).endsWith(" \\"), name
                                + ": a continued line is an example: " + lines.get(i));
                    }
                }
            }
        }
        assertTrue(checked > 200, "tokens checked: " + checked);
    }

    @Test
    void theTokensOfTheIssueAreFoundAndKeptWhole() {
        List<String> texts = List.of("('sharpness.score>=40', 'score>=70', 'temporal.droppedFrames<=2'), x",
                "docs/CONTRACT.md is the full contract.", "camlab compare before.json after.json");
        Set<String> tokens = whole(texts);
        assertTrue(tokens.containsAll(List.of("'temporal.droppedFrames<=2'", "docs/CONTRACT.md", "after.json")),
                tokens.toString());
        String analyze = HelpTest.commands(commandLine(Language.ENGLISH, 80)).stream().filter(c -> c
                .getCommandSpec().name().equals("analyze")).findFirst().orElseThrow().getUsageMessage(
                        CommandLine.Help.Ansi.OFF);
        assertTrue(analyze.contains("'temporal.droppedFrames<=2'") && analyze.contains("FILE-2.html"), analyze);
        assertFalse(analyze.contains("temporal.\n"), analyze);
    }

    @Test
    void anExampleTooWideGoesOnWithABackslashThatAShellReads() {
        List<String> lines = WholeWordsHelp.commandLines("Examples:  camlab fleet --since 2026-09-01 --report "
                + "fleet.html --db jdbc:postgresql://db.example/camlab?user=report", 80);
        assertTrue(lines.size() == 2 && lines.get(0).endsWith(" --db \\") && lines.get(1).strip().equals(
                "jdbc:postgresql://db.example/camlab?user=report"), lines.toString());
        List<String> remark = WholeWordsHelp.commandLines("          camlab compare 'Board room@2026-11-02' "
                + "'Board room@2026-11-30T15:00'   (before and after the new blinds)", 80);
        assertTrue(remark.get(0).endsWith("'Board room@2026-11-30T15:00'") && remark.get(1).strip().equals(
                "(before and after the new blinds)"), remark.toString());
    }

    @Test
    void theHelpTakesTheTerminalsWidth(@TempDir Path dir) throws Exception {
        String wide = ExplainTest.inTerminal(dir, 120, "analyze", "--help");
        int widest = wide.lines().mapToInt(TextReport::columns).max().orElse(0);
        assertTrue(widest > 100 && widest <= 120, "at 120 columns: " + widest + "\n" + wide);
        String narrow = ExplainTest.inTerminal(dir, 80, "analyze", "--help");
        assertTrue(narrow.lines().mapToInt(TextReport::columns).max().orElse(0) <= 80, narrow);
    }

    @Test
    void devicesPromisesNoReport() {
        for (Language l : Language.values()) {
            var r = CliRunner.run("devices", "--help", "--lang", l.tag);
            String lang = r.out().substring(r.out().indexOf("--lang=LANG"), r.out().indexOf("-v, --verbose"));
            for (String report : new String[]{"report", "报告", "報告", "advice", "建议", "建議"}) {
                assertFalse(lang.contains(report), l + ": " + lang);
            }
        }
    }
}
