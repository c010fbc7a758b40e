package org.camlab.core;

import java.util.Arrays;

/**
 * ISO 12233 edge spatial frequency response (e-SFR) of one straight edge between a dark and a
 * bright side, over the whole length of a segment the caller found: the region is every pixel
 * within a half-width of the segment's line and between its end points, as sfrmat and MTF Mapper
 * take it, so a long edge brings all its pixels to the estimate and not one window's.
 *
 * <p>The values are linearised (sRGB undone). Along the axis the edge runs closer to, each line of
 * pixels across it gives the edge's position as the centroid of its derivative, within a window
 * about the edge fitted so far; the edge is fitted through them three times (the second time
 * without the lines the first missed by three times its scatter, the third with the window
 * narrowed to the edge's rise), to second order where the positions bow beyond their noise, as
 * sfrmat4 fits it. Every pixel of the region is then binned by its distance from that edge, along
 * the normal, into an edge spread function eight times oversampled, each bin's mean placed where
 * its pixels lie; differentiated to the line spread function, windowed about its centroid,
 * Fourier-transformed and normalised to 1 at zero frequency, with the derivative's and the bins'
 * own transfer divided out. Distances are along the normal, so frequencies are cycles per pixel
 * across the edge at any tilt. docs/METRICS.md gives the references and the accuracy.
 *
 * <p>A tilt whose pixels fall at few distinct distances from the line (within a degree or so of
 * 0°, 45° or 90°, or short edges at 26.6°) leaves bins near the edge empty: such an edge is not
 * measured, rather than interpolated.
 *
 * <p>One instance measures one edge at a time on the calling thread; its buffers are sized at
 * construction and reused, so measuring allocates nothing.
 */
public final class SlantedEdge {
    /** Bins per pixel of the edge spread function. */
    public static final int OVERSAMPLE = 8;
    /** Samples of the curve published: 0 to 1 cycle/pixel in steps of 1/64. */
    public static final int CURVE_POINTS = 65;
    public static final double CURVE_STEP = 1.0 / 64;
    /** The region's half-width across the edge, pixels: wider adds only the flat sides' noise. */
    public static final double MAX_HALF_WIDTH = 32;
    public static final double MIN_HALF_WIDTH = 8;
    /** The shortest segment measured, pixels: fewer lines leave bins with too few pixels each. */
    public static final double MIN_LENGTH = 20;
    /** Michelson contrast of the two sides, linear light, below which the edge is too faint to measure. */
    public static final double MIN_CONTRAST = 0.2;
    /**
     * RMS distance of the lines' edge positions from the fitted curve, pixels, above which they are
     * not one edge's. Sharp edges in photographs reach 0.4–0.85 px from a straight line within a few
     * degrees of an axis: the centroid of a sharpened, JPEG-compressed step errs with the pixel
     * phase, periodically, which the least-squares fit averages out.
     */
    static final double MAX_FIT_RESIDUAL = 1.0;
    /**
     * How far the fitted curve bows from its chord at the middle, pixels, above which the edge is no
     * straight edge but a curve's: the long edges of real photographs bow 0.15–0.5 px (the lens's
     * distortion), which the second-order fit follows; a finder's segment of a circle bows more.
     */
    static final double MAX_SAGITTA = 2.0;

    /**
     * The LSF window's half-width: this many 10–90 % rises, plus {@link #WINDOW_PAD} px. A Gaussian
     * rises over 2.56 σ, so the flat middle (half the window) holds ±2.6 σ and more, the taper to
     * ±5 σ; beyond, only noise is left. Wider windows measured the truth set no closer and
     * scattered more: the MTF's noise grows with the root of the window's width.
     */
    static final double WINDOW_RISES = 2;
    static final double WINDOW_PAD = 1;
    /** The second fit's centroid window: this many rises, plus {@link #CENTROID_PAD} px. */
    static final double CENTROID_RISES = 2;
    static final double CENTROID_PAD = 2;
    private static final int FFT_LENGTH = 1024;
    /** The last frequency index kept: 1 cycle/pixel, the curve's end. */
    private static final int LAST = FFT_LENGTH / OVERSAMPLE;
    private static final int BINS = (int) (2 * MAX_HALF_WIDTH * OVERSAMPLE) + 8;

    private final int maxLength;
    private final int maxLines;
    private final double[] position;
    private final boolean[] kept;
    private final double[] esfSum = new double[BINS];
    /** Per bin, the sum of its pixels' distances (bins from the region's side): where the bin's mean really lies. */
    private final double[] esfPlace = new double[BINS];
    private final int[] esfCount = new int[BINS];
    private final double[] esf = new double[BINS];
    private final double[] re = new double[FFT_LENGTH];
    private final double[] im = new double[FFT_LENGTH];
    private final double[] mtf = new double[LAST + 2];
    private final Fft fft = new Fft(FFT_LENGTH);

    // the region, in (u, v): u along the axis the edge runs closer to, v across; pixel (u, v) at
    // luma[u * strideU + v * strideV]
    private int strideU;
    private int strideV;
    private int sizeU;
    private int sizeV;
    /** The segment's ends and unit direction in (u, v). */
    private double u1;
    private double v1;
    private double tu;
    private double tv;
    private double length;
    private double half;
    /**
     * The edge: v = a + b·t + g·t², t = u − uc (the kept lines' mean), as sfrmat4 fits it (second
     * order: a lens's distortion bows long edges); +1 when v grows towards the bright side.
     */
    private double a;
    private double b;
    private double g;
    private double uc;
    private double direction;

    /** Why an edge was not measured. */
    public enum Refusal {
        NONE,
        /** Shorter than {@link #MIN_LENGTH}, or narrower than {@link #MIN_HALF_WIDTH} either side. */
        SMALL,
        /** Its sides' contrast under {@link #MIN_CONTRAST}. */
        FAINT,
        /** No line could be fitted through the lines' edge positions. */
        NO_LINE,
        /** The positions bow by more than {@link #MAX_SAGITTA} px, or scatter by more than {@link #MAX_FIT_RESIDUAL} px RMS. */
        CURVED,
        /** The pixels fall at too few distances from the line: a tilt within about a degree of 0°, 45° or 90°. */
        PHASES
    }

    private Refusal refusal = Refusal.NONE;
    private boolean valid;
    private double contrast;
    private double mtf50;
    private double fitResidual;
    private double sagitta;
    private int bins;
    private int pixels;

    /** @param maxLength the longest segment measured whole, pixels; a longer one is measured over its middle */
    public SlantedEdge(int maxLength) {
        this.maxLength = maxLength;
        // the lines a region crosses: its length, and its half-width at each end when tilted
        maxLines = maxLength + (int) (2 * MAX_HALF_WIDTH) + 4;
        position = new double[maxLines];
        kept = new boolean[maxLines];
    }

    /**
     * Measures the edge along the segment from ({@code x1}, {@code y1}) to ({@code x2}, {@code y2})
     * (pixel centres at whole numbers) of the 8-bit plane {@code luma}, over the pixels within
     * {@code halfWidth} of it (at most {@link #MAX_HALF_WIDTH}); the region must hold no other edge.
     *
     * @return whether it held a measurable edge ({@link #valid()})
     */
    public boolean measure(byte[] luma, int width, int height, double x1, double y1, double x2, double y2,
            double halfWidth) {
        valid = false;
        mtf50 = Double.NaN;
        refusal = Refusal.NONE;
        half = Math.min(halfWidth, MAX_HALF_WIDTH);
        double dx = x2 - x1;
        double dy = y2 - y1;
        length = Math.hypot(dx, dy);
        if (!(length >= MIN_LENGTH) || !(half >= MIN_HALF_WIDTH)) {
            return refuse(Refusal.SMALL);
        }
        boolean rows = Math.abs(dy) >= Math.abs(dx); // near-vertical: lines of pixels are rows
        if (rows) {
            strideU = width;
            strideV = 1;
            sizeU = height;
            sizeV = width;
            u1 = y1;
            v1 = x1;
            tu = dy / length;
            tv = dx / length;
        } else {
            strideU = 1;
            strideV = width;
            sizeU = width;
            sizeV = height;
            u1 = x1;
            v1 = y1;
            tu = dx / length;
            tv = dy / length;
        }
        if (length > maxLength) {
            // the middle of a longer segment
            double skip = (length - maxLength) / 2;
            u1 += tu * skip;
            v1 += tv * skip;
            length = maxLength;
        }
        b = tv / tu;
        uc = u1;
        a = v1;
        g = 0;
        if (!levels(luma)) {
            return refuse(Refusal.FAINT);
        }
        double window = Math.min(half - 2, 16);
        if (!fit(luma, window, Double.MAX_VALUE) || !fit(luma, window, 3 * Math.max(fitResidual, 0.05))) {
            return refuse(Refusal.NO_LINE);
        }
        if (fitResidual > MAX_FIT_RESIDUAL || sagitta > MAX_SAGITTA) {
            return refuse(Refusal.CURVED);
        }
        // the edge's rise from every fourth line, then the edge again, its centroids over a window
        // fitted to that rise: far pixels add only noise
        if (!spread(luma, 4)) {
            return refuse(Refusal.PHASES);
        }
        double narrow = Math.max(4, Math.min(window, CENTROID_RISES * rise() / OVERSAMPLE + CENTROID_PAD));
        if (narrow < window && !fit(luma, narrow, 3 * Math.max(fitResidual, 0.05))) {
            return refuse(Refusal.NO_LINE);
        }
        if (fitResidual > MAX_FIT_RESIDUAL || sagitta > MAX_SAGITTA) {
            return refuse(Refusal.CURVED);
        }
        if (!spread(luma, 1)) {
            return refuse(Refusal.PHASES);
        }
        transform();
        valid = true;
        return true;
    }

    /**
     * Pixels to leave out at each end of a side that meets another at a corner: 8 % of its length,
     * as MTF Mapper leaves out, and at least 4 px (the other side's blur).
     */
    public static double cornerTrim(double length) {
        return Math.max(4, 0.08 * length);
    }

    /** The segment from {@code from} to {@code to} ({x, y} each) shortened by {@code trim} at each end: {x1, y1, x2, y2}. */
    public static double[] shorten(double[] from, double[] to, double trim) {
        double len = Math.hypot(to[0] - from[0], to[1] - from[1]);
        double ux = (to[0] - from[0]) / len;
        double uy = (to[1] - from[1]) / len;
        return new double[]{from[0] + ux * trim, from[1] + uy * trim, to[0] - ux * trim, to[1] - uy * trim};
    }

    /** The edge's position on line u. */
    private double centre(int u) {
        double t = u - uc;
        return a + (b + g * t) * t;
    }

    /** 1 / cos of the edge's angle to the lines' axis at line u: pixels along a line per pixel along the normal. */
    private double secant(int u) {
        double slope = b + 2 * g * (u - uc);
        return Math.sqrt(1 + slope * slope);
    }

    /** The first and last line (u) of the region, and the v range of line u, clipped to the plane. */
    private int firstLine() {
        double lo = Math.min(u1, u1 + tu * length) - half * Math.abs(tv);
        return Math.max(1, (int) Math.ceil(lo));
    }

    private int lastLine() {
        double hi = Math.max(u1, u1 + tu * length) + half * Math.abs(tv);
        return Math.min(sizeU - 2, (int) Math.floor(hi));
    }

    private int lineStart;
    private int lineEnd;

    /**
     * The pixels of line u inside the region: within {@code half} of the line along its normal and
     * between the segment's ends. Sets {@link #lineStart}…{@link #lineEnd} (empty when start > end).
     */
    private void lineSpan(int u) {
        double c = centre(u);
        double across = half * secant(u);
        double lo = c - across;
        double hi = c + across;
        // along the segment, s = (u − u1)·tu + (v − v1)·tv, within 0…length
        if (Math.abs(tv) > 1e-12) {
            double va = v1 + (0 - (u - u1) * tu) / tv;
            double vb = v1 + (length - (u - u1) * tu) / tv;
            lo = Math.max(lo, Math.min(va, vb));
            hi = Math.min(hi, Math.max(va, vb));
        } else {
            double s = (u - u1) * tu;
            if (s < 0 || s > length) {
                lo = 1;
                hi = 0;
            }
        }
        lineStart = Math.max(1, (int) Math.ceil(lo));
        lineEnd = Math.min(sizeV - 2, (int) Math.floor(hi));
    }

    private double low;
    private double high;

    /**
     * The two sides' levels, from the outer half of the region on each side; which way is bright;
     * false when the contrast is too low.
     */
    private boolean levels(byte[] luma) {
        double[] linear = Srgb.LINEAR;
        double sumA = 0;
        double sumB = 0;
        int nA = 0;
        int nB = 0;
        for (int u = firstLine(); u <= lastLine(); u++) {
            lineSpan(u);
            double c = centre(u);
            double cos = 1 / secant(u);
            for (int v = lineStart; v <= lineEnd; v++) {
                double d = (v - c) * cos;
                if (Math.abs(d) < half / 2) {
                    continue;
                }
                double value = linear[luma[u * strideU + v * strideV] & 0xFF];
                if (d < 0) {
                    sumA += value;
                    nA++;
                } else {
                    sumB += value;
                    nB++;
                }
            }
        }
        if (nA < 16 || nB < 16) {
            return false;
        }
        double before = sumA / nA;
        double after = sumB / nB;
        direction = after >= before ? 1 : -1;
        low = Math.min(before, after);
        high = Math.max(before, after);
        contrast = high + low > 0 ? (high - low) / (high + low) : 0;
        return contrast >= MIN_CONTRAST;
    }

    /**
     * Each line's edge position as the centroid of its derivative within a Tukey window of
     * {@code window} px (along the normal) about the current edge, then the least-squares
     * second-order curve through those within {@code reject} px of it.
     */
    private boolean fit(byte[] luma, double window, double reject) {
        double[] linear = Srgb.LINEAR;
        int first = firstLine();
        int last = lastLine();
        double su = 0;
        int n = 0;
        for (int u = first; u <= last; u++) {
            int k = u - first;
            kept[k] = false;
            double c = centre(u);
            double reach = window * secant(u);
            lineSpan(u);
            // only lines whose window lies wholly inside the region and the plane
            int from = (int) Math.ceil(c - reach);
            int to = (int) Math.floor(c + reach);
            if (from - 1 < lineStart || to + 1 > lineEnd) {
                continue;
            }
            double sum = 0;
            double moment = 0;
            int row = u * strideU;
            for (int v = from; v <= to; v++) {
                double d = direction * (linear[luma[row + (v + 1) * strideV] & 0xFF]
                        - linear[luma[row + (v - 1) * strideV] & 0xFF]);
                double w = taper(Math.abs(v - c) / reach);
                sum += d * w;
                moment += d * w * v;
            }
            if (!(sum > 0)) {
                continue;
            }
            position[k] = moment / sum;
            if (Math.abs(position[k] - c) > reject) {
                continue;
            }
            kept[k] = true;
            su += u;
            n++;
        }
        if (n < MIN_LENGTH / 2) {
            return false;
        }
        return curve(first, last, su / n, n);
    }

    /** Σ of the kept positions' squared distances from the current curve, along the lines. */
    private double residual(int first, int last) {
        double sum = 0;
        for (int u = first; u <= last; u++) {
            if (kept[u - first]) {
                double e = position[u - first] - centre(u);
                sum += e * e;
            }
        }
        return sum;
    }

    /** The least-squares v = a + b·t + g·t² (t = u − mean) through the kept positions; false when degenerate. */
    private boolean curve(int first, int last, double mean, int n) {
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double sv = 0;
        double s1v = 0;
        double s2v = 0;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int u = first; u <= last; u++) {
            if (kept[u - first]) {
                double t = u - mean;
                double v = position[u - first];
                s1 += t;
                s2 += t * t;
                s3 += t * t * t;
                s4 += t * t * t * t;
                sv += v;
                s1v += t * v;
                s2v += t * t * v;
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
        }
        // Cramer's rule on the normal equations [n s1 s2; s1 s2 s3; s2 s3 s4]·(a, b, g) = (sv, s1v, s2v)
        double det = n * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (!(Math.abs(det) > 1e-9 * Math.max(1, n * s2 * s4))) {
            return false;
        }
        a = (sv * (s2 * s4 - s3 * s3) - s1 * (s1v * s4 - s3 * s2v) + s2 * (s1v * s3 - s2 * s2v)) / det;
        b = (n * (s1v * s4 - s2v * s3) - sv * (s1 * s4 - s3 * s2) + s2 * (s1 * s2v - s1v * s2)) / det;
        g = (n * (s2 * s2v - s1v * s3) - s1 * (s1 * s2v - s1v * s2) + sv * (s1 * s3 - s2 * s2)) / det;
        uc = mean;
        double residual = residual(first, last);
        // the bow only where the positions show it beyond three times its own noise: on a straight
        // edge the third parameter would add its noise to every pixel's distance
        double spreadOfSquares = s4 - s2 * s2 / n;
        if (spreadOfSquares > 0 && Math.abs(g) < 3 * Math.sqrt(residual / Math.max(1, n - 3) / spreadOfSquares)) {
            double lineDet = n * s2 - s1 * s1;
            b = (n * s1v - s1 * sv) / lineDet;
            a = (sv - b * s1) / n;
            g = 0;
            residual = residual(first, last);
        }
        double cos = 1 / Math.sqrt(1 + b * b);
        fitResidual = Math.sqrt(residual / n) * cos;
        double halfSpan = (hi - lo) / 2.0;
        sagitta = Math.abs(g) * halfSpan * halfSpan * cos;
        return true;
    }

    /**
     * The edge spread function, from every {@code lineStep}-th line: each pixel's linear value in
     * the bin of its distance from the fitted edge along the normal, an eighth of a pixel wide,
     * over ±{@code half}. Within 2 px of the edge no two neighbouring bins may be empty: a tilt
     * whose pixels fall at few distinct distances is not interpolated over.
     */
    private boolean spread(byte[] luma, int lineStep) {
        double[] linear = Srgb.LINEAR;
        bins = (int) Math.floor(2 * half * OVERSAMPLE);
        Arrays.fill(esfSum, 0, bins, 0);
        Arrays.fill(esfPlace, 0, bins, 0);
        Arrays.fill(esfCount, 0, bins, 0);
        pixels = 0;
        for (int u = firstLine(); u <= lastLine(); u += lineStep) {
            lineSpan(u);
            double c = centre(u);
            double cos = direction / secant(u);
            int row = u * strideU;
            for (int v = lineStart; v <= lineEnd; v++) {
                double x = ((v - c) * cos + half) * OVERSAMPLE;
                int k = (int) Math.floor(x);
                if (k >= 0 && k < bins) {
                    esfSum[k] += linear[luma[row + v * strideV] & 0xFF];
                    esfPlace[k] += x;
                    esfCount[k]++;
                    pixels++;
                }
            }
        }
        // within 2 px of the edge, no two neighbouring bins empty: the pixels fall at enough distances
        int centre = bins / 2;
        for (int k = centre - 2 * OVERSAMPLE; k < centre + 2 * OVERSAMPLE && lineStep == 1; k++) {
            if (esfCount[k] == 0 && esfCount[k + 1] == 0) {
                return false;
            }
        }
        // each bin's mean, and where it lies: at tilts whose phases repeat every few lines (20°: 4
        // in 11) a bin's pixels crowd to one side of it, and its mean belongs there, not at its middle
        int filled = 0;
        for (int k = 0; k < bins; k++) {
            if (esfCount[k] > 0) {
                esfSum[filled] = esfSum[k] / esfCount[k];
                esfPlace[filled] = esfPlace[k] / esfCount[k];
                filled++;
            }
        }
        // the function at each bin's middle, between the means on either side of it
        int j = 0;
        for (int k = 0; k < bins; k++) {
            double x = k + 0.5;
            while (j + 2 < filled && esfPlace[j + 1] < x) {
                j++;
            }
            int next = Math.min(j + 1, filled - 1);
            double x0 = esfPlace[j];
            double x1 = esfPlace[next];
            esf[k] = x1 > x0 ? esfSum[j] + (esfSum[next] - esfSum[j]) * Math.max(0, Math.min(1, (x - x0) / (x1 - x0)))
                    : esfSum[j];
        }
        return filled >= 2;
    }

    /** LSF by the three-tap derivative, windowed about its centroid, |FFT| normalised, filters divided out. */
    private void transform() {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        double sum = 0;
        double moment = 0;
        for (int k = 1; k < bins - 1; k++) {
            double d = (esf[k + 1] - esf[k - 1]) / 2;
            re[k] = d;
            sum += d;
            moment += d * k;
        }
        double centroid = sum > 0 ? moment / sum : bins / 2.0;
        double reach = Math.min(Math.max(centroid - 1, bins - 2 - centroid), windowHalf(centroid));
        for (int k = 1; k < bins - 1; k++) {
            re[k] *= window(Math.abs(k - centroid) / reach);
        }
        fft.transform(re, im);
        double dc = Math.hypot(re[0], im[0]);
        double delta = 1.0 / OVERSAMPLE;
        mtf50 = Double.NaN;
        for (int k = 0; k <= LAST + 1; k++) {
            double f = frequency(k);
            // the three-tap derivative over two bins and the bin's width, as transfer functions
            double filters = sinc(2 * f * delta) * sinc(f * delta);
            mtf[k] = Math.hypot(re[k], im[k]) / dc / filters;
            if (Double.isNaN(mtf50) && k > 0 && mtf[k] < 0.5 && mtf[k - 1] >= 0.5) {
                mtf50 = frequency(k - 1) + (mtf[k - 1] - 0.5) / (mtf[k - 1] - mtf[k]) * (f - frequency(k - 1));
            }
        }
    }

    /** Half the LSF window's width, bins. */
    private double windowHalf(double centroid) {
        return WINDOW_RISES * rise(centroid) + WINDOW_PAD * OVERSAMPLE;
    }

    /** The edge spread function's 10–90 % rise about its middle, bins. */
    private double rise() {
        return rise(bins / 2.0);
    }

    private double rise(double centroid) {
        int ends = Math.max(2, bins / 16);
        double first = 0;
        double last = 0;
        for (int k = 0; k < ends; k++) {
            first += esf[k];
            last += esf[bins - 1 - k];
        }
        first /= ends;
        last /= ends;
        double span = last - first;
        int c = (int) Math.round(Math.max(1, Math.min(bins - 2, centroid)));
        int k10 = c;
        while (k10 > 0 && (esf[k10] - first) / span > 0.1) {
            k10--;
        }
        int k90 = c;
        while (k90 < bins - 1 && (esf[k90] - first) / span < 0.9) {
            k90++;
        }
        return k90 - k10;
    }

    /**
     * The window over the line spread function, at {@code u} (0 at its centre, 1 at its far end):
     * flat over the middle half, a cosine taper to 0 beyond (Tukey, α 0.5). ISO 12233's Hamming
     * window weighs the LSF down already near its centre, which narrows a wide LSF; the flat middle
     * leaves the LSF as it is and still quiets the noise of the tails.
     */
    static double window(double u) {
        if (u <= 0.5) {
            return 1;
        }
        return u >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * (u - 0.5) / 0.5));
    }

    /**
     * The centroid's weight, as {@link #window} but with a cubic taper in place of the cosine (it
     * runs for every pixel of every line, twice): flat over the middle half, 0 at the end.
     */
    private static double taper(double u) {
        if (u <= 0.5) {
            return 1;
        }
        if (u >= 1) {
            return 0;
        }
        double t = 2 * u - 1;
        return 1 - t * t * (3 - 2 * t);
    }

    /** sin(πx) / (πx). */
    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Cycles per pixel of the k-th frequency of the transform. */
    private static double frequency(int k) {
        return k * (double) OVERSAMPLE / FFT_LENGTH;
    }

    public boolean valid() {
        return valid;
    }

    /** Why the last edge was not measured ({@link Refusal#NONE} when it was). */
    public Refusal refusal() {
        return refusal;
    }

    private boolean refuse(Refusal why) {
        refusal = why;
        return false;
    }

    /** Frequency where the response first falls to one half, cycles/pixel; NaN unless valid. */
    public double mtf50() {
        return valid ? mtf50 : Double.NaN;
    }

    /** The response at {@code f} cycles/pixel (0–1), interpolated between the transform's frequencies. */
    public double mtfAt(double f) {
        if (!valid) {
            return Double.NaN;
        }
        double k = f * FFT_LENGTH / OVERSAMPLE;
        int k0 = (int) Math.floor(k);
        if (k0 > LAST) {
            return mtf[LAST + 1];
        }
        return mtf[k0] + (k - k0) * (mtf[k0 + 1] - mtf[k0]);
    }

    /** The response at the Nyquist frequency, 0.5 cycles/pixel: above about 0.3, fine patterns alias. */
    public double mtfNyquist() {
        return mtfAt(0.5);
    }

    /** The curve at {@link #CURVE_POINTS} frequencies, 0 to 1 cycle/pixel, into {@code out}. */
    public void curve(double[] out) {
        for (int i = 0; i < CURVE_POINTS; i++) {
            out[i] = mtfAt(i * CURVE_STEP);
        }
    }

    /** The fitted edge's angle from the axis it runs closer to, degrees (signed): 0 on the pixel grid, up to 45. */
    public double tiltDeg() {
        return Math.toDegrees(Math.atan(b));
    }

    /** RMS distance of the lines' edge positions from the fitted line, pixels. */
    public double fitResidual() {
        return fitResidual;
    }

    /** Michelson contrast of the two sides, linear light. */
    public double contrast() {
        return contrast;
    }

    /** Pixels binned into the edge spread function. */
    public int pixels() {
        return pixels;
    }
}
