package org.camlab.cli;

import java.io.PrintWriter;
import org.camlab.capture.Natives;
import org.camlab.exit.CamlabException;
import org.camlab.face.FaceDetectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code camlab} command. */
@Command(name = "camlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measures what makes people look bad on a video call and says what to change.", ""},
        subcommands = {AnalyzeCommand.class, CheckCommand.class, CompareCommand.class, ChartCommand.class, DevicesCommand.class, DemoCommand.class, ExplainCommand.class, ReadinessCommand.class, ProbeServerCommand.class, RoomsCommand.class, SurveyCommand.class, HistoryCommand.class, FleetCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 analysed · 2 bad arguments · 3 source cannot be opened or decoded · "
                + "4 a --require is not met · 5 the report cannot be written · 6 camlab cannot run here (its installation, "
                + "its native libraries or the Java runtime; the line says which) · 130/143 interrupted (partial report printed).",
                "Run 'camlab analyze --help' for the options, 'camlab explain' for what every number means; "
                        + "docs/CONTRACT.md is the full contract."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

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

    /** Runs camlab as the command line would, returning the exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.configure(args);
        // SLF4J initialises on first use; done here, before any thread of camlab's logs, so that it
        // never has to replay calls made during its initialisation (and say so on stderr)
        org.slf4j.LoggerFactory.getILoggerFactory();
        if (!java.util.Arrays.asList(args).contains("--gui")) {
            System.setProperty("java.awt.headless", "true"); // no window: AWT must not look for a display
        }
        // camlab bundles the plain (not "-gpu", not "-gpl") natives; without this JavaCPP first
        // probes for two dozen CUDA libraries on every start: 0.1 s before a still's verdict.
        if (System.getProperty(NATIVE_EXTENSION) == null) {
            System.setProperty(NATIVE_EXTENSION, "");
        }
        if (ownsProcess && wantsFaces(args)) {
            Natives.init(); // before any thread of camlab's loads a native library
            FaceDetectors.warmUp();
        }
        CommandLine cl = new CommandLine(new Main());
        Help.translate(cl, LanguageOption.fromArgs(args));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CamlabException c) { // the one place a failure becomes its line and code
                line.getErr().println("camlab: " + c.getMessage());
                org.slf4j.LoggerFactory.getLogger(Main.class).debug("ended with {}", c.exitCode(), c);
                return c.exitCode().code();
            }
            line.getErr().println("camlab: internal error: " + ex + " (please report this; --verbose shows more)");
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("internal error", ex);
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
            err.println("camlab: " + org.camlab.install.Installation.explain(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("cannot run here", e);
            return ExitCodes.INSTALLATION;
        }
    }

    /** An analysis that will look for faces: worth loading OpenCV while the arguments are parsed. */
    private static boolean wantsFaces(String[] args) {
        boolean analyze = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("analyze") || a.equals("analyse") || a.equals("check")) {
                analyze = true;
            }
            if (a.equals("--faces=none") || a.equals("--faces") && i + 1 < args.length && args[i + 1].equals("none")
                    || a.equals("--help") || a.equals("-h")) {
                return false;
            }
        }
        return analyze;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.camlab.install.BuildInfo.line()};
        }
    }
}
