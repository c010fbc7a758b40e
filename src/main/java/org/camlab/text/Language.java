package org.camlab.text;

import java.util.Locale;

/**
 * The languages camlab speaks. Numbers and units are written the same in each (always {@link
 * Locale#ROOT}); the JSON keeps English and its stable ids whatever the language.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH, "en"),
    SIMPLIFIED_CHINESE("zh-Hans", Locale.forLanguageTag("zh-Hans"), "zh-Hans"),
    TRADITIONAL_CHINESE("zh-Hant", Locale.forLanguageTag("zh-Hant"), "zh-Hant");

    /** The name {@code --lang} takes. */
    public final String tag;
    /** The locale its resource bundles are found by. */
    public final Locale locale;
    /** The HTML {@code lang} attribute: picks the right CJK glyph forms in the browser. */
    public final String htmlLang;

    Language(String tag, Locale locale, String htmlLang) {
        this.tag = tag;
        this.locale = locale;
        this.htmlLang = htmlLang;
    }

    /** Sentences are set apart by a space in English; Chinese runs them on. */
    public String sentenceGap() {
        return this == ENGLISH ? " " : "";
    }

    /**
     * The language a {@code --lang} value names: a tag of ours, or any locale tag whose language
     * and script (or region) say which (zh-CN, zh_TW, zh-HK, en-GB …). Unknown: {@code null}.
     */
    public static Language named(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Locale l = Locale.forLanguageTag(s.trim().replace('_', '-'));
        return l.getLanguage().isEmpty() ? null : of(l, null);
    }

    /** The language of the system's locale, English where camlab does not speak it. */
    public static Language system() {
        return of(Locale.getDefault(Locale.Category.DISPLAY), ENGLISH);
    }

    static Language of(Locale l, Language otherwise) {
        switch (l.getLanguage()) {
            case "en":
                return ENGLISH;
            case "zh": {
                String script = l.getScript();
                String region = l.getCountry();
                if (script.equals("Hant") || script.isEmpty() && (region.equals("TW") || region.equals("HK")
                        || region.equals("MO"))) {
                    return TRADITIONAL_CHINESE;
                }
                return SIMPLIFIED_CHINESE;
            }
            default:
                return otherwise;
        }
    }

    /** "en, zh-Hans, zh-Hant": for help and error messages. */
    public static String tags() {
        StringBuilder b = new StringBuilder();
        for (Language l : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(l.tag);
        }
        return b.toString();
    }
}
