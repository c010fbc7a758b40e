package org.camlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.advice.Advisor;
import org.camlab.advice.ReadinessAdvisor;
import org.camlab.advice.Rule;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.report.Terms;
import org.camlab.report.TextReport;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Define camlab's numbers and advice: every metric (JSON path, unit, meaning), the rules "
                + "behind the advice, and how to read the summary.", ""},
        footer = {"", "Examples: camlab explain · camlab explain backlight · camlab explain sharpness.score"})
public final class ExplainCommand extends CamlabCommand {
    @Parameters(paramLabel = "METRIC", descriptionKey = "METRIC", arity = "0..1",
            description = "A JSON path (backlight.ratioStops), a field "
                    + "(ratioStops), a category (backlight) or a rule (soft-focus); none for all.")
    String query;

    @Override
    public Integer call() {
        Terms terms = terms();
        List<Metric> metrics = new ArrayList<>();
        List<Rule<?>> rules = new ArrayList<>();
        String q = query == null ? null : query.toLowerCase(Locale.ROOT);
        for (Metric m : Metric.values()) {
            if (q == null || m.path().toLowerCase(Locale.ROOT).equals(q) || m.field.toLowerCase(Locale.ROOT).equals(q)
                    || m.category.key.equals(q) || m.category.title.equals(q)) {
                metrics.add(m);
            }
        }
        for (Rule<?> r : new Advisor().rules()) {
            if (q == null || r.id().equals(q) || metrics.stream().anyMatch(m -> r.metrics().contains(m.path()))
                    || (q != null && r.metrics().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(q)))) {
                rules.add(r);
            }
        }
        List<Rule<?>> readinessRules = new ArrayList<>();
        for (Rule<?> r : new ReadinessAdvisor().rules()) {
            if (q == null || r.id().equals(q) || "readiness".equals(q)
                    || r.metrics().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(q))) {
                readinessRules.add(r);
            }
        }
        if (metrics.isEmpty() && rules.isEmpty() && readinessRules.isEmpty() && !"score".equals(q)) {
            throw new CamlabException(ExitCode.BAD_ARGUMENTS, "no metric or rule '" + query
                    + "'; 'camlab explain' lists them all");
        }
        Category last = null;
        for (Metric m : metrics) {
            if (m.category != last) {
                out().println((last == null ? "" : System.lineSeparator()) + m.category.key);
                last = m.category;
            }
            out().println("  " + m.path() + (m.unit.isEmpty() ? "" : "  [" + terms.unit(m.unit) + "]")
                    + (m.isPerFrame() ? "  (" + terms.get("explain.median") + ")" : ""));
            out().println("      " + terms.definition(m));
        }
        list(terms.get("explain.rules"), rules);
        list(terms.get("explain.readiness-rules"), readinessRules);
        if (q == null || "score".equals(q)) {
            out().println(System.lineSeparator() + terms.get("explain.summary"));
            out().println("  " + new TextReport(false, 80, terms).legend());
        }
        return ExitCodes.OK;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A table's rules under its heading: id, the metrics it reads, its threshold and where that comes from. */
    private void list(String heading, List<Rule<?>> rules) {
        if (rules.isEmpty()) {
            return;
        }
        out().println(System.lineSeparator() + heading);
        for (Rule<?> r : rules) {
            String metrics = String.join(", ", r.metrics());
            out().println(String.format(Locale.ROOT, "  %-16s %s vs %s — %s", r.id(), metrics, num(r.threshold()),
                    r.source()));
        }
    }
}
