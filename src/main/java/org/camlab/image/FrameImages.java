package org.camlab.image;

import java.awt.image.BufferedImage;

/** A frame as a plain picture (no overlay): for snapshots kept with a measurement. */
public final class FrameImages {
    private FrameImages() {
    }

    /** Nearest-neighbour scaled to {@code width} (never enlarged), Y'CbCr to RGB with the frame's own matrix. */
    public static BufferedImage rgb(Frame f, int width) {
        int w = Math.min(width, f.width);
        int h = Math.max(1, (int) ((long) f.height * w / f.width));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[w * h];
        boolean colour = f.chromaWidth > 0 && f.cb.length >= f.chromaWidth * f.chromaHeight;
        for (int y = 0; y < h; y++) {
            int sy = (int) ((long) y * f.height / h);
            int cy = colour ? (int) ((long) sy * f.chromaHeight / f.height) : 0;
            for (int x = 0; x < w; x++) {
                int sx = (int) ((long) x * f.width / w);
                int lum = f.luma[sy * f.width + sx] & 0xFF;
                int r = lum;
                int g = lum;
                int b = lum;
                if (colour) {
                    int ci = cy * f.chromaWidth + (int) ((long) sx * f.chromaWidth / f.width);
                    double cb = (f.cb[ci] & 0xFF) - 128;
                    double cr = (f.cr[ci] & 0xFF) - 128;
                    double rr = lum + 2 * (1 - f.matrix.kr) * cr;
                    double bb = lum + 2 * (1 - f.matrix.kb) * cb;
                    r = clamp(rr);
                    b = clamp(bb);
                    g = clamp((lum - f.matrix.kr * rr - f.matrix.kb * bb) / f.matrix.kg);
                }
                px[y * w + x] = (r << 16) | (g << 8) | b;
            }
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        return img;
    }

    private static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
    }
}
