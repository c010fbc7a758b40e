package org.camlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camlab.image.SourceInfo;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
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
    private final Terms t;

    /**
     * @param colour use ANSI colours for the traffic lights (a terminal); else plain words
     * @param width  columns to wrap at
     */
    public TextReport(boolean colour, int width, Terms terms) {
        this.colour = colour;
        this.width = Math.max(40, width);
        this.t = terms;
    }

    public TextReport(boolean colour, int width) {
        this(colour, width, Terms.ENGLISH);
    }

    public TextReport(boolean colour) {
        this(colour, 80);
    }

    public String render(SessionReport r, Verdict v) {
        StringBuilder sb = new StringBuilder();
        var src = r.source();
        line(sb, "", "camlab — " + src.name() + " (" + t.kind(src.kind()) + ", " + src.width() + "×" + src.height()
                + (src.fpsNominal() > 0 ? String.format(Locale.ROOT, ", %.2f fps", src.fpsNominal()) : "")
                + (src.clock() == SourceInfo.Clock.ARRIVAL ? t.get("text.by-arrival") : "") + ")");
        line(sb, "  ", "  " + frames(r) + " · " + t.get("text.faces", faces(r)));
        sb.append("  ").append(r.partial() ? t.get("text.score.partial", v.score(), r.error()) : t.get("text.score",
                v.score())).append(System.lineSeparator());
        line(sb, "    ", "  " + areaScores(v, t));
        sb.append(System.lineSeparator());
        for (CategoryRow row : CategoryRow.all(r, v, t)) {
            String head = "  " + padded(t.title(row.category()), 11) + " " + light(row) + "  ";
            line(sb, " ".repeat(INDENT), head + text(row));
        }
        sb.append(System.lineSeparator());
        if (v.recommendations().isEmpty()) {
            line(sb, "", t.get("text.nothing"));
        } else {
            line(sb, "", t.get("text.to-change"));
            int i = 1;
            for (Recommendation rec : v.recommendations()) {
                line(sb, "     ", String.format(Locale.ROOT, "  %d. [%s] %s", i++, t.severity(rec.severity()),
                        t.get(rec.title())));
                line(sb, "     ", "     " + t.get(rec.detail()));
            }
        }
        cameraTargets(sb, r);
        if (r.error() != null && !r.partial()) {
            sb.append(System.lineSeparator());
            line(sb, "  ", t.get("text.stopped", r.error()));
        }
        sb.append(System.lineSeparator());
        line(sb, "", legend());
        return sb.toString();
    }

    /** What camera to buy, where this one is the limit: its figures beside the targets ({@link CameraUpgrade}). */
    private void cameraTargets(StringBuilder sb, SessionReport r) {
        List<String> lines = CameraUpgrade.sentences(r, t);
        if (lines.isEmpty()) {
            return;
        }
        sb.append(System.lineSeparator());
        line(sb, "", t.get("camera.heading"));
        for (String l : lines) {
            line(sb, "     ", "   - " + l);
        }
    }

    /** A title and its lines, each wrapped at the width with its continuation indented under its first word. */
    public String block(String title, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        line(sb, "", title);
        for (String l : lines) {
            line(sb, "    ", "  " + l);
        }
        return sb.toString();
    }

    /**
     * {@code text} as lines at this width, ending in a line separator: broken between words (beside
     * Chinese characters), each continuation line indented by {@code hanging}.
     */
    public String wrapped(String hanging, String text) {
        StringBuilder sb = new StringBuilder();
        line(sb, hanging, text);
        return sb.toString();
    }

    /** What the lights and the score mean, under the summary. */
    public String legend() {
        return "[" + tag(null, false) + "] " + t.get("legend.ok") + " · [" + tag(Severity.LOW, false) + "] "
                + t.get("legend.low") + " · [" + tag(Severity.MEDIUM, false) + "] " + t.get("legend.medium") + " · ["
                + tag(Severity.HIGH, false) + "] " + t.get("legend.high") + t.get("legend.stop") + t.language()
                        .sentenceGap() + t.get("legend.rest",
                                t.severity(Severity.HIGH).toUpperCase(Locale.ROOT), t.severity(Severity.MEDIUM), t
                                        .severity(Severity.LOW));
    }

    /** "lighting 88 · sharpness 100 · …": the per-area scores, in their fixed order. */
    static String areaScores(Verdict v, Terms t) {
        StringBuilder sb = new StringBuilder();
        for (ScoreArea a : ScoreArea.values()) {
            sb.append(sb.length() == 0 ? "" : " · ").append(t.area(a)).append(' ').append(v.score(a));
        }
        return sb.toString();
    }

    /** {@code s} padded with spaces to {@code columns} as a terminal shows it (a Chinese character takes two). */
    public static String padded(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - columns(s)));
    }

    /**
     * The live view's block: a status line, one line per category (its light, its numbers) and the
     * top advice — the same words and lights as the summary, redrawn in place — wrapped at the width
     * as the summary is, so that nothing a person must read is cut; a word wider than a line alone
     * (a long file name) is cut with an ellipsis.
     *
     * @param rows      the recent picture's categories (medians over the last second, the session's timing)
     * @param v         the problems that have lasted (the live check's confirmed verdict)
     * @param measuring no verdict yet: the rows unlit, no score, and a line saying the verdict is to come
     * @param holdSec   how long a problem must last to be shown, for that line
     */
    public List<String> live(String status, List<CategoryRow> rows, Verdict v, boolean measuring, int holdSec) {
        StringBuilder sb = new StringBuilder();
        line(sb, "  ", status);
        for (CategoryRow row : rows) {
            String head = "  " + padded(t.title(row.category()), 11) + " " + (measuring ? pending() : light(row))
                    + "  ";
            line(sb, " ".repeat(visibleLength(head)), head + text(row)); // a coloured light is a column narrower
        }
        if (measuring) {
            line(sb, "    ", "  " + t.get("text.live.measuring", holdSec));
        } else if (v.recommendations().isEmpty()) {
            line(sb, "    ", "  " + t.get("text.live.nothing", v.score()));
        } else {
            Recommendation top = v.recommendations().get(0);
            line(sb, "    ", "  " + t.get("text.live.first", v.score(), v.recommendations().size(),
                    t.severity(top.severity()), t.get(top.title())));
            line(sb, "    ", "    " + t.get(top.detail()));
        }
        List<String> out = new ArrayList<>();
        for (String l : sb.toString().split(Pattern.quote(System.lineSeparator()))) {
            out.add(cut(l));
        }
        return out;
    }

    /** The light of a row not judged yet: grey, with no word of a verdict. */
    private String pending() {
        return colour ? "\u001b[90m○\u001b[0m" + tag("…") : "[" + tag("…") + "]";
    }

    /** A line cut to the width, counting only what shows (not colour codes). */
    private String cut(String line) {
        if (visibleLength(line) <= width) {
            return line;
        }
        StringBuilder b = new StringBuilder();
        int visible = 0;
        for (int i = 0; i < line.length() && visible < width - 1;) {
            if (line.charAt(i) == '\u001b') {
                int end = line.indexOf('m', i);
                end = end < 0 ? line.length() - 1 : end;
                b.append(line, i, end + 1);
                i = end + 1;
                continue;
            }
            int cp = line.codePointAt(i);
            if (visible + (wide(cp) ? 2 : 1) > width - 1) {
                break;
            }
            b.appendCodePoint(cp);
            i += Character.charCount(cp);
            visible += wide(cp) ? 2 : 1;
        }
        return b.append('…').append(colour ? "\u001b[0m" : "").toString();
    }

    private String frames(SessionReport r) {
        StringBuilder s = new StringBuilder();
        s.append(t.get(r.framesAnalyzed() == 1 ? "text.frames.one" : "text.frames", r.framesAnalyzed()));
        if (r.framesDecoded() > r.framesAnalyzed()) {
            s.append(t.get("text.frames.decoded", r.framesDecoded()));
        }
        if (r.durationSec() > 0) {
            s.append(t.get("text.frames.over", r.durationSec()));
        }
        if (r.wallSec() > 0) {
            s.append(t.get("text.frames.in", r.wallSec()));
        }
        return s.toString();
    }

    private String faces(SessionReport r) {
        if (r.faceDetected()) {
            return t.get("text.faces.found", r.faceDetector());
        }
        return r.faceDetector().equals("none") ? t.get("text.faces.not-looked")
                : t.get("text.faces.none", r.faceDetector());
    }

    /** The row's numbers on one line, an item ("min/max 0.262") never split across lines; or why there are none. */
    private static String text(CategoryRow row) {
        if (!row.measured()) {
            return row.items().get(0);
        }
        List<String> parts = new ArrayList<>(row.items());
        parts.replaceAll(p -> p.replace(' ', NBSP));
        return String.join(" · ", parts);
    }

    private String light(CategoryRow row) {
        Severity worst = row.worst();
        boolean unmeasured = !row.measured();
        String ansi = worst == null ? (unmeasured ? "\u001b[90m" : "\u001b[32m")
                : worst == Severity.HIGH ? "\u001b[31m" : "\u001b[33m";
        return colour ? ansi + "●" + "\u001b[0m" + tag(worst, unmeasured) : "[" + tag(worst, unmeasured) + "]";
    }

    /** The light's word, five columns wide: "[ ok  ]", "[note ]", "[check]", "[ FIX ]". */
    private String tag(Severity worst, boolean unmeasured) {
        String word = worst == null ? (unmeasured ? "–" : t.get("legend.tag.ok"))
                : worst == Severity.HIGH ? t.severity(worst).toUpperCase(Locale.ROOT) : t.severity(worst);
        return tag(word);
    }

    private static String tag(String word) {
        int pad = Math.max(0, 5 - columns(word));
        return " ".repeat(pad / 2) + word + " ".repeat(pad - pad / 2);
    }

    /**
     * Appends {@code text} wrapped at word boundaries, continuation lines indented by {@code hanging}.
     * Chinese has no spaces between words: a line may break beside any wide character, though not
     * before the punctuation that closes a phrase. A row of items joined by " · " breaks between them
     * first: an item that fits on a line of its own is not cut in two ("暗部死黑 0.00 %" stays whole).
     */
    private void line(StringBuilder sb, String hanging, String text) {
        Wrapping w = new Wrapping(sb, hanging, width);
        String[] items = text.split(" · ", -1);
        for (int k = 0; k < items.length; k++) {
            if (k > 0) {
                w.put("·", true);
                int whole = visibleLength(items[k].replace(NBSP, ' '));
                if (w.visible + 1 + whole > width && whole <= width - hanging.length()) {
                    w.breakLine();
                }
            }
            for (String word : items[k].split(" ", -1)) {
                boolean spaced = true;
                for (String piece : pieces(word)) {
                    w.put(piece, spaced);
                    spaced = false;
                }
            }
        }
        sb.append(System.lineSeparator());
    }

    /** A line being filled: where it starts, how many columns it holds. */
    private static final class Wrapping {
        private final StringBuilder sb;
        private final String hanging;
        private final int width;
        private int visible;
        private int lineStart;
        private boolean first = true;

        Wrapping(StringBuilder sb, String hanging, int width) {
            this.sb = sb;
            this.hanging = hanging;
            this.width = width;
            this.lineStart = sb.length();
        }

        /** Puts a piece, after a space where one stood before it, on a new line where it does not fit. */
        void put(String piece, boolean spaced) {
            int w = visibleLength(piece);
            int gap = spaced ? 1 : 0;
            if (!first && visible + gap + w > width && visible > hanging.length()) {
                breakLine();
            }
            if (!first && spaced) {
                sb.append(' ');
                visible++;
            }
            sb.append(piece.replace(NBSP, ' '));
            visible += w;
            first = false;
        }

        void breakLine() {
            trimEnd(sb, lineStart);
            sb.append(System.lineSeparator()).append(hanging);
            lineStart = sb.length() - hanging.length();
            visible = hanging.length();
            first = true;
        }
    }

    /** The places a line may break: each piece, with a leading space where one stood before it. */
    public static List<String> breakable(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.split(" ", -1)) {
            boolean first = true;
            for (String piece : pieces(word)) {
                out.add(first && !out.isEmpty() ? " " + piece : piece);
                first = false;
            }
        }
        return out;
    }

    private static final String NO_BREAK_BEFORE = "，。、；：！？）」』》”’%…·";
    private static final String NO_BREAK_AFTER = "（「『《“‘";

    /** A word cut where a line may break inside it: beside wide characters. */
    static List<String> pieces(String word) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < word.length();) {
            int cp = word.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (next < word.length()) {
                int after = word.codePointAt(next);
                boolean breakable = (wide(cp) || wide(after)) && cp != NBSP && after != NBSP
                        && NO_BREAK_BEFORE.indexOf(after) < 0
                        && NO_BREAK_AFTER.indexOf(cp) < 0 && !(Character.isDigit(cp) && Character.isDigit(after));
                if (breakable) {
                    out.add(word.substring(start, next));
                    start = next;
                }
            }
            i = next;
        }
        out.add(word.substring(start));
        return out;
    }

    private static void trimEnd(StringBuilder sb, int from) {
        while (sb.length() > from && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }

    /** Columns a word takes, not counting ANSI colour codes. */
    static int visibleLength(String s) {
        return columns(s.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    /** Columns a terminal gives {@code s}: two for each wide (East Asian) character, one for the rest. */
    public static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            n += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x20000 && cp <= 0x3FFFD;
    }
}
