package org.camlab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camlab.capture.Natives;
import org.camlab.exit.CamlabException;
import org.camlab.face.FaceDetectors;
import org.camlab.install.BuildInfo;
import org.camlab.install.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code camlab} command. */
@Command(name = "camlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measures what makes people look bad on a video call and says what to change.", ""},
        footer = {"",
                "Run 'camlab analyze --help' for the options, 'camlab explain' for what every number means; "
                        + "docs/CONTRACT.md is the full contract."})
public final class Main implements Runnable {
    /**
     * camlab's commands, in the order its help lists them. Not in the annotation: picocli would build
     * every one's model by reflection on each start (see {@link #commandLine(String[])}).
     */
    static final List<Class<?>> COMMANDS = List.of(AnalyzeCommand.class, CheckCommand.class, CompareCommand.class,
            ChartCommand.class, DevicesCommand.class, DemoCommand.class, ExplainCommand.class, ReadinessCommand.class,
            ProbeServerCommand.class, RoomsCommand.class, SurveyCommand.class, HistoryCommand.class,
            FleetCommand.class, CommandLine.HelpCommand.class);
    /** Commands that run others through the root (demo runs analyze) or list them (help): always the whole tree. */
    private static final Set<Class<?>> NEED_ALL = Set.of(DemoCommand.class, CommandLine.HelpCommand.class);

    static final String VERBOSE = "--verbose";

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    LanguageOption lang = new LanguageOption();

    @Option(names = {"-v", VERBOSE}, scope = ScopeType.INHERIT, description = "Log what is opened, decoders, timings "
            + "to stderr.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String NATIVE_EXTENSION = "org.bytedeco.javacpp.platform.extension";

    private static volatile boolean ownsProcess;

    public static void main(String[] args) {
        ownsProcess = true;
        System.exit(run(args, StdOut.writer(), new PrintWriter(System.err, true)));
    }

    /** Run as the process itself (not in a test's JVM): signals and standard output are camlab's. */
    static boolean ownsProcess() {
        return ownsProcess;
    }

    /** camlab with all its commands, their help wrapped between words only. */
    static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * camlab for these arguments: where they name the command to run before any argument of its own
     * ({@code camlab [-v] analyze …}), camlab with that command only; {@code camlab --version} with
     * none; anything else (help, a typo, options picocli would have to read) with all of them. Each
     * command's model costs picocli a reflective walk over its options and mixins: the thirteen a still
     * does not run took about 0.2 s of CPU of its 1.3 s (benchmarks/RESULTS.md, "camlab against MTF Mapper").
     */
    static CommandLine commandLine(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(List.of());
        }
        for (String a : args) {
            if (a.equals("-v") || a.equals(VERBOSE)) {
                continue;
            }
            Class<?> named = named(a);
            return named != null && !NEED_ALL.contains(named) ? commandLine(List.of(named)) : commandLine();
        }
        return commandLine();
    }

    /** The command whose name or alias this is, or null. */
    private static Class<?> named(String arg) {
        for (Class<?> c : COMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(arg) || Arrays.asList(command.aliases()).contains(arg)) {
                return c;
            }
        }
        return null;
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : commands) {
            cl.addSubcommand(c);
        }
        WholeWordsHelp.install(cl);
        return cl;
    }

    /** Runs camlab as the command line would, returning the exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // camlab bundles the plain (not "-gpu", not "-gpl") natives; without this JavaCPP first
        // probes for two dozen CUDA libraries on every start: 0.1 s before a still's verdict.
        if (System.getProperty(NATIVE_EXTENSION) == null) {
            System.setProperty(NATIVE_EXTENSION, "");
        }
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionStrategy(Main::start);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CamlabException c) { // the one place a failure becomes its line and code
                line.getErr().println("camlab: " + c.getMessage());
                LoggerFactory.getLogger(Main.class).debug("ended with {}", c.exitCode(), c);
                return c.exitCode().code();
            }
            line.getErr().println("camlab: internal error: " + ex + " (please report this; --verbose shows more)");
            LoggerFactory.getLogger(Main.class).debug("internal error", ex);
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("camlab: " + Usage.message(ex, a));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        });
        try {
            return Interrupts.decide(cl.execute(args));
        } catch (LinkageError e) { // picocli hands on errors: a jar or a native library that cannot be loaded
            err.println("camlab: " + Installation.explain(e));
            LoggerFactory.getLogger(Main.class).debug("cannot run here", e);
            return ExitCodes.INSTALLATION;
        }
    }

    /**
     * What the parsed arguments decide before the command runs, read from picocli's parse: the log
     * level, whether AWT may look for a display, the language of the help, and OpenCV loading while
     * the source opens when the command will look for faces.
     */
    private static int start(ParseResult parsed) {
        CommandSpec command = last(parsed).commandSpec();
        Logging.configure(Boolean.TRUE.equals(optionValue(command, VERBOSE)));
        logStart();
        if (!Boolean.TRUE.equals(optionValue(command, "--gui"))) {
            System.setProperty("java.awt.headless", "true"); // no window: AWT must not look for a display
        }
        Help.translate(parsed.commandSpec().commandLine(), LanguageOption.of(command));
        FaceDetectors.Mode faces = optionValue(command, FacesOption.NAME);
        boolean help = last(parsed).isUsageHelpRequested() || last(parsed).isVersionHelpRequested();
        if (help || !parsed.hasSubcommand() || command.userObject() instanceof CommandLine.HelpCommand) {
            parsed.commandSpec().commandLine().setUsageHelpWidth(helpWidth());
        }
        if (ownsProcess && faces != null && faces != FaceDetectors.Mode.NONE && !help) {
            Natives.init(); // before any thread of camlab's loads a native library
            FaceDetectors.warmUp();
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * With --verbose, how long the JVM took to get here (camlab's classes, picocli's model and parse):
     * with the decode and analysis times logged later, where a run's time goes.
     */
    private static void logStart() {
        Logger log = LoggerFactory.getLogger(Main.class);
        if (log.isDebugEnabled()) { // not the process's start time: Linux gives it to the second only
            log.debug("command line parsed {} ms after the JVM started", ManagementFactory.getRuntimeMXBean()
                    .getUptime());
        }
    }

    /** The help at the terminal's width; picocli takes no less than 55 columns. */
    static int helpWidth() {
        return Math.max(55, Terminal.columns());
    }

    private static ParseResult last(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /** The value of a command's option, null where the command has no such option. */
    private static <T> T optionValue(CommandSpec command, String name) {
        OptionSpec o = command.findOption(name);
        return o == null ? null : o.getValue();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{BuildInfo.line()};
        }
    }
}
