package org.camlab.core;

import org.camlab.image.Rect;

/**
 * Sums over one rectangle of the luma plane: mean code value, mean linear light and clipped
 * highlights. Reused between calls; small regions (faces and their surroundings) only.
 */
public final class RegionStats {
    public long count;
    public long sumY;
    public long sumLinear16;
    public long clippedHigh;
    public long clippedLow;

    public RegionStats clear() {
        count = 0;
        sumY = 0;
        sumLinear16 = 0;
        clippedHigh = 0;
        clippedLow = 0;
        return this;
    }

    /** Adds the pixels of {@code r} (already clipped to the frame). */
    public RegionStats add(byte[] luma, int width, Rect r) {
        return add(luma, width, r.x(), r.y(), r.x() + r.w(), r.y() + r.h());
    }

    /**
     * Adds the pixels of the rectangle with fractional edges, rounded outwards to whole pixels and
     * clipped to the {@code width × height} frame, without making a Rect: this runs on every frame
     * that has a face.
     */
    public RegionStats addEdges(byte[] luma, int width, int height, double x0, double y0, double x1, double y1) {
        return add(luma, width, from(x0), from(y0), to(x1, width), to(y1, height));
    }

    /** A fractional leading edge rounded outwards (down) and clipped to the frame. */
    static int from(double edge) {
        return Math.max(0, (int) Math.floor(edge));
    }

    /** A fractional trailing edge rounded outwards (up) and clipped to a frame of {@code size}. */
    static int to(double edge, int size) {
        return Math.min(size, (int) Math.ceil(edge));
    }

    /** Adds the pixels of [x0, x1) × [y0, y1), already inside the frame; nothing when empty. */
    public RegionStats add(byte[] luma, int width, int x0, int y0, int x1, int y1) {
        if (x1 <= x0 || y1 <= y0) {
            return this;
        }
        int[] lin = Srgb.LINEAR16;
        for (int y = y0; y < y1; y++) {
            int o = y * width;
            long sy = 0;
            long sl = 0;
            int hi = 0;
            int lo = 0;
            for (int x = x0; x < x1; x++) {
                int v = luma[o + x] & 0xFF;
                sy += v;
                sl += lin[v];
                hi += (v + 6) >> 8; // 1 when v >= 250
                lo += (v - 6) >>> 31; // 1 when v <= 5
            }
            sumY += sy;
            sumLinear16 += sl;
            clippedHigh += hi;
            clippedLow += lo;
        }
        count += (long) (x1 - x0) * (y1 - y0);
        return this;
    }

    public double meanY() {
        return count == 0 ? Double.NaN : (double) sumY / count;
    }

    public double meanLinear() {
        return count == 0 ? Double.NaN : (double) sumLinear16 / count / Srgb.LINEAR16_ONE;
    }

    public double clippedLowPct() {
        return count == 0 ? Double.NaN : 100.0 * clippedLow / count;
    }

    public double clippedHighPct() {
        return count == 0 ? Double.NaN : 100.0 * clippedHigh / count;
    }
}
