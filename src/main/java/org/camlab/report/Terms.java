package org.camlab.report;

import java.util.Locale;
import org.camlab.image.SourceInfo;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.Severity;
import org.camlab.text.Language;
import org.camlab.text.Text;
import org.camlab.text.Words;

/**
 * The catalogue's words in one language: category titles, metric labels and definitions, units,
 * the area and severity names. English is what the catalogue itself declares; a translation's
 * bundle holds the same under {@code category.*}, {@code metric.*}, {@code area.*}, {@code unit.*}.
 * Numbers are written the same in every language.
 */
public final class Terms {
    public static final Terms ENGLISH = new Terms(Words.ENGLISH);

    private final Words words;

    private Terms(Words words) {
        this.words = words;
    }

    public static Terms of(Language language) {
        return language == Language.ENGLISH ? ENGLISH : new Terms(Words.of(language));
    }

    public Words words() {
        return words;
    }

    public Language language() {
        return words.language();
    }

    public String get(String key, Object... args) {
        return words.get(key, args);
    }

    public String get(Text t) {
        return words.get(t);
    }

    public String title(Category c) {
        return words.getOr("category." + c.key + ".title", c.title);
    }

    /** What the summary says when none of the category's numbers was measured; null: show them as n/a. */
    public String unmeasured(Category c) {
        return c.whenUnmeasured == null ? null : words.getOr("category." + c.key + ".unmeasured", c.whenUnmeasured);
    }

    public String label(Metric m) {
        return m.label == null || m.label.isEmpty() ? m.label : words.getOr("metric." + m.path() + ".label", m.label);
    }

    public String definition(Metric m) {
        return words.getOr("metric." + m.path() + ".means", m.definition);
    }

    public String area(ScoreArea a) {
        return words.getOr("area." + a.key, a.key);
    }

    public String kind(SourceInfo.Kind k) {
        return words.get("kind." + k.json());
    }

    /** The severity's word as the advice list shows it: fix, check, note. */
    public String severity(Severity s) {
        return words.get("severity." + s.json());
    }

    /** The rule's short name, or {@code otherwise} for an id the bundles do not know (from a newer file). */
    public String rule(String id, String otherwise) {
        return words.has("rule." + id) ? words.get("rule." + id) : otherwise;
    }

    /**
     * A recommendation's headline: its own words, or, for one read back from a saved report (its
     * English title as written), the rule's short name in this language.
     */
    public String headline(Recommendation r) {
        return r.title().isLiteral() && language() != Language.ENGLISH ? rule(r.id(), get(r.title())) : get(r.title());
    }

    /** A value with its unit as every report shows it, or the metric's word for not measured. */
    public String shown(Metric m, double v) {
        return Double.isNaN(v) ? words.getOr("absent." + m.absent, m.absent) : value(m, v);
    }

    /** A measured value with its unit, as the summary shows it. */
    public String value(Metric m, double v) {
        if (m.format == Metric.Format.BOOLEAN) {
            return words.get(m.holds(v) ? "yes" : "no");
        }
        String n = String.format(Locale.ROOT, "%." + m.decimals + "f", v);
        if (m.signed && v > 0) {
            n = "+" + n;
        }
        return switch (m.unit) {
            case "" -> n;
            case "×", "/100" -> n + m.unit;
            default -> n + " " + unit(m.unit);
        };
    }

    /** A unit's words where a language says it its own way (stops, frames, code values); else the symbol. */
    public String unit(String unit) {
        return words.getOr("unit." + unit.replace(' ', '-'), unit);
    }
}
