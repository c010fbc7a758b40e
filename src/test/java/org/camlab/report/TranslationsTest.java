package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camlab.advice.Advisor;
import org.camlab.image.SourceInfo;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.ScoreArea;
import org.camlab.results.Severity;
import org.camlab.text.Language;
import org.camlab.text.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every language is complete: each translation holds every key English has (the words bundle and
 * the catalogue's own English), no key English lacks, and patterns of the same shape — the same
 * conversions for the same values — so that a translation can neither drop a number nor crash on
 * one. Every key the code asks for exists.
 */
class TranslationsTest {
    /** java.util.Formatter's conversions, as the bundles write them. */
    private static final Pattern CONVERSION = Pattern.compile("%(\\d+\\$)?[-#+ 0,(]*\\d*(\\.\\d+)?([a-zA-Z%])");

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "no " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static String file(Language l) {
        return "org/camlab/text/words" + (l == Language.ENGLISH ? "" : "_" + l.locale.toLanguageTag().replace('-', '_'))
                + ".properties";
    }

    /** What the catalogue declares in English and a translation must say in its own words. */
    static Set<String> catalogueKeys() {
        Set<String> keys = new TreeSet<>();
        for (Category c : Category.values()) {
            keys.add("category." + c.key + ".title");
            if (c.whenUnmeasured != null) {
                keys.add("category." + c.key + ".unmeasured");
            }
        }
        for (ScoreArea a : ScoreArea.values()) {
            keys.add("area." + a.key);
        }
        for (Metric m : Metric.values()) {
            if (m.label != null && !m.label.isEmpty()) {
                keys.add("metric." + m.path() + ".label");
            }
            keys.add("metric." + m.path() + ".means");
            keys.add("absent." + m.absent);
        }
        return keys;
    }

    /** The conversions of a pattern in the order of the values they take: "1:f.1", "2:d". */
    static List<String> conversions(String pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = CONVERSION.matcher(pattern);
        int ordinary = 0;
        while (m.find()) {
            String type = m.group(3);
            if (type.equals("%") || type.equals("n")) {
                continue;
            }
            int index = m.group(1) != null ? Integer.parseInt(m.group(1).substring(0, m.group(1).length() - 1))
                    : ++ordinary;
            out.add(index + ":" + type.toLowerCase() + (m.group(2) == null ? "" : m.group(2)));
        }
        out.sort(null);
        return out.stream().distinct().toList();
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void everyLanguageHasEveryKeyAndNoOther(Language l) throws IOException {
        Properties en = load(file(Language.ENGLISH));
        Properties tr = load(file(l));
        Set<String> wanted = new TreeSet<>(en.stringPropertyNames());
        wanted.addAll(catalogueKeys());
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(tr.stringPropertyNames());
        Set<String> extra = new TreeSet<>(tr.stringPropertyNames());
        extra.removeAll(wanted);
        assertEquals(Set.of(), missing, l + " lacks these");
        assertEquals(Set.of(), extra, l + " has keys English does not");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "ENGLISH", mode = EnumSource.Mode.EXCLUDE)
    void everyPatternTakesTheSameValues(Language l) throws IOException {
        Properties en = load(file(Language.ENGLISH));
        Properties tr = load(file(l));
        Words w = Words.of(l);
        int translated = 0;
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key);
            String theirs = tr.getProperty(key, english);
            assertEquals(conversions(english), conversions(theirs), l + " " + key + ": " + theirs);
            // formats (does not throw) with values of the English pattern's types, as the code gives them
            assertTrue(!w.get(key, samples(conversions(english))).isEmpty() || english.isEmpty(), key);
            if (!theirs.equals(english)) {
                translated++;
            }
        }
        // words like "fps" or "%s" may stay as they are; sentences may not
        assertTrue(translated > 0.9 * en.size(), l + ": " + translated + " of " + en.size() + " keys translated");
    }

    static Object[] samples(List<String> conversions) {
        Object[] out = new Object[conversions.size()];
        for (String c : conversions) {
            int i = Integer.parseInt(c.substring(0, c.indexOf(':'))) - 1;
            char type = c.charAt(c.indexOf(':') + 1);
            out[i] = type == 'd' ? (Object) 7 : type == 'f' ? (Object) 1.5 : "x";
        }
        return out;
    }

    /** Every literal key the code asks for ({@code Text.of("…")}, {@code get("…")}) is in the English bundle. */
    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties en = load(file(Language.ENGLISH));
        Pattern asked = Pattern.compile("(?:Text\\.of|\\bget|\\.add)\\(\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/camlab"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = asked.matcher(Files.readString(p));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.startsWith("advice.framing.") && !key.endsWith(".detail") && !key.equals(
                            "advice.framing.two")) {
                        key = key + ".title"; // a finding's part: its .title and .also words
                        assertTrue(en.containsKey(key.replace(".title", ".also")), key);
                    }
                    found++;
                    if (!en.containsKey(key)) {
                        missing.add(p.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertTrue(found > 100, "the scan finds the code's keys: " + found);
        assertEquals(Set.of(), missing);
        // the keys the code builds from a name
        for (Severity s : Severity.values()) {
            assertTrue(en.containsKey("severity." + s.json()), s.json());
        }
        for (SourceInfo.Kind k : SourceInfo.Kind.values()) {
            assertTrue(en.containsKey("kind." + k.json()), k.json());
        }
        for (String hue : new String[]{"warm", "blue", "magenta", "green"}) {
            assertTrue(en.containsKey("hue." + hue), hue);
        }
        for (var rule : new Advisor().rules()) {
            assertTrue(en.containsKey("rule." + rule.id()), "the rule's short name: " + rule.id());
        }
    }

    /** The checks above can fail: a pattern that drops a number, and a missing key, are caught. */
    @Test
    void theShapeCheckCanFail() {
        assertEquals(conversions("The %s third is %.1f stops brighter"), conversions("%2$.1f stops: the %1$s third"),
                "values reordered, each of its own type");
        assertTrue(!conversions("%.1f %% of %d").equals(conversions("%d %% of %.1f")));
        assertTrue(!conversions("%.1f stops").equals(conversions("stops")));
    }
}
