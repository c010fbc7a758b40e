package org.camlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's {@code --help}, wrapped only between words. picocli breaks a line wherever
 * {@link java.text.BreakIterator} allows, which is also inside {@code 'temporal.droppedFrames<=2'},
 * {@code docs/CONTRACT.md} or {@code after.json}: a person who copies the line gets a broken command.
 * Here, before picocli wraps a cell, the punctuation inside a word (no space either side) and the
 * spaces inside a quoted argument are swapped for private-use characters, which it does not break
 * at and counts one column each as the characters they stand for, and swapped back in the lines
 * it writes. A word wider than its column is still cut, as picocli cuts it: no help text has one.
 */
final class WholeWordsHelp extends CommandLine.Help {
    /** The private-use character that stands for ASCII character c: U+E000 + c. */
    private static final char BASE = '\uE000';
    /** Where BreakIterator breaks inside a word; '-' picocli already keeps. */
    private static final String BREAKS_AT = "./\\<>=:;,!?|)]}([{%+*&#@'\"~^$`";

    WholeWordsHelp(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    /** Every command's help, from now on, wrapped between words only. */
    static void install(CommandLine cl) {
        cl.setHelpFactory(WholeWordsHelp::new);
    }

    /** {@code s} with what must not be broken masked: punctuation inside words, spaces inside quotes. */
    static String mask(String s) {
        char[] c = s.toCharArray();
        boolean quoted = false;
        for (int i = 0; i < c.length; i++) {
            char ch = s.charAt(i);
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            char next = i + 1 < c.length ? s.charAt(i + 1) : ' ';
            if (ch == '\'' && !quoted && !Character.isLetterOrDigit(prev) && closing(s, i) > i + 1) {
                quoted = true;
            } else if (ch == '\'' && quoted && !Character.isLetterOrDigit(next)) {
                quoted = false;
            }
            boolean inWord = !Character.isWhitespace(prev) && !Character.isWhitespace(next) && i > 0
                    && i + 1 < c.length;
            if (ch == ' ' && quoted || inWord && ch < 128 && BREAKS_AT.indexOf(ch) >= 0) {
                c[i] = (char) (BASE + ch);
            }
        }
        return new String(c);
    }

    /** Where the quote opened at {@code open} closes (a quote not followed by a letter or digit), or −1. */
    private static int closing(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\'' && (i + 1 == s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    static String unmask(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= BASE && ch < BASE + 128 ? (char) (ch - BASE) : ch);
        }
        return b.toString();
    }

    /** A table that masks each value it is given and unmasks the lines it writes. */
    static final class Table extends TextTable {
        Table(ColorScheme scheme, Column... columns) {
            super(scheme, columns);
        }

        static Table like(ColorScheme scheme, TextTable model) {
            Table t = new Table(scheme, model.columns());
            t.indentWrappedLines = model.indentWrappedLines;
            t.setAdjustLineBreaksForWideCJKCharacters(model.isAdjustLineBreaksForWideCJKCharacters());
            return t;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            return super.putValue(row, col, masked(value));
        }

        /** The text with its characters masked, its styles kept (option names are coloured in a terminal). */
        private static Text masked(Text value) {
            String plain = value.plainString();
            String masked = mask(plain);
            if (masked.equals(plain)) {
                return value;
            }
            Text out = value.substring(0, 0);
            int from = 0;
            for (int i = 0; i < plain.length(); i++) {
                if (plain.charAt(i) != masked.charAt(i)) {
                    out = out.concat(value.substring(from, i)).concat(String.valueOf(masked.charAt(i)));
                    from = i + 1;
                }
            }
            return out.concat(value.substring(from));
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            int start = text.length();
            super.toString(text);
            String lines = unmask(text.subSequence(start, text.length()));
            text.setLength(start);
            return text.append(lines);
        }

        @Override
        public String toString() {
            return toString(new StringBuilder()).toString();
        }
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
            ColorScheme scheme) {
        Layout model = super.createDefaultLayout(options, positionals, scheme);
        return new Layout(scheme, Table.like(scheme, model.textTable()), model.optionRenderer(), model
                .parameterRenderer());
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        TextTable model = super.createTextTable(map);
        Table t = Table.like(colorScheme(), model);
        if (map != null) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                t.addRowValues(colorScheme().text(String.format(String.valueOf(e.getKey()))), colorScheme().text(
                        String.format(String.valueOf(e.getValue()))));
            }
        }
        return t;
    }

    @Override
    public String description(Object... params) {
        return lines(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return lines(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return lines(commandSpec().usageMessage().footer(), params);
    }

    /** Paragraphs at the full width, as picocli's own join sets them but for where lines break. */
    private String lines(String[] values, Object... params) {
        if (values == null || values.length == 0) {
            return "";
        }
        Table t = new Table(colorScheme(), new Column(commandSpec().usageMessage().width(), 0,
                Column.Overflow.WRAP));
        t.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        t.indentWrappedLines = 0;
        for (String v : values) {
            for (String line : commandLines(params.length == 0 ? String.format(v) : String.format(v, params), t
                    .columns()[0].width)) {
                t.addRowValues(colorScheme().text(line));
            }
        }
        return t.toString();
    }

    /** An example that starts with a label ("Example:", "示例：") or spaces, then camlab. */
    private static final Pattern EXAMPLE = Pattern.compile("^(\\S*[:：])?\\s*camlab ");
    /** A remark after an example: "   (before and after the new blinds)". */
    private static final Pattern REMARK = Pattern.compile("\\s{2,}[(（][^'()（）]*[)）]$");

    /**
     * A line of the help as lines of at most {@code width} columns: an example command too wide is
     * continued on the next line with a shell's " \", so that it still runs when copied, and its
     * remark goes on a line of its own; prose is left to the table to wrap between words.
     */
    static List<String> commandLines(String line, int width) {
        Matcher example = EXAMPLE.matcher(line);
        if (!example.find() || TextReport.columns(line) <= width) {
            return List.of(line);
        }
        String command = line;
        String remark = null;
        Matcher m = REMARK.matcher(line);
        if (m.find()) {
            command = line.substring(0, m.start());
            remark = line.substring(m.start()).strip();
        }
        int indent = example.end() - "camlab ".length();
        String hanging = " ".repeat(indent + 4);
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String masked = mask(command);
        int start = 0;
        for (String word : masked.substring(indent).split(" ", -1)) {
            String piece = unmask(word);
            if (current.length() == 0) {
                current.append(start == 0 ? command.substring(0, indent) : hanging).append(piece);
            } else if (TextReport.columns(current + " " + piece + " \\") > width) {
                out.add(current + " \\");
                current.setLength(0);
                current.append(hanging).append(piece);
            } else {
                current.append(' ').append(piece);
            }
            start++;
        }
        out.add(current.toString());
        if (remark != null) {
            out.add(" ".repeat(indent + 4) + remark);
        }
        return out;
    }

    @Override
    public String commandList(Map<String, CommandLine.Help> subcommands) {
        String picocli = super.commandList(subcommands);
        if (subcommands == null || subcommands.isEmpty() || picocli.isEmpty()) {
            return picocli;
        }
        int nameWidth = 0;
        for (String name : subcommands.keySet()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        int width = commandSpec().usageMessage().width();
        Table t = new Table(colorScheme(), new Column(nameWidth + 2, 2, Column.Overflow.SPAN), new Column(width
                - (nameWidth + 2), 2, Column.Overflow.WRAP));
        t.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        for (Map.Entry<String, CommandLine.Help> e : subcommands.entrySet()) {
            CommandLine.Help help = e.getValue();
            String[] header = help.commandSpec().usageMessage().header();
            String[] description = help.commandSpec().usageMessage().description();
            String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
            t.addRowValues(help.commandNamesText(", "), colorScheme().text(String.format(first)));
        }
        return t.toString();
    }
}
