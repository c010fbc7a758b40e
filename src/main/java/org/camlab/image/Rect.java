package org.camlab.image;

/** An axis-aligned pixel rectangle, {@code [x, x+w) × [y, y+h)}. */
public record Rect(int x, int y, int w, int h) {
    public boolean isEmpty() {
        return w <= 0 || h <= 0;
    }

    public long area() {
        return isEmpty() ? 0 : (long) w * h;
    }

    /** A rectangle from fractional edges, rounded outwards to whole pixels. */
    public static Rect ofEdges(double x0, double y0, double x1, double y1) {
        int ix0 = (int) Math.floor(x0);
        int iy0 = (int) Math.floor(y0);
        return new Rect(ix0, iy0, (int) Math.ceil(x1) - ix0, (int) Math.ceil(y1) - iy0);
    }
}
