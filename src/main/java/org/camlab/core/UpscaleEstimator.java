package org.camlab.core;

import java.util.Arrays;

/**
 * Effective resolution from the frame itself: how much larger the frame is than the picture it
 * really holds ({@code resolution.upscaleFactor}).
 *
 * <p>Two traces of interpolation are combined.
 * <ol>
 * <li><b>Periodic residue</b> (Popescu &amp; Farid 2005, Kirchner 2008). An interpolated pixel is a
 * weighted sum of its neighbours with weights that repeat with the resampling phase, so the
 * residue of a linear predictor, |2Y(x) − Y(x−1) − Y(x+1)|, and its first difference, summed down
 * each column (and along each row), are periodic: their spectra peak at f = m/k (mod 1), e.g. 0.5
 * for ×2, 1/3 for ×1.5 and ×3, 1/4 and 1/2 for ×4, 3/8 for ×8/3. The evidence of a frequency is
 * its peak over the median of the Hann-windowed profile spectrum, the larger of
 * horizontal and vertical over {@value #PEAK_RATIO}, or their geometric mean (an enlargement
 * shows in both directions, a texture seldom at the same frequency) over {@value #JOINT_RATIO}.
 * Below {@value #MIN_EVIDENCE} there is no trace, and the factor is 1: a blurred, soft or
 * noise-reduced native picture loses detail too, but not periodically, and is not an enlarged
 * one.</li>
 * <li><b>Where the spectrum ends</b> chooses between the factors one residue frequency allows
 * (m/f and m/(1−f)). A picture enlarged k× holds no detail above 0.5/k cycles per output
 * pixel and the kernel's spectral images die out before 1/k; the averaged power spectrum of up
 * to {@value LineSpectrum#LINES} windowed rows and as many columns is compared with the floor that 8-bit
 * rounding leaves (variance 1/12): the first frequency f* from which it stays within
 * {@value LineSpectrum#FLOOR_MARGIN_DECADES} decades of that floor gives k ≈ {@value #END_CONSTANT}/f*, and
 * the candidate nearest it wins. Without such an end (detail to Nyquist below ×1.9, or a noise
 * floor), the candidate whose cut-off shows the steeper drop, preferring the smaller.</li>
 * </ol>
 * <b>JPEG and MPEG block grids</b> leave residue at multiples of 1/8, where the |Δe| profile's
 * 1/8 peak is its largest of 1/8, 1/4 and 3/8 (an 8/3 enlargement peaks at 3/8 and 1/4 instead).
 * With a grid, those frequencies are ignored except Nyquist in the |Δe| profiles (the grid's
 * pattern is mirror-symmetric there and leaves it nearly empty: ×2 and ×4 show through), taken
 * unless a peak off the grid has evidence {@value #OFF_GRID_EVIDENCE} (H.264's 4×4 transforms
 * fill Nyquist), and
 * since compression noise hides the spectral end, a larger candidate is taken while the band
 * between its cut-off and the current one has fallen below {@value #STEP_LEVEL} of the way
 * from the top band's level to the passband (×1.5 → ×3, ×2 → ×4). Weak evidence (under
 * {@value #WEAK_EVIDENCE}) also needs a drop of {@value #WEAK_CLIFF} decade at the chosen
 * cut-off. Under a grid, an 8/3 enlargement (8-periodic like the grid) is told by its 3/8 share
 * ({@link #eightThirdsUnderGrid}), and peaks below {@value #MIN_PEAK_UNDER_GRID} are not taken:
 * they are an earlier JPEG's grid, enlarged with the picture. NaN when the frame has too little
 * detail to tell (power between 0.05 and 0.5 cycles/px equivalent to less than
 * {@value #MIN_DETAIL_SIGMA} code value RMS).
 *
 * <p><b>Webcam pipelines</b> (issue 29: a small sensor picture enlarged by the camera, then sent as
 * MJPEG at quality 75–90 or through x264). Under a JPEG grid the grid itself fills Nyquist, so a
 * trace found there alone needs {@value #GRID_NYQUIST_EVIDENCE}, or {@value #GRID_NYQUIST_CUT_EVIDENCE}
 * with ×2's cut at 1/4 cycles/px: no detail is not missing detail, and a grainy wall or a defocused
 * picture under MJPEG is not enlarged. Either way the line must fill the blocks' interior too
 * ({@link ResidueProfiles#interiorNyquist}), or ×4, whose line is weak there, show its aliasing: a defocus of σ
 * 1.5–2 drops as much at 1/4 cycles/px as ×2 cuts, and its grid's evidence at Nyquist reaches 15
 * under MJPEG 75. The sign does not tell them apart: a ×2 enlargement's |Δe| residue is largest
 * across the pairs midway between its input samples (the second difference of a bilinear
 * interpolant is equal on both sides of a sample and changes between them), at even x like the
 * block edges, so both lines are positive referred to the frame's edge. Where they lie does: ×2's
 * alternates at every pair, the grid's sits on the block edges, and the |Δe| Nyquist line over the
 * pairs 2–6 pixels past an edge is for ×2 under MJPEG 75–90 0.10 and more of the mean residue, for
 * defocused photographs (σ 1.5–2) under MJPEG 75 that read ×2 without it 0.075 at most. The
 * quantiser weakens the common enlargements' lines below the evidence a search of every frequency
 * needs, so under a clear grid they are looked at alone:
 * 1/3 (×1.5, {@link #thirdUnderGrid}), 7/16 (×16/9) and 1/5 (×5/4, {@link #lineUnderGrid}); and ×4,
 * whose lines are all the grid's, by the grid's 1/4 harmonic ({@link #quarterUnderGrid}). x264's
 * 4×4 transforms leave a grid at 1/4 the JPEG test misses ({@link #transformGridPeak}).
 *
 * <p><b>Aliasing</b> tells an enlargement from a defocus where only a drop in the spectrum was seen
 * ({@link LineSpectrum#aliasing}): ×4 told by the drop at 1/8 alone (x264, MJPEG) or by a step
 * ×2 → ×4 under a grid, and ×8/3 read off x264's own line at 1/4, need an aliasing of
 * {@value #MIN_ALIASING}; ×2 told by the |Δe| Nyquist line under x264's grid one of
 * {@value #TRANSFORM_ALIASING}.
 *
 * <p><b>Periodic content</b> (text, ruled lines, a collage's tiles) has residue lines of its own period,
 * which a defocus leaves standing where it takes the detail around them. The light itself has a line
 * there too, which a scaler's residue line lacks but for a faint ripple: a peak whose light line is
 * clear and a tenth of the residue's or more is the content's ({@link #contentsLine}).
 *
 * <p><b>The sign of a residue line</b> tells apart the factors that share it (×1.5 and ×3 at 1/3,
 * ×16/9 and ×16/7 at 7/16, ×5/4 and ×5/2 at 1/5, ×4 and the block grid at 1/4), which the power
 * spectrum cannot: their lines have the same frequency, and the spectral end is hidden by the
 * encoder's noise. Camera scalers, FFmpeg's and Java's align pixel centres (output pixel x samples
 * the input at (x + ½)/k − ½), so an enlargement's residue is a train of pulses where the input
 * samples fall, at y = (i + ½)·k with y = x + ½ measured from the frame's edge (the kinks of a
 * bilinear interpolant, the knots of a cubic one). Referred to that edge, its harmonic n/k has
 * the phase of cos(2πn(i + ½)), real with the sign (−1)^n; a harmonic above Nyquist is seen
 * mirrored, and cos(2π(1 − f)y) = −cos(2πfy) at half-integer y, so its sign flips. ×3's line at
 * 1/3 is its first harmonic, negative; ×1.5's is its first harmonic 2/3 mirrored, positive: every
 * third pixel of a ×3 enlargement is an input sample carrying the residue, where that pixel of a
 * ×1.5 one lies midway between two, where the interpolant is smoothest ({@link #expectedSign}).
 * The sign is read in the |e| profiles as the line's cosine part referred to the edge, where the
 * line is phase-locked, that is its cosine part outweighs its sine part {@value ResidueProfiles#PHASE_LOCK}×
 * ({@link ResidueProfiles#lock}); a frame cropped after scaling loses the lock and with it the sign, nothing
 * else. Candidates whose expected sign contradicts the one read are dropped; and a line locked with
 * its factor's sign (in one direction at least: a pipeline that rounds the height to an even size
 * leaves the vertical factor off k, and the vertical line drifts) needs no cliff at the factor's
 * cut-off when its evidence is weak (x264 blurs ×1.5's cut-off at 1/3 to 0.5–0.7 decade, ×1.25's at
 * 2/5 too): a texture's line has no reason to keep one phase over the whole frame. Not on multiples of 1/8: a block codec's own pulses (at the
 * block edges, y ≡ 0 mod 8) lock those lines with a positive sign, even where the grid tests see no
 * grid (x264 on a native picture). There ×4's first harmonic at 1/4 is negative: an |e| line at 1/4
 * negative in both directions under a grid is a ×4 enlargement outweighing the grid's own
 * ({@link #quarterUnderGrid}). Where nothing else is found, a ×1.5 or ×16/9 line locked across and
 * down with a large cosine share is a trace by itself ({@link #lockedLine}): a small frame's residue
 * lines fall below every evidence threshold, but not their phase.
 * Measured on the real photographs of the webcam pipelines (MJPEG 75/90, x264; cosine part over
 * the mean residue): at 1/3 every ×1.5 +0.02 and more in both directions, every ×3 −0.06 and less;
 * at 7/16 every ×16/9 +0.012 and more across; at 1/4 under MJPEG 90 the grid keeps every ×2 and
 * look-alike positive, where 8 of 9 bilinear ×4 turn negative in both directions.
 */
public final class UpscaleEstimator {
    static final int MAX_LENGTH = 1024;
    static final double MIN_DETAIL_SIGMA = 0.5;
    static final double END_CONSTANT = 0.9;
    /** Factor units a decade of cliff is worth when choosing between candidates without a spectral end. */
    static final double CLIFF_WEIGHT = 2.0;
    /** One direction's residue peak over the median of its spectrum (native photographs reach about 190 from texture). */
    static final double PEAK_RATIO = 250;
    /** Geometric mean of the horizontal and vertical peaks at one frequency (natives' textures stay below 75). */
    static final double JOINT_RATIO = 60;
    /** Evidence (peak over its ratio) below which there is no trace: the 20 real photographs, blurred or JPEG'd, reach 1.22. */
    static final double MIN_EVIDENCE = 1.25;
    static final double WEAK_EVIDENCE = 3;
    /** Evidence off a block grid that is taken before the grid's Nyquist exception. */
    static final double OFF_GRID_EVIDENCE = 5;
    static final double WEAK_CLIFF = 0.7;
    /** Where the band between two cut-offs must lie, between the top band (0) and the passband (1), to take the larger factor. */
    static final double STEP_LEVEL = 0.33;
    static final double MAX_FACTOR = 6;
    static final double BLOCK_RATIO = 25;
    /** An 8/3 enlargement under a block grid: its |Δe| 3/8 peak over the grid's 1/8 (a grid alone: under 0.1). */
    static final double EIGHT_THIRDS_DELTA_SHARE = 0.15;
    /** … with its |e| 3/8 peak under this share of 1/8 (a ×1.5 enlargement's 1/3 peak lifts it to 1 and more). */
    static final double EIGHT_THIRDS_PLAIN_SHARE = 0.3;
    /** … and the joint |Δe| 3/8 peak over {@link #JOINT_RATIO} at least this (natives under JPEG: under 6). */
    static final double EIGHT_THIRDS_EVIDENCE = 8;
    /** Block-grid frequencies are ignored within this many profile-resolution bins. */
    static final double GRID_REACH = 3;
    /**
     * A trace at the block grid's Nyquist alone is taken from this evidence: the grid's own residue there
     * reaches 7 on a grainy blank wall or a defocused picture under MJPEG.
     */
    static final double GRID_NYQUIST_EVIDENCE = 8;
    /** … or from this evidence with a drop of {@link #GRID_NYQUIST_CLIFF} decade at 1/4 cycles/px, where ×2 or more cuts. */
    static final double GRID_NYQUIST_CUT_EVIDENCE = 4;
    /** Enlarged ×2 under MJPEG: 0.83 and more; grainy walls and defocused pictures (σ 1.5–4): 0.82 at most. */
    static final double GRID_NYQUIST_CLIFF = 0.85;
    /**
     * … and, either way, this Nyquist line inside the blocks (see interiorNyquist), or ×4's aliasing: enlarged
     * ×2 under MJPEG 75–90 0.10 and more, defocused photographs (σ 1.5–2) under MJPEG 75 read ×2 without it
     * 0.075 at most.
     */
    static final double GRID_NYQUIST_INTERIOR = 0.09;
    /** Joint ratio at 1/3 that tells a ×1.5 or ×3 enlargement under a block grid (see thirdUnderGrid). */
    static final double THIRD_JOINT = 12;
    /** Joint ratio at 7/16 that tells a ×16/9 enlargement under a block grid (see lineUnderGrid). */
    static final double SIXTEENTH_JOINT = 12;
    /** Joint ratio at 1/5 that tells a ×5/4 enlargement under a block grid (see lineUnderGrid). */
    static final double FIFTH_JOINT = 12;
    /** A ×4 enlargement under a block grid (see quarterUnderGrid): |Δe| 1/4 line over 1/8, at least. */
    static final double QUARTER_DELTA_SHARE = 0.38;
    /** … with the grid's |Δe| 1/8 line at least this over the median. */
    static final double QUARTER_GRID_LINE = 100;
    /** … |e| 1/4 line over 1/8, below. */
    static final double QUARTER_PLAIN_SHARE = 0.6;
    /** … drop at 1/8 cycles/px, decades, at least. */
    static final double QUARTER_CLIFF = 0.85;
    /** Under x264's transform grid, a ×2 enlargement's |Δe| Nyquist line over the grid's 1/4 line (see transformGridPeak). */
    static final double TRANSFORM_NYQUIST_SHARE = 0.25;
    /** … with this drop at 1/4 cycles/px, decades (x264's ×2: 0.65 and more; a grainy wall: 0.06 at most). */
    static final double TRANSFORM_CLIFF = 0.5;
    /**
     * … and ×2's aliasing (see LineSpectrum.aliasing) at least this: x264's ×2 enlargements 0.21 and more,
     * defocused photographs and drawings through x264 0.12 at most (defocused text reached the Nyquist
     * share and the drop without it).
     */
    static final double TRANSFORM_ALIASING = 0.15;
    /** Under a block grid, residue peaks below this are an earlier, enlarged grid's (see findPeak). */
    static final double MIN_PEAK_UNDER_GRID = 0.22;

    /**
     * The aliasing (see aliasing) from which ×4 or ×8/3, told by a drop in the spectrum or a block grid's
     * line, is taken: ×4 enlargements through MJPEG or x264 0.35 and more, defocused pictures 0.20 at most.
     */
    static final double MIN_ALIASING = 0.3;

    /** Residue lines are snapped to a fraction m/p (p ≤ 16) this close, cycles/px. */
    static final double LINE_SNAP = 0.003;

    /**
     * The lines lockedLine looks at: ×1.5 (and ×3), ×16/9. Not ×5/4's 1/5: face_grid4_landmarks.jpg, a
     * collage of face crops held to be native, has one locked at 0.13 across and 0.05 down under JPEG.
     */
    private static final double[] LOCKED_LINES = {1.0 / 3, 7.0 / 16};
    /** The light's own line at the residue's peak from which the peak may be the content's (see contentsLine). */
    static final double CONTENT_LINE = 75;
    /** … and the light's line over the residue's, from which it is. */
    static final double CONTENT_SHARE = 0.1;
    /** A line locked across and down with this cosine share (of the mean residue) is a trace by itself. */
    static final double LOCKED_LINE_SHARE = 0.05;

    private final LineSpectrum spectrum = new LineSpectrum();
    private final ResidueProfiles residue = new ResidueProfiles();
    /** The lock of the line a trace was found at, and of a line looked at alone. */
    private final ResidueProfiles.Lock traceLock = new ResidueProfiles.Lock();
    private final ResidueProfiles.Lock lineLock = new ResidueProfiles.Lock();
    private final double[] candidates = new double[12];

    private boolean traced;
    private boolean blockGrid;
    private boolean eightThirds;
    private boolean gridNyquist;
    private boolean transformGrid;
    /** The trace is thirdUnderGrid's: too faint for the step to ×3, which a ×3 enlargement's clear trace takes. */
    private boolean thirdOnly;
    /** A factor told by the shape of a compression grid's own residue lines (2 or 4), else NaN. */
    private double commensurate;
    private double peakFrequency;
    /** The factor 4 was told under x264's grid by the drop at 1/8 alone (see transformGridPeak). */
    private boolean quarterByCliff;
    private double peakEvidence;

    /**
     * Whether the last {@link #estimate} found the periodic residue of interpolation: an enlarged
     * picture. Without it the factor is 1, however early the detail ends: blur, a soft or dirty
     * lens and noise reduction end it early too.
     */
    public boolean traced() {
        return traced;
    }

    /** Upscale factor, ≈1 for native pixels; NaN when the content has too little detail to tell. */
    public double estimate(byte[] luma, int width, int height) {
        traced = false;
        int length = Math.min(MAX_LENGTH, Integer.highestOneBit(Math.min(width, height)));
        if (length < 64) {
            return Double.NaN;
        }
        if (spectrum.measure(luma, width, height, length) < MIN_DETAIL_SIGMA) {
            return Double.NaN;
        }
        residue.measure(luma, width, height);
        quarterByCliff = false;
        double k = traces();
        // a drop at 1/8 under x264 is a guess at ×4 without a line of its own; a locked line is a trace
        if (!traced || quarterByCliff) {
            double locked = lockedLine();
            if (!Double.isNaN(locked)) {
                traced = true;
                return locked;
            }
        }
        return k;
    }

    /** The factor the residue's traces tell (see the class comment), 1 without a trace. */
    private double traces() {
        findPeak();
        if (!Double.isNaN(commensurate)) {
            traced = true;
            return commensurate;
        }
        if (!(peakEvidence >= MIN_EVIDENCE) || gridNyquist && !gridNyquistTaken()) {
            return 1.0;
        }
        if (!gridNyquist && contentsLine(peakFrequency)) {
            return 1.0;
        }
        double end = spectrum.end();
        double kSpec = Double.isNaN(end) ? Double.NaN : END_CONSTANT / end;
        double f = peakFrequency;
        double line = lineFrequency(f);
        // multiples of 1/8 carry a block codec's own lines, locked to the edge too (positive), even
        // where the grid tests see no grid (x264 at CRF 23 on a native picture)
        ResidueProfiles.Lock lock = Double.isNaN(line) || line > 0.49 || onEighths(line) ? traceLock.none()
                : residue.lock(line, traceLock);
        int sign = lock.sign();
        double best = Double.NaN;
        double bestDistance = Double.MAX_VALUE;
        int n = 0;
        for (int m = 1; m <= 6; m++) {
            for (int side = 0; side < 2; side++) {
                double k = m / (side == 0 ? f : 1 - f);
                // repeating every 8 pixels: 8/3 or 8/5, not the multiples that repeat every 16 or 24
                if (k < 1.1 || k > MAX_FACTOR || eightThirds && m > 1) {
                    continue;
                }
                if (sign != 0 && expectedSign(line, m / (side == 0 ? line : 1 - line)) != sign) {
                    continue;
                }
                candidates[n++] = k;
                // Without a spectral end, prefer the candidate whose cut-off 0.5/k shows the steeper
                // drop (passband against the kernel's attenuated images), then the smaller factor.
                double distance = Double.isNaN(kSpec) ? k - CLIFF_WEIGHT * spectrum.cliff(0.5 / k) : Math.abs(Math.log(k
                        / kSpec));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
        }
        if (Double.isNaN(best) || (!Double.isNaN(kSpec) && bestDistance > Math.log(1.35))) {
            return 1.0;
        }
        if ((blockGrid || transformGrid) && (Double.isNaN(kSpec) || eightThirds) && !thirdOnly) {
            Arrays.sort(candidates, 0, n);
            for (int c = 0; c < n; c++) {
                // under x264's grid the step goes to ×3 or ×4 (×1.5 → ×3), not ×1.25 → ×2.5 or ×5: the
                // camera scalers that enlarge more than twice do so by 3 or 4, and 8/3 lies on the grid
                if (candidates[c] < best * 1.02 || transformGrid && (Math.abs(candidates[c] - Math.rint(
                        candidates[c])) > 0.05 || candidates[c] > 4.05)) {
                    continue;
                }
                // a step to ×4 is a drop in the spectrum too: it needs ×4's aliasing
                if (!(spectrum.stepLevel(best, candidates[c]) < STEP_LEVEL) || Math.abs(candidates[c] - 4) < 0.05
                        && spectrum.aliasing(4) < MIN_ALIASING) {
                    break;
                }
                best = candidates[c];
            }
        }
        // taken for ×4's aliasing, the grid's Nyquist alone is no ×2: that needs the line inside the blocks
        if (gridNyquist && Math.abs(best - 2) < 0.05 && residue.interiorNyquist() < GRID_NYQUIST_INTERIOR) {
            return 1.0;
        }
        // a line locked to the frame's edge, with the sign the factor predicts, is the enlargement's own:
        // a texture's line has no reason to keep that phase over the whole frame
        boolean confirmed = sign != 0 && lock.directions() >= 1;
        if (peakEvidence < WEAK_EVIDENCE && spectrum.cliff(0.5 / best) < WEAK_CLIFF && !confirmed
                || peakEvidence < WEAK_EVIDENCE && !Double.isNaN(end) && spectrum.risesAfter(end)) {
            return 1.0;
        }
        // ×4's and ×8/3's lines are all a block grid's multiples of 1/8 (x264's at 1/4 even where the
        // grid tests see no grid): without the factor's aliasing they are the codec's (×8/3 under a clear
        // JPEG grid is told by its 3/8 share instead, see eightThirdsUnderGrid)
        if ((blockGrid || transformGrid) && Math.abs(best - 4) < 0.05 || !eightThirds && Math.abs(best - 8.0
                / 3) < 0.05) {
            if (spectrum.aliasing(best) < MIN_ALIASING) {
                return 1.0;
            }
        }
        traced = true;
        return best;
    }

    /**
     * The residue line nearest f at a fraction with a denominator of at most 16 (the periods of the
     * enlargements a sign can tell apart), within {@value #LINE_SNAP} cycles/px; NaN if none.
     */
    private static double lineFrequency(double f) {
        double best = Double.NaN;
        double distance = LINE_SNAP;
        for (int q = 2; q <= 16; q++) {
            double near = Math.rint(f * q) / q;
            if (Math.abs(near - f) < distance) {
                distance = Math.abs(near - f);
                best = near;
            }
        }
        return best;
    }

    private static boolean onEighths(double f) {
        return Math.abs(f * 8 - Math.rint(f * 8)) < 1e-9;
    }

    /**
     * The sign an enlargement by k gives its residue line at f, referred to the frame's edge: its
     * lowest harmonic n/k that falls on f (directly or mirrored about Nyquist); see ResidueProfiles.lock.
     */
    static int expectedSign(double f, double k) {
        for (int n = 1; n <= 16; n++) {
            double h = n / k;
            double j = Math.floor(h + 1e-9);
            double x = h - j;
            // cos(2π (j + x) y) = (−1)^j cos(2π x y) for half-integer y, and cos(2π (1 − f) y) = −cos(2π f y)
            int parity = ((n + (int) j) & 1) == 0 ? 1 : -1;
            if (Math.abs(x - f) < 1e-6) {
                return parity;
            }
            if (Math.abs(x - (1 - f)) < 1e-6) {
                return -parity;
            }
        }
        return 0;
    }

    /**
     * Whether the residue's line at f is the content's (ruled lines, text, a collage's tiles, defocused):
     * the light itself has a line there ({@link ResidueProfiles#contentLine}, {@value #CONTENT_LINE} and
     * more over its median) of at least {@value #CONTENT_SHARE} of the residue's own. A scaler whose
     * weights do not sum to exactly one at every phase ripples the light at its own line too (FFmpeg's
     * fixed-point ×1.25 through x264: up to 65; Java2D's noiseless ×3 bicubic: 1,040), but as a
     * by-product of the residue's line, 0.03 of it at most where it reaches 75; a periodic content's
     * light line is the cause, and outweighs its residue's once defocused (measured on the drawings,
     * the collage and a photograph of text, defocused σ 1.5–3: 0.23 to 363).
     */
    private boolean contentsLine(double f) {
        double light = residue.contentLine(f);
        return light >= CONTENT_LINE && light >= CONTENT_SHARE * residue.line(f);
    }

    /**
     * The commonest webcam enlargements' lines (1/3: ×1.5 or ×3, 7/16: ×16/9), looked at
     * alone when nothing else was found: one locked to the frame's edge across and down, each with a
     * cosine part of at least {@value #LOCKED_LINE_SHARE} of the mean residue (look-alikes and native
     * pictures, whatever their codec: 0.013 at most), names the smallest factor of its sign; NaN if
     * none. The weakest such traces of a small frame (540×270) under MJPEG 90 or x264 hold 0.13–0.2,
     * where a texture's line has no reason to keep one phase over the frame.
     */
    private double lockedLine() {
        for (double f : LOCKED_LINES) {
            ResidueProfiles.Lock lock = residue.lock(f, lineLock);
            int sign = lock.sign();
            if (sign == 0 || lock.directions() < 2 || lock.share() < LOCKED_LINE_SHARE) {
                continue;
            }
            double smallest = Double.NaN;
            for (int m = 1; m <= 6; m++) {
                for (int side = 0; side < 2; side++) {
                    double k = m / (side == 0 ? f : 1 - f);
                    if (k >= 1.1 && k <= MAX_FACTOR && expectedSign(f, k) == sign && !(k >= smallest)) {
                        smallest = k;
                    }
                }
            }
            if (!Double.isNaN(smallest)) {
                return smallest;
            }
        }
        return Double.NaN;
    }

    /**
     * Whether a trace at the block grid's Nyquist alone is strong enough (see GRID_NYQUIST_EVIDENCE) and
     * is an enlargement's: ×2's line fills the blocks' interior (see interiorNyquist), ×4's, weak there,
     * shows in its aliasing. Otherwise the grid's lines are looked at one by one, as without a trace.
     */
    private boolean gridNyquistTaken() {
        return (peakEvidence >= GRID_NYQUIST_EVIDENCE || peakEvidence >= GRID_NYQUIST_CUT_EVIDENCE && spectrum.cliff(
                0.25) >= GRID_NYQUIST_CLIFF) && (residue.interiorNyquist() >= GRID_NYQUIST_INTERIOR
                        || spectrum.aliasing(4) >= MIN_ALIASING);
    }

    /** The frequency (cycles/px) with the strongest residue evidence, into {@link #peakFrequency} and {@link #peakEvidence}. */
    private void findPeak() {
        blockGrid = false;
        eightThirds = false;
        for (int i = 1; i < 4; i += 2) {
            double eighth = residue.peakNear(i, 1.0 / 8);
            blockGrid |= eighth > BLOCK_RATIO && eighth >= residue.peakNear(i, 1.0 / 4) && eighth >= residue.peakNear(i,
                    3.0 / 8);
        }
        transformGrid = false;
        thirdOnly = false;
        commensurate = Double.NaN;
        searchPeak();
        if (!blockGrid && Math.abs(peakFrequency - 0.25) * residue.size() <= GRID_REACH * residue.binsPerSample()
                && Double.isNaN(spectrum.end())) {
            transformGridPeak();
        }
        if (blockGrid) {
            eightThirdsUnderGrid();
            // only under a clear grid (MJPEG 75–90 leave 360 and more): the faint grid of a JPEG source,
            // blurred or shrunk afterwards, weakens no line, and the search above has had its chance
            if (!eightThirds && (gridNyquist ? !gridNyquistTaken()
                    : !(peakEvidence >= MIN_EVIDENCE)) && residue.joint(1, 1.0 / 8) >= QUARTER_GRID_LINE) {
                thirdUnderGrid();
                if (!thirdOnly) {
                    lineUnderGrid(7.0 / 16, SIXTEENTH_JOINT, 16.0 / 9);
                }
                if (!thirdOnly && Double.isNaN(commensurate)) {
                    lineUnderGrid(1.0 / 5, FIFTH_JOINT, 1.25);
                }
            }
            if (!eightThirds && !thirdOnly && Double.isNaN(commensurate) && (gridNyquist
                    || !(peakEvidence >= MIN_EVIDENCE))) {
                quarterUnderGrid();
            }
        }
    }

    /** The strongest residue frequency off the block grid (see findPeak), with the grid's Nyquist exception. */
    private void searchPeak() {
        int size = residue.size();
        double binsPerSample = residue.binsPerSample();
        int half = size / 2;
        int from = (int) Math.ceil(ResidueProfiles.MIN_PEAK_FREQUENCY * size);
        // horizontal and vertical profiles have different lengths, so a peak spreads over more bins in the shorter
        int reach = (int) Math.ceil(binsPerSample / 2);
        peakFrequency = Double.NaN;
        peakEvidence = 0;
        double nyquistEvidence = 0;
        for (int j = from; j <= half; j++) {
            double f = (double) j / size;
            boolean onGrid = (blockGrid || transformGrid) && Math.abs(f * 8 - Math.round(f * 8)) * size
                    / 8 < GRID_REACH * binsPerSample;
            double across = 0;
            double down = 0;
            for (int i = 0; i < 4; i++) {
                if (onGrid && !(j == half && (i == 1 || i == 3))) {
                    continue;
                }
                double[] ratios = residue.ratios(i);
                double r = 0;
                for (int d = Math.max(from - j, -reach); d <= Math.min(half - j, reach); d++) {
                    r = Math.max(r, ratios[j + d]);
                }
                if (i < 2) {
                    across = Math.max(across, r);
                } else {
                    down = Math.max(down, r);
                }
            }
            double evidence = Math.max(Math.max(across, down) / PEAK_RATIO, Math.sqrt(across * down) / JOINT_RATIO);
            if (onGrid) {
                nyquistEvidence = evidence;
                continue;
            }
            // a JPEG of the small picture, enlarged k×, leaves its grid at m/(8k): 3/16 for ×2, 1/6 for
            // ×3, 5/32 for ×4, all below this, where no enlargement of ×4 or less has its own
            if (blockGrid && f < MIN_PEAK_UNDER_GRID) {
                continue;
            }
            if (evidence > peakEvidence) {
                peakEvidence = evidence;
                peakFrequency = f;
            }
        }
        // H.264's 4×4 transforms put residue at Nyquist too: a clear peak off the grid comes first.
        gridNyquist = blockGrid && nyquistEvidence > peakEvidence && peakEvidence < OFF_GRID_EVIDENCE;
        if (gridNyquist) {
            peakEvidence = nyquistEvidence;
            peakFrequency = 0.5;
        }
    }

    /**
     * x264's 4×4 transforms leave a grid whose residue lines at 1/4 (and 1/2) outweigh every
     * interpolation trace, where the JPEG test (1/8 the strongest line) sees none; its compression
     * noise leaves the spectrum no end. With a clear 1/4 line ({@value #QUARTER_GRID_LINE} over the
     * median: a blurred picture's faint one is not a grid) the trace is looked for off the multiples
     * of 1/8 (its 8×8 transforms leave 1/8), but below 0.22 too (×1.25 has 1/5; a JPEG source's
     * enlarged grid is not expected under H.264); failing that, a ×2 enlargement shows in the |Δe|
     * Nyquist line at {@value #TRANSFORM_NYQUIST_SHARE} or more of the 1/4 line (x264 at CRF 23 on the
     * real photographs: ×2 0.3 and more, others 0.2 at most) with a drop of {@value #TRANSFORM_CLIFF}
     * decade at 1/4 cycles/px (a grainy wall: none), and a ×4 one in the drop at 1/8 cycles/px
     * ({@value #QUARTER_CLIFF} decade) with ×4's aliasing: a defocus of σ 1.5–3 px drops as much there.
     */
    private void transformGridPeak() {
        if (Math.max(residue.joint(0, 0.25), residue.joint(1, 0.25)) < QUARTER_GRID_LINE) {
            return;
        }
        transformGrid = true;
        searchPeak();
        if (peakEvidence >= MIN_EVIDENCE) {
            return;
        }
        if (residue.joint(1, 0.5) >= TRANSFORM_NYQUIST_SHARE * residue.joint(1, 0.25)
                && spectrum.cliff(0.25) >= TRANSFORM_CLIFF && spectrum.aliasing(2) >= TRANSFORM_ALIASING) {
            commensurate = 2;
        } else if (spectrum.cliff(0.125) >= QUARTER_CLIFF && spectrum.aliasing(4) >= MIN_ALIASING) {
            commensurate = 4;
            quarterByCliff = true;
        }
    }

    /**
     * A ×1.5 (or ×3) enlargement under MJPEG at webcam qualities: its 1/3 line stands in the ratio
     * spectra at a tenth of the evidence a line found anywhere needs, which a quantiser at quality 75
     * leaves it (joint ratios 16–120 on the real photographs, evidence 0.3–1.6). Looked at there alone,
     * the one frequency of the commonest webcam enlargement (480p or 540p sent as 720p), it needs less:
     * {@value #THIRD_JOINT} in |e| or |Δe|, where blank walls, defocused and native pictures under
     * MJPEG reach 5.6.
     */
    private void thirdUnderGrid() {
        double third = Math.max(residue.joint(0, 1.0 / 3), residue.joint(1, 1.0 / 3));
        if (third >= THIRD_JOINT) {
            gridNyquist = false;
            peakFrequency = 1.0 / 3;
            peakEvidence = Math.max(peakEvidence, WEAK_EVIDENCE);
            thirdOnly = true;
        }
    }

    /**
     * The other webcam enlargements under MJPEG, looked for in the same way at their own line: ×16/9
     * (720 px wide sent as 1280) repeats every 16 pixels with a line at 7/16 (joint ratios 16 and
     * more; look-alikes 6.1 at most), ×5/4 (576p as 720p) every 5 with one at 1/5 (joint ratios 14 and
     * more), below where a grid search looks under MJPEG. Either line names its factor: the other
     * factors it allows (16/7, 5) are not a webcam's. The line must be phase-locked to the frame's edge in at least one direction and
     * not with the sign opposite its factor's ({@link ResidueProfiles#lock}): a defocused chessboard (left01.jpg,
     * σ 2–4) under MJPEG 75–90 reaches a 7/16 joint ratio of 31 with no lock, a defocused triptych
     * (σ 1.5, MJPEG 90) one of 24 at 1/5 locked negative; every ×16/9 enlargement of the webcam
     * pipelines and the held-out photographs (78) is locked positive at 7/16, and the ×5/4 ones whose
     * height was rounded to an even size lock in both directions with opposite signs (0, kept). Locked
     * with the right sign, the look-alikes' 1/5 lines reach joint ratios of 11 (a triptych defocused σ 2
     * under MJPEG 75), those of photographs that are no triptych or collage 7.7, where without the lock
     * one native photograph's texture reached 16.
     */
    private void lineUnderGrid(double f, double threshold, double factor) {
        if (!(Math.max(residue.joint(0, f), residue.joint(1, f)) >= threshold)) {
            return;
        }
        ResidueProfiles.Lock lock = residue.lock(f, lineLock);
        if (lock.directions() > 0 && lock.sign() != -expectedSign(f, factor)) {
            gridNyquist = false;
            commensurate = factor;
        }
    }

    /**
     * A ×4 enlargement under a block grid: all its residue frequencies (1/4, 1/2) are the grid's too.
     * It tells itself by the grid's 1/4 harmonic in the |Δe| profiles, over {@value #QUARTER_DELTA_SHARE}
     * of the 1/8 line (the 4-periodic residue adds to it; on the real photographs under MJPEG 75 and 90:
     * 0.41 and more, defocused pictures 0.34 at most), with the drop at 1/8 cycles/px where ×4 cuts
     * ({@value #QUARTER_CLIFF} decade: a blank wall's grain has none), and in the |e| profiles a 1/4 line
     * under {@value #QUARTER_PLAIN_SHARE} of 1/8, where a ×2 enlargement lifts it to 0.9 and more. The
     * grid's 1/8 line must be clear ({@value #QUARTER_GRID_LINE}: MJPEG 75–90 leave 360 and more) for
     * its harmonic to be read: the faint grid of a JPEG source that was blurred afterwards is not.
     * Where the ×4 residue outweighs the grid's at 1/4 (bilinear under MJPEG 90) the |e| share is
     * large again, but the line's sign, referred to the frame's edge, is then ×4's (negative) and
     * not the grid's (see the class comment): that sign stands in for the low share. And ×4's aliasing,
     * which a defocused picture under MJPEG, whose drop at 1/8 and 1/4 share are alike, lacks.
     */
    private void quarterUnderGrid() {
        double grid = residue.joint(1, 1.0 / 8);
        if (grid < QUARTER_GRID_LINE) {
            return;
        }
        double delta = residue.joint(1, 1.0 / 4) / grid;
        double plain = residue.joint(0, 1.0 / 4) / residue.joint(0, 1.0 / 8);
        if (delta >= QUARTER_DELTA_SHARE && (plain < QUARTER_PLAIN_SHARE || residue.lock(0.25, lineLock).sign() < 0)
                && spectrum.cliff(0.125) >= QUARTER_CLIFF && spectrum.aliasing(4) >= MIN_ALIASING) {
            commensurate = 4;
            gridNyquist = false;
        }
    }

    /**
     * An 8/3 enlargement (480×270 shown at 1280×720) repeats every 8 pixels, as the block grid
     * does, so under JPEG all its frequencies are on the grid. It tells itself by the share of
     * its 3/8 peak: in the |Δe| profiles a block grid alone keeps 3/8 under a tenth of 1/8
     * (measured on the real photographs, JPEG 60–80), an 8/3 enlargement lifts it to 0.17–0.49;
     * and in the |e| profiles its 3/8 stays low where a ×1.5 enlargement's 1/3 peak (near 3/8)
     * lifts it.
     */
    private void eightThirdsUnderGrid() {
        double delta1 = residue.joint(1, 1.0 / 8);
        double delta3 = residue.joint(1, 3.0 / 8);
        double plain1 = residue.joint(0, 1.0 / 8);
        double plain3 = residue.joint(0, 3.0 / 8);
        double evidence = delta3 / JOINT_RATIO;
        if (delta3 >= EIGHT_THIRDS_DELTA_SHARE * delta1 && plain3 <= EIGHT_THIRDS_PLAIN_SHARE * plain1
                && evidence >= EIGHT_THIRDS_EVIDENCE && evidence > peakEvidence) {
            peakEvidence = evidence;
            peakFrequency = 3.0 / 8;
            eightThirds = true;
            gridNyquist = false;
        }
    }
}
