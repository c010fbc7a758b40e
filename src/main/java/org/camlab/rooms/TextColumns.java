package org.camlab.rooms;

import org.camlab.report.TextReport;

/**
 * Table columns in a terminal by the width a text takes there, not its length: a Chinese character
 * takes two columns, so the headers and room names of the zh tables line up as the English ones do.
 */
final class TextColumns {
    private TextColumns() {
    }

    static String left(String s, int columns) {
        return TextReport.padded(s, columns);
    }

    static String right(String s, int columns) {
        return " ".repeat(Math.max(0, columns - TextReport.columns(s))) + s;
    }

    /** At most {@code columns} wide, an ellipsis where cut. */
    static String clip(String s, int columns) {
        if (TextReport.columns(s) <= columns) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            String next = b.toString() + new String(Character.toChars(cp));
            if (TextReport.columns(next) > columns - 1) {
                break;
            }
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }
}
