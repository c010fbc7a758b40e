package org.camlab.core;

import org.camlab.image.Rect;

/**
 * Where backlight.ratioStops looks, declared once for the measurement and for what the live window
 * draws: the inner face (the central 60 % × 70 % of the face box, so no background or hair leaks
 * in) and three background bands — beside the head from 0.5 to 2 face widths beyond each side,
 * from half a face height above its top to its bottom (below the chin are the shoulders), and above
 * the head from 0.6 to 1.5 face heights over the top, 3 face widths wide. The half face width and
 * 0.6 face height left out are the hair.
 */
public final class BacklightRegions {
    public static final int BANDS = 3;

    private BacklightRegions() {
    }

    /** The inner face's edges {x0, y0, x1, y1} in pixels (not clipped to the frame). */
    public static void face(Rect b, double[] out) {
        out[0] = b.x() + 0.2 * b.w();
        out[1] = b.y() + 0.15 * b.h();
        out[2] = b.x() + 0.8 * b.w();
        out[3] = b.y() + 0.85 * b.h();
    }

    /** Background band {@code i} (0 left, 1 right, 2 above) as edges {x0, y0, x1, y1}, not clipped. */
    public static void band(Rect b, int i, double[] out) {
        double x = b.x();
        double y = b.y();
        double w = b.w();
        double h = b.h();
        switch (i) {
            case 0 -> set(out, x - 2.0 * w, y - 0.5 * h, x - 0.5 * w, y + h);
            case 1 -> set(out, x + 1.5 * w, y - 0.5 * h, x + 3.0 * w, y + h);
            case 2 -> set(out, x - w, y - 1.5 * h, x + 2.0 * w, y - 0.6 * h);
            default -> throw new IllegalArgumentException("band " + i);
        }
    }

    private static void set(double[] out, double x0, double y0, double x1, double y1) {
        out[0] = x0;
        out[1] = y0;
        out[2] = x1;
        out[3] = y1;
    }
}
