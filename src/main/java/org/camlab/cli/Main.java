package org.camlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code camlab} command. */
@Command(name = "camlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measures what makes people look bad on a video call and says what to change.", ""},
        subcommands = {AnalyzeCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 analysed · 2 bad arguments · 3 source cannot be opened or decoded · "
                + "4 verdict fails --require.", "Run 'camlab help analyze' for the metrics and options."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final String NATIVE_EXTENSION = "org.bytedeco.javacpp.platform.extension";

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs camlab as the command line would, returning the exit code; used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Logging.configure(args);
        System.setProperty("java.awt.headless", "true");
        // camlab bundles the plain (not "-gpu", not "-gpl") natives; without this JavaCPP first
        // probes for two dozen CUDA libraries on every start: 0.1 s before a still's verdict.
        if (System.getProperty(NATIVE_EXTENSION) == null) {
            System.setProperty(NATIVE_EXTENSION, "");
        }
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("camlab: internal error: " + ex + " (please report this; --verbose shows more)");
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("internal error", ex);
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("camlab: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_ARGUMENTS;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"camlab " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
