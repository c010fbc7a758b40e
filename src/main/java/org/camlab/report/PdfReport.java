package org.camlab.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.text.Language;

/**
 * The session report as an A4 hand-out (Apache PDFBox): the same order and the same colours as the
 * HTML page — the score's badge and the area scores, the advice with its FIX/CHECK/NOTE badges and
 * its measured value against the threshold, then the charts and every number — numbered pages, no
 * heading left alone at a page's foot. Text is set in DejaVu Sans,
 * embedded, where the system has it (camlab's units need σ, ×, ≥); else in Helvetica with those
 * characters spelled out.
 */
public final class PdfReport {
    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    /** Where text ends on a page: above the page number's line at {@link #FOOT}. */
    private static final float BOTTOM = MARGIN + 6;
    private static final float FOOT = 26;
    /** Line height over font size. */
    private static final float LEAD = 1.35f;
    private static final Color INK = new Color(0x1A202C);
    private static final Color GREY = new Color(0x4A5568);
    private static final Color WARN = new Color(0x9C4221);
    private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"), Path.of("/Library/Fonts/Arial Unicode.ttf"),
            Path.of("C:/Windows/Fonts/arial.ttf"));
    private static final List<Path> BOLD = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"));

    /**
     * Chinese needs a font with TrueType outlines: PDFBox cannot subset the CFF outlines of Noto
     * Sans CJK, and embedding it whole would add megabytes. WenQuanYi Zen Hei (Debian
     * {@code fonts-wqy-zenhei}) has both scripts.
     */
    private static final List<Path> CJK_FONTS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"), Path.of("/usr/share/fonts/TTF/wqy-zenhei.ttc"));
    private static final String CJK_FONT_NAME = "WenQuanYiZenHei";

    private final PDDocument doc = new PDDocument();
    private final Terms t;
    private final Face regular;
    private final Face bold;
    private final boolean unicode;
    /** Open until the document is saved: PDFBox subsets the font as it saves. */
    private TrueTypeCollection collection;
    private final List<TrueTypeFont> opened = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    private PdfReport(Terms wanted) throws IOException {
        Path cjk = wanted.language() == Language.ENGLISH ? null : first(CJK_FONTS);
        PDFont chinese = cjk == null ? null : cjk(cjk);
        if (chinese != null) {
            t = wanted;
            regular = new Face(chinese, false);
            bold = new Face(chinese, true); // the CJK font has no bold face: its outlines stroked as well
            unicode = true;
            return;
        }
        t = Terms.ENGLISH; // without a font for its characters the report would be boxes: English it is
        Path r = first(FONTS);
        Path b = first(BOLD);
        unicode = r != null;
        PDFont plain = r != null ? latin(r) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        regular = new Face(plain, false);
        bold = b != null ? new Face(latin(b), false) : r != null ? new Face(plain, true)
                : new Face(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
    }

    /**
     * A Latin font without its ligatures: PDFBox would set "fl" in "temporal.flickerHz" as one glyph,
     * and a reader copying the name from the hand-out (or searching for it) would get "ﬂ".
     */
    private PDFont latin(Path file) throws IOException {
        TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        opened.add(f);
        f.setEnableGsub(false);
        return PDType0Font.load(doc, f, true);
    }

    /** A font as drawn: {@code synthetic} a bold made by stroking the regular outlines. */
    private record Face(PDFont font, boolean synthetic) {
    }

    private PDFont cjk(Path file) throws IOException {
        collection = new TrueTypeCollection(file.toFile());
        TrueTypeFont f = collection.getFontByName(CJK_FONT_NAME);
        return f == null ? null : PDType0Font.load(doc, f, true);
    }

    /** Whether a PDF in {@code language} can be written in it here (a font with its characters is installed). */
    public static boolean speaks(Language language) {
        return language == Language.ENGLISH || first(CJK_FONTS) != null;
    }

    /** The PDF's bytes. */
    public static byte[] render(SessionReport r, Verdict v) throws IOException {
        return render(r, v, null, Terms.ENGLISH);
    }

    /**
     * The PDF's bytes, with the annotated frame ({@code --snapshot}) at the head of the evidence when
     * given; in English where no font for the language's characters is installed ({@link #speaks}).
     */
    public static byte[] render(SessionReport r, Verdict v, byte[] snapshotPng, Terms terms) throws IOException {
        PdfReport p = new PdfReport(terms);
        try {
            return p.write(r, v, snapshotPng);
        } finally {
            p.doc.close();
            if (p.collection != null) {
                p.collection.close();
            }
            for (TrueTypeFont f : p.opened) {
                f.close();
            }
        }
    }

    private byte[] write(SessionReport r, Verdict v, byte[] snapshotPng) throws IOException {
        newPage();
        lines(bold, 20, INK, t.get("report.title"), 0);
        lines(regular, 10.5f, INK, ReportHeader.source(r.source(), t), 0);
        lines(regular, 8.5f, GREY, ReportHeader.measured(r, t, ZoneId.systemDefault()), 0);
        y -= 10;
        verdict(v);
        if (r.partial()) {
            lines(regular, 10, WARN, t.get("report.partial", r.error() == null ? t.get("report.interrupted")
                    : r.error()), 0);
        }
        y -= 8;

        List<Block> advice = new ArrayList<>();
        int i = 1;
        for (Recommendation rec : v.recommendations()) {
            advice.add(advice(i++, rec));
        }
        if (advice.isEmpty()) {
            advice.add(paragraph(regular, 10.5f, INK, t.get("report.no-advice"), 0));
        }
        heading(14, t.get("report.advice"), advice.get(0).height());
        for (Block b : advice) {
            b.draw();
        }
        y -= 6;
        camera(r);

        // the evidence: the advice's chart first (page 1 keeps to the verdict and the advice, as a hand-out
        // should), then the snapshot and the charts, each caption under its picture
        List<BufferedImage> pictures = new ArrayList<>();
        Map<Integer, String> captions = new HashMap<>();
        RecommendationChart fixes = new RecommendationChart(v, t);
        if (fixes.shown()) {
            captions.put(pictures.size(), fixes.caption());
            pictures.add(fixes.image());
        }
        if (snapshotPng != null) {
            captions.put(pictures.size(), HtmlReport.snapshotCaption(r, Double.NaN, t));
            pictures.add(ImageIO.read(new ByteArrayInputStream(snapshotPng)));
        }
        for (HtmlReport.Figure f : HtmlReport.figures(r, v, t)) {
            pictures.add(Charts.image(f.chart())); // no PNG encoded only to be decoded again
        }
        heading(14, t.get("report.evidence"), pictures.isEmpty() ? 0 : imageHeight(pictures.get(0)));
        for (int k = 0; k < pictures.size(); k++) {
            image(pictures.get(k));
            if (captions.containsKey(k)) {
                paragraph(regular, 8, GREY, captions.get(k), 0).draw();
            }
        }
        numbers(r);
        y -= 6;
        paragraph(regular, 8, GREY, HtmlReport.madeHere(snapshotPng != null, t), 0).draw();
        out.close();
        pageNumbers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    /** The score in its colour's badge, the verdict in a sentence, and each area's score under its name. */
    /** What camera to buy, where this one is the limit ({@link CameraUpgrade}). */
    private void camera(SessionReport r) throws IOException {
        List<String> camera = CameraUpgrade.sentences(r, t);
        if (camera.isEmpty()) {
            return;
        }
        List<Block> lines = new ArrayList<>();
        for (String line : camera) {
            lines.add(paragraph(regular, 10, INK, "- " + line, 10));
        }
        heading(12, CameraUpgrade.title(t), lines.get(0).height() + 12);
        paragraph(regular, 9, GREY, CameraUpgrade.intro(t), 0).draw();
        for (Block b : lines) {
            b.draw();
        }
        y -= 6;
    }

    private void verdict(Verdict v) throws IOException {
        float badgeW = 84;
        float badgeH = 62;
        need(badgeH + 4);
        float top = y;
        out.setNonStrokingColor(Charts.scoreColour(v.score()));
        roundRect(MARGIN, top - badgeH, badgeW, badgeH, 6);
        out.fill();
        String n = String.valueOf(v.score());
        float nw = width(bold, 30, n);
        float ofw = width(regular, 10, "/100");
        float x = MARGIN + (badgeW - nw - ofw) / 2;
        show(bold, 30, Color.WHITE, x, top - 42, n);
        show(regular, 10, Color.WHITE, x + nw + 1, top - 42, "/100");

        float left = MARGIN + badgeW + 14;
        float room = WIDTH - badgeW - 14;
        y = top + 2;
        for (String line : wrap(bold, 13, HtmlReport.headline(v, t), room, room)) {
            y -= 13 * LEAD;
            show(bold, 13, INK, left, y, line);
        }
        float column = Math.min(66, room / ScoreArea.values().length);
        float labels = y - 16;
        int k = 0;
        for (ScoreArea a : ScoreArea.values()) {
            float centre = left + column * k++ + column / 2;
            String label = t.area(a);
            show(regular, 8, GREY, centre - width(regular, 8, label) / 2, labels, label);
            String score = String.valueOf(v.score(a));
            show(bold, 15, Charts.scoreColour(v.score(a)), centre - width(bold, 15, score) / 2, labels - 17, score);
        }
        y = Math.min(top - badgeH, labels - 24);
    }

    /**
     * One piece of advice as on the page: its number, its severity's badge and its title, what to do,
     * and the measured value against the threshold; every line after the first aligned under the title.
     */
    private Block advice(int number, Recommendation rec) {
        String no = number + ".";
        float indent = 18;
        String badge = t.severity(rec.severity()).toUpperCase(Locale.ROOT);
        float badgeW = width(bold, 7.5f, badge) + 8;
        float titleAt = indent + badgeW + 6;
        List<String> title = wrap(bold, 11, t.get(rec.title()), WIDTH - titleAt, WIDTH - indent);
        List<String> detail = wrap(regular, 10, t.get(rec.detail()), WIDTH - indent, WIDTH - indent);
        List<String> why = wrap(regular, 8.5f, HtmlReport.evidence(rec, t), WIDTH - indent, WIDTH - indent);
        float height = title.size() * 11 * LEAD + detail.size() * 10 * LEAD + why.size() * 8.5f * LEAD + 8;
        return new Block(height, () -> {
            need(height);
            y -= 11 * LEAD;
            show(bold, 11, INK, MARGIN, y, no);
            out.setNonStrokingColor(Charts.severityColour(rec.severity()));
            roundRect(MARGIN + indent, y - 2.5f, badgeW, 12, 2.5f);
            out.fill();
            show(bold, 7.5f, Color.WHITE, MARGIN + indent + 4, y + 0.5f, badge);
            for (int k = 0; k < title.size(); k++) {
                if (k > 0) {
                    y -= 11 * LEAD;
                }
                show(bold, 11, INK, MARGIN + (k == 0 ? titleAt : indent), y, title.get(k));
            }
            draw(regular, 10, INK, detail, indent);
            draw(regular, 8.5f, GREY, why, indent);
            y -= 8;
        });
    }

    /** Every number of the catalogue, by category: the metric's path, and its value with its unit beside it. */
    private void numbers(SessionReport r) throws IOException {
        float row = 8.5f * LEAD;
        float valueAt = 232;
        heading(12, t.get("report.numbers"), 10 * LEAD + 4 + row);
        for (Category c : Category.values()) {
            y -= 4;
            heading(10, t.title(c), row);
            for (Metric m : Metric.values()) {
                if (m.category != c) {
                    continue;
                }
                List<String> value = wrap(regular, 8.5f, t.shown(m, r.value(m)), WIDTH - valueAt, WIDTH - valueAt);
                need(row * value.size());
                y -= row;
                show(regular, 8.5f, INK, MARGIN, y, m.path());
                for (int k = 0; k < value.size(); k++) {
                    if (k > 0) {
                        y -= row;
                    }
                    show(regular, 8.5f, INK, MARGIN + valueAt, y, value.get(k));
                }
            }
        }
    }

    /** "Page 2 of 5" at the foot of each page, once the pages are all made. */
    private void pageNumbers() throws IOException {
        int n = doc.getNumberOfPages();
        for (int k = 0; k < n; k++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(k),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = foot;
                String s = t.get("report.page", k + 1, n);
                show(regular, 8, GREY, (PDRectangle.A4.getWidth() - width(regular, 8, s)) / 2, FOOT, s);
            }
        }
    }

    /** Something drawn as a whole at the cursor, whose height is known before it is drawn (to keep it on one page). */
    private record Block(float height, Drawing drawing) {
        void draw() throws IOException {
            drawing.draw();
        }
    }

    private interface Drawing {
        void draw() throws IOException;
    }

    private Block paragraph(Face f, float size, Color colour, String s, float indent) {
        List<String> l = wrap(f, size, s, WIDTH, WIDTH - indent);
        return new Block(l.size() * size * LEAD, () -> draw(f, size, colour, l, indent, true));
    }

    /** A heading, never left alone at a page's foot: it moves to the next page unless {@code keep} fits after it. */
    private void heading(float size, String s, float keep) throws IOException {
        List<String> l = wrap(bold, size, s, WIDTH, WIDTH);
        need(l.size() * size * LEAD + keep + 4);
        y -= 4;
        draw(bold, size, INK, l, 0, false);
    }

    private void lines(Face f, float size, Color colour, String s, float indent) throws IOException {
        paragraph(f, size, colour, s, indent).draw();
    }

    private void draw(Face f, float size, Color colour, List<String> l, float indent) throws IOException {
        for (String line : l) {
            need(size * LEAD);
            y -= size * LEAD;
            show(f, size, colour, MARGIN + indent, y, line);
        }
    }

    /** Lines of a paragraph: the first at the margin, the rest at {@code indent} when {@code hanging}. */
    private void draw(Face f, float size, Color colour, List<String> l, float indent, boolean hanging)
            throws IOException {
        for (int k = 0; k < l.size(); k++) {
            need(size * LEAD);
            y -= size * LEAD;
            show(f, size, colour, MARGIN + (k == 0 || !hanging ? 0 : indent), y, l.get(k));
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void need(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Words wrapped to {@code first} points on the first line and {@code rest} on the others. */
    private List<String> wrap(Face f, float size, String s, float first, float rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : TextReport.breakable(shown(s))) {
            boolean spaced = word.startsWith(" ");
            word = spaced ? word.substring(1) : word;
            String trial = line.length() == 0 ? word : line + (spaced ? " " : "") + word;
            float limit = lines.isEmpty() ? first : rest;
            if (line.length() > 0 && width(f, size, trial) > limit) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(trial);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(Face f, float size, String s) {
        try {
            return f.font().getStringWidth(shown(s)) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.6f; // a character the font lacks: about a character's width each
        }
    }

    /**
     * One line of text at a baseline. A face without a bold of its own (WenQuanYi Zen Hei has none)
     * is emboldened by stroking its outlines as well as filling them, in the text's colour.
     */
    private void show(Face f, float size, Color colour, float x, float baseline, String s) throws IOException {
        if (f.synthetic()) {
            out.setStrokingColor(colour);
            out.setLineWidth(size * 0.035f);
        }
        out.beginText();
        out.setFont(f.font(), size);
        out.setNonStrokingColor(colour);
        out.setRenderingMode(f.synthetic() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        out.newLineAtOffset(x, baseline);
        out.showText(shown(s));
        out.endText();
    }

    private String shown(String s) {
        return unicode ? s : ascii(s);
    }

    /** A rectangle with rounded corners as a path, to be filled. */
    private void roundRect(float x, float y0, float w, float h, float r) throws IOException {
        float k = 0.5523f * r; // a quarter circle's Bézier handles
        out.moveTo(x + r, y0);
        out.lineTo(x + w - r, y0);
        out.curveTo(x + w - r + k, y0, x + w, y0 + r - k, x + w, y0 + r);
        out.lineTo(x + w, y0 + h - r);
        out.curveTo(x + w, y0 + h - r + k, x + w - r + k, y0 + h, x + w - r, y0 + h);
        out.lineTo(x + r, y0 + h);
        out.curveTo(x + r - k, y0 + h, x, y0 + h - r + k, x, y0 + h - r);
        out.lineTo(x, y0 + r);
        out.curveTo(x, y0 + r - k, x + r - k, y0, x + r, y0);
        out.closePath();
    }

    private float imageHeight(BufferedImage img) {
        return WIDTH * img.getHeight() / img.getWidth() + 8;
    }

    private void image(BufferedImage img) throws IOException {
        PDImageXObject x = LosslessFactory.createFromImage(doc, img);
        float w = WIDTH;
        float h = w * img.getHeight() / img.getWidth();
        need(h + 8);
        y -= h + 6;
        out.drawImage(x, MARGIN, y, w, h);
    }

    private static Path first(List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }

    /** What Helvetica (WinAnsi) cannot show, spelled out. */
    static String ascii(String s) {
        return s.replace("σ", "sigma").replace("×", "x").replace("≥", ">=").replace("≤", "<=").replace("→", "->")
                .replace("−", "-").replace("²", "^2").replace("°", " deg").replace("·", "-").replace("–", "-")
                .replace("—", "-").replaceAll("[^\\x20-\\x7E\\xA0-\\xFF]", "?");
    }
}
