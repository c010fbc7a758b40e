package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;
import org.camlab.text.Language;
import org.camlab.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PDF as a hand-out, read back as a reader meets it: poppler's text finds the page numbers and
 * each piece of advice's value and threshold; its picture of page 1 shows the score badge and the
 * FIX, CHECK and NOTE badges in their colours; no heading is the last line of a page, however much
 * advice pushes it down; the Chinese headings are emboldened; wrapped lines start at one edge.
 */
class PdfHandOutTest {
    @ParameterizedTest
    @EnumSource(Language.class)
    void badgesValuesAndPageNumbers(Language l, @TempDir Path dir) throws Exception {
        Terms t = Terms.of(l);
        SessionReport r = HandOuts.flickering();
        Verdict v = HandOuts.advice(r, 3);
        Path pdf = HandOuts.write(dir.resolve("report.pdf"), PdfReport.render(r, v, null, t));
        int pages = HandOuts.pages(pdf, dir);
        assertTrue(pages >= 3, "the charts and the numbers take pages: " + pages);
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= pages; p++) {
            String text = HandOuts.page(pdf, p, dir);
            assertTrue(text.contains(t.get("report.page", p, pages)), "page " + p + " numbered: " + text);
            all.append(text);
        }
        String text = flat(all.toString());
        for (Recommendation rec : v.recommendations()) {
            String line = HtmlReport.evidence(rec, t);
            assertTrue(line.contains(t.value(Metric.byPath(rec.metric()), rec.value())), line);
            assertTrue(text.contains(flat(line)), "the advice's value and threshold as on the page: " + line);
        }

        // page 1's picture above the evidence: the score's badge and each severity's badge in its colour
        BufferedImage page = picture(pdf, 1, dir);
        // the evidence (its charts are coloured too) starts on page 1, or on a later page, leaving page 1 to the
        // verdict and the advice
        double evidenceTop = yOf(pdf, 1, t.get("report.evidence"), dir);
        int evidence = Double.isNaN(evidenceTop) ? page.getHeight() : (int) (evidenceTop * 100 / 72);
        int score = count(page, evidence, Charts.scoreColour(v.score()));
        assertTrue(score > 2500, "the score's badge in " + Charts.scoreColour(v.score()) + ": " + score + " px");
        for (Severity s : Severity.values()) {
            int n = count(page, evidence, Charts.severityColour(s));
            assertTrue(n > 120, s + "'s badge in " + Charts.severityColour(s) + ": " + n + " px above the evidence");
        }
    }

    /** A heading is never the last line of its page, wherever the advice before it pushes it. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = "TRADITIONAL_CHINESE", mode = EnumSource.Mode.EXCLUDE)
    void noHeadingIsLeftAtAPagesFoot(Language l, @TempDir Path dir) throws Exception {
        Terms t = Terms.of(l);
        SessionReport r = HandOuts.flickering();
        List<String> headings = HandOuts.headings(t);
        int checked = 0;
        for (int n = 1; n <= 14; n++) {
            Path pdf = HandOuts.write(dir.resolve("advice-" + n + ".pdf"), PdfReport.render(r, HandOuts.advice(r, n),
                    null, t));
            int pages = HandOuts.pages(pdf, dir);
            for (int p = 1; p < pages; p++) {
                String alone = HandOuts.strandedHeading(pdf, p, headings, t.get("report.page", p, pages), dir);
                assertEquals(null, alone, n + " pieces of advice: page " + p + " ends with a heading");
                checked++;
            }
        }
        assertTrue(checked > 40, checked + " page feet looked at");
    }

    /** WenQuanYi Zen Hei has no bold: the headings are drawn filled and stroked (text rendering mode 2). */
    @Test
    void chineseHeadingsAreBold(@TempDir Path dir) throws Exception {
        SessionReport r = HandOuts.flickering();
        byte[] pdf = PdfReport.render(r, HandOuts.advice(r, 2), null, Terms.of(Language.SIMPLIFIED_CHINESE));
        int stroked = 0;
        try (var doc = Loader.loadPDF(pdf)) {
            PDFStreamParser parser = new PDFStreamParser(doc.getPage(0));
            List<Object> tokens = parser.parse();
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof Operator op && op.getName().equals("Tr")
                        && tokens.get(i - 1) instanceof COSNumber mode && mode.intValue() == 2) {
                    stroked++;
                }
            }
        }
        // the title, the verdict, "what to change", each piece of advice's number and title, the evidence
        assertTrue(stroked >= 6, "text drawn bold by fill and stroke on page 1: " + stroked);
    }

    /** The lines of a piece of advice after its title all start where its title's second line would. */
    @Test
    void wrappedLinesAreAligned(@TempDir Path dir) throws Exception {
        SessionReport r = HandOuts.flickering();
        Terms t = Terms.ENGLISH;
        Recommendation first = HandOuts.advice(r, 1).recommendations().get(0);
        // a long detail, so that it wraps
        Recommendation longer = new Recommendation(first.id(), Severity.HIGH, first.title(), Text
                .literal(t.get(first.detail()) + " " + t.get("advice.flicker.unknown-mains")), first.metric(),
                first.value(), first.threshold());
        Path pdf = HandOuts.write(dir.resolve("r.pdf"), PdfReport.render(r, Verdict.of(List.of(longer)), null, t));
        String xml = PdfReportTest.run(dir, "pdftotext", "-bbox-layout", "-f", "1", "-l", "1", pdf.toString(), "-");
        List<double[]> starts = new ArrayList<>(); // x of each line from the detail's first to the evidence line
        boolean in = false;
        Matcher line = Pattern.compile("<line xMin=\"([\\d.]+)\"[^>]*>(.*?)</line>", Pattern.DOTALL).matcher(xml);
        while (line.find()) {
            String words = line.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
            in |= words.startsWith("The brightness beats");
            if (in) {
                starts.add(new double[]{Double.parseDouble(line.group(1))});
            }
            if (in && words.startsWith(first.metric())) {
                break;
            }
        }
        assertTrue(starts.size() >= 4, "the detail wraps over lines, then the evidence: " + starts.size());
        for (double[] x : starts) {
            assertEquals(starts.get(0)[0], x[0], 0.5, "every line of the advice starts at one edge");
        }
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static BufferedImage picture(Path pdf, int page, Path dir) throws Exception {
        PdfReportTest.run(dir, "pdftoppm", "-r", "100", "-png", "-f", String.valueOf(page), "-l", String.valueOf(page),
                "-singlefile", pdf.toString(), dir.resolve("page").toString());
        return ImageIO.read(dir.resolve("page.png").toFile());
    }

    /** The top of the first line on a page holding {@code text}'s last word, in points from the page's top; NaN if none. */
    private static double yOf(Path pdf, int page, String text, Path dir) throws Exception {
        String xml = PdfReportTest.run(dir, "pdftotext", "-bbox", "-f", String.valueOf(page), "-l", String.valueOf(
                page), pdf.toString(), "-");
        String word = text.split(" ")[text.split(" ").length - 1];
        Matcher m = Pattern.compile("<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\"[^>]*>" + Pattern.quote(word)
                + "</word>").matcher(xml);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static int count(BufferedImage img, int above, Color c) {
        int n = 0;
        for (int y = 0; y < Math.min(above, img.getHeight()); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += HtmlReportBrowserTest.near(new Color(img.getRGB(x, y)), c, 8) ? 1 : 0;
            }
        }
        return n;
    }
}
