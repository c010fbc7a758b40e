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
        scale(f, w, h, px, null);
        img.setRGB(0, 0, w, h, px, 0, w);
        return img;
    }

    /**
     * The frame nearest-neighbour scaled to {@code w × h} into {@code px} as {@code 0xRRGGBB}, with
     * its own matrix, and the luma of each pixel shown into {@code shownLuma} unless it is null:
     * the live preview draws its overlays on the same picture a snapshot keeps, into buffers it
     * reuses from frame to frame.
     */
    public static void scale(Frame f, int w, int h, int[] px, byte[] shownLuma) {
        boolean colour = f.chromaWidth > 0 && f.cb.length >= f.chromaWidth * f.chromaHeight;
        ColorMatrix m = f.matrix;
        for (int y = 0; y < h; y++) {
            int sy = (int) ((long) y * f.height / h);
            int cy = colour ? (int) ((long) sy * f.chromaHeight / f.height) : 0;
            for (int x = 0; x < w; x++) {
                int sx = (int) ((long) x * f.width / w);
                int lum = f.luma[sy * f.width + sx] & 0xFF;
                if (shownLuma != null) {
                    shownLuma[y * w + x] = (byte) lum;
                }
                if (colour) {
                    int ci = cy * f.chromaWidth + (int) ((long) sx * f.chromaWidth / f.width);
                    px[y * w + x] = m.rgb(lum, f.cb[ci] & 0xFF, f.cr[ci] & 0xFF);
                } else {
                    px[y * w + x] = lum << 16 | lum << 8 | lum;
                }
            }
        }
    }
}
