package org.camlab.text;

import java.util.Arrays;
import java.util.List;

/**
 * Words not yet put into a language: a key of the {@code words} bundles and the values its
 * pattern takes ({@link String#format} conversions, positional where a language needs another
 * order). An argument may itself be a {@code Text} (a word that is translated too); numbers stay
 * numbers until the language formats them, always the same way.
 */
public final class Text {
    private static final String LITERAL = "\u0000literal";
    private static final String SENTENCES = "\u0000sentences";

    private final String key;
    private final Object[] args;

    private Text(String key, Object[] args) {
        this.key = key;
        this.args = args;
    }

    /** The words of {@code key} with these values. */
    public static Text of(String key, Object... args) {
        if (key == null || key.isEmpty() || key.charAt(0) == '\u0000') {
            throw new IllegalArgumentException("not a key: " + key);
        }
        return new Text(key, args.clone());
    }

    /** Words that are the same in every language: a name, a path, a message read back from a file. */
    public static Text literal(String s) {
        return new Text(LITERAL, new Object[]{s == null ? "" : s});
    }

    /** Sentences one after the other, as the language sets them. */
    public static Text sentences(List<Text> parts) {
        return new Text(SENTENCES, parts.toArray());
    }

    public String key() {
        return key;
    }

    /** Words read back as they were written (a saved report's English), not a key of the bundles. */
    public boolean isLiteral() {
        return key.equals(LITERAL);
    }

    boolean isSentences() {
        return key.equals(SENTENCES);
    }

    Object[] args() {
        return args;
    }

    /** The English words; {@link Words#get} for any other language. */
    @Override
    public String toString() {
        return Words.ENGLISH.get(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && t.key.equals(key) && Arrays.deepEquals(t.args, args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.deepHashCode(args);
    }
}
