package org.camlab.capture;

/**
 * Conversions between R'G'B' and full-range Y'CbCr, and from limited ("video", 16–235) to full
 * range. Integer, table-driven: these run once per pixel while a frame is filled.
 */
public final class YCbCr {
    /** Limited-range luma code value to full range: (Y - 16) * 255 / 219, rounded and clamped. */
    public static final byte[] LIMITED_TO_FULL_LUMA = new byte[256];
    /** Limited-range chroma to full range: (C - 128) * 255 / 224 + 128, rounded and clamped. */
    public static final byte[] LIMITED_TO_FULL_CHROMA = new byte[256];

    // BT.601 (JPEG) weights in 16.16 fixed point; kept here so that every RGB path uses the same.
    private static final int FIX = 16;
    private static final int HALF = 1 << (FIX - 1);
    private static final int YR = fix(0.299), YG = fix(0.587), YB = fix(0.114);
    private static final int CBR = fix(-0.168735892), CBG = fix(-0.331264108), CBB = fix(0.5);
    private static final int CRR = fix(0.5), CRG = fix(-0.418687589), CRB = fix(-0.081312411);

    static {
        for (int v = 0; v < 256; v++) {
            LIMITED_TO_FULL_LUMA[v] = (byte) clamp((int) Math.round((v - 16) * 255.0 / 219.0));
            LIMITED_TO_FULL_CHROMA[v] = (byte) clamp((int) Math.round((v - 128) * 255.0 / 224.0 + 128));
        }
    }

    private YCbCr() {
    }

    private static int fix(double w) {
        return (int) Math.round(w * (1 << FIX));
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /** BT.601 luma of one R'G'B' pixel, rounded: {@code Y = 0.299 R + 0.587 G + 0.114 B}. */
    public static int luma(int r, int g, int b) {
        return (YR * r + YG * g + YB * b + HALF) >> FIX;
    }

    public static int cb(int r, int g, int b) {
        return clamp(((CBR * r + CBG * g + CBB * b + HALF) >> FIX) + 128);
    }

    public static int cr(int r, int g, int b) {
        return clamp(((CRR * r + CRG * g + CRB * b + HALF) >> FIX) + 128);
    }

    /** Expands limited-range planes in place. */
    public static void expandLimited(byte[] plane, int length, byte[] table) {
        for (int i = 0; i < length; i++) {
            plane[i] = table[plane[i] & 0xFF];
        }
    }
}
