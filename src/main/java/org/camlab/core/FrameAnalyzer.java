package org.camlab.core;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;

/**
 * Measures one frame: the fused luma pass, the colour pass, then the cheap region metrics that
 * depend on where the face is. Reuse one analyzer per thread; nothing is allocated per frame once
 * the frame size is known (apart from the face list the caller passes in).
 */
public final class FrameAnalyzer {
    private final LumaKernel luma = new LumaKernel();
    private final ChromaKernel chroma = new ChromaKernel();
    private final UpscaleEstimator upscale = new UpscaleEstimator();
    private final RegionStats region = new RegionStats();
    private final RegionStats other = new RegionStats();
    private final double[] edges = new double[4];
    private final int[] surroundHistogram = new int[256];
    // per frame size, kept so that a frame without faces allocates nothing
    private Grid cornersOf;
    private int[] corners;
    private int[] centre;
    private final ExecutorService pool;
    private final int threads;

    /** An analyzer that works on the calling thread only. */
    public FrameAnalyzer() {
        this(null, 1);
    }

    /**
     * An analyzer that splits the per-pixel passes into {@code threads} bands of rows, all but one
     * run on {@code pool}; the results are exactly those of a single thread.
     */
    public FrameAnalyzer(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = pool == null ? 1 : Math.max(1, threads);
    }

    /**
     * Measures one frame: {@link #measure} then {@link #locate}.
     *
     * @param faces      faces found in this frame (largest first is not required), may be empty
     * @param resolution whether to run the (costlier) effective-resolution estimate on this frame
     */
    public void analyze(Frame f, List<Face> faces, boolean resolution, FrameMetrics out) {
        measure(f, resolution, out);
        locate(f, faces, out);
    }

    /** The per-pixel passes, which need no faces: exposure, uniformity, sharpness, noise, colour. */
    public void measure(Frame f, boolean resolution, FrameMetrics out) {
        out.clear();
        luma.run(f.luma, f.width, f.height, pool, threads);
        exposure(out);
        uniformity(out);
        out.laplacianVariance = luma.laplacianVariance();
        out.tenengrad = luma.tenengrad();
        out.noiseSigma = luma.noiseSigma();
        out.edgeWidthPx = SharpnessScore.edgeWidth(luma.edgeTenengrad(), luma.edgeLaplacianSquare(), out.noiseSigma);
        out.sharpnessScore = SharpnessScore.score(out.edgeWidthPx);
        chroma.run(f, pool, threads);
        out.castA = chroma.castA();
        out.castB = chroma.castB();
        out.highlightCastA = chroma.highlightCastA();
        out.highlightCastB = chroma.highlightCastB();
        out.leftRightCastB = chroma.leftRightCastB();
        out.cctKelvin = chroma.cctKelvin();
        if (resolution) {
            out.upscaleFactor = upscale.estimate(f.luma, f.width, f.height);
            out.upscaleTraced = Double.isNaN(out.upscaleFactor) ? Double.NaN : upscale.traced() ? 1 : 0;
            slantedEdges(f, out);
        }
    }

    private EdgeFinder finder;
    private final double[] edgeValues = new double[EdgeFinder.MAX_EDGES];

    /** The slanted edges of the frame, measured (e-SFR): medians over them, the centre's and the corners'. */
    private void slantedEdges(Frame f, FrameMetrics out) {
        if (finder == null || !finder.fits(f.width, f.height)) {
            finder = new EdgeFinder(f.width, f.height); // once per frame size, not per frame
        }
        int n = finder.find(f.luma, f.width, f.height);
        out.edgesMeasured = n;
        if (n == 0) {
            return;
        }
        int w = f.width;
        int h = f.height;
        out.mtf50 = edgeMedian(n, ALL, MTF50, 0, w, h);
        out.mtf50LwPh = 2 * out.mtf50 * h;
        out.mtfNyquist = edgeMedian(n, ALL, NYQUIST, 0, w, h);
        out.mtf50Centre = edgeMedian(n, CENTRE, MTF50, 0, w, h);
        out.mtf50Corners = edgeMedian(n, CORNERS, MTF50, 0, w, h);
        for (int k = 0; k < SlantedEdge.CURVE_POINTS; k++) {
            out.mtfCurve[k] = edgeMedian(n, ALL, CURVE, k, w, h);
        }
    }

    private static final int ALL = 0;
    private static final int CENTRE = 1;
    private static final int CORNERS = 2;
    private static final int MTF50 = 0;
    private static final int NYQUIST = 1;
    private static final int CURVE = 2;

    /**
     * The median of one figure ({@code MTF50}, {@code NYQUIST}, or the {@code point}-th of the
     * {@code CURVE}) over the edges of a zone: all, the middle (within a sixth of the frame's size of
     * its centre) or the corners (a quarter or more from it both ways); NaN when the zone has none.
     */
    private double edgeMedian(int n, int zone, int figure, int point, int w, int h) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.abs(finder.x(i) - w / 2.0);
            double dy = Math.abs(finder.y(i) - h / 2.0);
            boolean in = zone == ALL || zone == CENTRE && dx <= w / 6.0 && dy <= h / 6.0
                    || zone == CORNERS && dx >= w / 4.0 && dy >= h / 4.0;
            if (in) {
                edgeValues[m++] = figure == MTF50 ? finder.mtf50(i) : figure == NYQUIST ? finder.mtfNyquist(i)
                        : finder.curve(i)[point];
            }
        }
        return Median.ofFirst(edgeValues, m);
    }

    /**
     * What depends on where the faces are (subject, surround, backlight, framing), after
     * {@link #measure} on the same frame; split off so that face detection can wait until the
     * pixels are measured.
     */
    public void locate(Frame f, List<Face> faces, FrameMetrics out) {
        Face main = largest(faces);
        subject(f, faces, out);
        surround(f, main, out);
        if (main != null) {
            backlight(f, main, out);
            framing(f, main, out);
            if (out.clippedHighlightsPct > 0) {
                clippedOnPerson(f, main, out);
            }
        }
    }

    private void exposure(FrameMetrics out) {
        out.meanLuma = luma.meanLuma();
        out.clippedHighlightsPct = luma.clippedHighlightsPct();
        out.clippedShadowsPct = luma.clippedShadowsPct();
        System.arraycopy(luma.sampleHistogram(), 0, out.lumaHistogram, 0, 256);
        out.lumaHistogramPixels = luma.sampleHistogramPixels();
    }

    private void uniformity(FrameMetrics out) {
        Grid g = luma.grid();
        out.grid = g;
        luma.cellMeanY(out.gridMeanY);
        luma.cellMeanLinear(out.gridMeanLinear);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < g.cells(); i++) {
            min = Math.min(min, out.gridMeanLinear[i]);
            max = Math.max(max, out.gridMeanLinear[i]);
        }
        out.minMaxRatio = max > 0 ? min / max : Double.NaN;
        if (!g.equals(cornersOf)) {
            cornersOf = g;
            corners = g.corners();
            centre = g.centre();
        }
        out.cornerFalloffStops = Srgb.stops(meanOf(out.gridMeanLinear, corners), meanOf(out.gridMeanLinear, centre));
        out.leftRightStops = Srgb.stops(luma.thirdMeanLinear(0), luma.thirdMeanLinear(2));
    }

    private static double meanOf(double[] values, int[] idx) {
        double s = 0;
        for (int i : idx) {
            s += values[i];
        }
        return s / idx.length;
    }

    /** Subject: all face boxes together, else the centre ninth of the frame. */
    private void subject(Frame f, List<Face> faces, FrameMetrics out) {
        if (faces.isEmpty()) {
            out.subjectLuma = luma.centreMeanY(); // the centre ninth, summed by the luma pass
            return;
        }
        region.clear();
        for (int i = 0; i < faces.size(); i++) {
            Rect b = faces.get(i).box();
            region.addEdges(f.luma, f.width, f.height, b.x(), b.y(), b.x() + b.w(), b.y() + b.h());
        }
        out.subjectLuma = region.meanY();
    }

    /**
     * The scene outside the head: the face box widened by 0.3 of its width on each side and
     * stretched from half its height above to 1.3 heights below its top (hair, ears, neck). Mean
     * and 98th percentile come from the luma kernel's sample rows (every 16th row).
     */
    private void surround(Frame f, Face face, FrameMetrics out) {
        System.arraycopy(luma.sampleHistogram(), 0, surroundHistogram, 0, 256);
        long n = luma.sampleHistogramPixels();
        if (face != null) {
            Rect b = face.box();
            int hx0 = RegionStats.from(b.x() - 0.3 * b.w());
            int hy0 = RegionStats.from(b.y() - 0.5 * b.h());
            int hx1 = RegionStats.to(b.x() + 1.3 * b.w(), f.width);
            int hy1 = RegionStats.to(b.y() + 1.3 * b.h(), f.height);
            for (int y = hy0; y < hy1 && hx1 > hx0; y++) {
                if (!luma.isSampleRow(y)) {
                    continue;
                }
                int o = y * f.width;
                for (int x = hx0; x < hx1; x++) {
                    surroundHistogram[f.luma[o + x] & 0xFF]--;
                }
                n -= hx1 - hx0;
            }
        }
        if (n <= 0) {
            return;
        }
        long sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += (long) v * surroundHistogram[v];
        }
        out.surroundLuma = (double) sum / n;
        long rank = (long) Math.ceil(0.98 * n);
        long c = 0;
        for (int v = 0; v < 256; v++) {
            c += surroundHistogram[v];
            if (c >= rank) {
                out.surroundHighlightLuma = v;
                break;
            }
        }
    }

    /** Backlight ratio: the background bands beside and above the head against the inner face ({@link BacklightRegions}). */
    private void backlight(Frame f, Face face, FrameMetrics out) {
        Rect b = face.box();
        int fw = f.width;
        int fh = f.height;
        double[] e = edges;
        BacklightRegions.face(b, e);
        int ix0 = RegionStats.from(e[0]);
        int iy0 = RegionStats.from(e[1]);
        int ix1 = RegionStats.to(e[2], fw);
        int iy1 = RegionStats.to(e[3], fh);
        if (ix1 <= ix0 || iy1 <= iy0) {
            return;
        }
        out.faceDetected = true;
        region.clear().add(f.luma, fw, ix0, iy0, ix1, iy1);
        double faceLin = region.meanLinear();
        out.faceLuma = region.meanY();
        out.faceCrushedPct = region.clippedLowPct();

        region.clear();
        for (int i = 0; i < BacklightRegions.BANDS; i++) {
            BacklightRegions.band(b, i, e);
            region.addEdges(f.luma, fw, fh, e[0], e[1], e[2], e[3]);
        }
        if (region.count > 0) {
            out.backlightRatioStops = Srgb.stops(region.meanLinear(), faceLin);
            out.backgroundLuma = region.meanY();
            out.backgroundClippedPct = region.clippedHighPct();
        }

        int half = (ix1 - ix0) / 2;
        if (half > 0) {
            region.clear().add(f.luma, fw, ix0, iy0, ix0 + half, iy1);
            other.clear().add(f.luma, fw, ix1 - half, iy0, ix1, iy1);
            out.sideLightStops = Srgb.stops(region.meanLinear(), other.meanLinear());
        }
    }

    /**
     * Where the clipped highlights are, on the luma kernel's sample rows: on the person (the head
     * region of {@link #surround} and the body below the face, three face widths wide, to the
     * bottom of the frame) — a white shirt — or elsewhere: a window, a lamp, a white wall.
     */
    private void clippedOnPerson(Frame f, Face face, FrameMetrics out) {
        Rect b = face.box();
        int hx0 = RegionStats.from(b.x() - 0.3 * b.w());
        int hx1 = RegionStats.to(b.x() + 1.3 * b.w(), f.width);
        int headTop = RegionStats.from(b.y() - 0.5 * b.h());
        int bodyTop = RegionStats.to(b.y() + b.h(), f.height);
        int bx0 = RegionStats.from(b.x() - b.w());
        int bx1 = RegionStats.to(b.x() + 2.0 * b.w(), f.width);
        long all = 0;
        long person = 0;
        for (int y = 0; y < f.height; y++) {
            if (!luma.isSampleRow(y)) {
                continue;
            }
            int o = y * f.width;
            int x0 = y >= bodyTop ? bx0 : y >= headTop ? hx0 : 0;
            int x1 = y >= bodyTop ? bx1 : y >= headTop ? hx1 : 0;
            for (int x = 0; x < f.width; x++) {
                int hi = ((f.luma[o + x] & 0xFF) + 6) >> 8; // 1 when Y >= 250
                all += hi;
                if (x >= x0 && x < x1) {
                    person += hi;
                }
            }
        }
        if (all > 0) {
            out.clippedOnPersonPct = 100.0 * person / all;
        }
    }

    private static void framing(Frame f, Face face, FrameMetrics out) {
        out.faceHeightPct = 100.0 * face.box().h() / f.height;
        out.eyeLinePct = 100.0 * face.eyeLineY() / f.height;
        out.offCentrePct = 100.0 * (face.centreX() - f.width / 2.0) / f.width;
    }

    private static Face largest(List<Face> faces) {
        Face best = null;
        for (int i = 0; i < faces.size(); i++) { // indexed: an iterator would be a per-frame allocation
            Face face = faces.get(i);
            if (best == null || face.box().area() > best.box().area()) {
                best = face;
            }
        }
        return best;
    }
}
