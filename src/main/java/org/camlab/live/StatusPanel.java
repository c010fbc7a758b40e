package org.camlab.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;
import javax.swing.JToolTip;
import javax.swing.ToolTipManager;
import org.camlab.report.CategoryRow;
import org.camlab.report.Charts;
import org.camlab.report.HtmlReport;
import org.camlab.report.Terms;
import org.camlab.report.TextReport;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.Verdict;

/**
 * The live window's side: the score and the area scores in their bands, one traffic light per
 * category of the catalogue with its numbers, and the top advice. Painted from the verdict and the
 * catalogue's rows ({@link CategoryRow}) in the colours every report uses ({@link Charts}), so that
 * no word of any language decides a colour. A row cut short shows all of itself — its label, its
 * numbers with their units and the advice on them — in a tooltip; a message (what S saved) is
 * wrapped, never cut.
 */
final class StatusPanel extends JComponent {
    private static final Color GROUND = new Color(0x20, 0x22, 0x26);
    private static final Color NUMBERS = new Color(0xC8, 0xC8, 0xC8);
    private static final Color QUIET = new Color(0xA0, 0xA0, 0xA0);
    /** Lines a category's numbers may take before the rest is cut with an ellipsis. */
    private static final int ROW_LINES = 3;
    private static final String ITEM_GAP = " · ";
    /** An unmeasured category's light: a ring, so that it is not read as a note's grey dot. */
    private static final BasicStroke RING = new BasicStroke(2f);

    private final Terms t;
    private final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private final Font bold = font.deriveFont(Font.BOLD, 16f);
    private final Font small = font.deriveFont(12f);
    private final Font numbers = font.deriveFont(13f);
    /** A tooltip's width in CSS units, which Swing draws at 4/3 of a pixel each: about the panel's width. */
    private static final int TIP_WIDTH = 300;
    private static final int TIP_SECONDS = 60;
    private volatile LiveState state;
    private volatile String message = "";
    /** Where each row was painted last, and its full text (window thread). */
    private List<Tip> tips = List.of();

    /** A painted row's vertical extent, the category it shows (null for the advice), and its tooltip. */
    record Tip(int top, int bottom, Category category, String text) {
    }

    StatusPanel(Terms terms, int width, int height) {
        this.t = terms;
        setPreferredSize(new Dimension(width, height));
        ToolTipManager.sharedInstance().registerComponent(this);
        // a row's whole text and its advice take longer to read than Swing's four seconds
        ToolTipManager.sharedInstance().setDismissDelay(TIP_SECONDS * 1000);
    }

    @Override
    public String getToolTipText(MouseEvent e) {
        for (Tip tip : tips) {
            if (e.getY() >= tip.top() && e.getY() < tip.bottom()) {
                return tip.text();
            }
        }
        return null;
    }

    /** The panel's font, smoothed as the panel's text is: Chinese at a tooltip's size was hard to read unsmoothed. */
    @Override
    public JToolTip createToolTip() {
        JToolTip tip = new JToolTip() {
            @Override
            protected void paintComponent(Graphics g) {
                ((Graphics2D) g).setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                super.paintComponent(g);
            }
        };
        tip.setComponent(this);
        tip.setFont(numbers);
        return tip;
    }

    /** Under the row, inside the panel: a tooltip as wide as the panel stays on the window. */
    @Override
    public Point getToolTipLocation(MouseEvent e) {
        for (Tip tip : tips) {
            if (e.getY() >= tip.top() && e.getY() < tip.bottom()) {
                return new Point(8, tip.bottom() + 2);
            }
        }
        return null;
    }

    /** The middle of the row of {@code c} as last painted; -1 when it was not. */
    int rowY(Category c) {
        for (Tip tip : tips) {
            if (tip.category() == c) {
                return (tip.top() + tip.bottom()) / 2;
            }
        }
        return -1;
    }

    /** The advice's place as last painted; -1 when none was. */
    int adviceY() {
        for (Tip tip : tips) {
            if (tip.category() == null) {
                return (tip.top() + tip.bottom()) / 2;
            }
        }
        return -1;
    }

    void show(LiveState s) {
        state = s;
        repaint();
    }

    void say(String line) {
        message = line;
        repaint();
    }

    /** The rows the panel lights: the recent picture's numbers, lit by the problems that have lasted. */
    List<CategoryRow> rows(LiveState s) {
        return s.rows(t);
    }

    /** A row's light: its worst problem's colour, good when it has none, apart when nothing was measured. */
    static Color light(CategoryRow row) {
        return row.measured() ? Charts.severityColour(row.worst()) : Charts.UNMEASURED;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(GROUND);
        g.fillRect(0, 0, getWidth(), getHeight());
        LiveState s = state;
        List<Tip> painted = new ArrayList<>();
        tips = painted;
        g.setFont(font);
        FontMetrics mfm = g.getFontMetrics();
        List<String> said = message.isEmpty() ? List.of() : wrap(prose(message), mfm, getWidth() - 24);
        int bottom = getHeight() - 10 - (said.size() - 1) * mfm.getHeight();
        g.setColor(QUIET);
        draw(g, said, 12, bottom, said.size(), mfm);
        bottom -= said.isEmpty() ? 0 : mfm.getHeight() + 6;
        g.setFont(bold);
        g.setColor(Color.WHITE);
        if (s == null) {
            g.drawString(t.get("window.checking"), 12, 26);
            return;
        }
        if (s.measuring()) {
            // the numbers without a verdict: a score or a green light now could be contradicted in a second
            FontMetrics bfm = g.getFontMetrics();
            int y = draw(g, wrap(prose(t.get("text.live.measuring", (int) LiveMonitor.HOLD_SEC)), bfm, getWidth()
                    - 24), 12, 26, 3, bfm);
            categories(g, rows(s), y + 8, null, painted);
            return;
        }
        int y = score(g, s.verdict(), 26);
        y = areas(g, s.verdict(), y + 22);
        y = categories(g, rows(s), y + 8, s.verdict(), painted);
        advice(g, s.verdict(), y + 28, bottom, painted);
    }

    /** A row in full: its label, its numbers with their units, and each piece of advice on it. */
    String tip(CategoryRow row, Verdict v) {
        StringBuilder h = new StringBuilder("<html><body style='width:" + TIP_WIDTH + "px'><b>").append(HtmlReport.esc(
                t.title(row.category()))).append("</b><br>").append(HtmlReport.esc(String.join(ITEM_GAP, row
                        .items())));
        if (v != null) {
            for (Recommendation r : v.recommendations()) {
                Metric m = Metric.byPath(r.metric());
                if (m != null && m.category == row.category()) {
                    h.append("<br><br>").append(advice(r));
                }
            }
        }
        return h.append("</body></html>").toString();
    }

    /** "<b>FIX</b> Bright light behind you: the area behind you is…" */
    private String advice(Recommendation r) {
        return "<b>" + HtmlReport.esc(t.severity(r.severity()).toUpperCase(Locale.ROOT)) + "</b> " + HtmlReport.esc(t
                .get(r.title())) + "<br>" + HtmlReport.esc(t.get(r.detail()));
    }

    /** "Score 63/100" on its band's colour, as the report's score box. */
    private int score(Graphics2D g, Verdict v, int y) {
        g.setFont(bold);
        badge(g, t.get("text.score", v.score()), Charts.scoreColour(v.score()), 12, y);
        return y;
    }

    /** "lighting 63 · sharpness 100 · …", each number in its band's colour; wrapped between areas. */
    private int areas(Graphics2D g, Verdict v, int y) {
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        int x = 12;
        for (ScoreArea a : ScoreArea.values()) {
            String name = t.area(a) + " ";
            String number = Integer.toString(v.score(a));
            String gap = a.ordinal() == 0 ? "" : ITEM_GAP;
            int w = fm.stringWidth(gap + name + number);
            if (x > 12 && x + w > getWidth() - 12) {
                x = 12;
                y += fm.getHeight();
                gap = "";
            }
            g.setColor(QUIET);
            g.drawString(gap + name, x, y);
            x += fm.stringWidth(gap + name);
            g.setColor(Charts.scoreColour(v.score(a)));
            g.drawString(number, x, y);
            x += fm.stringWidth(number);
        }
        return y;
    }

    /**
     * One light per category, its title, and its numbers wrapped between items beside the titles;
     * while measuring ({@code v} null) every light waits, grey.
     */
    private int categories(Graphics2D g, List<CategoryRow> rows, int y, Verdict v, List<Tip> painted) {
        boolean measuring = v == null;
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        FontMetrics nfm = g.getFontMetrics(numbers);
        int dot = fm.getAscent() - 2;
        int numbersX = 0;
        for (CategoryRow row : rows) {
            numbersX = Math.max(numbersX, fm.stringWidth(t.title(row.category())));
        }
        numbersX += 34 + 10;
        int width = getWidth() - numbersX - 8;
        for (CategoryRow row : rows) {
            y += fm.getHeight() + 2;
            int top = y - fm.getAscent() - 1;
            g.setFont(font);
            g.setColor(measuring ? Charts.UNMEASURED : light(row));
            if (row.measured()) {
                g.fillOval(12, y - dot, dot, dot);
            } else {
                g.setStroke(RING);
                g.drawOval(13, y - dot + 1, dot - 2, dot - 2);
            }
            g.setColor(Color.WHITE);
            g.drawString(t.title(row.category()), 34, y);
            g.setFont(numbers);
            g.setColor(NUMBERS);
            y = draw(g, wrap(row.measured() ? items(row.items(), nfm, width) : prose(row.items().get(0)), nfm, width),
                    numbersX, y, ROW_LINES, nfm);
            painted.add(new Tip(top, y + nfm.getDescent() + 2, row.category(), tip(row, v)));
        }
        return y;
    }

    /** The first thing to change: its severity on its colour, its title and as much of its detail as fits. */
    private void advice(Graphics2D g, Verdict v, int y, int bottom, List<Tip> painted) {
        g.setFont(bold);
        g.setColor(Color.WHITE);
        if (v.recommendations().isEmpty()) {
            g.drawString(t.get("window.nothing"), 12, y);
            return;
        }
        Recommendation top = v.recommendations().get(0);
        painted.add(new Tip(y - g.getFontMetrics().getAscent() - 2, bottom, null, "<html><body style='width:"
                + TIP_WIDTH + "px'>" + advice(top) + "</body></html>"));
        int x = 12 + badge(g, t.severity(top.severity()).toUpperCase(Locale.ROOT), Charts.severityColour(top
                .severity()),
                12, y) + 8;
        FontMetrics bfm = g.getFontMetrics();
        g.setColor(Color.WHITE);
        y = draw(g, wrap(prose(t.get(top.title())), bfm, getWidth() - x - 12), x, y, 2, bfm);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        y += fm.getHeight() + 2;
        int room = (bottom - y) / fm.getHeight() + 1;
        g.setColor(NUMBERS);
        draw(g, wrap(prose(t.get(top.detail())), fm, getWidth() - 24), 12, y, room, fm);
    }

    /** White words on a rounded patch of {@code colour}; its width. */
    private static int badge(Graphics2D g, String text, Color colour, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text) + 12;
        g.setColor(colour);
        g.fillRoundRect(x, y - fm.getAscent() - 2, w, fm.getAscent() + fm.getDescent() + 4, 8, 8);
        g.setColor(Color.WHITE);
        g.drawString(text, x + 6, y);
        return w;
    }

    /** Up to {@code maxLines} lines from {@code y} down; the last shown ends in an ellipsis when more did not fit. */
    private static int draw(Graphics2D g, List<String> lines, int x, int y, int maxLines, FontMetrics fm) {
        int n = Math.min(maxLines, lines.size());
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                y += fm.getHeight();
            }
            g.drawString(i == n - 1 && n < lines.size() ? lines.get(i) + "…" : lines.get(i), x, y);
        }
        return y;
    }

    /** A piece of a line and what stands before it when it is not the first on its line. */
    record Piece(String gap, String text) {
    }

    /** The row's items, each kept whole unless it alone is wider than a line. */
    static List<Piece> items(List<String> items, FontMetrics fm, int width) {
        List<Piece> out = new ArrayList<>();
        for (String item : items) {
            String gap = out.isEmpty() ? "" : ITEM_GAP;
            if (fm.stringWidth(item) <= width) {
                out.add(new Piece(gap, item));
            } else {
                List<Piece> words = prose(item);
                out.add(new Piece(gap, words.get(0).text()));
                out.addAll(words.subList(1, words.size()));
            }
        }
        return out;
    }

    /** Text broken where a line may break: at spaces, and beside Chinese characters. */
    static List<Piece> prose(String text) {
        List<Piece> out = new ArrayList<>();
        for (String p : TextReport.breakable(text)) {
            out.add(p.startsWith(" ") ? new Piece(" ", p.substring(1)) : new Piece("", p));
        }
        return out;
    }

    /** The pieces, one wider than a line (a path, a long number list) cut where the line ends. */
    private static List<Piece> split(List<Piece> pieces, FontMetrics fm, int width) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            String rest = p.text();
            String gap = p.gap();
            while (fm.stringWidth(rest) > width && rest.length() > 1) {
                int n = rest.length() - 1;
                while (n > 1 && fm.stringWidth(rest.substring(0, n)) > width) {
                    n--;
                }
                out.add(new Piece(gap, rest.substring(0, n)));
                rest = rest.substring(n);
                gap = " ";
            }
            out.add(new Piece(gap, rest));
        }
        return out;
    }

    /** The pieces in lines no wider than {@code width}, a piece wider than a line cut where it ends. */
    static List<String> wrap(List<Piece> pieces, FontMetrics fm, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Piece p : split(pieces, fm, width)) {
            if (line.length() > 0 && fm.stringWidth(line + p.gap() + p.text()) > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? p.gap() : "").append(p.text());
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
