package org.camlab.core;

/**
 * Sums over one rectangle of the luma plane: mean code value, mean linear light and clipped
 * highlights. Reused between calls; small regions (faces and their surroundings) only.
 */
public final class RegionStats {
    public long count;
    public long sumY;
    public long sumLinear16;
    public long clippedHigh;

    public RegionStats clear() {
        count = 0;
        sumY = 0;
        sumLinear16 = 0;
        clippedHigh = 0;
        return this;
    }

    /** Adds the pixels of {@code r} (already clipped to the frame). */
    public RegionStats add(byte[] luma, int width, Rect r) {
        if (r.isEmpty()) {
            return this;
        }
        int[] lin = Srgb.LINEAR16;
        for (int y = r.y(); y < r.y() + r.h(); y++) {
            int o = y * width;
            long sy = 0;
            long sl = 0;
            int hi = 0;
            for (int x = r.x(); x < r.x() + r.w(); x++) {
                int v = luma[o + x] & 0xFF;
                sy += v;
                sl += lin[v];
                hi += (v + 6) >> 8; // 1 when v >= 250
            }
            sumY += sy;
            sumLinear16 += sl;
            clippedHigh += hi;
        }
        count += (long) r.w() * r.h();
        return this;
    }

    public double meanY() {
        return count == 0 ? Double.NaN : (double) sumY / count;
    }

    public double meanLinear() {
        return count == 0 ? Double.NaN : (double) sumLinear16 / count / Srgb.LINEAR16_ONE;
    }

    public double clippedHighPct() {
        return count == 0 ? Double.NaN : 100.0 * clippedHigh / count;
    }
}
