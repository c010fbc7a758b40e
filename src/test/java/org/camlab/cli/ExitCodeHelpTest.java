package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.exit.ExitCode;
import org.camlab.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * Every command's --help lists its exit codes with the numbers of {@link ExitCode}, the one table:
 * the words come from {@code exits*.properties}, keyed by command and code name, and no annotation
 * or translation types an exit code list of its own.
 */
class ExitCodeHelpTest {
    private static final Pattern ROW = Pattern.compile("^\\s+(\\d+)\\s+(\\S.*)$", Pattern.MULTILINE);

    @Test
    void everyKeyNamesARealCommandAndARealCode() {
        CommandLine root = Main.commandLine();
        Set<String> commands = new HashSet<>();
        for (CommandLine c : HelpTest.commands(root)) {
            commands.add(c.getCommandSpec().qualifiedName("."));
        }
        ResourceBundle english = ExitCodeHelp.bundle(Language.ENGLISH);
        for (String key : english.keySet()) {
            if (key.equals("heading")) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            assertTrue(commands.contains(key.substring(0, dot)), key + ": no such command");
            assertNotNull(ExitCode.valueOf(key.substring(dot + 1)), key);
            assertTrue(english.containsKey(key.substring(0, dot) + ".OK"), key
                    + ": a command that lists codes lists 0");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyCommandListsItsCodesFromTheTable(Language l) {
        ResourceBundle words = ExitCodeHelp.bundle(l);
        ResourceBundle english = ExitCodeHelp.bundle(Language.ENGLISH);
        for (CommandLine c : HelpTest.commands(Main.commandLine())) {
            String name = c.getCommandSpec().qualifiedName(" ");
            String[] args = (name.replaceFirst("^camlab ?", "") + " --help --lang " + l.tag).trim().split(" ");
            var r = CliRunner.run(args);
            assertEquals(0, r.exit(), name + ": " + r.err());
            String help = r.out();
            int at = help.indexOf(words.getString("heading"));
            assertTrue(at >= 0, name + " --help in " + l + " has no exit codes:\n" + help);
            Matcher m = ROW.matcher(help.substring(at));
            Set<Integer> listed = new HashSet<>();
            while (m.find() && listed.size() < ExitCode.values().length) {
                int code = Integer.parseInt(m.group(1));
                if (Arrays.stream(ExitCode.values()).noneMatch(e -> e.code() == code)) {
                    break; // past the list
                }
                listed.add(code);
            }
            assertTrue(listed.contains(0), name + " lists 0:\n" + help);
            for (int code : listed) {
                ExitCode e = Arrays.stream(ExitCode.values()).filter(x -> x.code() == code).findFirst().orElseThrow();
                String key = keyOf(c.getCommandSpec(), e, english);
                assertNotNull(key, name + " lists " + code + " with no words for it");
                assertTrue(help.replaceAll("\\s+", " ").contains(words.getString(key).replaceAll("\\s+", " ")
                        .substring(0, Math.min(8, words.getString(key).length()))), name + " " + code + " in " + l);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void everyTranslationHasEveryKey(Language l) {
        ResourceBundle english = ExitCodeHelp.bundle(Language.ENGLISH);
        ResourceBundle translated = ExitCodeHelp.bundle(l);
        for (String key : english.keySet()) {
            String t = translated.getString(key);
            assertFalse(t.equals(english.getString(key)) && !t.matches("[-\\w ]+"), key + " is not translated to " + l);
            assertTrue(t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key
                    + " in " + l + ": " + t);
        }
    }

    @Test
    void noHelpTextTypesItsOwnExitCodeList() {
        CommandLine root = Main.commandLine();
        for (CommandLine c : HelpTest.commands(root)) {
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                assertFalse(line.matches("(?s).*Exit code.*\\d.*"), c.getCommandSpec().qualifiedName() + ": " + line);
            }
        }
        for (Language l : Language.values()) {
            ResourceBundle help = Help.bundle(l);
            if (help == null) {
                continue;
            }
            for (String key : help.keySet()) {
                assertFalse(key.contains("footer") && help.getString(key).matches("(?s).*(退出码|結束代碼).*\\d.*"), key);
            }
        }
    }

    private static String keyOf(CommandLine.Model.CommandSpec spec, ExitCode e, ResourceBundle english) {
        for (var s = spec; s != null; s = s.parent()) {
            String key = s.qualifiedName(".") + "." + e.name();
            if (english.containsKey(key)) {
                return key;
            }
        }
        return null;
    }
}
