package org.camlab.text;

import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One language's words: the {@code org/camlab/text/words*.properties} bundles. English is the
 * base bundle; a key a translation lacks falls back to it (a test keeps every language complete).
 */
public final class Words {
    static final String BUNDLE = "org.camlab.text.words";
    /** Never the system locale's bundle in place of the one asked for (English asked on a Chinese system). */
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    public static final Words ENGLISH = new Words(Language.ENGLISH);

    private final Language language;
    private final ResourceBundle bundle;

    private Words(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale, Words.class.getClassLoader(), NO_FALLBACK);
    }

    private static final Words[] ALL = new Words[Language.values().length];

    public static synchronized Words of(Language language) {
        if (language == Language.ENGLISH) {
            return ENGLISH;
        }
        Words w = ALL[language.ordinal()];
        if (w == null) {
            w = new Words(language);
            ALL[language.ordinal()] = w;
        }
        return w;
    }

    public Language language() {
        return language;
    }

    /** The words of a key with these values; a key no bundle has is a bug, and throws. */
    public String get(String key, Object... args) {
        return format(bundle.getString(key), args);
    }

    /** The words of a key, or {@code english} where the key is not in the bundles (words the catalogue declares in English). */
    public String getOr(String key, String english) {
        if (!bundle.containsKey(key)) {
            return english;
        }
        return bundle.getString(key);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(Text t) {
        if (t == null) {
            return "";
        }
        if (t.isLiteral()) {
            return (String) t.args()[0];
        }
        if (t.isSentences()) {
            StringBuilder b = new StringBuilder();
            for (Object part : t.args()) {
                String s = get((Text) part);
                if (!s.isEmpty()) {
                    b.append(b.length() == 0 ? "" : language.sentenceGap()).append(s);
                }
            }
            return b.toString();
        }
        return get(t.key(), t.args());
    }

    private String format(String pattern, Object[] args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Text t ? get(t) : args[i];
        }
        try {
            return String.format(Locale.ROOT, pattern, shown);
        } catch (IllegalFormatException e) {
            throw new MissingResourceException("pattern of the wrong shape for its values (" + e.getMessage() + "): "
                    + pattern, BUNDLE, pattern);
        }
    }
}
