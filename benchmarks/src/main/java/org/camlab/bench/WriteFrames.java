package org.camlab.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.camlab.image.Frame;

/**
 * Writes the benchmark frames for the scripts, without running JMH:
 * {@code frame-720p.yuv}, {@code frame-1080p.yuv}, {@code frame-2160p.yuv} (raw yuv420p, the
 * planes the JMH benchmarks measure), {@code mosaic-1080p.jpg} (a 1080p still, JPEG quality 0.92)
 * and {@code mosaic-2160p.png} (the source of the end-to-end recording's pan).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.camlab.bench.WriteFrames [OUTPUT_DIR]</pre>
 *
 * OUTPUT_DIR defaults to the directory of the benchmarks jar ({@code benchmarks/target/}).
 */
public final class WriteFrames {
    private WriteFrames() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = args.length > 0 ? Path.of(args[0]) : BenchFrames.outputDir();
        Files.createDirectories(out);
        for (String size : BenchFrames.SIZES) {
            int[] d = BenchFrames.dimensions(size);
            BufferedImage mosaic = BenchFrames.mosaic(d[0], d[1]);
            Frame f = BenchFrames.toVideoFrame(mosaic);
            System.out.println(BenchFrames.writeYuv420p(f, out.resolve("frame-" + size + ".yuv")));
            if (size.equals("1080p")) {
                System.out.println(writeJpeg(mosaic, out.resolve("mosaic-1080p.jpg"), 0.92f));
            } else if (size.equals("2160p")) {
                Path png = out.resolve("mosaic-2160p.png");
                ImageIO.write(mosaic, "png", png.toFile());
                System.out.println(png);
            }
        }
    }

    private static Path writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        Files.deleteIfExists(file);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return file;
    }
}
