package org.camlab.bench;

import org.camlab.capture.FrameSource;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;
import org.camlab.image.Frame;

/**
 * Decodes a source with camlab's own grabber and nothing else: {@code Sources.open(file)}, then
 * every frame decoded and converted into one reused {@link Frame}, as {@code camlab analyze}
 * converts the frames it analyses, without any analysis. The denominator of the end-to-end ratios
 * in {@code end-to-end.sh}. With {@code --no-convert} the frames are only decoded (FFmpeg's work
 * alone, no copy into Java).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.camlab.bench.DecodeOnly [--no-convert] FILE</pre>
 *
 * Prints the frame count and the in-process decode time; exits 3 if the source cannot be decoded,
 * like {@code camlab analyze}.
 */
public final class DecodeOnly {
    private DecodeOnly() {
    }

    public static void main(String[] args) {
        boolean convert = !(args.length == 2 && args[0].equals("--no-convert"));
        if (args.length != (convert ? 1 : 2)) {
            System.err.println("usage: java -cp benchmarks.jar org.camlab.bench.DecodeOnly [--no-convert] FILE");
            System.exit(2);
        }
        String file = args[args.length - 1];
        System.setProperty("java.awt.headless", "true");
        long start = System.nanoTime();
        Frame frame = new Frame();
        long frames = 0;
        long checksum = 0;
        try (FrameSource source = Sources.open(file)) {
            while (source.next()) {
                frames++;
                if (convert) {
                    source.read(frame);
                    checksum += frame.luma[(frame.width * frame.height) / 2] & 0xFF;
                }
            }
        } catch (SourceException e) {
            System.err.println("DecodeOnly: " + e.getMessage());
            System.exit(3);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("%s: %d frames of %dx%d (chroma %dx%d) decoded in %.1f ms (checksum %d)%n",
                file, frames, frame.width, frame.height, frame.chromaWidth, frame.chromaHeight, ms, checksum);
        System.exit(0);
    }
}
