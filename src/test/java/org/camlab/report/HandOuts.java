package org.camlab.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camlab.face.FaceDetectors;
import org.camlab.fixtures.Recordings;
import org.camlab.lab.Lab;
import org.camlab.results.Category;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;
import org.camlab.session.SessionOptions;

/**
 * Reports to look at for the tests of the pages and the PDF: a real session (a recording whose light
 * beats at 5 Hz, so it has its flicker advice, its charts and every number), and verdicts with as
 * much advice as a test needs to push headings towards a page's foot.
 */
final class HandOuts {
    private static SessionReport flickering;

    private HandOuts() {
    }

    /** The headings a report's page must never end with: the sections' and the categories'. */
    static List<String> headings(Terms t) {
        List<String> headings = new ArrayList<>(List.of(t.get("report.advice"), t.get("report.evidence"), t.get(
                "report.numbers")));
        for (Category c : Category.values()) {
            headings.add(t.title(c));
        }
        return headings;
    }

    /** The session of a recording whose light beats at 5 Hz by ±20 %, measured once. */
    static synchronized SessionReport flickering() throws Exception {
        if (flickering == null) {
            Path rec = Recordings.lit(30, 90, 640, 360, new int[0], false, 0.8, 0, 0, 0, 5.0, 0.2);
            try (Lab lab = new Lab(FaceDetectors.Mode.NONE, 1)) {
                flickering = lab.measure(rec.toString(), SessionOptions.defaults(), null, List.of());
            }
        }
        return flickering;
    }

    /**
     * A verdict of {@code n} pieces of advice: the session's own first, then copies of it as a
     * check and as a note, with other values, so that every badge is there.
     */
    static Verdict advice(SessionReport r, int n) throws Exception {
        Recommendation first;
        try (Lab l = new Lab(FaceDetectors.Mode.NONE, 1)) {
            first = l.judge(r).recommendations().get(0);
        }
        Severity[] kinds = {Severity.HIGH, Severity.MEDIUM, Severity.LOW};
        List<Recommendation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Recommendation(first.id(), kinds[i % 3], first.title(), first.detail(), first.metric(),
                    first.value() + i, first.threshold()));
        }
        return Verdict.of(out);
    }

    /** The text poppler reads on one page of a PDF. */
    static String page(Path pdf, int page, Path dir) throws Exception {
        return PdfReportTest.run(dir, "pdftotext", "-layout", "-f", String.valueOf(page), "-l", String.valueOf(page),
                pdf.toString(), "-");
    }

    /** The pages of a PDF, as pdfinfo counts them. */
    static int pages(Path pdf, Path dir) throws Exception {
        for (String line : PdfReportTest.run(dir, "pdfinfo", pdf.toString()).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("pdfinfo gave no page count for " + pdf);
    }

    /** The last line of text on a page that is not its page number ({@code footer}); "" on an empty page. */
    static String lastLine(String pageText, String footer) {
        String[] lines = pageText.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String s = lines[i].strip().replace("\f", "");
            if (!s.isEmpty() && !s.equals(footer)) {
                return s;
            }
        }
        return "";
    }

    /**
     * The heading a page ends with, or null: its last line of text (not counting the page number,
     * {@code footer}) is one of {@code headings}, and nothing — no text, no chart — is drawn below it
     * but the page number at the foot.
     */
    static String strandedHeading(Path pdf, int page, List<String> headings, String footer, Path dir)
            throws Exception {
        String last = lastLine(page(pdf, page, dir), footer);
        if (headings.stream().noneMatch(last::equalsIgnoreCase)) {
            return null; // the page prints category names capitalised
        }
        String xml = PdfReportTest.run(dir, "pdftotext", "-bbox-layout", "-f", String.valueOf(page), "-l", String
                .valueOf(page), pdf.toString(), "-");
        double bottom = -1;
        double height = 0;
        Matcher size = Pattern.compile("<page width=\"[\\d.]+\" height=\"([\\d.]+)\"").matcher(xml);
        if (size.find()) {
            height = Double.parseDouble(size.group(1));
        }
        Matcher line = Pattern.compile("<line xMin=\"[\\d.]+\" yMin=\"[\\d.]+\" xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\">"
                + "(.*?)</line>", Pattern.DOTALL).matcher(xml);
        while (line.find()) {
            String words = line.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
            if (words.equalsIgnoreCase(last)) {
                bottom = Double.parseDouble(line.group(1));
            }
        }
        if (bottom < 0) {
            return last;
        }
        int dpi = 50;
        PdfReportTest.run(dir, "pdftoppm", "-r", String.valueOf(dpi), "-png", "-f", String.valueOf(page), "-l", String
                .valueOf(page), "-singlefile", pdf.toString(), dir.resolve("foot").toString());
        BufferedImage img = ImageIO.read(dir.resolve("foot.png").toFile());
        int from = (int) Math.ceil((bottom + 3) * dpi / 72);
        int to = (int) ((height - 36) * dpi / 72); // above the page number
        for (int y = from; y < Math.min(to, img.getHeight()); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (!HtmlReportBrowserTest.near(new Color(img.getRGB(x, y)), Color.WHITE, 24)) {
                    return null;
                }
            }
        }
        return last;
    }

    static Path write(Path file, byte[] bytes) throws Exception {
        return Files.write(file, bytes);
    }
}
