package org.camlab.report;

import java.util.ArrayList;
import java.util.List;
import org.camlab.results.CameraTargets;
import org.camlab.results.CameraTargets.Figure;
import org.camlab.results.CameraTargets.Target;
import org.camlab.results.SessionReport;

/**
 * What camera to buy, in words: for each figure where this camera is the limit, its measured
 * figure beside the target ({@link CameraTargets}) — in the report, the summary and {@code compare}.
 */
final class CameraUpgrade {
    private CameraUpgrade() {
    }

    /** The figures where the session's camera is the limit. */
    static List<Figure> limits(SessionReport r) {
        return CameraTargets.limits(r::value, r.source().width(), r.source().height(), r.source().fpsNominal());
    }

    static String title(Terms t) {
        return t.get("camera.title");
    }

    /** What the targets are for, said once above them. */
    static String intro(Terms t) {
        return t.get("camera.intro");
    }

    /** One sentence per limit: "Resolves 639×359 — look for one that resolves at least 1280×720 …". */
    static List<String> sentences(SessionReport r, Terms t) {
        List<String> out = new ArrayList<>();
        for (Figure f : limits(r)) {
            out.add(sentence(f, t));
        }
        return out;
    }

    static String sentence(Figure f, Terms t) {
        double[] m = f.measured();
        return switch (f.target()) {
            case RESOLUTION -> t.get("camera.resolution.line", (long) m[0], (long) m[1], CameraTargets.RESOLVED_WIDTH,
                    CameraTargets.RESOLVED_HEIGHT);
            case NOISE -> t.get("camera.noise.line", m[0], light(m[1]), CameraTargets.NOISE_SIGMA);
            case FRAME_RATE -> m[0] < CameraTargets.SLOWED_FRACTION * m[2]
                    ? t.get("camera.fps.fell", m[0], m[2], light(m[1]), CameraTargets.FPS)
                    : t.get("camera.fps.line", m[0], light(m[1]), CameraTargets.FPS);
            case ANTI_FLICKER -> t.get("camera.flicker.line", m[0], (int) m[2], CameraTargets.FLICKER_PCT);
        };
    }

    /** The figure alone, as a column of compare shows it: "resolves 639×359". */
    static String figure(Figure f, Terms t) {
        double[] m = f.measured();
        return switch (f.target()) {
            case RESOLUTION -> t.get("camera.resolution.figure", (long) m[0], (long) m[1]);
            case NOISE -> t.get("camera.noise.figure", m[0], light(m[1]));
            case FRAME_RATE -> t.get("camera.fps.figure", m[0], light(m[1]));
            case ANTI_FLICKER -> m[0] > 0 ? t.get("camera.flicker.figure", m[0], m[1])
                    : t.get("camera.flicker.none");
        };
    }

    /** The target as compare heads its row: "resolves at least 1280×720". */
    static String target(Target target, Terms t) {
        return t.get("camera." + target.key + ".target", target.wanted());
    }

    /** Where the figure stands: meets the target, short of it (the camera is the limit), or held back by the rest. */
    static String standing(Figure f, Terms t) {
        return t.get(f.limit() ? "camera.short" : f.met() ? "camera.meets" : "camera.not-camera");
    }

    /** The light a figure was measured in, as code values of the brightest 2 % of the scene; "?" where unknown. */
    private static String light(double y98) {
        return Double.isNaN(y98) ? "?" : String.valueOf(Math.round(y98));
    }

    /** The block under the advice of the HTML page; nothing where the camera is not the limit. */
    static void html(StringBuilder h, SessionReport r, Terms t) {
        List<String> lines = sentences(r, t);
        if (lines.isEmpty()) {
            return;
        }
        h.append("<section id=\"camera-targets\"><h3>").append(HtmlReport.esc(title(t)))
                .append("</h3><p class=\"why\">")
                .append(HtmlReport.esc(intro(t))).append("</p><ul class=\"targets\">");
        for (String l : lines) {
            h.append("<li>").append(HtmlReport.esc(l)).append("</li>");
        }
        h.append("</ul></section>\n");
    }
}
