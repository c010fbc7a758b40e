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
 * to {@value #LINES} windowed rows and as many columns is compared with the floor that 8-bit
 * rounding leaves (variance 1/12): the first frequency f* from which it stays within
 * {@value #FLOOR_MARGIN_DECADES} decades of that floor gives k ≈ {@value #END_CONSTANT}/f*, and
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
 * ({@link #interiorNyquist}), or ×4, whose line is weak there, show its aliasing: a defocus of σ
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
 * <p><b>Aliasing</b> tells an enlargement from a defocus where only a drop in the spectrum was seen.
 * In power, the two are alike: bilinear ×4 passes sinc⁴(4f), a Gaussian defocus of σ 2 px
 * exp(−4π²σ²f²), within 0.3 decade of each other up to 1/4 cycles/px, and once x264 has quantised
 * away the kernel's images both fall smoothly to its noise (a ×4 enlargement's "cliff" at 1/8 and a
 * σ 1.5–3 defocus's measure alike, 0.9–1.7 decade). What differs is phase. An enlargement by k
 * repeats its input's spectrum: the output at f and at 1/k − f are the same input frequency (and its
 * conjugate) through the kernel, so Y(f)·Y(1/k − f) has one phase for every row, whatever the content:
 * with input sample i at (i + ½)k − ½, that phase is −πα(k − 1) for α = 1/k, referred to the frame's
 * edge (−3π/4 for ×4). A defocus is a filter, the same at every position, and leaves different
 * frequencies uncorrelated. So the coherence of f with α − f (just below the input's Nyquist α/2
 * against just above it), summed over {@value #LINES} rows and as many columns and projected on that
 * phase, is near 1 for an enlargement and near 1/√{@value #LINES} for a native picture ({@link
 * #aliasing}); the coherence at a control cycle frequency a little below α, of any phase, is
 * subtracted, which a picture that is not stationary along its lines (a collage) has everywhere. ×4,
 * whose lines are all a block grid's, is taken from the drop at 1/8 alone (x264, MJPEG) or from a
 * step ×2 → ×4 under a grid only with an aliasing of {@value #MIN_ALIASING}; so is ×8/3 read off
 * x264's own line at 1/4. Measured (2026-12-07): every ×4 enlargement of the webcam pipelines and of
 * four photographs outside them 0.35 and more (x264) and 0.42 and more (MJPEG); defocused photographs
 * (σ 1.5–4) and natives through MJPEG or x264 0.20 at most; the two defocused pictures x264 read ×8/3
 * −0.66 and −1.31. A block grid on a blank wall shows it too (up to 0.84 under MJPEG 75): aliasing
 * confirms a factor told otherwise, and is no trace by itself. ×2's aliasing at 1/2 is not used: under
 * MJPEG 75 the grid's own (defocused pictures up to 0.27) reaches the weakest ×2 enlargements' (0.21).
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
 * line is phase-locked, that is its cosine part outweighs its sine part {@value #PHASE_LOCK}×
 * ({@link #lineSign}); a frame cropped after scaling loses the lock and with it the sign, nothing
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
    static final int LINES = 64;
    static final int MAX_LENGTH = 1024;
    static final double MIN_DETAIL_SIGMA = 0.5;
    /** Log10 of the power 8-bit rounding leaves in every frequency bin. */
    static final double QUANTISATION_FLOOR = Math.log10(1.0 / 12);
    static final double FLOOR_MARGIN_DECADES = 0.5;
    static final double RETURN_MARGIN_DECADES = 0.25;
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
    /** Image content dominates the residue profile below this; resampling periods of up to 6× lie above. */
    static final double MIN_PEAK_FREQUENCY = 0.1;
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
    /** Under a block grid, residue peaks below this are an earlier, enlarged grid's (see findPeak). */
    static final double MIN_PEAK_UNDER_GRID = 0.22;

    /**
     * The cycle frequencies at which spectral coherence is measured (see aliasing), each followed by its
     * control a little below (off every m/16, m/5 and m/3, where no webcam factor aliases): 1/4 for ×4,
     * 3/8 for ×8/3, the factors whose lines all lie on a block grid's multiples of 1/8.
     */
    private static final double[] CYCLES = {0.25, 0.23, 0.375, 0.345};
    /** The band of f, in units of α/2 (the source's Nyquist), whose images α − f lie just above it. */
    private static final double ALIAS_BAND_LOW = 0.64;
    private static final double ALIAS_BAND_HIGH = 0.92;
    /**
     * The aliasing (see aliasing) from which ×4 or ×8/3, told by a drop in the spectrum or a block grid's
     * line, is taken: ×4 enlargements through MJPEG or x264 0.35 and more, defocused pictures 0.20 at most.
     */
    static final double MIN_ALIASING = 0.3;

    /** Residue lines are snapped to a fraction m/p (p ≤ 16) this close, cycles/px. */
    static final double LINE_SNAP = 0.003;
    /** A line is phase-locked to the frame's edge when its cosine part is this many times its sine part. */
    static final double PHASE_LOCK = 2;
    /** … and its cosine part at least this share of the mean residue. */
    static final double MIN_LINE_SHARE = 0.01;

    /**
     * The lines lockedLine looks at: ×1.5 (and ×3), ×16/9. Not ×5/4's 1/5: face_grid4_landmarks.jpg, a
     * collage of face crops held to be native, has one locked at 0.13 across and 0.05 down under JPEG.
     */
    private static final double[] LOCKED_LINES = {1.0 / 3, 7.0 / 16};
    /** A line locked across and down with this cosine share (of the mean residue) is a trace by itself. */
    static final double LOCKED_LINE_SHARE = 0.05;

    private Fft fft;
    private double[] re = new double[0];
    private double[] im = new double[0];
    private double[] window = new double[0];
    private double[] power = new double[0];
    private double windowEnergy;
    private final double[][] profiles = {new double[0], new double[0], new double[0], new double[0]};
    private int[] previousResidue = new int[0];
    private int[] h1Sums = new int[0];
    private int[] h2Sums = new int[0];
    private Fft residueFft;
    private double[] residueRe = new double[0];
    private double[] residueIm = new double[0];
    private double[] residueSorted = new double[0];
    private final double[][] ratios = {new double[0], new double[0], new double[0], new double[0]};
    private final double[] candidates = new double[12];
    private final double[] bands50 = new double[51];
    /** Per direction and cycle frequency (see CYCLES): Σ Y(f)·Y(α − f) over the lines, re, im and |·|. */
    private final double[][] cycleRe = new double[2 * CYCLES.length][0];
    private final double[][] cycleIm = new double[2 * CYCLES.length][0];
    private final double[][] cycleAbs = new double[2 * CYCLES.length][0];

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
    /** How many of the |e| profiles (across, down) showed the last lineSign's line phase-locked. */
    private int lockedDirections;
    /** … and the smaller of their cosine parts over the mean residue. */
    private double lockedShare;
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
        prepare(length);
        Arrays.fill(power, 0);
        for (int i = 0; i < cycleRe.length; i++) {
            Arrays.fill(cycleRe[i], 0);
            Arrays.fill(cycleIm[i], 0);
            Arrays.fill(cycleAbs[i], 0);
        }
        int lines = accumulate(luma, width, height, length, true) + accumulate(luma, width, height, length, false);
        int bins = length / 2 + 1;
        double detail = 0;
        for (int k = 0; k < bins; k++) {
            power[k] /= lines * windowEnergy * length;
            if (k >= 0.05 * length) {
                detail += power[k];
            }
        }
        if (Math.sqrt(2 * detail / length) < MIN_DETAIL_SIGMA) {
            return Double.NaN;
        }
        profiles(luma, width, height);
        quarterByCliff = false;
        double k = traces(width, height, length);
        // a drop at 1/8 under x264 is a guess at ×4 without a line of its own; a locked line is a trace
        if (!traced || quarterByCliff) {
            double locked = lockedLine(width, height);
            if (!Double.isNaN(locked)) {
                traced = true;
                return locked;
            }
        }
        return k;
    }

    /** The factor the residue's traces tell (see the class comment), 1 without a trace. */
    private double traces(int width, int height, int length) {
        findPeak(width, height, length);
        if (!Double.isNaN(commensurate)) {
            traced = true;
            return commensurate;
        }
        if (!(peakEvidence >= MIN_EVIDENCE) || gridNyquist && !gridNyquistTaken(length, width, height)) {
            return 1.0;
        }
        double end = spectralEnd(length);
        double kSpec = Double.isNaN(end) ? Double.NaN : END_CONSTANT / end;
        double f = peakFrequency;
        double line = lineFrequency(f);
        // multiples of 1/8 carry a block codec's own lines, locked to the edge too (positive), even
        // where the grid tests see no grid (x264 at CRF 23 on a native picture)
        int sign = Double.isNaN(line) || line > 0.49 || onEighths(line) ? 0 : lineSign(line, width, height);
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
                double distance = Double.isNaN(kSpec) ? k - CLIFF_WEIGHT * cliff(0.5 / k, length) : Math.abs(Math.log(k
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
                if (!(stepLevel(best, candidates[c], length) < STEP_LEVEL) || Math.abs(candidates[c] - 4) < 0.05
                        && aliasing(4, length, width, height) < MIN_ALIASING) {
                    break;
                }
                best = candidates[c];
            }
        }
        // taken for ×4's aliasing, the grid's Nyquist alone is no ×2: that needs the line inside the blocks
        if (gridNyquist && Math.abs(best - 2) < 0.05 && interiorNyquist(width, height) < GRID_NYQUIST_INTERIOR) {
            return 1.0;
        }
        // a line locked to the frame's edge, with the sign the factor predicts, is the enlargement's own:
        // a texture's line has no reason to keep that phase over the whole frame
        boolean confirmed = sign != 0 && lockedDirections >= 1;
        if (peakEvidence < WEAK_EVIDENCE && cliff(0.5 / best, length) < WEAK_CLIFF && !confirmed
                || peakEvidence < WEAK_EVIDENCE && !Double.isNaN(end) && risesAfter(end, length)) {
            return 1.0;
        }
        // ×4's and ×8/3's lines are all a block grid's multiples of 1/8 (x264's at 1/4 even where the
        // grid tests see no grid): without the factor's aliasing they are the codec's (×8/3 under a clear
        // JPEG grid is told by its 3/8 share instead, see eightThirdsUnderGrid)
        if ((blockGrid || transformGrid) && Math.abs(best - 4) < 0.05 || !eightThirds && Math.abs(best - 8.0
                / 3) < 0.05) {
            if (aliasing(best, length, width, height) < MIN_ALIASING) {
                return 1.0;
            }
        }
        traced = true;
        return best;
    }

    /**
     * Where the band between the cut-offs of factors k and larger k2 lies, from the level of the
     * top band (0.42–0.5 cycles/px: the noise floor once the picture is enlarged 2× or more) to
     * that of k2's passband (1): near 0 when the band is floor, so k2.
     */
    private double stepLevel(double k, double k2, int length) {
        double cutK = 0.5 / k;
        double cutK2 = 0.5 / k2;
        double lo = 1.15 * cutK2;
        double between = meanLog(lo, Math.max(lo, 0.9 * cutK), length);
        double top = meanLog(0.42, 0.5, length);
        double passband = meanLog(0.3 * cutK2, 0.7 * cutK2, length);
        return (between - top) / (passband - top);
    }

    /**
     * First frequency (cycles/px, ≥ 0.1) from which the log spectrum, averaged over 0.01-wide
     * bands, stays within the floor margin for two bands; NaN if it never does below Nyquist.
     */
    private double spectralEnd(int length) {
        int bands = 50;
        double[] band = bands50;
        for (int i = 0; i <= bands; i++) {
            int k0 = Math.max(1, (int) Math.ceil((i - 0.5) * 0.01 * length));
            int k1 = Math.min(length / 2, (int) Math.floor((i + 0.5) * 0.01 * length));
            double s = 0;
            int n = 0;
            for (int k = k0; k <= k1; k++) {
                s += power[k];
                n++;
            }
            band[i] = n == 0 ? Double.NaN : Math.log10(s / n + 1e-12);
        }
        return firstBelow(band, QUANTISATION_FLOOR + FLOOR_MARGIN_DECADES, 10, bands);
    }

    /** Mean log power just below f minus that just above it, in decades. */
    private double cliff(double f, int length) {
        return meanLog(0.6 * f, 0.9 * f, length) - meanLog(Math.min(0.45, 1.1 * f), Math.min(0.5, 1.6 * f), length);
    }

    private double meanLog(double f0, double f1, int length) {
        int k0 = Math.max(1, (int) Math.ceil(f0 * length));
        int k1 = Math.min(length / 2, (int) Math.floor(f1 * length));
        if (k1 < k0) {
            return Math.log10(power[Math.min(k0, length / 2)] + 1e-12);
        }
        double s = 0;
        for (int k = k0; k <= k1; k++) {
            s += Math.log10(power[k] + 1e-12);
        }
        return s / (k1 - k0 + 1);
    }

    /**
     * Whether the spectrum rises again above the floor margin (by {@value #RETURN_MARGIN_DECADES}
     * decade) after {@code end}: a blur's null (a 3-wide box filter's at 1/3) is followed by side
     * lobes, where an enlargement's stays at the floor.
     */
    private boolean risesAfter(double end, int length) {
        double threshold = QUANTISATION_FLOOR + FLOOR_MARGIN_DECADES + RETURN_MARGIN_DECADES;
        for (double f = end + 0.02; f <= 0.495; f += 0.01) {
            if (meanLog10OfMean(f - 0.005, f + 0.005, length) >= threshold) {
                return true;
            }
        }
        return false;
    }

    private double meanLog10OfMean(double f0, double f1, int length) {
        int k0 = Math.max(1, (int) Math.ceil(f0 * length));
        int k1 = Math.min(length / 2, (int) Math.floor(f1 * length));
        double s = 0;
        int n = 0;
        for (int k = k0; k <= k1; k++) {
            s += power[k];
            n++;
        }
        return n == 0 ? Double.NEGATIVE_INFINITY : Math.log10(s / n + 1e-12);
    }

    private static double firstBelow(double[] band, double threshold, int from, int to) {
        for (int i = from; i < to && i + 1 < band.length; i++) {
            if (band[i] < threshold && band[i + 1] < threshold) {
                return i * 0.01;
            }
        }
        return Double.NaN;
    }

    private static int aliasLow(int cycle, int length) {
        return (int) Math.ceil(ALIAS_BAND_LOW * CYCLES[cycle] / 2 * length);
    }

    private static int aliasHigh(int cycle, int length) {
        return (int) Math.floor(ALIAS_BAND_HIGH * CYCLES[cycle] / 2 * length);
    }

    /**
     * How much the frame shows the aliasing of a ×4 (or ×8/3) enlargement (see the class comment): in the
     * weaker direction, the spectral coherence of f with 1/k − f projected on the phase such an enlargement
     * gives it referred to the frame's edge, less the coherence (of any phase) at the control cycle
     * frequency, which a picture not stationary along its lines (a collage, a frame) has at every one.
     */
    private double aliasing(double k, int length, int width, int height) {
        // ×4 at CYCLES[0], ×8/3 at CYCLES[2]
        int cycle = k > 3 ? 0 : 2;
        double alpha = CYCLES[cycle];
        // input sample i lies at (i + ½)k − ½, so Y(f)·Y(α − f) turns by −2πα(k − 1)/2
        double expected = -Math.PI * alpha * (k - 1);
        double weaker = Double.MAX_VALUE;
        for (int d = 0; d < 2; d++) {
            int index = d * CYCLES.length + cycle;
            int start = ((d == 0 ? width : height) - length) / 2;
            double turn = 2 * Math.PI * Math.round(alpha * length) / length * start - expected;
            double c = Math.cos(turn);
            double s = Math.sin(turn);
            double sum = 0;
            double abs = 0;
            for (int j = aliasLow(cycle, length); j <= aliasHigh(cycle, length); j++) {
                sum += cycleRe[index][j] * c - cycleIm[index][j] * s;
                abs += cycleAbs[index][j];
            }
            double locked = abs > 0 ? sum / abs : 0;
            weaker = Math.min(weaker, locked - coherence(index + 1, cycle + 1, length));
        }
        return weaker;
    }

    /** Mean over the band of |Σ Y(f)·Y(α − f)| / Σ |Y(f)·Y(α − f)|: 1 phase-locked, about 1/√lines not. */
    private double coherence(int index, int cycle, int length) {
        double sum = 0;
        int n = 0;
        for (int j = aliasLow(cycle, length); j <= aliasHigh(cycle, length); j++) {
            if (cycleAbs[index][j] > 0) {
                sum += Math.sqrt(cycleRe[index][j] * cycleRe[index][j] + cycleIm[index][j] * cycleIm[index][j])
                        / cycleAbs[index][j];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The residue profiles, in two row-major sweeps: |e| and |e(x+1) − e(x)| of the horizontal
     * residue summed down each column (0, 1), and of the vertical residue summed along each row
     * (2, 3), over at most about 512 rows or columns. The |Δe| profiles show the ×2 (×4, …)
     * upscales whose sampling phases are mirror images (pixel-centre aligned scalers) and so leave
     * |e| itself without a period.
     */
    void profiles(byte[] luma, int width, int height) {
        int longest = Math.max(width, height);
        if (profiles[0].length < longest) {
            for (int i = 0; i < 4; i++) {
                profiles[i] = new double[longest];
            }
            previousResidue = new int[longest];
            h1Sums = new int[longest];
            h2Sums = new int[longest];
        }
        // Integer sums (exact: at most 512 lines of residues up to 1020), in loops without a
        // carried dependency: e(x − 1) is recomputed rather than kept, so that both sweeps
        // stream through a row (the double-accumulating version took a third of a key frame's
        // analysis, benchmarks/RESULTS.md).
        int[] h1 = h1Sums;
        int[] h2 = h2Sums;
        Arrays.fill(h1, 0, width, 0);
        Arrays.fill(h2, 0, width, 0);
        int rowStep = Math.max(1, height / 512);
        for (int y = 0; y < height; y += rowStep) {
            int o = y * width;
            for (int x = 1; x < width - 1; x++) {
                int e = 2 * (luma[o + x] & 0xFF) - (luma[o + x - 1] & 0xFF) - (luma[o + x + 1] & 0xFF);
                h1[x] += Math.abs(e);
            }
            for (int x = 2; x < width - 1; x++) {
                int e = 2 * (luma[o + x] & 0xFF) - (luma[o + x - 1] & 0xFF) - (luma[o + x + 1] & 0xFF);
                int before = 2 * (luma[o + x - 1] & 0xFF) - (luma[o + x - 2] & 0xFF) - (luma[o + x] & 0xFF);
                h2[x] += Math.abs(e - before);
            }
        }
        double[] p1 = profiles[0];
        double[] p2 = profiles[1];
        for (int x = 0; x < width; x++) {
            p1[x] = h1[x];
            p2[x] = h2[x];
        }
        p1[0] = p1[1];
        p1[width - 1] = p1[width - 2];
        p2[0] = p2[2];
        p2[1] = p2[2];
        p2[width - 1] = p2[width - 2];
        double[] v1 = profiles[2];
        double[] v2 = profiles[3];
        int colStep = Math.max(1, width / 512);
        int[] above = previousResidue;
        for (int y = 1; y < height - 1; y++) {
            int a = (y - 1) * width;
            int b = y * width;
            int c = (y + 1) * width;
            int s1 = 0;
            int s2 = 0;
            for (int x = 0, k = 0; x < width; x += colStep, k++) {
                int e = 2 * (luma[b + x] & 0xFF) - (luma[a + x] & 0xFF) - (luma[c + x] & 0xFF);
                s1 += Math.abs(e);
                s2 += Math.abs(e - above[k]);
                above[k] = e;
            }
            v1[y] = s1;
            v2[y] = y > 1 ? s2 : 0;
        }
        v1[0] = v1[1];
        v1[height - 1] = v1[height - 2];
        v2[0] = v2[2];
        v2[1] = v2[2];
        v2[height - 1] = v2[height - 2];
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
     * lowest harmonic n/k that falls on f (directly or mirrored about Nyquist); see lineSign.
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
     * The sign of the |e| residue line at f referred to the frame's edge (x = −½), where the
     * horizontal and vertical profiles both show it phase-locked (its cosine part at least
     * {@value #PHASE_LOCK} times its sine part, and at least {@value #MIN_LINE_SHARE} of the mean
     * residue) or one does and the other has no locked line; 0 if neither or they disagree.
     */
    private int lineSign(double f, int width, int height) {
        int sign = 0;
        lockedDirections = 0;
        lockedShare = Double.MAX_VALUE;
        for (int kind = 0; kind < 4; kind += 2) {
            double[] p = profiles[kind];
            int length = kind == 0 ? width : height;
            double c = 0;
            double s = 0;
            double sum = 0;
            // cos and sin of 2πf(x + ½) by rotation, not two library calls per pixel
            double stepCos = Math.cos(2 * Math.PI * f);
            double stepSin = Math.sin(2 * Math.PI * f);
            double cos = Math.cos(2 * Math.PI * f * 8.5);
            double sin = Math.sin(2 * Math.PI * f * 8.5);
            for (int x = 8; x < length - 8; x++) {
                c += p[x] * cos;
                s += p[x] * sin;
                sum += p[x];
                double next = cos * stepCos - sin * stepSin;
                sin = sin * stepCos + cos * stepSin;
                cos = next;
            }
            if (!(sum > 0) || Math.abs(c) < PHASE_LOCK * Math.abs(s) || 2 * Math.abs(c) / sum < MIN_LINE_SHARE) {
                continue;
            }
            int here = c > 0 ? 1 : -1;
            lockedDirections++;
            lockedShare = Math.min(lockedShare, 2 * Math.abs(c) / sum);
            if (sign != 0 && here != sign) {
                return 0;
            }
            sign = here;
        }
        return sign;
    }

    /**
     * The commonest webcam enlargements' lines (1/3: ×1.5 or ×3, 7/16: ×16/9), looked at
     * alone when nothing else was found: one locked to the frame's edge across and down, each with a
     * cosine part of at least {@value #LOCKED_LINE_SHARE} of the mean residue (look-alikes and native
     * pictures, whatever their codec: 0.013 at most), names the smallest factor of its sign; NaN if
     * none. The weakest such traces of a small frame (540×270) under MJPEG 90 or x264 hold 0.13–0.2,
     * where a texture's line has no reason to keep one phase over the frame.
     */
    private double lockedLine(int width, int height) {
        for (double f : LOCKED_LINES) {
            int sign = lineSign(f, width, height);
            if (sign == 0 || lockedDirections < 2 || lockedShare < LOCKED_LINE_SHARE) {
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

    /** The four residue profiles of the last {@link #profiles} call (h |e|, h |Δe|, v |e|, v |Δe|). */
    double[][] lastProfiles() {
        return profiles;
    }

    /**
     * Whether a trace at the block grid's Nyquist alone is strong enough (see GRID_NYQUIST_EVIDENCE) and
     * is an enlargement's: ×2's line fills the blocks' interior (see interiorNyquist), ×4's, weak there,
     * shows in its aliasing. Otherwise the grid's lines are looked at one by one, as without a trace.
     */
    private boolean gridNyquistTaken(int length, int width, int height) {
        return (peakEvidence >= GRID_NYQUIST_EVIDENCE || peakEvidence >= GRID_NYQUIST_CUT_EVIDENCE && cliff(0.25,
                length) >= GRID_NYQUIST_CLIFF) && (interiorNyquist(width, height) >= GRID_NYQUIST_INTERIOR
                        || aliasing(4, length, width, height) >= MIN_ALIASING);
    }

    /**
     * The Nyquist line of the |Δe| profiles inside the 8×8 blocks, the smaller of across and down: the
     * mean of the pairs at 2, 4 and 6 pixels past a block edge less that of the pairs at 3 and 5, over
     * the mean profile. A ×2 enlargement's residue alternates at every pair (it changes across the pairs
     * midway between its input samples), a block grid's at the block edges (pairs 0, 1 and 7, left out):
     * both lines have the same sign at Nyquist, referred to the frame's edge, but only an enlargement's
     * fills the blocks' interior.
     */
    private double interiorNyquist(int width, int height) {
        double weakest = Double.MAX_VALUE;
        for (int kind = 1; kind < 4; kind += 2) {
            double[] p = profiles[kind];
            int n = kind == 1 ? width : height;
            double even = 0;
            double odd = 0;
            double all = 0;
            int evens = 0;
            int odds = 0;
            for (int x = 8; x < n - 8; x++) {
                all += p[x];
                int phase = x & 7;
                if (phase == 2 || phase == 4 || phase == 6) {
                    even += p[x];
                    evens++;
                } else if (phase == 3 || phase == 5) {
                    odd += p[x];
                    odds++;
                }
            }
            if (!(all > 0) || evens == 0 || odds == 0) {
                return 0;
            }
            weakest = Math.min(weakest, (even / evens - odd / odds) / (all / (n - 16)));
        }
        return weakest;
    }

    /** The frequency (cycles/px) with the strongest residue evidence, into {@link #peakFrequency} and {@link #peakEvidence}. */
    private void findPeak(int width, int height, int length) {
        int size = Integer.highestOneBit(Math.max(width, height)) << 2;
        for (int i = 0; i < 4; i++) {
            ratioSpectrum(profiles[i], i < 2 ? width : height, size, i);
        }
        double binsPerSample = Math.max((double) size / width, (double) size / height);
        blockGrid = false;
        eightThirds = false;
        for (int i = 1; i < 4; i += 2) {
            double eighth = peakNear(ratios[i], 1.0 / 8, size, binsPerSample);
            blockGrid |= eighth > BLOCK_RATIO && eighth >= peakNear(ratios[i], 1.0 / 4, size, binsPerSample)
                    && eighth >= peakNear(ratios[i], 3.0 / 8, size, binsPerSample);
        }
        transformGrid = false;
        thirdOnly = false;
        commensurate = Double.NaN;
        searchPeak(size, binsPerSample);
        if (!blockGrid && Math.abs(peakFrequency - 0.25) * size <= GRID_REACH * binsPerSample
                && Double.isNaN(spectralEnd(length))) {
            transformGridPeak(size, binsPerSample, length, width, height);
        }
        if (blockGrid) {
            eightThirdsUnderGrid(size, binsPerSample);
            // only under a clear grid (MJPEG 75–90 leave 360 and more): the faint grid of a JPEG source,
            // blurred or shrunk afterwards, weakens no line, and the search above has had its chance
            if (!eightThirds && (gridNyquist ? !gridNyquistTaken(length, width, height)
                    : !(peakEvidence >= MIN_EVIDENCE)) && joint(1, 1.0 / 8, size, binsPerSample) >= QUARTER_GRID_LINE) {
                thirdUnderGrid(size, binsPerSample);
                if (!thirdOnly) {
                    lineUnderGrid(7.0 / 16, SIXTEENTH_JOINT, 16.0 / 9, size, binsPerSample, width, height);
                }
                if (!thirdOnly && Double.isNaN(commensurate)) {
                    lineUnderGrid(1.0 / 5, FIFTH_JOINT, 1.25, size, binsPerSample, width, height);
                }
            }
            if (!eightThirds && !thirdOnly && Double.isNaN(commensurate) && (gridNyquist
                    || !(peakEvidence >= MIN_EVIDENCE))) {
                quarterUnderGrid(size, binsPerSample, length, width, height);
            }
        }
    }

    /** The strongest residue frequency off the block grid (see findPeak), with the grid's Nyquist exception. */
    private void searchPeak(int size, double binsPerSample) {
        int half = size / 2;
        int from = (int) Math.ceil(MIN_PEAK_FREQUENCY * size);
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
                double r = 0;
                for (int d = Math.max(from - j, -reach); d <= Math.min(half - j, reach); d++) {
                    r = Math.max(r, ratios[i][j + d]);
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
    private void transformGridPeak(int size, double binsPerSample, int length, int width, int height) {
        if (Math.max(joint(0, 0.25, size, binsPerSample), joint(1, 0.25, size, binsPerSample)) < QUARTER_GRID_LINE) {
            return;
        }
        transformGrid = true;
        searchPeak(size, binsPerSample);
        if (peakEvidence >= MIN_EVIDENCE) {
            return;
        }
        if (joint(1, 0.5, size, binsPerSample) >= TRANSFORM_NYQUIST_SHARE * joint(1, 0.25, size, binsPerSample)
                && cliff(0.25, length) >= TRANSFORM_CLIFF) {
            commensurate = 2;
        } else if (cliff(0.125, length) >= QUARTER_CLIFF && aliasing(4, length, width, height) >= MIN_ALIASING) {
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
    private void thirdUnderGrid(int size, double binsPerSample) {
        double third = Math.max(joint(0, 1.0 / 3, size, binsPerSample), joint(1, 1.0 / 3, size, binsPerSample));
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
     * more), below where a grid search looks under MJPEG. Either line names its factor: the other factors it allows (16/7, 5) are
     * not a webcam's. The line must be phase-locked to the frame's edge in at least one direction and
     * not with the sign opposite its factor's ({@link #lineSign}): a defocused chessboard (left01.jpg,
     * σ 2–4) under MJPEG 75–90 reaches a 7/16 joint ratio of 31 with no lock, a defocused triptych
     * (σ 1.5, MJPEG 90) one of 24 at 1/5 locked negative; every ×16/9 enlargement of the webcam
     * pipelines and the held-out photographs (77) is locked positive at 7/16, and the ×5/4 ones whose
     * height was rounded to an even size lock in both directions with opposite signs (0, kept). Locked
     * with the right sign, the look-alikes' 1/5 lines reach joint ratios of 11 (a triptych defocused σ 2
     * under MJPEG 75), those of photographs that are no triptych or collage 7.7, where without the lock
     * one native photograph's texture reached 16.
     */
    private void lineUnderGrid(double f, double threshold, double factor, int size, double binsPerSample, int width,
            int height) {
        if (Math.max(joint(0, f, size, binsPerSample), joint(1, f, size, binsPerSample)) >= threshold
                && lineSign(f, width, height) != -expectedSign(f, factor) && lockedDirections > 0) {
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
    private void quarterUnderGrid(int size, double binsPerSample, int length, int width, int height) {
        double grid = joint(1, 1.0 / 8, size, binsPerSample);
        if (grid < QUARTER_GRID_LINE) {
            return;
        }
        double delta = joint(1, 1.0 / 4, size, binsPerSample) / grid;
        double plain = joint(0, 1.0 / 4, size, binsPerSample) / joint(0, 1.0 / 8, size, binsPerSample);
        if (delta >= QUARTER_DELTA_SHARE && (plain < QUARTER_PLAIN_SHARE || lineSign(0.25, width, height) < 0) && cliff(
                0.125, length) >= QUARTER_CLIFF && aliasing(4, length, width, height) >= MIN_ALIASING) {
            commensurate = 4;
            gridNyquist = false;
        }
    }

    /** Geometric mean of the horizontal and vertical ratio spectra (profile kind 0 |e| or 1 |Δe|) near f. */
    private double joint(int kind, double f, int size, double binsPerSample) {
        return Math.sqrt(peakNear(ratios[kind], f, size, binsPerSample) * peakNear(ratios[kind + 2], f, size,
                binsPerSample));
    }

    /**
     * An 8/3 enlargement (480×270 shown at 1280×720) repeats every 8 pixels, as the block grid
     * does, so under JPEG all its frequencies are on the grid. It tells itself by the share of
     * its 3/8 peak: in the |Δe| profiles a block grid alone keeps 3/8 under a tenth of 1/8
     * (measured on the real photographs, JPEG 60–80), an 8/3 enlargement lifts it to 0.17–0.49;
     * and in the |e| profiles its 3/8 stays low where a ×1.5 enlargement's 1/3 peak (near 3/8)
     * lifts it.
     */
    private void eightThirdsUnderGrid(int size, double binsPerSample) {
        double delta1 = Math.sqrt(peakNear(ratios[1], 1.0 / 8, size, binsPerSample) * peakNear(ratios[3], 1.0 / 8, size,
                binsPerSample));
        double delta3 = Math.sqrt(peakNear(ratios[1], 3.0 / 8, size, binsPerSample) * peakNear(ratios[3], 3.0 / 8, size,
                binsPerSample));
        double plain1 = Math.sqrt(peakNear(ratios[0], 1.0 / 8, size, binsPerSample) * peakNear(ratios[2], 1.0 / 8, size,
                binsPerSample));
        double plain3 = Math.sqrt(peakNear(ratios[0], 3.0 / 8, size, binsPerSample) * peakNear(ratios[2], 3.0 / 8, size,
                binsPerSample));
        double evidence = delta3 / JOINT_RATIO;
        if (delta3 >= EIGHT_THIRDS_DELTA_SHARE * delta1 && plain3 <= EIGHT_THIRDS_PLAIN_SHARE * plain1
                && evidence >= EIGHT_THIRDS_EVIDENCE && evidence > peakEvidence) {
            peakEvidence = evidence;
            peakFrequency = 3.0 / 8;
            eightThirds = true;
            gridNyquist = false;
        }
    }

    /**
     * Power over median power of one residue profile's spectrum (Hann-windowed, so that a block
     * grid's strong lines do not leak into their neighbours; zero-padded to {@code size}, fine
     * enough in frequency to place a peak at m/k) into {@code ratios[index]}.
     */
    private void ratioSpectrum(double[] profile, int n, int size, int index) {
        if (residueFft == null || residueFft.n != size) {
            residueFft = new Fft(size);
            residueRe = new double[size];
            residueIm = new double[size];
            residueSorted = new double[size / 2 + 1];
            for (int i = 0; i < 4; i++) {
                ratios[i] = new double[size / 2 + 1];
            }
        }
        double mean = 0;
        double weights = 0;
        for (int i = 0; i < n; i++) {
            double w = hann(i, n);
            mean += profile[i] * w;
            weights += w;
        }
        mean /= weights;
        Arrays.fill(residueRe, 0);
        Arrays.fill(residueIm, 0);
        for (int i = 0; i < n; i++) {
            residueRe[i] = (profile[i] - mean) * hann(i, n);
        }
        residueFft.transform(residueRe, residueIm);
        int half = size / 2;
        int from = (int) Math.ceil(MIN_PEAK_FREQUENCY * size);
        double[] out = ratios[index];
        for (int j = 0; j <= half; j++) {
            out[j] = residueRe[j] * residueRe[j] + residueIm[j] * residueIm[j];
        }
        int count = half + 1 - from;
        System.arraycopy(out, from, residueSorted, 0, count);
        Arrays.sort(residueSorted, 0, count);
        double median = residueSorted[count / 2];
        for (int j = 0; j <= half; j++) {
            out[j] = median > 0 ? out[j] / median : 0;
        }
    }

    private static double hann(int i, int n) {
        return 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
    }

    private static double peakNear(double[] ratio, double f, int size, double binsPerSample) {
        int j = (int) Math.round(f * size);
        int reach = (int) Math.ceil(binsPerSample);
        double p = 0;
        for (int d = -reach; d <= reach; d++) {
            if (j + d >= 0 && j + d < ratio.length) {
                p = Math.max(p, ratio[j + d]);
            }
        }
        return p;
    }

    private void prepare(int length) {
        if (fft != null && fft.n == length) {
            return;
        }
        fft = new Fft(length);
        re = new double[length];
        im = new double[length];
        window = new double[length];
        power = new double[length / 2 + 1];
        for (int i = 0; i < cycleRe.length; i++) {
            cycleRe[i] = new double[length / 2 + 1];
            cycleIm[i] = new double[length / 2 + 1];
            cycleAbs[i] = new double[length / 2 + 1];
        }
        windowEnergy = 0;
        for (int i = 0; i < length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (length - 1));
            windowEnergy += window[i] * window[i];
        }
        windowEnergy /= length;
    }

    /** Adds the power spectra of evenly spaced rows (or columns), each a centred segment. */
    private int accumulate(byte[] luma, int width, int height, int length, boolean rows) {
        int across = rows ? height : width;
        int along = rows ? width : height;
        int lines = Math.min(LINES, across);
        int start = (along - length) / 2;
        for (int l = 0; l < lines; l++) {
            int pos = (int) ((l + 0.5) * across / lines);
            double mean = 0;
            for (int i = 0; i < length; i++) {
                int idx = rows ? pos * width + start + i : (start + i) * width + pos;
                re[i] = luma[idx] & 0xFF;
                mean += re[i];
            }
            mean /= length;
            for (int i = 0; i < length; i++) {
                re[i] = (re[i] - mean) * window[i];
                im[i] = 0;
            }
            fft.transform(re, im);
            for (int k = 0; k <= length / 2; k++) {
                power[k] += re[k] * re[k] + im[k] * im[k];
            }
            for (int c = 0; c < CYCLES.length; c++) {
                int index = (rows ? 0 : CYCLES.length) + c;
                int partner = (int) Math.round(CYCLES[c] * length);
                for (int k = aliasLow(c, length); k <= aliasHigh(c, length); k++) {
                    double pr = re[k] * re[partner - k] - im[k] * im[partner - k];
                    double pi = re[k] * im[partner - k] + im[k] * re[partner - k];
                    cycleRe[index][k] += pr;
                    cycleIm[index][k] += pi;
                    cycleAbs[index][k] += Math.sqrt(pr * pr + pi * pi);
                }
            }
        }
        return lines;
    }
}
