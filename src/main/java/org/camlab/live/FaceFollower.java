package org.camlab.live;

import org.camlab.image.Frame;
import org.camlab.image.Rect;

/**
 * Moves the face box to where the face is in the picture shown. The preview paints the newest
 * decoded frame, but faces are found on an analysed frame (five a second) and only every half
 * second on a camera, every second on a recording: a person swaying drew a box a third of a face
 * behind. The face as it was found is kept as a small template ({@link #template}), and each frame
 * painted is searched around the face's last place for where that template fits best: the box moves
 * with the picture, and the next detection brings any change of size. Nothing is allocated per
 * frame; one follower serves one painting thread.
 *
 * <p>Measured in the window on the demo (20 s, every painted frame against where the face is on it):
 * the box drawn where it was found was off by 11 % of the face's width on average and 33 % at most;
 * followed, by 2.4 % and 5.7 %, which is the detector's own jitter (2.4 % of a width, standard
 * deviation) carried along from the detection followed. {@code FaceFollowerTest} holds it.
 */
final class FaceFollower {
    /** Template samples across the face box (and as many down as keep their spacing square). */
    static final int ACROSS = 24;
    /**
     * How far a face is looked for from where it was found, in face widths across and face heights
     * down: as far as a person moves in the second between two detections.
     */
    static final double REACH_X = 0.5;
    static final double REACH_Y = 0.25;
    /** How far from its place on the last frame painted, a thirtieth of a second or a few earlier. */
    static final double STEP_X = 0.125;
    static final double STEP_Y = 0.08;
    /**
     * A best fit worse than this fraction of the template's own contrast is no fit (the face
     * left, or turned away): the box stays where the face was found.
     */
    static final double WORST_FIT = 0.5;

    /** The face's pixels on the frame where it was found: each sample the mean of a 2×2 block, less their mean. */
    record Template(Rect box, int nx, int ny, int[] xs, int[] ys, float[] values, double contrast) {
    }

    private Template following;
    private int dx;
    private int dy;
    private float[] scratch = new float[0];

    /** The template of the face in {@code box} on {@code f}; null when the box is too small to follow. */
    static Template template(Frame f, Rect box) {
        int nx = Math.min(ACROSS, box.w() / 2);
        if (nx < 4 || box.h() < 8) {
            return null;
        }
        double step = (double) box.w() / nx;
        int ny = Math.max(4, (int) Math.round(box.h() / step));
        int[] xs = new int[nx];
        int[] ys = new int[ny];
        for (int i = 0; i < nx; i++) {
            xs[i] = (int) (box.x() + (i + 0.5) * step) - box.x();
        }
        for (int j = 0; j < ny; j++) {
            ys[j] = (int) (box.y() + (j + 0.5) * box.h() / ny) - box.y();
        }
        float[] v = new float[nx * ny];
        double mean = sample(f, box.x(), box.y(), xs, ys, v);
        double contrast = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] -= (float) mean;
            contrast += Math.abs(v[i]);
        }
        return new Template(box, nx, ny, xs, ys, v, contrast / v.length);
    }

    /**
     * The box of {@code t} moved to where its face is in {@code f}: searched within
     * {@link #REACH_X} and {@link #REACH_Y} of where it was found for a new template, within
     * {@link #STEP_X} and {@link #STEP_Y} of its last place after, a coarse pass at the template's
     * spacing and a fine one pixel by pixel around its best (about a millisecond at 1280×720).
     */
    Rect follow(Frame f, Template t) {
        if (t == null) {
            return null;
        }
        boolean fresh = t != following;
        if (fresh) {
            following = t;
            dx = 0;
            dy = 0;
        }
        if (scratch.length < t.values().length) {
            scratch = new float[t.values().length];
        }
        Rect box = t.box();
        int step = Math.max(1, box.w() / t.nx());
        int rx = Math.max(2 * step, (int) (box.w() * (fresh ? REACH_X : STEP_X)));
        int ry = Math.max(2 * step, (int) (box.h() * (fresh ? REACH_Y : STEP_Y)));
        long coarse = search(f, t, dx - rx, dx + rx, dy - ry, dy + ry, step);
        int cx = (int) (coarse >> 32);
        int cy = (int) coarse;
        int half = (step + 1) / 2;
        long fine = search(f, t, cx - half, cx + half, cy - half, cy + half, 1);
        int fx = (int) (fine >> 32);
        int fy = (int) fine;
        if (fit(f, t, fx, fy) > WORST_FIT * t.contrast()) {
            return box;
        }
        dx = fx;
        dy = fy;
        return new Rect(box.x() + dx, box.y() + dy, box.w(), box.h());
    }

    /** The offset of the best fit among x0..x1 × y0..y1 in steps of {@code step}, packed as x in the high half. */
    private long search(Frame f, Template t, int x0, int x1, int y0, int y1, int step) {
        double best = Double.MAX_VALUE;
        int bx = 0;
        int by = 0;
        for (int oy = y0; oy <= y1; oy += step) {
            for (int ox = x0; ox <= x1; ox += step) {
                double d = fit(f, t, ox, oy);
                // ties go to the smaller move: a flat face region must not drift the box
                if (d < best || d == best && Math.abs(ox) + Math.abs(oy) < Math.abs(bx) + Math.abs(by)) {
                    best = d;
                    bx = ox;
                    by = oy;
                }
            }
        }
        return (long) bx << 32 | by & 0xFFFFFFFFL;
    }

    /** Mean absolute difference, code values, between the template and the frame with the box moved by ox, oy. */
    private double fit(Frame f, Template t, int ox, int oy) {
        float[] v = scratch;
        double mean = sample(f, t.box().x() + ox, t.box().y() + oy, t.xs(), t.ys(), v);
        float[] tv = t.values();
        double sum = 0;
        for (int i = 0; i < tv.length; i++) {
            sum += Math.abs(v[i] - mean - tv[i]);
        }
        return sum / tv.length;
    }

    /** Fills {@code out} with the 2×2 block means at x + xs[i], y + ys[j] (clamped to the frame); their mean. */
    private static double sample(Frame f, int x, int y, int[] xs, int[] ys, float[] out) {
        int w = f.width;
        int maxX = w - 2;
        int maxY = f.height - 2;
        byte[] luma = f.luma;
        double total = 0;
        int k = 0;
        for (int yj : ys) {
            int row = Math.max(0, Math.min(maxY, y + yj)) * w;
            for (int xi : xs) {
                int p = row + Math.max(0, Math.min(maxX, x + xi));
                float s = ((luma[p] & 0xFF) + (luma[p + 1] & 0xFF) + (luma[p + w] & 0xFF) + (luma[p + w + 1] & 0xFF))
                        * 0.25f;
                out[k++] = s;
                total += s;
            }
        }
        return total / k;
    }
}
