package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A run builds the model of the command it runs only ({@link Main#commandLine(String[])}), and what it
 * prints is what the whole tree prints.
 */
class CommandTreeTest {
    private static Set<String> commands(String... args) {
        return Main.commandLine(args).getSubcommands().keySet();
    }

    @Test
    void aCommandNamedFirstIsTheOnlyOneBuilt() {
        assertEquals(Set.of("analyze", "analyse"), commands("analyze", "a.png", "--json"));
        assertEquals(Set.of("analyze", "analyse"), commands("-v", "analyse", "a.png"));
        assertEquals(Set.of("check"), commands("check", "--help"));
        assertEquals(Set.of(), commands("--version"));
    }

    @Test
    void anythingElseGetsEveryCommand() {
        int all = Main.commandLine().getSubcommands().size();
        assertTrue(all > Main.COMMANDS.size(), "aliases count too: " + all);
        for (String[] args : new String[][]{{}, {"--help"}, {"demo"}, {"help", "analyze"}, {"--lang", "zh-Hans",
                "analyze", "a.png"}, {"analyse-it"}, {"a.png"}}) {
            assertEquals(all, commands(args).size(), String.join(" ", args));
        }
    }

    @Test
    void theWholeTreeListsEveryCommandInItsHelp() {
        String help = CliRunner.run("--help").out();
        for (Class<?> c : Main.COMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            assertTrue(help.matches("(?s).*\n  " + name + "[ ,].*"), name + " in\n" + help);
        }
    }

    @Test
    void aCommandBuiltAloneSaysWhatItSaysInTheWholeTree() {
        for (String[] tail : new String[][]{{"analyze", "--help"}, {"analyze", "--bogus", "a.png"}, {"analyze"},
                {"explain", "score"}}) {
            CliRunner.Result alone = CliRunner.run(tail);
            String[] viaLang = new String[tail.length + 2];
            viaLang[0] = "--lang";
            viaLang[1] = "en";
            System.arraycopy(tail, 0, viaLang, 2, tail.length);
            CliRunner.Result whole = CliRunner.run(viaLang);
            assertEquals(whole.exit(), alone.exit(), String.join(" ", tail));
            assertEquals(whole.out(), alone.out(), String.join(" ", tail));
            assertEquals(whole.err(), alone.err(), String.join(" ", tail));
        }
        assertEquals(CliRunner.run("--version").out(), CliRunner.run("-v", "--version").out());
    }

    @Test
    void helpCommandStillListsTheOthers() {
        assertTrue(CliRunner.run("help").out().contains("analyze"));
    }
}
