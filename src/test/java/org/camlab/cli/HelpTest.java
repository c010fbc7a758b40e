package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} in each language: every command's description, every option and parameter of the
 * picocli model is shown in the translation — none falls back to the English of the annotations —
 * with the same options, and the language is chosen by {@code --lang} or the system's locale.
 */
class HelpTest {
    /** Every command of camlab (not the aliases, not picocli's own help command). */
    static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        out.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == root.getCommandSpec() && !out.contains(sub)
                    && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                out.addAll(commands(sub));
            }
        }
        return out.stream().distinct().toList();
    }

    /** The English texts a user reads in {@code cmd --help}: the description, each option's and parameter's. */
    static List<String> englishTexts(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        for (String d : spec.usageMessage().description()) {
            if (d.length() > 12) {
                out.add(d);
            }
        }
        for (ArgSpec a : spec.args()) {
            for (String d : a.description()) {
                if (d.length() > 12) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void everyCommandsHelpIsTranslated(Language l) {
        CommandLine english = Main.commandLine();
        for (CommandLine cmd : commands(english)) {
            String name = cmd.getCommandSpec().qualifiedName(" ");
            List<String> texts = englishTexts(cmd.getCommandSpec());
            assertTrue(!texts.isEmpty(), name);
            String[] args = (name.replaceFirst("^camlab ?", "") + " --help --lang " + l.tag).trim().split(" ");
            var r = CliRunner.run(args);
            assertEquals(0, r.exit(), name + ": " + r.err());
            String help = r.out().replaceAll("\\s+", " ");
            for (String text : texts) {
                String start = text.replaceAll("\\s+", " ").substring(0, 12);
                assertFalse(help.contains(start), l + " " + name + " --help shows English: " + text);
            }
            assertTrue(help.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .count() > 20, name + ": " + r.out());
            // the same options, under their own names
            for (var o : cmd.getCommandSpec().options()) {
                assertTrue(o.hidden() || r.out().contains(o.longestName()), name + " lists " + o.longestName());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void checksHelpListsEachOfTheWindowsKeys(Language l) {
        var r = CliRunner.run("check", "--help", "--lang", l.tag);
        assertEquals(0, r.exit(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertFalse(help.contains("Z P R G H"), "the overlay keys told one by one: " + help);
        String[] what = switch (l) {
            case ENGLISH -> new String[]{"S saves", "Z zebra", "P peaking", "R face", "G light map", "H histogram",
                    "Q or Esc"};
            case SIMPLIFIED_CHINESE -> new String[]{"S 保存", "Z 斑马纹", "P 峰值对焦", "R 人脸", "G 光线分布图", "H 直方图",
                    "Q 或 Esc"};
            case TRADITIONAL_CHINESE -> new String[]{"S 儲存", "Z 斑馬紋", "P 峰值對焦", "R 人臉", "G 光線分布圖", "H 直方圖",
                    "Q 或 Esc"};
        };
        String joined = help.replace(" ", ""); // Chinese lines break between any two characters
        for (String key : what) {
            assertTrue(joined.contains(key.replace(" ", "")), l + ": " + key + " in " + help);
        }
    }

    @Test
    void theSystemsLanguageIsTheDefaultAndLangOverridesIt() {
        Locale was = Locale.getDefault();
        try {
            Locale.setDefault(Locale.TAIWAN);
            var tw = CliRunner.run("analyze", "--help");
            var en = CliRunner.run("analyze", "--help", "--lang", "en");
            Locale.setDefault(Locale.CHINA);
            var cn = CliRunner.run("analyze", "--help");
            assertFalse(tw.out().equals(cn.out()), "Traditional on a Taiwanese system, Simplified on a Chinese one");
            assertTrue(en.out().contains("Analyse stills, recordings or streams"), en.out());
            assertFalse(tw.out().contains("Analyse stills, recordings or streams"), tw.out());
            Locale.setDefault(Locale.FRANCE);
            assertTrue(CliRunner.run("analyze", "--help").out().contains("Analyse stills"),
                    "English where camlab does not "
                            + "speak the system's language");
        } finally {
            Locale.setDefault(was);
        }
    }

    @Test
    void anUnknownLanguageIsOneLineAndExit2() {
        var r = CliRunner.run("analyze", "--lang", "fr", "x.png");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("en, zh-Hans, zh-Hant") && r.err().contains("'fr'"), r.err());
        assertTrue(r.err().strip().lines().count() <= 2, r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void languageNamesPeopleUseAreUnderstood() {
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.named("zh-CN"));
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.named("zh_SG"));
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.named("zh"));
        assertEquals(Language.TRADITIONAL_CHINESE, Language.named("zh-TW"));
        assertEquals(Language.TRADITIONAL_CHINESE, Language.named("zh_HK"));
        assertEquals(Language.TRADITIONAL_CHINESE, Language.named("zh-Hant-CN"));
        assertEquals(Language.ENGLISH, Language.named("en-GB"));
        assertEquals(null, Language.named("fr"));
        assertEquals(null, Language.named(""));
    }

    static String usage(CommandLine cl) {
        StringWriter w = new StringWriter();
        cl.usage(new PrintWriter(w));
        return w.toString();
    }
}
