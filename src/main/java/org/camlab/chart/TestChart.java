package org.camlab.chart;

import static org.camlab.core.TestChartLayout.DOT_RADIUS_MM;
import static org.camlab.core.TestChartLayout.HEIGHT_MM;
import static org.camlab.core.TestChartLayout.NEUTRALS;
import static org.camlab.core.TestChartLayout.NEUTRAL_HEIGHT_MM;
import static org.camlab.core.TestChartLayout.NEUTRAL_LEFT_MM;
import static org.camlab.core.TestChartLayout.NEUTRAL_TOP_MM;
import static org.camlab.core.TestChartLayout.NEUTRAL_WIDTH_MM;
import static org.camlab.core.TestChartLayout.SQUARES;
import static org.camlab.core.TestChartLayout.SQUARE_GREY;
import static org.camlab.core.TestChartLayout.SQUARE_MM;
import static org.camlab.core.TestChartLayout.STEPS;
import static org.camlab.core.TestChartLayout.STEP_HEIGHT_MM;
import static org.camlab.core.TestChartLayout.STEP_WIDTH_MM;
import static org.camlab.core.TestChartLayout.TILT_DEG;
import static org.camlab.core.TestChartLayout.WIDTH_MM;
import static org.camlab.core.TestChartLayout.stepCentre;
import static org.camlab.core.TestChartLayout.stepGrey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * camlab's printable test chart ({@code camlab chart}): the layout of {@link
 * org.camlab.core.TestChartLayout}, where {@link org.camlab.core.ChartFinder} looks for each part,
 * drawn as a one-page PDF for the paper it is printed on.
 */
public final class TestChart {
    /** The paper sizes the chart is made for, landscape, in millimetres. */
    public enum Paper {
        A4(297, 210),
        LETTER(279.4, 215.9);

        public final double widthMm;
        public final double heightMm;

        Paper(double widthMm, double heightMm) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }
    }

    private TestChart() {
    }

    /** Writes the chart as a one-page PDF, centred on the paper; nothing scaled. */
    public static void write(Path file, Paper paper) throws IOException {
        Files.write(file, pdf(paper));
    }

    /** The chart's PDF: one page of the paper's size, landscape, the chart centred on it, nothing scaled. */
    public static byte[] pdf(Paper paper) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(pt(paper.widthMm), pt(paper.heightMm)));
            doc.addPage(page);
            double left = (paper.widthMm - WIDTH_MM) / 2;
            double top = (paper.heightMm - HEIGHT_MM) / 2;
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                Drawer d = new Drawer(s, left, top, paper.heightMm);
                for (double[] q : SQUARES) {
                    d.square(q[0], q[1], SQUARE_MM, TILT_DEG, SQUARE_GREY);
                }
                d.disc(SQUARES[1][0], SQUARES[1][1], DOT_RADIUS_MM, 1.0);
                for (int i = 0; i < STEPS; i++) {
                    double[] c = stepCentre(i);
                    d.rect(c[0] - STEP_WIDTH_MM / 2, c[1] - STEP_HEIGHT_MM / 2, STEP_WIDTH_MM, STEP_HEIGHT_MM, stepGrey(
                            i));
                }
                // the white step and patch need an outline to be seen on white paper: a thin line outside them
                double[] white = stepCentre(STEPS - 1);
                d.outline(white[0] - STEP_WIDTH_MM / 2, white[1] - STEP_HEIGHT_MM / 2, STEP_WIDTH_MM, STEP_HEIGHT_MM);
                for (int i = 0; i < NEUTRALS.length; i++) {
                    d.rect(NEUTRAL_LEFT_MM[i], NEUTRAL_TOP_MM, NEUTRAL_WIDTH_MM, NEUTRAL_HEIGHT_MM, NEUTRALS[i]);
                }
                d.outline(NEUTRAL_LEFT_MM[0], NEUTRAL_TOP_MM, NEUTRAL_WIDTH_MM, NEUTRAL_HEIGHT_MM);
                d.text(6, 176, "camlab test chart · " + paper.name() + " · print at 100 % (no fit to page) on matte "
                        + "white paper · camlab analyze|check --chart");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static float pt(double mm) {
        return (float) (mm * 72 / 25.4);
    }

    /** Draws in chart millimetres (y down) onto a PDF page (y up). */
    private static final class Drawer {
        private final PDPageContentStream s;
        private final double left;
        private final double top;
        private final double pageHeight;

        Drawer(PDPageContentStream s, double left, double top, double pageHeight) {
            this.s = s;
            this.left = left;
            this.top = top;
            this.pageHeight = pageHeight;
        }

        float x(double mm) {
            return pt(left + mm);
        }

        float y(double mm) {
            return pt(pageHeight - top - mm);
        }

        void square(double cx, double cy, double side, double tiltDeg, double grey) throws IOException {
            double t = Math.toRadians(tiltDeg);
            double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
            s.setNonStrokingColor((float) grey);
            for (int i = 0; i < 4; i++) {
                double dx = corners[i][0] * side / 2;
                double dy = corners[i][1] * side / 2;
                float px = x(cx + dx * Math.cos(t) - dy * Math.sin(t));
                float py = y(cy + dx * Math.sin(t) + dy * Math.cos(t));
                if (i == 0) {
                    s.moveTo(px, py);
                } else {
                    s.lineTo(px, py);
                }
            }
            s.closePath();
            s.fill();
        }

        void rect(double x0, double y0, double w, double h, double grey) throws IOException {
            s.setNonStrokingColor((float) grey);
            s.addRect(x(x0), y(y0 + h), pt(w), pt(h));
            s.fill();
        }

        void outline(double x0, double y0, double w, double h) throws IOException {
            s.setStrokingColor(0.6f);
            s.setLineWidth(0.5f);
            double m = 0.8; // outside the patch, so that its inside stays one grey
            s.addRect(x(x0 - m), y(y0 + h + m), pt(w + 2 * m), pt(h + 2 * m));
            s.stroke();
        }

        /** A disc by four Bézier arcs. */
        void disc(double cx, double cy, double r, double grey) throws IOException {
            double k = 0.5523 * r;
            s.setNonStrokingColor((float) grey);
            s.moveTo(x(cx + r), y(cy));
            s.curveTo(x(cx + r), y(cy + k), x(cx + k), y(cy + r), x(cx), y(cy + r));
            s.curveTo(x(cx - k), y(cy + r), x(cx - r), y(cy + k), x(cx - r), y(cy));
            s.curveTo(x(cx - r), y(cy - k), x(cx - k), y(cy - r), x(cx), y(cy - r));
            s.curveTo(x(cx + k), y(cy - r), x(cx + r), y(cy - k), x(cx + r), y(cy));
            s.closePath();
            s.fill();
        }

        void text(double x0, double y0, String text) throws IOException {
            s.beginText();
            s.setNonStrokingColor(0.35f);
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 8);
            s.newLineAtOffset(x(x0), y(y0));
            s.showText(text.replace("·", "-"));
            s.endText();
        }
    }
}
