package org.camlab.core;

import java.util.Arrays;

/**
 * Finds the straight step edges of a luma plane, each as a segment whose whole straight length an
 * e-SFR region can follow: window and door frames, screens, whiteboards, furniture, the sides of a
 * chart's slanted squares.
 *
 * <p>Two passes. A coarse one, on the plane halved (2×2 means) when it is larger than a megapixel,
 * thins the gradients to their maxima across the edges and grows regions of pixels whose gradient
 * points the same way within 22.5° (the region growing of LSD, von Gioi et al., seeded by the
 * strong pixels first). Because the direction includes the sign, the two sides of a thin line are
 * two regions, and an edge whose contrast changes side is split. The fine pass works at full
 * resolution along the region's line: one edge position per pixel of length (the centroid, in
 * linear light, of the derivative across the edge), walked outward from the middle until the edge
 * leaves the line by half a pixel, fades, changes strength by half or twice, or runs out of the
 * plane. The positions give the line, its straightness (a parabola's sagitta and the RMS residual
 * of the line), and the segment's ends, a few pixels in from where the edge stops (at a corner the
 * adjacent side's blur reaches that far). Profiles across the segment then give how far its two
 * sides stay free of other edges (the clearance) and their contrast.
 *
 * <p>Rejected: segments shorter than {@value #MIN_LENGTH} px; curved ones (the walk stops where an
 * arc has left the line by half a pixel, and the ends are trimmed until the sagitta is under
 * {@value #MAX_SAGITTA} px: what is left of a circle is shorter than {@value #MIN_LENGTH} px up to
 * a radius of about 350 px, 24² / (8 × 0.2)); those with less than {@value #MIN_CLEARANCE} px of flat
 * ground on either side (text strokes, thin lines, texture).
 *
 * <p>Buffers are sized for the largest plane at construction; {@link #find} allocates nothing.
 */
public final class StraightEdges {
    public static final int MAX_SEGMENTS = 64;
    /** Shortest segment returned, full-resolution pixels. */
    public static final int MIN_LENGTH = 24;
    public static final double MIN_CLEARANCE = 8;
    /** Farthest the clearance is looked for: the e-SFR region reaches ±32 px at most. */
    public static final int MAX_CLEARANCE = 32;
    /** Above this many pixels the coarse pass runs on the plane halved. */
    static final int FULL_SCALE_PIXELS = 1_000_000;
    /** Least gradient (code values per coarse pixel) a pixel needs to join a region: above noise. */
    static final float MIN_GRADIENT = 12f;
    /** cos 22.5°: how far a pixel's gradient may turn from its region's and still join it. */
    static final double ALIGNED = Math.cos(Math.PI / 8);
    /** Share of the larger neighbour's gradient, across the edge, that a pixel needs to stay usable. */
    static final float NEAR_MAXIMUM = 0.8f;
    /** Half the profile sampled across the edge for each edge position, full-resolution pixels. */
    static final int HALF_PROFILE = 5;
    /** Farthest an edge position may lie from the line for the walk to go on, px. */
    static final double WALK_TOLERANCE = 0.5;
    /** Most positions in a row the walk may miss before the segment ends there. */
    static final int MAX_GAP = 2;
    /** Least rise (code values) across an edge position's profile. */
    static final double MIN_STEP = 4;
    /** Largest sagitta of the positions over the segment, px: beyond it the edge is curved. */
    static final double MAX_SAGITTA = 0.2;
    /** Largest RMS residual of the positions from the line, px. */
    static final double MAX_RESIDUAL = 0.3;
    /**
     * Share of the edge's peak derivative that the mean absolute derivative across a side must stay
     * under for that side to count as free of other edges.
     */
    static final double CLEAR_SHARE = 0.2;
    /** Widest spread (RMS, coarse pixels) across its line that a region may have. */
    static final double MAX_REGION_SPREAD = 1.5;
    /** Most profiles across a segment for its clearance and contrast. */
    static final int SIDE_PROFILES = 48;
    private static final int CANDIDATES = 512;

    private final int maxWidth;
    private final int maxHeight;
    private final int[] coarse;
    /** Per coarse pixel: gradient x, y and magnitude, side by side for the region growing's random access. */
    private final float[] grad;
    private final byte[] state;
    private final int[] region;
    private final int[] neighbour = new int[8];

    // the positions of one walk, indexed from the middle of the position arrays
    private final int span;
    private final double[] posT;
    private final double[] posE;
    private final double[] posStep;
    private final double[] posSpread;
    private final double[] profile = new double[2 * HALF_PROFILE + 1];
    private final double[] linearProfile = new double[2 * HALF_PROFILE + 1];

    // clearance and contrast, per half-pixel offset across the edge (index MAX_CLEARANCE + 1 is the edge)
    private final double[] across = new double[2 * MAX_CLEARANCE + 4];
    private final double[] meanAbs = new double[2 * MAX_CLEARANCE + 3];
    private final double[] meanSigned = new double[2 * MAX_CLEARANCE + 3];
    private final double[] linearSum = new double[2 * MAX_CLEARANCE + 3];

    // the line being refined: centre, unit normal (towards the bright side) and direction
    private double lx;
    private double ly;
    private double nx;
    private double ny;
    // the fit of the positions: e = fitA + fitB·t, and its RMS residual and sagitta
    private double fitA;
    private double fitB;
    private double fitRms;
    private double fitSagitta;
    private int first;
    private int last;
    private double referenceStep;
    // what position() measured: the edge's offset from the line, its rise, its spread, and whether the
    // profile left the plane
    private double profileOffset;
    private double profileStep;
    private double profileSpread;
    private boolean outside;

    private final double[] cx1 = new double[CANDIDATES];
    private final double[] cy1 = new double[CANDIDATES];
    private final double[] cx2 = new double[CANDIDATES];
    private final double[] cy2 = new double[CANDIDATES];
    private final double[] cClearance = new double[CANDIDATES];
    private final double[] cContrast = new double[CANDIDATES];
    private final double[] cScore = new double[CANDIDATES];
    private final int[] rank = new int[CANDIDATES];
    private int candidates;
    private int found;

    private byte[] luma;
    private int width;
    private int height;

    public StraightEdges(int maxWidth, int maxHeight) {
        this.maxWidth = maxWidth;
        this.maxHeight = maxHeight;
        long full = (long) maxWidth * maxHeight;
        long halved = (long) (maxWidth / 2 + 1) * (maxHeight / 2 + 1);
        int cells = (int) Math.max(Math.min(full, FULL_SCALE_PIXELS), halved);
        coarse = new int[cells];
        grad = new float[3 * cells];
        state = new byte[cells];
        region = new int[cells];
        span = (int) Math.ceil(Math.hypot(maxWidth, maxHeight)) + 4;
        posT = new double[2 * span + 1];
        posE = new double[2 * span + 1];
        posStep = new double[2 * span + 1];
        posSpread = new double[2 * span + 1];
    }

    public boolean fits(int width, int height) {
        return width <= maxWidth && height <= maxHeight && width >= 8 && height >= 8;
    }

    /** Finds straight step edges; returns how many (≤ {@link #MAX_SEGMENTS}), best first. */
    public int find(byte[] luma, int width, int height) {
        if (!fits(width, height)) {
            throw new IllegalArgumentException(width + "×" + height + " does not fit " + maxWidth + "×" + maxHeight);
        }
        this.luma = luma;
        this.width = width;
        this.height = height;
        candidates = 0;
        int scale = (long) width * height > FULL_SCALE_PIXELS ? 2 : 1;
        int cw = width / scale;
        int ch = height / scale;
        shrink(scale, cw, ch);
        gradients(cw, ch);
        neighbour[0] = -cw - 1;
        neighbour[1] = -cw;
        neighbour[2] = -cw + 1;
        neighbour[3] = -1;
        neighbour[4] = 1;
        neighbour[5] = cw - 1;
        neighbour[6] = cw;
        neighbour[7] = cw + 1;
        int minPixels = Math.max(4, MIN_LENGTH / (2 * scale));
        // strong seeds first (LSD sorts all pixels; two raster passes keep the memory access local)
        for (float seedGradient = 3 * MIN_GRADIENT; seedGradient >= 2 * MIN_GRADIENT; seedGradient -= MIN_GRADIENT) {
            for (int seed = cw + 1; seed < cw * (ch - 1) && candidates < CANDIDATES; seed++) {
                if (state[seed] != 1 || grad[3 * seed + 2] < seedGradient) {
                    continue;
                }
                int size = grow(seed);
                if (size >= minPixels) {
                    examine(size, cw, ch, scale);
                }
            }
        }
        found = rankCandidates();
        this.luma = null;
        return found;
    }

    public double x1(int i) {
        return cx1[rank[i]];
    }

    public double y1(int i) {
        return cy1[rank[i]];
    }

    public double x2(int i) {
        return cx2[rank[i]];
    }

    public double y2(int i) {
        return cy2[rank[i]];
    }

    /** Pixels on each side of the line, along its normal, free of other strong edges (≤ {@value #MAX_CLEARANCE}). */
    public double clearance(int i) {
        return cClearance[rank[i]];
    }

    /** Michelson contrast of the two sides in linear light. */
    public double contrast(int i) {
        return cContrast[rank[i]];
    }

    private void shrink(int scale, int cw, int ch) {
        if (scale == 1) {
            for (int i = 0; i < cw * ch; i++) {
                coarse[i] = (luma[i] & 0xFF) << 2;
            }
            return;
        }
        for (int y = 0; y < ch; y++) {
            int a = 2 * y * width;
            int b = a + width;
            int o = y * cw;
            for (int x = 0; x < cw; x++) {
                int i = 2 * x;
                coarse[o + x] = (luma[a + i] & 0xFF) + (luma[a + i + 1] & 0xFF) + (luma[b + i] & 0xFF)
                        + (luma[b + i + 1] & 0xFF);
            }
        }
    }

    /**
     * 2×2 gradients (LSD's: the least support, so that nearby edges stay apart), in code values per
     * coarse pixel, at the centre of each 2×2 block; state 1 marks the pixels strong enough to use.
     */
    private void gradients(int cw, int ch) {
        for (int y = 0; y < ch; y++) {
            int o = y * cw;
            for (int x = 0; x < cw; x++) {
                int i = o + x;
                if (x == 0 || y == 0 || x == cw - 1 || y == ch - 1) {
                    state[i] = 0;
                    grad[3 * i + 2] = 0;
                    continue;
                }
                int a = coarse[i];
                int b = coarse[i + 1];
                int c = coarse[i + cw];
                int d = coarse[i + cw + 1];
                // the sums are 4× the means
                float dx = (b + d - a - c) * 0.125f;
                float dy = (c + d - a - b) * 0.125f;
                float m2 = dx * dx + dy * dy;
                if (m2 < MIN_GRADIENT * MIN_GRADIENT) {
                    state[i] = 0;
                    grad[3 * i + 2] = 0;
                    continue;
                }
                grad[3 * i] = dx;
                grad[3 * i + 1] = dy;
                grad[3 * i + 2] = (float) Math.sqrt(m2);
                state[i] = 1;
            }
        }
        thin(cw, ch);
    }

    /**
     * Keeps only the pixels whose gradient is a maximum across the edge (Canny's non-maximum
     * suppression): a line of pixels per edge, a third of a texture's; the region growing, which
     * touches every usable pixel, is the costliest step.
     */
    private void thin(int cw, int ch) {
        for (int y = 1; y < ch - 1; y++) {
            for (int i = y * cw + 1; i < y * cw + cw - 1; i++) {
                if (state[i] != 1) {
                    continue;
                }
                float dx = grad[3 * i];
                float dy = grad[3 * i + 1];
                float ax = Math.abs(dx);
                float ay = Math.abs(dy);
                int step;
                if (ax > 2.414f * ay) {
                    step = 1;
                } else if (ay > 2.414f * ax) {
                    step = cw;
                } else {
                    step = dx * dy > 0 ? cw + 1 : cw - 1;
                }
                float m = grad[3 * i + 2];
                // nearly the maximum is kept too: a strict maximum breaks the line of an edge at some angles
                float keep = m * (1 / NEAR_MAXIMUM);
                if (keep < grad[3 * (i - step) + 2] || keep < grad[3 * (i + step) + 2]) {
                    state[i] = 3; // usable for nothing but keeps its magnitude for the next comparisons
                }
            }
        }
    }

    /** Grows the region of pixels aligned with the seed's gradient into {@link #region}; returns its size. */
    private int grow(int seed) {
        region[0] = seed;
        state[seed] = 2;
        double sx = grad[3 * seed] / grad[3 * seed + 2];
        double sy = grad[3 * seed + 1] / grad[3 * seed + 2];
        double rx = sx;
        double ry = sy;
        int size = 1;
        // the border's state is 0, so the neighbours of a usable pixel are all inside
        for (int k = 0; k < size; k++) {
            int p = region[k];
            for (int j = 0; j < 8; j++) {
                int q = p + neighbour[j];
                if (state[q] != 1) {
                    continue;
                }
                float qx = grad[3 * q];
                float qy = grad[3 * q + 1];
                float qm = grad[3 * q + 2];
                if (qx * rx + qy * ry < ALIGNED * qm) {
                    continue;
                }
                state[q] = 2;
                region[size++] = q;
                sx += qx / qm;
                sy += qy / qm;
                double norm = Math.sqrt(sx * sx + sy * sy);
                rx = sx / norm;
                ry = sy / norm;
            }
        }
        return size;
    }

    /** The region's line at full resolution, refined and measured; kept as a candidate when it passes. */
    private void examine(int size, int cw, int ch, int scale) {
        double sw = 0;
        double sxw = 0;
        double syw = 0;
        double sgx = 0;
        double sgy = 0;
        for (int k = 0; k < size; k++) {
            int p = region[k];
            double w = grad[3 * p + 2];
            sw += w;
            sxw += w * (p % cw);
            syw += w * (p / cw);
            sgx += grad[3 * p];
            sgy += grad[3 * p + 1];
        }
        double norm = Math.hypot(sgx, sgy);
        double ux = -sgy / norm;
        double uy = sgx / norm;
        double mx = sxw / sw;
        double my = syw / sw;
        double tMin = Double.MAX_VALUE;
        double tMax = -Double.MAX_VALUE;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int k = 0; k < size; k++) {
            int p = region[k];
            double dx = p % cw - mx;
            double dy = p / cw - my;
            double t = dx * ux + dy * uy;
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
            double w = grad[3 * p + 2];
            sxx += w * dx * dx;
            syy += w * dy * dy;
            sxy += w * dx * dy;
        }
        // a straight edge's region is a thin band; texture's are blobs
        // the pixels' spread across their principal axis (the least eigenvalue of their covariance)
        double half = 0.5 * (sxx + syy) / sw;
        double across = half - Math.sqrt(0.25 * (sxx - syy) * (sxx - syy) / (sw * sw) + sxy * sxy / (sw * sw));
        if ((tMax - tMin + 1) * scale < 0.75 * MIN_LENGTH || across > MAX_REGION_SPREAD * MAX_REGION_SPREAD) {
            return;
        }
        // a coarse gradient sits at the centre of its 2×2 block; a coarse pixel covers scale×scale pixels
        lx = scale * mx + scale - 0.5;
        ly = scale * my + scale - 0.5;
        nx = sgx / norm;
        ny = sgy / norm;
        boolean ok = refine(0.5 * (tMax - tMin + 1) * scale);
        retire(cw, ch, scale);
        if (ok) {
            measureSides();
        }
    }

    /**
     * Retires the coarse pixels along the refined segment that point its way, so that the rest of
     * its edge seeds no other region: a long edge is refined once, not once per fragment.
     */
    private void retire(int cw, int ch, int scale) {
        if (last < first) {
            return;
        }
        for (double t = posT[first]; t <= posT[last]; t += scale) {
            int x0 = (int) Math.round((pointX(t) - scale + 0.5) / scale);
            int y0 = (int) Math.round((pointY(t) - scale + 0.5) / scale);
            for (int y = Math.max(0, y0 - 1); y <= Math.min(ch - 1, y0 + 1); y++) {
                for (int x = Math.max(0, x0 - 1); x <= Math.min(cw - 1, x0 + 1); x++) {
                    int q = y * cw + x;
                    if (state[q] == 1 && grad[3 * q] * nx + grad[3 * q + 1] * ny >= ALIGNED * grad[3 * q + 2]) {
                        state[q] = 2;
                    }
                }
            }
        }
    }

    /** The point of the current line at t along it. */
    private double pointX(double t) {
        return lx - ny * t;
    }

    private double pointY(double t) {
        return ly + nx * t;
    }

    /**
     * Walks the coarse line within its half-length, fits a line to the positions, then walks that
     * line as far as the edge goes (twice: every other pixel, then every pixel along the better line); leaves the line
     * through the segment in (lx, ly, nx, ny) with the positions first..last. False when the edge is
     * too short, curved or uneven.
     */
    private boolean refine(double halfLength) {
        first = 0;
        last = -1;
        referenceStep = 0;
        fitA = 0;
        fitB = 0;
        // every other pixel is enough to find the line roughly
        if (!walk(halfLength, 2.0, 2) || !fit(MIN_LENGTH / 4)) {
            return false;
        }
        referenceStep = meanStep();
        // as far as the edge goes, every other pixel; then every pixel along the line that gives
        for (int stride = 2; stride >= 1; stride--) {
            moveLineToFit();
            if (!walk(span, WALK_TOLERANCE, stride) || !fit(MIN_LENGTH / (2 * stride))) {
                return false;
            }
        }
        while (fitSagitta > MAX_SAGITTA && posT[last] - posT[first] >= MIN_LENGTH) {
            trimWorseEnd();
            if (!fit(MIN_LENGTH / 2)) {
                return false;
            }
        }
        double rms = fitRms;
        moveLineToFit();
        trimEnds();
        return posT[last] - posT[first] >= MIN_LENGTH && fitSagitta <= MAX_SAGITTA && rms <= MAX_RESIDUAL;
    }

    /**
     * Steps back from each end by 3 px and twice the edge's spread: where an edge ends at a corner,
     * the adjacent side's blur reaches that far into its profiles.
     */
    private void trimEnds() {
        double spread = 0;
        int n = 0;
        for (int k = first; k <= last; k++) {
            if (!Double.isNaN(posE[k])) {
                spread += posSpread[k];
                n++;
            }
        }
        double margin = 3 + 2 * spread / n;
        double from = posT[first] + margin;
        double to = posT[last] - margin;
        while (first < last && (posT[first] < from || Double.isNaN(posE[first]))) {
            first++;
        }
        while (last > first && (posT[last] > to || Double.isNaN(posE[last]))) {
            last--;
        }
    }

    private double meanStep() {
        double s = 0;
        int n = 0;
        for (int k = first; k <= last; k++) {
            if (!Double.isNaN(posE[k])) {
                s += posStep[k];
                n++;
            }
        }
        return s / n;
    }

    /** Puts the line onto the fit: its centre moved across by fitA, turned by fitB. */
    private void moveLineToFit() {
        lx += fitA * nx;
        ly += fitA * ny;
        double ux = -ny + fitB * nx;
        double uy = nx + fitB * ny;
        double len = Math.hypot(ux, uy);
        nx = uy / len;
        ny = -ux / len;
        fitA = 0;
        fitB = 0;
    }

    /**
     * Edge positions along the line, one per pixel both ways from its centre, each within
     * {@code tolerance} of it, until more than {@link #MAX_GAP} in a row miss; the positions kept
     * are first..last (a gap inside stays unfilled: its slots hold NaN).
     */
    private boolean walk(double reach, double tolerance, int stride) {
        int mid = span;
        int lo = mid;
        int hi = mid;
        for (int dir = -1; dir <= 1; dir += 2) {
            int misses = 0;
            int end = mid;
            for (int s = dir == -1 ? 0 : 1; s <= reach && s < span; s++) {
                int k = mid + dir * s;
                posT[k] = dir * s;
                if (s % stride != 0) {
                    posE[k] = Double.NaN;
                    continue;
                }
                if (position(dir * s, tolerance)) {
                    posE[k] = profileOffset;
                    posStep[k] = profileStep;
                    posSpread[k] = profileSpread;
                    end = k;
                    misses = 0;
                } else {
                    posE[k] = Double.NaN;
                    if (++misses > MAX_GAP || outside) {
                        break;
                    }
                }
            }
            if (stride > 1 && misses > 0 && Math.abs(end + dir - mid) < span) {
                // the pixel after the last position, which the stride skipped: the end to the pixel
                int k = end + dir;
                posT[k] = k - mid;
                if (position(k - mid, tolerance)) {
                    posE[k] = profileOffset;
                    posStep[k] = profileStep;
                    posSpread[k] = profileSpread;
                    end = k;
                }
            }
            if (dir == -1) {
                lo = end;
            } else {
                hi = end;
            }
        }
        while (lo < hi && Double.isNaN(posE[lo])) {
            lo++;
        }
        while (hi > lo && Double.isNaN(posE[hi])) {
            hi--;
        }
        first = lo;
        last = hi;
        return !Double.isNaN(posE[first]) && hi - lo + 1 >= MIN_LENGTH / 2;
    }

    /**
     * The edge position across the line at t: centroid of the derivative of a profile sampled
     * across it. False when the profile leaves the image, shows no rising edge, another edge in
     * the profile (a thin line's falling side, a corner), or a step far from the reference.
     */
    private boolean position(double t, double tolerance) {
        double px = pointX(t);
        double py = pointY(t);
        double reach = HALF_PROFILE + 1.5;
        outside = false;
        double rx = Math.abs(nx) * reach;
        double ry = Math.abs(ny) * reach;
        if (px - rx < 0 || py - ry < 0 || px + rx > width - 1 || py + ry > height - 1) {
            outside = true;
            return false;
        }
        double peak = 0;
        int n = 2 * HALF_PROFILE;
        profile[0] = sample(px - HALF_PROFILE * nx, py - HALF_PROFILE * ny);
        profile[n] = sample(px + HALF_PROFILE * nx, py + HALF_PROFILE * ny);
        if (profile[n] - profile[0] < MIN_STEP) {
            return false; // most misses end here, at two samples
        }
        for (int k = 1 - HALF_PROFILE; k < HALF_PROFILE; k++) {
            profile[k + HALF_PROFILE] = sample(px + k * nx, py + k * ny);
        }
        for (int k = 0; k < 2 * HALF_PROFILE; k++) {
            double d = profile[k + 1] - profile[k];
            peak = Math.max(peak, d);
        }
        double step = profile[2 * HALF_PROFILE] - profile[0];
        if (peak < 2) {
            return false;
        }

        if (profile[1] - profile[0] > 0.5 * peak || profile[2 * HALF_PROFILE] - profile[2 * HALF_PROFILE - 1] > 0.5
                * peak) {
            return false;
        }
        if (referenceStep > 0 && (step < 0.5 * referenceStep || step > 2 * referenceStep)) {
            return false;
        }
        // the position in linear light: where the edge is, not where sRGB's curve makes it look
        for (int k = 0; k <= 2 * HALF_PROFILE; k++) {
            double v = profile[k];
            int i = Math.min(254, (int) v);
            linearProfile[k] = Srgb.LINEAR[i] + (v - i) * (Srgb.LINEAR[i + 1] - Srgb.LINEAR[i]);
        }
        double linearPeak = 0;
        for (int k = 0; k < 2 * HALF_PROFILE; k++) {
            linearPeak = Math.max(linearPeak, linearProfile[k + 1] - linearProfile[k]);
        }
        double floor = 0.2 * linearPeak;
        double sw = 0;
        double swk = 0;
        double swkk = 0;
        for (int k = 0; k < 2 * HALF_PROFILE; k++) {
            double w = linearProfile[k + 1] - linearProfile[k] - floor;
            if (w > 0) {
                double o = k - HALF_PROFILE + 0.5;
                sw += w;
                swk += w * o;
                swkk += w * o * o;
            }
        }
        if (sw <= 0) {
            return false;
        }
        double e = swk / sw;
        if (Math.abs(e - (fitA + fitB * t)) > tolerance) {
            return false;
        }
        profileOffset = e;
        profileStep = step;
        profileSpread = Math.sqrt(Math.max(0, swkk / sw - e * e));
        return true;
    }

    /** Bilinear luma at (x, y), which must lie inside the plane. */
    private double sample(double x, double y) {
        int x0 = (int) x;
        int y0 = (int) y;
        double fx = x - x0;
        double fy = y - y0;
        int i = y0 * width + x0;
        int x1 = x0 + 1 < width ? 1 : 0;
        int y1 = y0 + 1 < height ? width : 0;
        double a = luma[i] & 0xFF;
        double b = luma[i + x1] & 0xFF;
        double c = luma[i + y1] & 0xFF;
        double d = luma[i + y1 + x1] & 0xFF;
        return a + fx * (b - a) + fy * (c - a + fx * (d - c - b + a));
    }

    /**
     * Least squares of the positions first..last: the line (fitA, fitB, fitRms) and a parabola's
     * sagitta over the segment (fitSagitta); drops positions more than 1 px off once. False with
     * too few positions.
     */
    private boolean fit(int fewest) {
        for (int round = 0; round < 2; round++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double e0 = 0;
            double e1 = 0;
            double e2 = 0;
            double mid = 0.5 * (posT[first] + posT[last]);
            double half = Math.max(1, 0.5 * (posT[last] - posT[first]));
            for (int k = first; k <= last; k++) {
                double e = posE[k];
                if (Double.isNaN(e)) {
                    continue;
                }
                double u = (posT[k] - mid) / half;
                double u2 = u * u;
                s0++;
                s1 += u;
                s2 += u2;
                s3 += u2 * u;
                s4 += u2 * u2;
                e0 += e;
                e1 += e * u;
                e2 += e * u2;
            }
            if (s0 < fewest) {
                return false;
            }
            double det = s0 * s2 - s1 * s1;
            double b = (s0 * e1 - s1 * e0) / det;
            double a = (e0 - b * s1) / s0;
            // parabola a' + b'u + c'u²: Cramer's rule on the 3×3 normal equations
            double d3 = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
            double c = (s0 * (s2 * e2 - s3 * e1) - s1 * (s1 * e2 - s3 * e0) + s2 * (s1 * e1 - s2 * e0)) / d3;
            double ss = 0;
            for (int k = first; k <= last; k++) {
                double e = posE[k];
                if (Double.isNaN(e)) {
                    continue;
                }
                double r = e - (a + b * (posT[k] - mid) / half);
                if (round == 0 && Math.abs(r) > 1) {
                    posE[k] = Double.NaN;
                    continue;
                }
                ss += r * r;
            }
            fitB = b / half;
            fitA = a - fitB * mid;
            fitRms = Math.sqrt(ss / s0);
            // the parabola's bow across a chord of the whole segment, u from -1 to 1
            fitSagitta = Math.abs(c);
        }
        while (first < last && Double.isNaN(posE[first])) {
            first++;
        }
        while (last > first && Double.isNaN(posE[last])) {
            last--;
        }
        return last - first + 1 >= fewest;
    }

    /** Drops a few positions from the end that lies farther from the line. */
    private void trimWorseEnd() {
        int n = Math.max(2, (last - first + 1) / 16);
        double head = 0;
        double tail = 0;
        for (int k = 0; k < n; k++) {
            head += residual(first + k);
            tail += residual(last - k);
        }
        if (head > tail) {
            first += n;
        } else {
            last -= n;
        }
    }

    private double residual(int k) {
        double e = posE[k];
        return Double.isNaN(e) ? 0 : Math.abs(e - fitA - fitB * posT[k]);
    }

    /**
     * Profiles across the segment every other pixel (2 px in from its ends) give the clearance of
     * each side, where the mean absolute derivative first rises above {@link #CLEAR_SHARE} of the
     * edge's peak (the plane's border counts as an edge), and the contrast of the two sides' linear
     * means between the edge and the clearance; the segment is a candidate when both sides are
     * clear for {@value #MIN_CLEARANCE} px.
     */
    private void measureSides() {
        int m = MAX_CLEARANCE + 1;
        Arrays.fill(meanAbs, 0);
        Arrays.fill(meanSigned, 0);
        Arrays.fill(linearSum, 0);
        int reachPlus = m;
        int reachMinus = m;
        int rows = 0;
        double t0 = posT[first] + 2;
        double t1 = posT[last] - 2;
        // every other pixel, or 48 profiles spread over a long segment: enough for means across it
        double step = Math.max(2, (t1 - t0) / SIDE_PROFILES);
        for (double t = t0; t <= t1; t += step) {
            double px = pointX(t);
            double py = pointY(t);
            for (int k = -m; k <= m; k++) {
                double x = px + k * nx;
                double y = py + k * ny;
                if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
                    across[k + m] = Double.NaN;
                    if (k < 0) {
                        reachMinus = Math.min(reachMinus, -k - 1);
                    } else {
                        reachPlus = Math.min(reachPlus, k - 1);
                    }
                    continue;
                }
                across[k + m] = sample(x, y);
                int xi = (int) (x + 0.5);
                int yi = (int) (y + 0.5);
                linearSum[k + m] += Srgb.LINEAR[luma[yi * width + xi] & 0xFF];
            }
            for (int k = 0; k < 2 * m; k++) {
                double d = across[k + 1] - across[k];
                if (!Double.isNaN(d)) {
                    meanAbs[k] += Math.abs(d);
                    meanSigned[k] += d;
                }
            }
            rows++;
        }
        if (rows == 0) {
            return;
        }
        // derivative index k sits at offset k − m + 0.5 from the line
        int centre = m - 1;
        double peak = 0;
        for (int k = centre - 2; k <= centre + 2; k++) {
            peak = Math.max(peak, meanSigned[k] / rows);
        }
        if (peak <= 0) {
            return;
        }
        double limit = peak * CLEAR_SHARE * rows;
        double tail = peak * 0.1 * rows;
        double halo = peak * 0.4 * rows;
        int plus = sideClearance(centre + 1, 1, limit, tail, halo, Math.min(reachPlus, m - 1));
        int minus = sideClearance(centre, -1, limit, tail, halo, Math.min(reachMinus, m - 1));
        double clearance = Math.min(Math.min(plus, minus), MAX_CLEARANCE);
        if (clearance < MIN_CLEARANCE) {
            return;
        }
        double bright = 0;
        double dark = 0;
        int from = 3;
        int to = (int) Math.min(clearance, 16);
        for (int d = from; d <= to; d++) {
            bright += linearSum[m + d];
            dark += linearSum[m - d];
        }
        double contrast = (bright - dark) / Math.max(1e-12, bright + dark);
        keep(clearance, contrast);
    }

    /**
     * Whole pixels from the line on one side before a derivative (past the edge's own tail, where
     * the mean signed derivative falls below a tenth of the peak) rises above the limit.
     */
    private int sideClearance(int start, int dir, double limit, double tail, double halo, int reach) {
        int m = MAX_CLEARANCE + 1;
        int k = start;
        int offset = 0; // whole pixels from the line to the derivative at index k, rounded down
        while (offset < reach) {
            double signed = meanSigned[k];
            if (signed < -halo) {
                return offset; // an edge the other way: the far side of a thin line or a stroke
            }
            if (signed <= tail && (offset > 4 || signed >= -tail)) {
                break; // past the edge's rise, and past the undershoot that sharpening leaves beside it
            }
            k += dir;
            offset++;
        }
        while (offset < reach) {
            if (meanAbs[k] > limit) {
                return offset;
            }
            k += dir;
            offset++;
        }
        return Math.min(reach, m - 1);
    }

    /** Adds the refined segment as a candidate, unless a longer one on the same line already covers it. */
    private void keep(double clearance, double contrast) {
        double ax = pointX(posT[first]);
        double ay = pointY(posT[first]);
        double bx = pointX(posT[last]);
        double by = pointY(posT[last]);
        double length = Math.hypot(bx - ax, by - ay);
        for (int k = 0; k < candidates; k++) {
            double ex = cx2[k] - cx1[k];
            double ey = cy2[k] - cy1[k];
            double len = Math.hypot(ex, ey);
            double knx = ey / len;
            double kny = -ex / len;
            if (Math.abs(knx * nx + kny * ny) < 0.995 || Math.abs((ax - cx1[k]) * knx + (ay - cy1[k]) * kny) > 1.5) {
                continue;
            }
            double fa = ((ax - cx1[k]) * ex + (ay - cy1[k]) * ey) / len;
            double fb = ((bx - cx1[k]) * ex + (by - cy1[k]) * ey) / len;
            double overlap = Math.min(len, Math.max(fa, fb)) - Math.max(0, Math.min(fa, fb));
            if (overlap > 0.5 * Math.min(len, length)) {
                if (length <= len) {
                    return;
                }
                store(k, ax, ay, bx, by, length, clearance, contrast);
                return;
            }
        }
        store(candidates++, ax, ay, bx, by, length, clearance, contrast);
    }

    private void store(int k, double ax, double ay, double bx, double by, double length, double clearance,
            double contrast) {
        cx1[k] = ax;
        cy1[k] = ay;
        cx2[k] = bx;
        cy2[k] = by;
        cClearance[k] = clearance;
        cContrast[k] = contrast;
        // long, clear and contrasted enough for e-SFR's noise; beyond that the longer the better
        cScore[k] = length * Math.min(clearance, MAX_CLEARANCE) * Math.min(1, 2 * contrast);
    }

    /** Ranks the candidates, best first (insertion sort: a few hundred at most); returns how many are returned. */
    private int rankCandidates() {
        for (int k = 0; k < candidates; k++) {
            int r = k;
            double s = cScore[k];
            int j = k - 1;
            while (j >= 0 && cScore[rank[j]] < s) {
                rank[j + 1] = rank[j];
                j--;
            }
            rank[j + 1] = r;
        }
        return Math.min(candidates, MAX_SEGMENTS);
    }
}
