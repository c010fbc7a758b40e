package org.camlab.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.camlab.core.EsfrTruthSetTest.Blur;
import org.camlab.core.EsfrTruthSetTest.Layout;
import org.camlab.fixtures.TruthEdges;

/**
 * Writes {@link EsfrTruthSetTest}'s frames as PNGs, with each side's midpoint, its true MTF50 and
 * camlab's reading in {@code truth.csv}, so that another tool (MTF Mapper, by
 * {@code benchmarks/mtfmapper-side-by-side.sh}) can be held against the same truth.
 *
 * <p>Usage: {@code EsfrTruthSetWriter DIR}
 */
public final class EsfrTruthSetWriter {
    private EsfrTruthSetWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        SlantedEdge edge = new SlantedEdge(1024);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("truth.csv")))) {
            csv.println("file,square,side,x,y,truth,camlab,noise,quality,seed");
            for (int side : new int[]{64, 160}) {
                Layout layout = Layout.of(side);
                int w = layout.width();
                int h = layout.height();
                for (double tilt : EsfrTruthSetTest.TILTS) {
                    for (Blur blur : EsfrTruthSetTest.BLURS) {
                        double[] linear = TruthEdges.squares(w, h, layout.centres(), side, tilt, blur.psf(), blur
                                .sigma(), EsfrTruthSetTest.DARK, EsfrTruthSetTest.BRIGHT);
                        for (Object[] v : EsfrTruthSetTest.variants()) {
                            double noise = (Double) v[0];
                            int quality = (Integer) v[1];
                            long seed = (Long) v[2];
                            byte[] plane = TruthEdges.encode(linear, w, h, noise, seed, quality);
                            String name = String.format(Locale.ROOT, "s%d_%s_%.1f_t%.0f_n%.0f_q%d_%d.png", side, blur
                                    .psf(), blur.sigma(), tilt, noise, quality, seed);
                            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                            img.getRaster().setDataElements(0, 0, w, h, plane);
                            if (!Files.exists(dir.resolve(name))) {
                                ImageIO.write(img, "png", dir.resolve(name).toFile());
                            }
                            for (int q = 0; q < 6; q++) {
                                double[] c = layout.centres()[q];
                                for (int s = 0; s < 4; s++) {
                                    double t = Math.toRadians(tilt + 90 * s);
                                    double camlab = EsfrTruthSetTest.measure(edge, plane, w, h, c[0], c[1], side, tilt,
                                            s);
                                    csv.printf(Locale.ROOT, "%s,%d,%d,%.3f,%.3f,%.6f,%.6f,%.1f,%d,%d%n", name, q, s,
                                            c[0] + Math.cos(t) * side / 2, c[1] + Math.sin(t) * side / 2,
                                            TruthEdges.mtf50(blur.psf(), blur.sigma(), tilt + 90 * s), camlab, noise,
                                            quality, seed);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
