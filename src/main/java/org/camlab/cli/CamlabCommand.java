package org.camlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.camlab.report.Terms;
import org.camlab.text.Language;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every camlab command has: its place in the parsed command line, its two streams, the way it
 * refuses an argument (exit 2, one line, then the hint to --help) and the language it speaks. A
 * failure of any other kind is thrown as a {@link org.camlab.exit.CamlabException} and becomes its
 * line and exit code in {@link Main}.
 */
abstract class CamlabCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A mistake in the arguments, to throw: picocli says it as any other (exit 2). */
    ParameterException badArgument(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    Language language() {
        return LanguageOption.of(spec);
    }

    Terms terms() {
        return Terms.of(language());
    }
}
