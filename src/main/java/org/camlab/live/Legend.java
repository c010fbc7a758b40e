package org.camlab.live;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.function.BooleanSupplier;
import javax.swing.JComponent;
import org.camlab.core.FrameMetrics;
import org.camlab.core.Grid;
import org.camlab.report.Charts;
import org.camlab.report.Terms;
import org.camlab.results.Severity;

/**
 * The strip under the picture: the light map beside the picture rather than over it (a map over the
 * scene hid part of what it measures), in the colour scale of the report's light map
 * ({@link Charts#lumaColour}), and what every colour and box on the picture and the panel means,
 * each with the key that switches it — dimmed while it is off — and the keys that save and end.
 */
final class Legend extends JComponent {
    static final int HEIGHT = 124;
    /** The light map's cell size, pixels, and its place in the strip. */
    static final int CELL = 8;
    static final int MAP_X = 12;
    static final int MAP_Y = 24;
    private static final Color GROUND = new Color(0x20, 0x22, 0x26);
    private static final Color TEXT = new Color(0xE0, 0xE0, 0xE0);
    private static final Color OFF = new Color(0x70, 0x70, 0x70);
    private static final int LINE = 21;
    /** Where an entry's words start, after its key and its swatch. */
    private static final int TEXT_X = 50;

    private final Terms t;
    private final FramePainter painter;
    private final BooleanSupplier lightMapOn;
    private final Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private final Font keyFont = font.deriveFont(Font.BOLD, 11f);
    private final Font small = font.deriveFont(10f);
    // the light map of the latest analysis (guarded by this)
    private Grid grid;
    private final double[] meanY = new double[16 * 9];

    Legend(Terms terms, FramePainter painter, BooleanSupplier lightMapOn, int width) {
        this.t = terms;
        this.painter = painter;
        this.lightMapOn = lightMapOn;
        setPreferredSize(new Dimension(width, HEIGHT));
        setOpaque(true);
    }

    /** The analysis' light map (any thread); the strip repaints. */
    void lightMap(FrameMetrics m) {
        if (m.grid == null) {
            return;
        }
        synchronized (this) {
            grid = m.grid;
            System.arraycopy(m.gridMeanY, 0, meanY, 0, m.grid.cols() * m.grid.rows());
        }
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(GROUND);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setFont(font);
        int mapRight = map(g);
        int col1 = mapRight + 24;
        FontMetrics fm = g.getFontMetrics();
        int widest = 0;
        for (String k : new String[]{"zebra", "peaking", "face", "background", "save"}) {
            widest = Math.max(widest, fm.stringWidth(t.get("window.legend." + k)));
        }
        int col2 = col1 + TEXT_X + widest + 24;
        int y = 18;
        entry(g, "Z", painter.zebra, col1, y, this::zebraSwatch, t.get("window.legend.zebra"));
        entry(g, "P", painter.peaking, col1, y + LINE, (gg, x, yy) -> fill(gg, FramePainter.PEAKING, x, yy),
                t.get("window.legend.peaking"));
        entry(g, "R", painter.regions, col1, y + 2 * LINE, (gg, x, yy) -> box(gg, FramePainter.FACE, x, yy), t.get(
                "window.legend.face"));
        entry(g, "R", painter.regions, col1, y + 3 * LINE, (gg, x, yy) -> box(gg, FramePainter.BACKGROUND, x, yy),
                t.get("window.legend.background"));
        key(g, "S", col1, y + 4 * LINE, t.get("window.legend.save"));
        entry(g, "H", painter.histogram, col2, y, this::histogramSwatch, t.get("window.legend.histogram"));
        entry(g, "G", lightMapOn.getAsBoolean(), col2, y + LINE, this::scaleSwatch, t.get("window.legend.light-map"));
        lights(g, col2, y + 2 * LINE);
        key(g, "Q", col2, y + 4 * LINE, t.get("window.legend.end"));
    }

    /** A key that does something rather than switch an overlay. */
    private void key(Graphics2D g, String key, int x, int y, String words) {
        g.setColor(TEXT);
        keycap(g, key, x, y);
        g.drawString(words, x + 22, y);
    }

    /** The light map, each cell in the report's colour for its mean luma; its right edge. */
    private int map(Graphics2D g) {
        Grid gr;
        double[] v = new double[meanY.length];
        synchronized (this) {
            gr = grid;
            System.arraycopy(meanY, 0, v, 0, v.length);
        }
        int cols = gr == null ? 16 : gr.cols();
        int rows = gr == null ? 9 : gr.rows();
        int cell = gr == null || cols >= 16 ? CELL : CELL * 16 / cols / 2;
        boolean on = lightMapOn.getAsBoolean();
        g.setColor(on ? TEXT : OFF);
        keycap(g, "G", MAP_X, 16);
        g.setColor(on ? TEXT : OFF);
        String title = t.get("window.legend.map-title");
        g.drawString(title, MAP_X + 22, 16);
        int titleRight = MAP_X + 22 + g.getFontMetrics().stringWidth(title);
        int w = cell * cols;
        int h = cell * rows;
        if (on && gr != null) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    g.setColor(Charts.lumaColour(v[r * cols + c]));
                    g.fillRect(MAP_X + c * cell, MAP_Y + r * cell, cell, cell);
                }
            }
        } else {
            g.setColor(OFF);
            g.drawRect(MAP_X, MAP_Y, w - 1, h - 1);
        }
        // its scale under it, as the report's legend: code value 0 to 255
        int barY = MAP_Y + h + 4;
        for (int i = 0; i < w; i++) {
            g.setColor(Charts.lumaColour(i * 255.0 / (w - 1)));
            g.fillRect(MAP_X + i, barY, 1, 6);
        }
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(on ? TEXT : OFF);
        int labelY = barY + 6 + fm.getAscent();
        g.drawString("0", MAP_X, labelY);
        g.drawString("255", MAP_X + w - fm.stringWidth("255"), labelY);
        String luma = t.get("window.legend.luma");
        g.drawString(luma, MAP_X + (w - fm.stringWidth(luma)) / 2, labelY);
        g.setFont(font);
        return Math.max(MAP_X + w, titleRight);
    }

    /** One line: the key, the swatch, the words; dimmed while what it switches is off. */
    private void entry(Graphics2D g, String key, boolean on, int x, int y, Swatch swatch, String words) {
        g.setColor(on ? TEXT : OFF);
        keycap(g, key, x, y);
        if (on) {
            swatch.draw(g, x + 22, y);
        } else {
            g.setColor(OFF);
            g.drawRect(x + 22, y - 10, 20, 11);
        }
        g.setColor(on ? TEXT : OFF);
        g.drawString(words + (on ? "" : " " + t.get("window.legend.off")), x + TEXT_X, y);
    }

    /** The panel's lights and what each means. */
    private void lights(Graphics2D g, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        int dot = 10;
        Object[][] lights = {{Charts.GOOD, t.get("legend.tag.ok")}, {Charts.CHECK, t.severity(Severity.MEDIUM)},
                {Charts.FIX, t.severity(Severity.HIGH)}, {Charts.NOTE, t.severity(Severity.LOW)},
                {Charts.UNMEASURED, t.get("window.legend.unmeasured")}};
        for (Object[] l : lights) {
            g.setColor((Color) l[0]);
            if (l[0] == Charts.UNMEASURED) {
                g.setStroke(new BasicStroke(2f));
                g.drawOval(x + 1, y - dot, dot - 2, dot - 2);
            } else {
                g.fillOval(x, y - dot, dot, dot);
            }
            g.setColor(TEXT);
            g.drawString((String) l[1], x + dot + 4, y);
            x += dot + 4 + fm.stringWidth((String) l[1]) + 12;
        }
    }

    /** A key as a small cap with its letter. */
    private void keycap(Graphics2D g, String key, int x, int y) {
        Color c = g.getColor();
        Font f = g.getFont();
        g.setStroke(new BasicStroke(1f));
        g.drawRoundRect(x, y - 12, 16, 15, 4, 4);
        g.setFont(keyFont);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(key, x + (17 - fm.stringWidth(key)) / 2, y);
        g.setFont(f);
        g.setColor(c);
    }

    @FunctionalInterface
    private interface Swatch {
        void draw(Graphics2D g, int x, int baseline);
    }

    private void zebraSwatch(Graphics2D g, int x, int y) {
        g.setColor(Color.WHITE);
        g.fillRect(x, y - 10, 20, 11);
        g.setColor(new Color(FramePainter.ZEBRA));
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 11; j++) {
                if (((i + j) / 3 & 1) == 0) {
                    g.fillRect(x + i, y - 10 + j, 1, 1);
                }
            }
        }
    }

    private static void fill(Graphics2D g, int rgb, int x, int y) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y - 10, 20, 11);
    }

    private static void box(Graphics2D g, Color c, int x, int y) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(x + 1, y - 9, 18, 9);
    }

    private void histogramSwatch(Graphics2D g, int x, int y) {
        g.setColor(new Color(235, 235, 235));
        int[] bars = {2, 5, 8, 6, 9, 4, 7, 3};
        for (int i = 0; i < bars.length; i++) {
            g.fillRect(x + 2 + 2 * i, y - 2 - bars[i], 1, bars[i]);
        }
        g.setColor(FramePainter.CLIP_ZONE);
        g.fillRect(x, y - 1, 3, 2);
        g.fillRect(x + 17, y - 1, 3, 2);
    }

    /** The light map's scale, dark to bright, as the report's legend. */
    private void scaleSwatch(Graphics2D g, int x, int y) {
        for (int i = 0; i < 20; i++) {
            g.setColor(Charts.lumaColour(i * 255.0 / 19));
            g.fillRect(x + i, y - 10, 1, 11);
        }
    }
}
