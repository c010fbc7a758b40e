package org.camlab.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.camlab.results.ScoreArea;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

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

    private final PDDocument doc = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private final boolean unicode;
    private PDPage page;
    private PDPageContentStream out;
    private float y;

    private PdfReport() throws IOException {
        Path r = first(FONTS);
        Path b = first(BOLD);
        unicode = r != null;
        regular = r != null ? PDType0Font.load(doc, r.toFile()) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        bold = b != null ? PDType0Font.load(doc, b.toFile()) : r != null ? regular
                : new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    }

    /** The PDF's bytes. */
    public static byte[] render(SessionReport r, Verdict v) throws IOException {
        return render(r, v, null);
    }

    /** The PDF's bytes, with the annotated frame ({@code --snapshot}) at the head of the evidence when given. */
    public static byte[] render(SessionReport r, Verdict v, byte[] snapshotPng) throws IOException {
        PdfReport p = new PdfReport();
        try {
            return p.write(r, v, snapshotPng);
        } finally {
            p.doc.close();
        }
    }

    private byte[] write(SessionReport r, Verdict v, byte[] snapshotPng) throws IOException {
        newPage();
        var src = r.source();
        text(bold, 20, "camlab report");
        text(regular, 11, src.name() + " · " + src.kind().json() + " · " + src.width() + "×" + src.height()
                + (src.fpsNominal() > 0 ? String.format(Locale.ROOT, " · %.2f fps", src.fpsNominal()) : ""));
        text(regular, 9, "Measured " + r.measuredAt() + " · camlab " + Version.get());
        y -= 8;
        text(bold, 16, String.format(Locale.ROOT, "Score %d/100 — %s", v.score(), v.recommendations().isEmpty()
                ? "nothing to change" : v.recommendations().size() + " to change"));
        StringBuilder areas = new StringBuilder();
        for (ScoreArea a : ScoreArea.values()) {
            areas.append(areas.length() == 0 ? "" : " · ").append(a.key).append(' ').append(v.score(a));
        }
        text(regular, 11, areas.toString());
        if (r.partial()) {
            text(regular, 10, "Partial: " + (r.error() == null ? "interrupted" : r.error()));
        }
        y -= 6;
        text(bold, 14, "What to change");
        if (v.recommendations().isEmpty()) {
            text(regular, 11, "No rule found anything to change.");
        }
        int i = 1;
        for (Recommendation rec : v.recommendations()) {
            text(bold, 11, i++ + ". [" + rec.severity().json() + "] " + rec.title());
            paragraph(regular, 10, rec.detail(), 14);
            y -= 4;
        }
        y -= 6;
        text(bold, 14, "The evidence");
        if (snapshotPng != null) {
            image(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(snapshotPng)));
            paragraph(regular, 8, HtmlReport.SNAPSHOT_LEGEND, 0); // paragraph spells out ≥ where the font lacks it
        }
        for (HtmlReport.Figure f : HtmlReport.figures(r, v)) {
            image(Charts.image(f.chart())); // no PNG encoded only to be decoded again
        }
        text(bold, 12, "Every number");
        for (Category c : Category.values()) {
            need(30);
            text(bold, 10, c.title);
            for (Metric m : Metric.values()) {
                if (m.category == c) {
                    paragraph(regular, 9, m.path() + " = " + TextReport.shown(m, r.value(m)), 14);
                }
            }
        }
        paragraph(regular, 8, HtmlReport.madeHere(snapshotPng != null), 0);
        out.close();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
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
        for (String word : shown.split(" ")) {
            String trial = line.length() == 0 ? word : line + " " + word;
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

    private void image(java.awt.image.BufferedImage img) throws IOException {
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
