package org.camlab.core;
import java.util.Arrays;

/**
 * ISO 12233 edge spatial frequency response (e-SFR) of one region holding one straight edge
 * between a dark and a bright side, tilted from the vertical (or, read transposed, from the
 * horizontal): the values linearised (sRGB undone), each row's edge found by the centroid of its
 * derivative, a straight line fitted through them, every pixel binned by its distance from that
 * line into an edge spread function four times oversampled, differentiated to the line spread
 * function, Hamming-windowed, Fourier-transformed and normalised to 1 at zero frequency. The
 * three-tap derivative and the quarter-pixel bins each filter the curve; both are divided out.
 *
 * <p>Distances are measured along the edge's normal, so frequencies are cycles per pixel across
 * the edge with no further angle correction. One instance measures one region at a time on the
 * calling thread; its buffers are sized at construction and reused, so measuring allocates nothing.
 */
public final class SlantedEdge {
    /** Bins per pixel of the edge spread function. */
    public static final int OVERSAMPLE = 4;
    /** Samples of the curve published: 0 to 1 cycle/pixel in steps of 1/64. */
    public static final int CURVE_POINTS = 65;
    public static final double CURVE_STEP = 1.0 / 64;
    /** Tilt accepted, degrees from the axis: enough rows at each phase, not so much that rows see other edges. */
    public static final double MIN_TILT_DEG = 1.5;
    public static final double MAX_TILT_DEG = 25;
    /** Michelson contrast of the two sides, linear light, below which the edge is too faint to measure. */
    public static final double MIN_CONTRAST = 0.2;

    private static final int FFT_LENGTH = 1024;

    private final int maxAcross;
    private final int maxAlong;
    private final double[] lin;
    private final double[] centre;
    private final double[] row;
    private final double[] esfSum;
    private final int[] esfCount;
    private final double[] esf;
    private final double[] re = new double[FFT_LENGTH];
    private final double[] im = new double[FFT_LENGTH];
    private final double[] mtf = new double[FFT_LENGTH / 2 + 1];
    private final Fft fft = new Fft(FFT_LENGTH);

    private boolean valid;
    private double slope;
    private double contrast;
    private double mtf50;
    private double fitResidual;

    /**
     * @param maxAcross the widest region, pixels across the edge
     * @param maxAlong  the longest, pixels along it
     */
    public SlantedEdge(int maxAcross, int maxAlong) {
        if (OVERSAMPLE * maxAcross + 8 > FFT_LENGTH) {
            throw new IllegalArgumentException("region too wide for the transform: " + maxAcross);
        }
        this.maxAcross = maxAcross;
        this.maxAlong = maxAlong;
        lin = new double[maxAcross * maxAlong];
        centre = new double[maxAlong];
        row = new double[maxAcross];
        esfSum = new double[OVERSAMPLE * maxAcross + 8];
        esfCount = new int[esfSum.length];
        esf = new double[esfSum.length];
    }

    /**
     * Measures the region of the 8-bit plane {@code luma} (row stride {@code stride}) whose top-left
     * pixel is ({@code x0}, {@code y0}): {@code across} columns by {@code along} rows with a
     * near-vertical edge, or, when {@code transposed}, {@code across} rows by {@code along}
     * columns with a near-horizontal one.
     *
     * @return whether the region held a measurable edge ({@link #valid()})
     */
    public boolean measure(byte[] luma, int stride, int x0, int y0, int across, int along, boolean transposed) {
        valid = false;
        mtf50 = Double.NaN;
        if (across > maxAcross || along > maxAlong || across < 16 || along < 16) {
            throw new IllegalArgumentException("region " + across + "×" + along + " outside 16…" + maxAcross + "×"
                    + maxAlong);
        }
        load(luma, stride, x0, y0, across, along, transposed);
        if (!levels(across, along)) {
            return false;
        }
        // two passes: the centroids of the raw derivative, then within a window about the first fit
        if (!fit(across, along, Double.NaN, 0)) {
            return false;
        }
        double a = fitIntercept;
        if (!fit(across, along, a, slope)) {
            return false;
        }
        double tilt = Math.toDegrees(Math.atan(Math.abs(slope)));
        if (tilt < MIN_TILT_DEG || tilt > MAX_TILT_DEG || fitResidual > 0.5) {
            return false;
        }
        if (!spread(across, along)) {
            return false;
        }
        transform();
        valid = true;
        return true;
    }

    private void load(byte[] luma, int stride, int x0, int y0, int across, int along, boolean transposed) {
        double[] linear = Srgb.LINEAR;
        for (int j = 0; j < along; j++) {
            for (int i = 0; i < across; i++) {
                int p = transposed ? (y0 + i) * stride + x0 + j : (y0 + j) * stride + x0 + i;
                lin[j * across + i] = linear[luma[p] & 0xFF];
            }
        }
    }

    private double low;
    private double high;
    /** +1 when the values rise across the edge (dark to bright with i), −1 when they fall. */
    private double direction;

    /** The two sides' levels, from the outer eighth of each row; false when the contrast is too low. */
    private boolean levels(int across, int along) {
        int band = Math.max(2, across / 8);
        double left = 0;
        double right = 0;
        for (int j = 0; j < along; j++) {
            for (int i = 0; i < band; i++) {
                left += lin[j * across + i];
                right += lin[j * across + across - 1 - i];
            }
        }
        left /= (double) band * along;
        right /= (double) band * along;
        low = Math.min(left, right);
        high = Math.max(left, right);
        direction = right >= left ? 1 : -1;
        contrast = high + low > 0 ? (high - low) / (high + low) : 0;
        return contrast >= MIN_CONTRAST;
    }

    private double fitIntercept;

    /**
     * Each row's edge position as the centroid of its derivative (within a Hamming window of half
     * the region's width about {@code a + b·j} on the second pass), then the least-squares line
     * {@code i = a + b·j} through them.
     */
    private boolean fit(int across, int along, double a, double b) {
        double half = across / 4.0;
        for (int j = 0; j < along; j++) {
            double sum = 0;
            double moment = 0;
            double c = Double.isNaN(a) ? (across - 1) / 2.0 : a + b * j;
            for (int i = 1; i < across - 1; i++) {
                double d = direction * (lin[j * across + i + 1] - lin[j * across + i - 1]) / 2;
                double w = 1;
                if (!Double.isNaN(a)) {
                    double u = (i - c) / half;
                    w = Math.abs(u) >= 1 ? 0 : 0.54 + 0.46 * Math.cos(Math.PI * u);
                }
                d *= w;
                sum += d;
                moment += d * i;
            }
            if (!(sum > 0)) {
                return false;
            }
            centre[j] = moment / sum;
        }
        double sj = 0;
        double sc = 0;
        double sjj = 0;
        double sjc = 0;
        for (int j = 0; j < along; j++) {
            sj += j;
            sc += centre[j];
            sjj += (double) j * j;
            sjc += j * centre[j];
        }
        double n = along;
        double det = n * sjj - sj * sj;
        slope = (n * sjc - sj * sc) / det;
        fitIntercept = (sc - slope * sj) / n;
        double residual = 0;
        for (int j = 0; j < along; j++) {
            double e = centre[j] - fitIntercept - slope * j;
            residual += e * e;
        }
        fitResidual = Math.sqrt(residual / n);
        // the edge must lie inside the region on every row, with room for the window either side
        double first = fitIntercept;
        double last = fitIntercept + slope * (along - 1);
        return Math.min(first, last) > across / 8.0 && Math.max(first, last) < across - 1 - across / 8.0;
    }

    private int bins;

    /**
     * The edge spread function: each pixel's linear value in the bin of its distance from the
     * fitted line along the normal, a quarter pixel wide; only the distances every row reaches.
     */
    private boolean spread(int across, int along) {
        double cos = 1 / Math.sqrt(1 + slope * slope);
        double[] sum = esfSum;
        int[] count = esfCount;
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
        // distances all rows cover: from the largest row start to the smallest row end
        double start = -Double.MAX_VALUE;
        double end = Double.MAX_VALUE;
        for (int j = 0; j < along; j += along - 1) {
            double c = fitIntercept + slope * j;
            start = Math.max(start, (0 - c) * cos);
            end = Math.min(end, (across - 1 - c) * cos);
        }
        int origin = (int) Math.floor(start * OVERSAMPLE);
        bins = Math.min(sum.length, (int) Math.floor(end * OVERSAMPLE) - origin);
        if (bins < 8 * OVERSAMPLE) {
            return false;
        }
        for (int j = 0; j < along; j++) {
            double c = fitIntercept + slope * j;
            for (int i = 0; i < across; i++) {
                int k = (int) Math.floor((i - c) * cos * OVERSAMPLE) - origin;
                if (k >= 0 && k < bins) {
                    sum[k] += lin[j * across + i];
                    count[k]++;
                }
            }
        }
        // a bin no pixel fell in (a tilt whose phases repeat) takes the mean of its neighbours
        for (int k = 0; k < bins; k++) {
            if (count[k] > 0) {
                esf[k] = sum[k] / count[k];
            } else {
                int lo = k - 1;
                while (lo >= 0 && count[lo] == 0) {
                    lo--;
                }
                int hi = k + 1;
                while (hi < bins && count[hi] == 0) {
                    hi++;
                }
                if (lo < 0 && hi >= bins) {
                    return false;
                }
                esf[k] = lo < 0 ? sum[hi] / count[hi] : hi >= bins ? sum[lo] / count[lo]
                        : (sum[lo] / count[lo] * (hi - k) + sum[hi] / count[hi] * (k - lo)) / (hi - lo);
            }
        }
        return true;
    }

    /** LSF by the three-tap derivative, Hamming window about its centroid, |FFT| normalised, filters divided out. */
    private void transform() {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        double sum = 0;
        double moment = 0;
        for (int k = 1; k < bins - 1; k++) {
            double d = direction * (esf[k + 1] - esf[k - 1]) / 2;
            re[k] = d;
            sum += d;
            moment += d * k;
        }
        double centroid = sum > 0 ? moment / sum : bins / 2.0;
        double half = Math.min(Math.max(centroid - 1, bins - 2 - centroid), windowHalf(centroid));
        for (int k = 1; k < bins - 1; k++) {
            re[k] *= window(Math.abs(k - centroid) / half);
        }
        fft.transform(re, im);
        double dc = Math.hypot(re[0], im[0]);
        double delta = 1.0 / OVERSAMPLE;
        mtf50 = Double.NaN;
        for (int k = 0; k <= FFT_LENGTH / 2; k++) {
            double f = frequency(k);
            // the three-tap derivative over two bins and the bin's width, as transfer functions
            double filters = sinc(2 * f * delta) * sinc(f * delta);
            mtf[k] = Math.hypot(re[k], im[k]) / dc / filters;
            if (Double.isNaN(mtf50) && k > 0 && mtf[k] < 0.5 && mtf[k - 1] >= 0.5) {
                mtf50 = frequency(k - 1) + (mtf[k - 1] - 0.5) / (mtf[k - 1] - mtf[k]) * (f - frequency(k - 1));
            }
        }
    }

    /**
     * Half the window's width, bins: four times the edge's 10–90 % rise plus 4 px, so that the flat
     * middle holds the whole LSF (six σ and more of a Gaussian) while the tails, where only noise
     * is left, count little. A sharp edge's window is then a few pixels wide, not the region's:
     * with 2 code values of noise its MTF50 spread 1.4 % over the region's window, less over this.
     */
    private double windowHalf(double centroid) {
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
        return 4.0 * (k90 - k10) + 4 * OVERSAMPLE;
    }

    /**
     * The window over the line spread function, at {@code u} (0 at its centre, 1 at its far end):
     * flat over the middle half, a cosine taper to 0 beyond (Tukey, α 0.5). ISO 12233's Hamming
     * window weighs the LSF down already near its centre — 0.88 at 6 px from it in a 64 px region —
     * which narrows a wide LSF: MTF50 2.1 % high at σ 2 px; the flat middle leaves the LSF as it is
     * and still quiets the noise of the tails.
     */
    static double window(double u) {
        if (u <= 0.5) {
            return 1;
        }
        return u >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * (u - 0.5) / 0.5));
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

    /** Frequency where the response first falls to one half, cycles/pixel; NaN unless valid. */
    public double mtf50() {
        return valid ? mtf50 : Double.NaN;
    }

    /** The response at {@code f} cycles/pixel (0–2), interpolated between the transform's frequencies. */
    public double mtfAt(double f) {
        if (!valid) {
            return Double.NaN;
        }
        double k = f * FFT_LENGTH / OVERSAMPLE;
        int k0 = (int) Math.floor(k);
        if (k0 >= FFT_LENGTH / 2) {
            return mtf[FFT_LENGTH / 2];
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

    /** The edge's tilt from the axis, degrees (signed). */
    public double tiltDeg() {
        return Math.toDegrees(Math.atan(slope));
    }

}
