package org.camlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        description = {"Say what camlab's numbers, advice and words mean: in plain words first (what the number is, "
                + "what good and bad values look like, what to do), then its definition, unit and threshold.", ""},
        footer = {"", "Examples: camlab explain · camlab explain backlight · camlab explain stops · "
                + "camlab explain sharpness.score · camlab explain all"})
public final class ExplainCommand extends CamlabCommand {
    @Parameters(paramLabel = "TOPIC", descriptionKey = "METRIC", arity = "0..1",
            description = "A rule (backlight, soft-focus), a word of the live view (stops, zebra, peaking, "
                    + "light-map, score), a JSON path (backlight.ratioStops), a field (ratioStops), a category "
                    + "(backlight) or all; none for the index.")
    String query;

    /** The words of the live view and the window, under the names people give them. */
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        for (String w : new String[]{"stops", "code-value", "zebra", "peaking", "light-map", "score"}) {
            WORDS.put(w, w);
        }
        WORDS.put("stop", "stops");
        WORDS.put("code-values", "code-value");
        WORDS.put("luma", "code-value");
        WORDS.put("zebras", "zebra");
        WORDS.put("focus-peaking", "peaking");
        WORDS.put("grid", "light-map");
        WORDS.put("lightmap", "light-map");
    }

    private static final String GAP = System.lineSeparator();

    @Override
    public Integer call() {
        Terms terms = terms();
        TextReport text = new TextReport(false, Terminal.columns(), terms);
        if (query == null) {
            out().print(index(terms, text));
            out().flush();
            return ExitCodes.OK;
        }
        String q = query.toLowerCase(Locale.ROOT);
        boolean all = q.equals("all");
        String word = WORDS.get(q);
        List<Metric> metrics = new ArrayList<>();
        for (Metric m : word != null ? new Metric[0] : Metric.values()) {
            if (all || m.path().toLowerCase(Locale.ROOT).equals(q) || m.field.toLowerCase(Locale.ROOT).equals(q)
                    || m.category.key.equals(q) || m.category.title.equals(q)) {
                metrics.add(m);
            }
        }
        List<Rule<?>> rules = new ArrayList<>();
        for (Rule<?> r : word != null ? List.<Rule<?>>of() : new Advisor().rules()) {
            if (all || r.id().equals(q) || metrics.stream().anyMatch(m -> r.metrics().contains(m.path()))
                    || r.metrics().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(q))) {
                rules.add(r);
            }
        }
        List<Rule<?>> readinessRules = new ArrayList<>();
        for (Rule<?> r : word != null ? List.<Rule<?>>of() : new ReadinessAdvisor().rules()) {
            if (all || r.id().equals(q) || "readiness".equals(q)
                    || r.metrics().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(q))) {
                readinessRules.add(r);
            }
        }
        if (word == null && metrics.isEmpty() && rules.isEmpty() && readinessRules.isEmpty()) {
            throw new CamlabException(ExitCode.BAD_ARGUMENTS, "no metric, rule or word '" + query
                    + "'; 'camlab explain' lists them");
        }
        StringBuilder sb = new StringBuilder();
        if (!all) {
            words(sb, text, terms, q, word, metrics, rules);
        }
        numbers(sb, text, terms, metrics);
        list(sb, text, terms.get("explain.rules"), rules);
        list(sb, text, terms.get("explain.readiness-rules"), readinessRules);
        if (all || "score".equals(word)) {
            sb.append(sb.length() == 0 ? "" : GAP).append(terms.get("explain.summary")).append(GAP);
            sb.append(text.wrapped("  ", "  " + text.legend()));
        }
        out().print(sb);
        out().flush();
        return ExitCodes.OK;
    }

    /**
     * The plain words: of the word asked for; else of the rule named, or of the rules that read the
     * number named; else of the category named, or of the category of the number named.
     */
    private static void words(StringBuilder sb, TextReport text, Terms terms, String q, String word,
            List<Metric> metrics, List<Rule<?>> rules) {
        List<String> topics = new ArrayList<>();
        if (word != null) {
            topics.add(word);
        } else {
            for (Rule<?> r : rules) {
                boolean named = r.id().equals(q) || metrics.size() == 1;
                if (named && terms.words().has("explain.topic." + r.id() + ".means")) {
                    topics.add(r.id());
                }
            }
        }
        for (String topic : topics) {
            String title = terms.words().has("rule." + topic) ? terms.get("rule." + topic) + " (" + topic + ")"
                    : topic;
            sb.append(sb.length() == 0 ? "" : GAP).append(title).append(GAP);
            for (String part : new String[]{"means", "good", "do"}) {
                String head = terms.get(part.equals("means") ? "explain.what" : "explain." + part);
                sb.append(text.wrapped("    ", "  " + head + terms.language().sentenceGap() + terms.get("explain.topic."
                        + topic + "." + part)));
            }
        }
        if (topics.isEmpty()) {
            // a number no rule reads, or a category: what its category is about
            for (Category c : metrics.stream().map(m -> m.category).distinct().toList()) {
                sb.append(sb.length() == 0 ? "" : GAP).append(terms.title(c)).append(GAP).append(text.wrapped("  ",
                        "  " + terms.get("explain.category." + c.key)));
            }
        }
    }

    /** Each number with its unit and definition, under its category. */
    private static void numbers(StringBuilder sb, TextReport text, Terms terms, List<Metric> metrics) {
        Category last = null;
        for (Metric m : metrics) {
            if (m.category != last) {
                sb.append(sb.length() == 0 ? "" : GAP).append(m.category.key).append(GAP);
                last = m.category;
            }
            sb.append(text.wrapped("    ", "  " + m.path() + (m.unit.isEmpty() ? "" : "  [" + terms.unit(m.unit)
                    + "]") + (m.isPerFrame() ? "  (" + terms.get("explain.median") + ")" : "")));
            sb.append(text.wrapped("      ", "      " + terms.definition(m)));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A table's rules under its heading: id, the metrics it reads, its threshold and where that comes from. */
    private static void list(StringBuilder sb, TextReport text, String heading, List<Rule<?>> rules) {
        if (rules.isEmpty()) {
            return;
        }
        sb.append(sb.length() == 0 ? "" : GAP).append(heading).append(GAP);
        for (Rule<?> r : rules) {
            String metrics = String.join(", ", r.metrics());
            sb.append(text.wrapped("      ", String.format(Locale.ROOT, "  %-16s %s vs %s — %s", r.id(), metrics,
                    num(r.threshold()), r.source())));
        }
    }

    /** One line a topic, grouped: the words of the live view, the advice, the numbers, the readiness advice. */
    private static String index(Terms terms, TextReport text) {
        StringBuilder sb = new StringBuilder();
        sb.append(text.wrapped("", terms.get("explain.index"))).append(GAP);
        sb.append(terms.get("explain.index.words")).append(GAP);
        for (String w : WORDS.values().stream().distinct().toList()) {
            sb.append(text.wrapped(" ".repeat(20), "  " + TextReport.padded(w, 17) + " " + terms.get("explain.topic."
                    + w + ".short")));
        }
        sb.append(GAP).append(terms.get("explain.index.rules")).append(GAP);
        for (Rule<?> r : new Advisor().rules()) {
            sb.append(text.wrapped(" ".repeat(20), "  " + TextReport.padded(r.id(), 17) + " " + terms.rule(r.id(),
                    r.id())));
        }
        sb.append(GAP).append(terms.get("explain.index.metrics")).append(GAP);
        for (Category c : Category.values()) {
            List<String> fields = new ArrayList<>();
            for (Metric m : Metric.values()) {
                if (m.category == c) {
                    fields.add(m.field);
                }
            }
            sb.append(text.wrapped(" ".repeat(20), "  " + TextReport.padded(c.key, 17) + " " + String.join(" ",
                    fields)));
        }
        sb.append(GAP).append(terms.get("explain.index.readiness")).append(GAP);
        List<String> ids = new ArrayList<>();
        for (Rule<?> r : new ReadinessAdvisor().rules()) {
            ids.add(r.id());
        }
        sb.append(text.wrapped("  ", "  " + String.join(" ", ids)));
        return sb.toString();
    }
}
