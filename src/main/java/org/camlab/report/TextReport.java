package org.camlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;

/**
 * The human summary: one line per category of the catalogue with a traffic light, the advice, and
 * a legend; wrapped at word boundaries to the terminal's width.
 */
public final class TextReport {
    /** Where the category's numbers start: two spaces, the title, the light. */
    private static final int INDENT = 21;
    private static final char NBSP = '\u00a0';

    private final boolean colour;
    private final int width;

    /**
     * @param colour use ANSI colours for the traffic lights (a terminal); else plain words
     * @param width  columns to wrap at
     */
    public TextReport(boolean colour, int width) {
        this.colour = colour;
        this.width = Math.max(40, width);
    }

    public TextReport(boolean colour) {
        this(colour, 80);
    }

    public static final String LEGEND = "[ ok  ] nothing to change · [note ] minor · [check] worth a look · [ FIX ] "
            + "fix this first. Score: 100, less 25 for each FIX, 12 for each check, 5 for each note. Signs: stops > 0 "
            + "mean brighter (background than face; image-left side than right), off centre > 0 is right of centre. "
            + "'camlab explain' defines every number.";

    public String render(SessionReport r, Verdict v) {
        StringBuilder sb = new StringBuilder();
        var src = r.source();
        line(sb, "", String.format(Locale.ROOT, "camlab — %s (%s, %d×%d%s)", src.name(), src.kind().json(), src.width(),
                src.height(), src.fpsNominal() > 0 ? String.format(Locale.ROOT, ", %.2f fps", src.fpsNominal()) : ""));
        line(sb, "  ", "  " + frames(r) + " · faces: " + faces(r));
        sb.append(String.format(Locale.ROOT, "  Score %d/100%s%n", v.score(), r.partial() ? " (partial: " + r.error() + ")" : ""));
        line(sb, "    ", "  " + areaScores(v));
        sb.append(System.lineSeparator());
        for (Category c : Category.values()) {
            String text = category(r, c);
            String head = String.format(Locale.ROOT, "  %-11s %s  ", c.title, light(v, c, unmeasured(r, c)));
            line(sb, " ".repeat(INDENT), head + text);
        }
        if (v.recommendations().isEmpty()) {
            sb.append(String.format("%nNothing to change: this looks good on a call.%n"));
        } else {
            sb.append(String.format("%nWhat to change:%n"));
            int i = 1;
            for (Recommendation rec : v.recommendations()) {
                line(sb, "     ", String.format(Locale.ROOT, "  %d. [%s] %s", i++, word(rec.severity()).trim(), rec.title()));
                line(sb, "     ", "     " + rec.detail());
            }
        }
        if (r.error() != null && !r.partial()) {
            sb.append(System.lineSeparator());
            line(sb, "  ", "Stopped early: " + r.error());
        }
        sb.append(System.lineSeparator());
        line(sb, "", LEGEND);
        return sb.toString();
    }

    /** "lighting 88 · sharpness 100 · …": the per-area scores, in their fixed order. */
    static String areaScores(Verdict v) {
        StringBuilder sb = new StringBuilder();
        for (org.camlab.results.ScoreArea a : org.camlab.results.ScoreArea.values()) {
            sb.append(sb.length() == 0 ? "" : " · ").append(a.key).append(' ').append(v.score(a));
        }
        return sb.toString();
    }

    /**
     * The live view's block: a status line, one line per category (its light, its numbers, cut to
     * the width) and the top advice — the same words and lights as the summary, redrawn in place.
     *
     * @param r the recent picture (medians over the last second) with the session's timing
     * @param v the problems that have lasted (the live check's confirmed verdict)
     */
    public List<String> live(SessionReport r, Verdict v, String status) {
        List<String> out = new ArrayList<>();
        out.add(cut(status));
        for (Category c : Category.values()) {
            boolean unmeasured = unmeasured(r, c);
            String text = category(r, c).replace(NBSP, ' ');
            out.add(cut(String.format(Locale.ROOT, "  %-11s %s  %s", c.title, light(v, c, unmeasured), text)));
        }
        if (v.recommendations().isEmpty()) {
            out.add(cut("  Score " + v.score() + "/100 · nothing to change so far"));
        } else {
            Recommendation top = v.recommendations().get(0);
            out.add(cut(String.format(Locale.ROOT, "  Score %d/100 · %d to change · first: [%s] %s", v.score(),
                    v.recommendations().size(), word(top.severity()).trim(), top.title())));
            out.add(cut("    " + top.detail()));
        }
        return out;
    }

    /** A line cut to the width, counting only what shows (not colour codes). */
    private String cut(String line) {
        if (visibleLength(line) <= width) {
            return line;
        }
        StringBuilder b = new StringBuilder();
        int visible = 0;
        for (int i = 0; i < line.length() && visible < width - 1; ) {
            if (line.charAt(i) == '\u001b') {
                int end = line.indexOf('m', i);
                end = end < 0 ? line.length() - 1 : end;
                b.append(line, i, end + 1);
                i = end + 1;
                continue;
            }
            int cp = line.codePointAt(i);
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
            visible++;
        }
        return b.append('…').append(colour ? "\u001b[0m" : "").toString();
    }

    private static String frames(SessionReport r) {
        StringBuilder s = new StringBuilder();
        s.append(r.framesAnalyzed()).append(r.framesAnalyzed() == 1 ? " frame analysed" : " frames analysed");
        if (r.framesDecoded() > r.framesAnalyzed()) {
            s.append(" of ").append(r.framesDecoded()).append(" decoded");
        }
        if (r.durationSec() > 0) {
            s.append(String.format(Locale.ROOT, " over %.1f s", r.durationSec()));
        }
        if (r.wallSec() > 0) {
            s.append(String.format(Locale.ROOT, " in %.2f s", r.wallSec()));
        }
        return s.toString();
    }

    private static String faces(SessionReport r) {
        if (r.faceDetected()) {
            return "found (" + r.faceDetector() + ")";
        }
        return r.faceDetector().equals("none") ? "not looked for (--faces none), centre used as subject"
                : "none found (" + r.faceDetector() + "), centre used as subject";
    }

    /** A category none of whose numbers could be measured, and which says why in words. */
    private static boolean unmeasured(SessionReport r, Category c) {
        if (c.whenUnmeasured == null) {
            return false;
        }
        if (c == Category.BACKLIGHT || c == Category.FRAMING) {
            return !r.faceDetected();
        }
        for (Metric m : Metric.values()) {
            if (m.category == c && m.label != null && !Double.isNaN(r.value(m))) {
                return false;
            }
        }
        return true;
    }

    private static String category(SessionReport r, Category c) {
        if (unmeasured(r, c)) {
            if (c == Category.TEMPORAL && !r.source().isStill()) {
                return "key frames only: no timing (use a shorter --every for timing)";
            }
            return c.whenUnmeasured;
        }
        List<String> parts = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.category != c || m.label == null) {
                continue;
            }
            double v = r.value(m);
            if (Double.isNaN(v) && m.label.isEmpty()) {
                continue; // a companion of the number before, absent with it
            }
            String value = shown(m, v);
            if (m.label.isEmpty() && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + value);
            } else {
                parts.add(m.label.isEmpty() ? value : m.label + " " + value);
            }
        }
        if (c == Category.RESOLUTION) {
            double k = r.value(Metric.UPSCALE);
            parts.add(0, Double.isNaN(k) ? r.source().width() + "×" + r.source().height()
                    : String.format(Locale.ROOT, "%d×%d with the detail of %d×%d", r.source().width(), r.source().height(),
                            Math.round(r.source().width() / k), Math.round(r.source().height() / k)));
        }
        // an item ("min/max 0.262") is never split across lines
        parts.replaceAll(p -> p.replace(' ', NBSP));
        return String.join(" · ", parts);
    }

    /** A value with its unit as every report shows it, or the metric's word for not measured. */
    static String shown(Metric m, double v) {
        return Double.isNaN(v) ? m.absent : value(m, v);
    }

    /** A measured value with its unit, as the summary shows it. */
    static String value(Metric m, double v) {
        if (m.format == Metric.Format.BOOLEAN) {
            return v >= 0.5 ? "yes" : "no";
        }
        String n = String.format(Locale.ROOT, "%." + m.decimals + "f", v);
        if (m.signed && v > 0) {
            n = "+" + n;
        }
        return switch (m.unit) {
            case "" -> n;
            case "×", "/100" -> n + m.unit;
            case "code value" -> n + " code values";
            default -> n + " " + m.unit;
        };
    }

    private String light(Verdict v, Category c, boolean unmeasured) {
        Severity worst = null;
        for (Recommendation rec : v.recommendations()) {
            Metric m = Metric.byPath(rec.metric());
            if (m != null && m.category == c && (worst == null || rec.severity().compareTo(worst) < 0)) {
                worst = rec.severity();
            }
        }
        String word;
        String ansi;
        if (worst == null) {
            word = unmeasured ? "  –  " : " ok  ";
            ansi = unmeasured ? "\u001b[90m" : "\u001b[32m";
        } else {
            word = word(worst);
            ansi = worst == Severity.HIGH ? "\u001b[31m" : "\u001b[33m";
        }
        return colour ? ansi + "●" + "\u001b[0m" + word : "[" + word + "]";
    }

    private static String word(Severity s) {
        return switch (s) {
            case HIGH -> " FIX ";
            case MEDIUM -> "check";
            case LOW -> "note ";
        };
    }

    /** Appends {@code text} wrapped at word boundaries, continuation lines indented by {@code hanging}. */
    private void line(StringBuilder sb, String hanging, String text) {
        int visible = 0;
        int lineStart = sb.length();
        boolean first = true;
        for (String word : text.split(" ", -1)) {
            int w = visibleLength(word);
            if (!first && visible + 1 + w > width && visible > hanging.length()) {
                trimEnd(sb, lineStart);
                sb.append(System.lineSeparator()).append(hanging);
                lineStart = sb.length() - hanging.length();
                visible = hanging.length();
                first = true;
            }
            if (!first) {
                sb.append(' ');
                visible++;
            }
            sb.append(word.replace(NBSP, ' '));
            visible += w;
            first = false;
        }
        sb.append(System.lineSeparator());
    }

    private static void trimEnd(StringBuilder sb, int from) {
        while (sb.length() > from && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }

    /** Columns a word takes, not counting ANSI colour codes. */
    static int visibleLength(String s) {
        String plain = s.replaceAll("\u001b\\[[0-9;]*m", "");
        return plain.codePointCount(0, plain.length());
    }
}
