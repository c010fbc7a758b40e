package org.camlab.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
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
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.text.Language;

/**
 * The session report as an A4 hand-out (Apache PDFBox): the same order as the HTML page — verdict
 * and area scores, the advice, then the charts and every number. Text is set in DejaVu Sans,
 * embedded, where the system has it (camlab's units need σ, ×, ≥); else in Helvetica with those
 * characters spelled out.
 */
public final class PdfReport {
    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
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
    private final PDFont regular;
    private final PDFont bold;
    private final boolean unicode;
    /** Open until the document is saved: PDFBox subsets the font as it saves. */
    private TrueTypeCollection collection;
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    private PdfReport(Terms wanted) throws IOException {
        Path cjk = wanted.language() == Language.ENGLISH ? null : first(CJK_FONTS);
        PDFont chinese = cjk == null ? null : cjk(cjk);
        if (chinese != null) {
            t = wanted;
            regular = chinese;
            bold = chinese;
            unicode = true;
            return;
        }
        t = Terms.ENGLISH; // without a font for its characters the report would be boxes: English it is
        Path r = first(FONTS);
        Path b = first(BOLD);
        unicode = r != null;
        regular = r != null ? PDType0Font.load(doc, r.toFile()) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        bold = b != null ? PDType0Font.load(doc, b.toFile()) : r != null ? regular
                : new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
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
        }
    }

    private byte[] write(SessionReport r, Verdict v, byte[] snapshotPng) throws IOException {
        newPage();
        var src = r.source();
        text(bold, 20, t.get("report.title"));
        text(regular, 11, src.name() + " · " + t.kind(src.kind()) + " · " + src.width() + "×" + src.height()
                + (src.fpsNominal() > 0 ? String.format(Locale.ROOT, " · %.2f fps", src.fpsNominal()) : ""));
        text(regular, 9, t.get("report.measured", r.measuredAt().toString(), HtmlReport.frames(r, t), Version.get()));
        y -= 8;
        text(bold, 16, t.get("report.score.line", v.score(), v.recommendations().isEmpty()
                ? t.get("report.score.nothing") : t.get("report.score.some", v.recommendations().size())));
        text(regular, 11, TextReport.areaScores(v, t));
        if (r.partial()) {
            text(regular, 10, t.get("report.partial", r.error() == null ? t.get("report.interrupted") : r.error()));
        }
        y -= 6;
        text(bold, 14, t.get("report.advice"));
        if (v.recommendations().isEmpty()) {
            text(regular, 11, t.get("report.no-advice"));
        }
        int i = 1;
        for (Recommendation rec : v.recommendations()) {
            text(bold, 11, i++ + ". [" + t.severity(rec.severity()) + "] " + t.get(rec.title()));
            paragraph(regular, 10, t.get(rec.detail()), 14);
            y -= 4;
        }
        fixesAndCamera(r, v);
        y -= 6;
        text(bold, 14, t.get("report.evidence"));
        if (snapshotPng != null) {
            image(ImageIO.read(new ByteArrayInputStream(snapshotPng)));
            // paragraph spells out ≥ where the font lacks it
            paragraph(regular, 8, HtmlReport.snapshotCaption(r, Double.NaN, t), 0);
        }
        for (HtmlReport.Figure f : HtmlReport.figures(r, v, t)) {
            image(Charts.image(f.chart())); // no PNG encoded only to be decoded again
        }
        text(bold, 12, t.get("report.numbers"));
        for (Category c : Category.values()) {
            need(30);
            text(bold, 10, t.title(c));
            for (Metric m : Metric.values()) {
                if (m.category == c) {
                    paragraph(regular, 9, m.path() + " = " + t.shown(m, r.value(m)), 14);
                }
            }
        }
        paragraph(regular, 8, HtmlReport.madeHere(snapshotPng != null, t), 0);
        out.close();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    /**
     * The advice's chart, and what camera to buy where this one is the limit ({@link RecommendationChart},
     * {@link CameraUpgrade}).
     */
    private void fixesAndCamera(SessionReport r, Verdict v) throws IOException {
        RecommendationChart fixes = new RecommendationChart(v, t);
        if (fixes.shown()) {
            image(fixes.image());
            paragraph(regular, 8, fixes.caption(), 0);
        }
        List<String> camera = CameraUpgrade.sentences(r, t);
        if (!camera.isEmpty()) {
            y -= 6;
            need(60);
            text(bold, 12, CameraUpgrade.title(t));
            paragraph(regular, 9, CameraUpgrade.intro(t), 0);
            for (String line : camera) {
                paragraph(regular, 10, "- " + line, 10);
            }
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
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void text(PDFont font, float size, String s) throws IOException {
        paragraph(font, size, s, 0);
    }

    /** Words wrapped to the width, continuation lines indented by {@code indent} points. */
    private void paragraph(PDFont font, float size, String s, float indent) throws IOException {
        String shown = unicode ? s : ascii(s);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : TextReport.breakable(shown)) {
            boolean spaced = word.startsWith(" ");
            word = spaced ? word.substring(1) : word;
            String trial = line.length() == 0 ? word : line + (spaced ? " " : "") + word;
            float limit = WIDTH - (lines.isEmpty() ? 0 : indent);
            if (line.length() > 0 && font.getStringWidth(trial) / 1000 * size > limit) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(trial);
            }
        }
        lines.add(line.toString());
        for (int i = 0; i < lines.size(); i++) {
            need(size * 1.35f);
            y -= size * 1.35f;
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN + (i == 0 ? 0 : indent), y);
            out.showText(lines.get(i));
            out.endText();
        }
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
