package org.camlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.camlab.chart.TestChart;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "chart", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Write camlab's test chart as a PDF to print: five slanted squares (sharpness across the "
                + "picture), a grey step scale (tonal response and noise) and neutral patches (white balance). Print "
                + "it at 100 %% on matte white paper, hold it or tape it up in front of the camera, then run "
                + "'camlab analyze --chart' or 'camlab check --chart'.", ""},
        footer = {"", "Example:  camlab chart --out chart.pdf --paper letter"})
public final class ChartCommand extends CamlabCommand {
    @Option(names = "--out", paramLabel = "FILE.pdf", required = true, description = "Where to write the chart.")
    Path out;

    @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4", converter = PaperConverter.class,
            description = "Paper size, landscape (default: ${DEFAULT-VALUE}).")
    TestChart.Paper paper;

    @Override
    public Integer call() {
        ReportOptions.target(spec, "--out", out, "PDF", ".pdf");
        byte[] pdf;
        try {
            pdf = TestChart.pdf(paper);
        } catch (IOException | RuntimeException e) {
            throw new CamlabException(ExitCode.OUTPUT, "cannot make the chart: " + e.getMessage());
        }
        return ReportOptions.write(out, pdf, "chart (" + paper.name() + " landscape: print at 100 %)", err())
                ? ExitCodes.OK : ExitCodes.OUTPUT;
    }

    static final class PaperConverter implements picocli.CommandLine.ITypeConverter<TestChart.Paper> {
        @Override
        public TestChart.Paper convert(String value) {
            for (TestChart.Paper p : TestChart.Paper.values()) {
                if (p.name().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("a4 or letter, not '" + value + "'");
        }
    }
}
