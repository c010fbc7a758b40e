package org.camlab.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.camlab.image.ColorMatrix;

/**
 * CIELAB (D65) of near-neutral Y'CbCr triples, by cells of a quantised Y'CbCr space, so that
 * the colour pass counts samples per cell and converts each cell it meets once.
 *
 * <p>Cell: {@code ((Y >> 2) * STRIDE + cb) * STRIDE + cr}, where cb and cr are Cb − LOW + 1 and
 * Cr − LOW + 1 clamped to 0…SPAN + 1: values within ±{@value #HALF_SPAN} of 128 have cells 1…SPAN,
 * and the extra first and last rows and columns stand for everything further out on either side,
 * always not neutral.
 * Each cell holds L*, a*, b* in hundredths, computed on first use. Cells whose chroma C* exceeds
 * {@value #NEUTRAL_CHROMA} or whose Y is outside {@value #MIN_Y}–{@value #MAX_Y} are marked not
 * neutral. Y is quantised to 4 code values, evaluated at the bin centre.
 */
public final class CieLabTable {
    public static final int HALF_SPAN = 32;
    static final int LOW = 128 - HALF_SPAN;
    static final int SPAN = 2 * HALF_SPAN + 1;
    static final int STRIDE = SPAN + 2;
    /** Largest CIELAB chroma C* a pixel may have and still count as near-neutral. */
    public static final double NEUTRAL_CHROMA = 25.0;
    /** Darker pixels carry mostly chroma noise; brighter ones may be clipped in a channel. */
    public static final int MIN_Y = 16;
    public static final int MAX_Y = 249;

    private static final CieLabTable[] CACHE = new CieLabTable[ColorMatrix.values().length];

    /** Cells per quantised Y level. */
    static final int PLANE = STRIDE * STRIDE;
    static final int CELLS = 64 * PLANE;

    private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);
    /** Entry bits: computed, near-neutral, then L*, a* + BIAS and b* + BIAS in hundredths, 16 bits each. */
    private static final long COMPUTED = 1;
    private static final long NEUTRAL = 2;
    private static final int BIAS = 1 << 15;

    private final ColorMatrix matrix;
    /** One entry per cell; 0 until computed. */
    private final long[] entries;
    /**
     * The cell's offset within its Y plane, by {@code Cb << 8 | Cr}: one read instead of two
     * clamps, or of two smaller tables, which measured slower in the colour pass.
     */
    static final char[] CHROMA_CELL = new char[1 << 16];
    /** The first cell of each Y value's plane. */
    static final int[] Y_PLANE = new int[256];

    static {
        for (int y = 0; y < 256; y++) {
            Y_PLANE[y] = (y >> 2) * PLANE;
        }
        for (int cb = 0; cb < 256; cb++) {
            for (int cr = 0; cr < 256; cr++) {
                CHROMA_CELL[cb << 8 | cr] = (char) (clampSpan(cb) * STRIDE + clampSpan(cr));
            }
        }
    }

    private static int clampSpan(int v) {
        return Math.min(SPAN + 1, Math.max(0, v - LOW + 1));
    }

    private CieLabTable(ColorMatrix m) {
        matrix = m;
        entries = new long[CELLS];
    }

    /**
     * The cell's entry, computed the first time it is asked for: a colour pass only needs the
     * cells its samples fall in, and the whole table costs 65 ms to compute, a tenth of a still's
     * time to verdict. Threads may race to compute a cell; they compute the same value, and
     * opaque access keeps each 64-bit entry whole.
     */
    long entry(int cell) {
        long e = (long) ENTRY.getOpaque(entries, cell);
        if (e == 0) {
            e = compute(cell);
            ENTRY.setOpaque(entries, cell, e);
        }
        return e;
    }

    static boolean neutral(long entry) {
        return (entry & NEUTRAL) != 0;
    }

    /** L* of a neutral entry, hundredths. */
    static int lightness(long entry) {
        return (int) (entry >>> 2 & 0xFFFF);
    }

    /** a* of a neutral entry, hundredths. */
    static int a(long entry) {
        return (int) (entry >>> 18 & 0xFFFF) - BIAS;
    }

    /** b* of a neutral entry, hundredths. */
    static int b(long entry) {
        return (int) (entry >>> 34 & 0xFFFF) - BIAS;
    }

    private long compute(int cell) {
        int yq = cell / PLANE;
        int cbi = cell % PLANE / STRIDE;
        int cri = cell % STRIDE;
        double y = yq * 4 + 1.5;
        boolean inside = cbi >= 1 && cbi <= SPAN && cri >= 1 && cri <= SPAN;
        if (!inside || y < MIN_Y || y > MAX_Y + 1.5) {
            return COMPUTED;
        }
        double[] out = new double[3];
        toLab(matrix, y, LOW - 1 + cbi, LOW - 1 + cri, out);
        if (Math.sqrt(out[1] * out[1] + out[2] * out[2]) > NEUTRAL_CHROMA) { // C*; hypot is 10× slower
            return COMPUTED;
        }
        long l = Math.round(out[0] * 100);
        long a = Math.round(out[1] * 100) + BIAS;
        long b = Math.round(out[2] * 100) + BIAS;
        return COMPUTED | NEUTRAL | l << 2 | a << 18 | b << 34;
    }

    public static synchronized CieLabTable of(ColorMatrix m) {
        CieLabTable t = CACHE[m.ordinal()];
        if (t == null) {
            t = new CieLabTable(m);
            CACHE[m.ordinal()] = t;
        }
        return t;
    }

    /** Full-range Y'CbCr (0–255) to CIELAB with the D65 white, through R'G'B', sRGB decoding and XYZ. */
    public static void toLab(ColorMatrix m, double y, double cb, double cr, double[] out) {
        double r = m.red(y, cr);
        double b = m.blue(y, cb);
        double g = m.green(y, r, b);
        double rl = Srgb.toLinear(clamp01(r / 255));
        double gl = Srgb.toLinear(clamp01(g / 255));
        double bl = Srgb.toLinear(clamp01(b / 255));
        double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / Cie.XN;
        double yy = (0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl) / Cie.YN;
        double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / Cie.ZN;
        double fx = Cie.f(x);
        double fy = Cie.f(yy);
        double fz = Cie.f(z);
        out[0] = 116 * fy - 16;
        out[1] = 500 * (fx - fy);
        out[2] = 200 * (fy - fz);
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : Math.min(v, 1);
    }
}
