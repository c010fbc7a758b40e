package org.camlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.camlab.exit.ExitCode;
import org.camlab.text.Language;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The "Exit codes" list of each command's {@code --help}: the numbers from {@link ExitCode}, the one
 * table, and for each the words that command means by it ({@code org/camlab/cli/exits*.properties},
 * keyed by command and the code's name; a subcommand with no words of its own shows its parent's).
 */
final class ExitCodeHelp {
    static final String BUNDLE = "org.camlab.cli.exits";

    private ExitCodeHelp() {
    }

    static void apply(CommandLine root, Language language) {
        ResourceBundle words = bundle(language);
        for (CommandLine c : all(root, new ArrayList<>())) {
            Map<String, String> rows = rows(words, c.getCommandSpec());
            if (!rows.isEmpty()) {
                c.getCommandSpec().usageMessage().exitCodeListHeading("%n" + words.getString("heading") + "%n")
                        .exitCodeList(rows);
            }
        }
    }

    /** Code → words for one command, in the table's order; empty for a command with none. */
    static Map<String, String> rows(ResourceBundle words, CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            Map<String, String> rows = new LinkedHashMap<>();
            for (ExitCode e : ExitCode.values()) {
                String key = s.qualifiedName(".") + "." + e.name();
                if (words.containsKey(key)) {
                    rows.put(Integer.toString(e.code()), words.getString(key).replace("%", "%%"));
                }
            }
            if (!rows.isEmpty()) {
                return rows;
            }
        }
        return Map.of();
    }

    static ResourceBundle bundle(Language language) {
        Locale locale = language == Language.ENGLISH ? Locale.ROOT : language.locale;
        return ResourceBundle.getBundle(BUNDLE, locale, ExitCodeHelp.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static List<CommandLine> all(CommandLine c, List<CommandLine> out) {
        if (!out.contains(c)) {
            out.add(c);
            for (CommandLine sub : c.getSubcommands().values()) {
                all(sub, out);
            }
        }
        return out;
    }
}
