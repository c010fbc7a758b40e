package org.camlab.capture;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.camlab.image.ColorMatrix;
import org.camlab.image.Frame;
import org.camlab.image.LumaSample;
import org.camlab.image.SourceInfo;
import org.slf4j.LoggerFactory;

/**
 * A still photograph as a one-frame source.
 *
 * <p>Pixels are read from the raster, never through {@code getRGB}: for gray images ImageIO's
 * colour conversion applies a gamma curve and the code values would change. Formats ImageIO
 * cannot read (WebP, TIFF on Java 17 variants, CMYK JPEG) go through OpenCV.
 */
public final class StillImageSource implements FrameSource {
    private final Path path;
    /** The file as the user named it. */
    private final String name;
    private final Frame decoded = new Frame();
    private final SourceInfo info;
    private boolean delivered;

    public StillImageSource(Path path, String name) throws SourceException {
        this.path = path;
        this.name = name;
        long started = System.nanoTime();
        decode();
        LoggerFactory.getLogger(StillImageSource.class).debug("{} decoded ({}x{}) in {} ms", name, decoded.width,
                decoded.height, (System.nanoTime() - started) / 1_000_000);
        info = new SourceInfo(SourceInfo.Kind.IMAGE, name, decoded.width, decoded.height, Double.NaN);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public boolean next() {
        if (delivered) {
            return false;
        }
        delivered = true;
        return true;
    }

    @Override
    public long ptsMicros() {
        return 0;
    }

    @Override
    public void sample(LumaSample into) {
        into.fillFrom(decoded);
    }

    @Override
    public void read(Frame into) {
        into.copyFrom(decoded);
    }

    @Override
    public long frameCountHint() {
        return 1;
    }

    @Override
    public void close() {
        // nothing held open
    }

    private void decode() throws SourceException {
        BufferedImage image = null;
        String format = null;
        Exception imageIoFailure = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                List<String> warnings = new ArrayList<>();
                try {
                    reader.setInput(in, true, true);
                    reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                    FrameSize.check(name, "image", reader.getWidth(0), reader.getHeight(0));
                    image = reader.read(0);
                } finally {
                    reader.dispose();
                }
                for (String warning : warnings) {
                    // JPEG "Premature end of JPEG file": ImageIO makes up the missing part of the picture
                    if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                        throw new SourceException("cannot decode " + name + ": the file is damaged or cut short ("
                                + warning + ")");
                    }
                }
            }
        } catch (SourceException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO recognised the format but could not decode it. OpenCV only for what it reads and
            // ImageIO does not (CMYK JPEG, a profile ImageIO rejects); a damaged PNG, GIF or JPEG would
            // only make libpng or libjpeg print to stderr on their own ("Corrupt JPEG data: ...").
            if (format != null && (!format.equals("jpeg") || damagedJpeg(e))) {
                throw damaged(format, e);
            }
            image = null;
            imageIoFailure = e;
        }
        if (image != null) {
            fromBufferedImage(image, decoded);
        } else {
            try {
                OpenCvStillDecoder.decode(path, decoded);
            } catch (SourceException e) {
                if (imageIoFailure != null) {
                    // a JPEG both decoders fail on is a damaged JPEG, not "a format camlab cannot read"
                    throw damaged(format, imageIoFailure);
                }
                throw e;
            }
            FrameSize.check(name, "image", decoded.width, decoded.height);
        }
    }

    /**
     * ImageIO's libjpeg refused the data itself ("Bogus Huffman table definition", "Bogus marker
     * length", …): OpenCV's libjpeg would refuse it as well, after a warning of its own on stderr. Not
     * so a JPEG ImageIO merely does not support (CMYK, YCCK, arithmetic coding) or whose colour
     * profile it rejects (a RuntimeException from the colour management).
     */
    private static boolean damagedJpeg(Exception e) {
        if (!(e instanceof IIOException)) {
            return false;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        return !(m.startsWith("Unsupported Image Type") || m.startsWith("Unsupported JPEG process"));
    }

    private SourceException damaged(String format, Exception e) {
        return new SourceException("cannot decode " + name + ": the file is damaged or cut short (" + format + ": "
                + reason(e) + ")");
    }

    /**
     * ImageIO's words for what went wrong, for a user: the first message along the causes (its
     * "Caught exception during read" only wraps the real one), never a Java class name.
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && !m.startsWith("Caught exception during read")) {
                return m.strip();
            }
            if (t instanceof EOFException) {
                return "the data ends too soon";
            }
        }
        return "its data cannot be read";
    }

    /** Fills {@code f} from an image: gray stays gray (no chroma), colour becomes 4:4:4 BT.601. */
    public static void fromBufferedImage(BufferedImage image, Frame f) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean direct = image.getColorModel() instanceof ComponentColorModel
                || image.getColorModel() instanceof DirectColorModel;
        boolean sixteen = raster.getTransferType() == DataBuffer.TYPE_USHORT;
        int[] row = new int[w * Math.max(1, bands)];
        if (direct && (bands == 1 || bands == 2)) {
            f.resize(w, h, 0, 0);
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    f.luma[o + x] = (byte) (sixteen ? to8(row[x]) : row[x]);
                }
            }
        } else {
            f.resize(w, h, w, h);
            int[] g = new int[w];
            int[] b = new int[w];
            for (int y = 0; y < h; y++) {
                if (direct && bands >= 3) {
                    raster.getSamples(0, y, w, 1, 0, row);
                    raster.getSamples(0, y, w, 1, 1, g);
                    raster.getSamples(0, y, w, 1, 2, b);
                    if (sixteen) {
                        for (int x = 0; x < w; x++) {
                            row[x] = to8(row[x]);
                            g[x] = to8(g[x]);
                            b[x] = to8(b[x]);
                        }
                    }
                } else {
                    // Palette and other exotic models: let the colour model map to sRGB.
                    image.getRGB(0, y, w, 1, row, 0, w);
                    for (int x = 0; x < w; x++) {
                        int p = row[x];
                        g[x] = (p >> 8) & 0xFF;
                        b[x] = p & 0xFF;
                        row[x] = (p >> 16) & 0xFF;
                    }
                }
                fillRow(f, y, row, g, b);
            }
        }
        f.matrix = ColorMatrix.BT601;
        f.ptsMicros = 0;
    }

    static void fillRow(Frame f, int y, int[] r, int[] g, int[] b) {
        int o = y * f.width;
        for (int x = 0; x < f.width; x++) {
            f.luma[o + x] = (byte) YCbCr.luma(r[x], g[x], b[x]);
            f.cb[o + x] = (byte) YCbCr.cb(r[x], g[x], b[x]);
            f.cr[o + x] = (byte) YCbCr.cr(r[x], g[x], b[x]);
        }
    }

    private static int to8(int v16) {
        return (v16 * 255 + 32767) / 65535;
    }
}
