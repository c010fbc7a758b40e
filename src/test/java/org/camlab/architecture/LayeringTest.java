package org.camlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camlab.cli.JsonByHandForLayeringTest;
import org.camlab.core.FrameAnalyzer;
import org.camlab.core.WrongWayForLayeringTest;
import org.camlab.session.Session;
import org.camlab.session.SessionOptions;
import org.junit.jupiter.api.Test;

/**
 * The layers of README.md (Layout), from the bottom: {@code text} (words in each language), {@code image} (frames, geometry) — {@code
 * capture}, {@code core}, {@code face} — {@code results} (the catalogue and what is published) —
 * {@code session}, {@code readiness} (can this computer and network carry HD video) — {@code advice}, {@code report} —
 * {@code live}, {@code lab} (the one place a measurement is assembled), {@code chart} (the printable test chart and its
 * reader) — {@code rooms} (surveys and their history) — {@code cli}. Nothing points up,
 * nothing forms a cycle.
 */
class LayeringTest {
    static final String ROOT = "org.camlab";

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("install").definedBy(ROOT + ".install..")
                .layer("exit").definedBy(ROOT + ".exit..")
                .layer("text").definedBy(ROOT + ".text..")
                .layer("image").definedBy(ROOT + ".image..")
                .layer("capture").definedBy(ROOT + ".capture..")
                .layer("core").definedBy(ROOT + ".core..")
                .layer("face").definedBy(ROOT + ".face..")
                .layer("results").definedBy(ROOT + ".results..")
                .layer("session").definedBy(ROOT + ".session..")
                .layer("readiness").definedBy(ROOT + ".readiness..")
                .layer("advice").definedBy(ROOT + ".advice..")
                .layer("report").definedBy(ROOT + ".report..")
                .layer("demo").definedBy(ROOT + ".demo..")
                .layer("live").definedBy(ROOT + ".live..")
                .layer("lab").definedBy(ROOT + ".lab..")
                .layer("chart").definedBy(ROOT + ".chart..")
                .layer("rooms").definedBy(ROOT + ".rooms..")
                .layer("cli").definedBy(ROOT + ".cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                // install and exit are the floor: every layer may use them, they use nothing above
                .whereLayer("exit").mayOnlyAccessLayers("install")
                .whereLayer("rooms").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("lab").mayOnlyBeAccessedByLayers("rooms", "cli")
                .whereLayer("chart").mayOnlyBeAccessedByLayers("rooms", "cli")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("live").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("advice").mayOnlyBeAccessedByLayers("live", "lab", "rooms", "cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("live", "lab", "rooms", "cli")
                .whereLayer("session").mayOnlyBeAccessedByLayers("live", "lab", "chart", "rooms", "cli")
                .whereLayer("readiness").mayOnlyBeAccessedByLayers("advice", "report", "live", "cli")
                .whereLayer("results").mayOnlyBeAccessedByLayers("session", "advice", "report", "live", "lab", "chart",
                        "rooms", "cli")
                .whereLayer("capture").mayOnlyBeAccessedByLayers("session", "readiness", "demo", "lab", "rooms", "cli")
                .whereLayer("face").mayOnlyBeAccessedByLayers("session", "lab", "cli")
                .whereLayer("core").mayOnlyBeAccessedByLayers("results", "session", "live", "lab", "chart", "cli")
                .whereLayer("text").mayOnlyBeAccessedByLayers("results", "readiness", "advice", "report", "live", "lab",
                        "rooms", "cli");
    }

    /**
     * design.md: cli "builds no output of its own". No cli class touches Jackson (no JSON tree,
     * generator or mapper: every JSON object is built in report), JFreeChart or PDFBox.
     */
    static ArchRule cliBuildsNoOutput() {
        return noClasses().that().resideInAPackage(ROOT + ".cli..").should().dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "org.jfree..", "org.apache.pdfbox..")
                .because("cli parses, calls one layer below and prints what report built");
    }

    /** HTML is text, out of ArchUnit's sight: no source file of cli holds an HTML tag. */
    static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\n]|\\\\.)*\"");
    static final Pattern HTML_TAG = Pattern.compile(
            "<(!DOCTYPE|html|head|body|style|div|span|table|tr|td|th|p|h[1-6]|ul|li|img|svg|a)[\\s>/]",
            Pattern.CASE_INSENSITIVE);

    static ArchRule noCycles() {
        return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
    }

    private static JavaClasses main() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(
                ROOT);
    }

    @Test
    void nothingPointsUp() {
        layers().check(main());
    }

    /** org.camlab.install runs before the rest can load (on runtimes too old for it): it uses none of camlab. */
    @Test
    void installUsesNothingOfCamlab() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage(ROOT + ".install..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".text..", ROOT + ".image..", ROOT
                        + ".capture..",
                        ROOT + ".core..", ROOT + ".face..", ROOT + ".results..", ROOT + ".session..", ROOT
                                + ".readiness..",
                        ROOT + ".advice..", ROOT + ".report..", ROOT + ".demo..", ROOT + ".live..", ROOT + ".lab..",
                        ROOT + ".chart..", ROOT + ".rooms..", ROOT + ".cli..")
                .check(main());
    }

    @Test
    void cliBuildsNoJsonNoChartNoPdf() {
        cliBuildsNoOutput().check(main());
    }

    @Test
    void cliBuildsNoHtml() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/camlab/cli"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // in the strings the code writes, not in its comments (a Javadoc's <p> builds nothing)
                Matcher literal = STRING_LITERAL.matcher(Files.readString(f));
                while (literal.find()) {
                    Matcher m = HTML_TAG.matcher(literal.group());
                    while (m.find()) {
                        found.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "HTML in cli: " + found);
    }

    /** The rule can fail: a cli class that writes JSON by hand is reported. */
    @Test
    void jsonBuiltInCliIsCaught() {
        EvaluationResult r = cliBuildsNoOutput().evaluate(new ClassFileImporter()
                .importClasses(JsonByHandForLayeringTest.class));
        assertTrue(r.hasViolation(), "cli → ObjectNode must be a violation");
        assertTrue(HTML_TAG.matcher("b.append(\"<table class=x>\")").find());
        Matcher literal = STRING_LITERAL.matcher("/** a <p> in a comment */ h.append(\"<p>\" + x);");
        assertTrue(literal.find() && HTML_TAG.matcher(literal.group()).find(), "a tag in a string is found");
        assertFalse(HTML_TAG.matcher("paramLabel = \"<FILE>\", a < b").find());
    }

    @Test
    void noPackagesFormACycle() {
        noCycles().check(main());
    }

    /** The rule can fail: a core class that reaches up into the session is reported. */
    @Test
    void aWrongWayImportIsCaught() {
        JavaClasses withWrongWay = new ClassFileImporter().importClasses(WrongWayForLayeringTest.class,
                SessionOptions.class,
                Session.class, FrameAnalyzer.class);
        EvaluationResult r = layers().evaluate(withWrongWay);
        assertTrue(r.hasViolation(), "core → session must be a violation");
        assertTrue(r.getFailureReport().toString().contains("WrongWayForLayeringTest"), r.getFailureReport()
                .toString());
        assertFalse(layers().evaluate(new ClassFileImporter().importClasses(Session.class,
                FrameAnalyzer.class)).hasViolation());
    }
}
