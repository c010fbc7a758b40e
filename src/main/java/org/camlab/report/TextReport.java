package org.camlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.advice.Recommendation;
import org.camlab.advice.Severity;
import org.camlab.advice.Verdict;
import org.camlab.core.Metric;
import org.camlab.session.SessionReport;

/** The human summary: one aligned line per category with a traffic light, then the advice. */
public final class TextReport {
    private final boolean colour;

    /** @param colour use ANSI colours for the traffic lights (a terminal); else plain words */
    public TextReport(boolean colour) {
        this.colour = colour;
    }

    /** " in 14.20 s (127 frames/s)": the wall time, and the rate when there is more than one frame. */
    private static String wall(SessionReport r) {
        if (!(r.wallSec() > 0)) {
            return "";
        }
        String rate = r.framesAnalyzed() > 1 ? String.format(Locale.ROOT, " (%.0f frames/s)", r.framesAnalyzed() / r.wallSec()) : "";
        return String.format(Locale.ROOT, " in %.2f s%s", r.wallSec(), rate);
    }

    public String render(SessionReport r, Verdict v) {
        StringBuilder sb = new StringBuilder();
        var src = r.source();
        sb.append(String.format(Locale.ROOT, "camlab — %s (%s, %d×%d%s)%n", src.name(), src.kind().json(), src.width(),
                src.height(), src.fpsNominal() > 0 ? String.format(Locale.ROOT, ", %.2f fps", src.fpsNominal()) : ""));
        sb.append(String.format(Locale.ROOT, "  %d frame%s analysed%s%s · faces: %s%n", r.framesAnalyzed(),
                r.framesAnalyzed() == 1 ? "" : "s",
                r.durationSec() > 0 ? String.format(Locale.ROOT, " over %.1f s", r.durationSec()) : "",
                wall(r),
                r.faceDetected() ? "found (" + r.faceDetector() + ")"
                        : r.faceDetector().equals("none") ? "not looked for (--faces none), centre used as subject"
                        : "none found (" + r.faceDetector() + "), centre used as subject"));
        sb.append(String.format(Locale.ROOT, "  Score %d/100%n%n", v.score()));
        for (String[] line : lines(r)) {
            sb.append(String.format(Locale.ROOT, "  %-11s %s  %s%n", line[0], light(v, line[1], line[2]), line[2]));
        }
        if (v.recommendations().isEmpty()) {
            sb.append(String.format("%nNothing to change: this looks good on a call.%n"));
        } else {
            sb.append(String.format("%nWhat to change:%n"));
            int i = 1;
            for (Recommendation rec : v.recommendations()) {
                sb.append(String.format(Locale.ROOT, "  %d. [%s] %s%n     %s%n", i++, rec.severity().json(), rec.title(),
                        rec.detail()));
            }
        }
        if (r.error() != null) {
            sb.append(String.format("%nStopped early: %s%n", r.error()));
        }
        return sb.toString();
    }

    private List<String[]> lines(SessionReport r) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {"exposure", "exposure", String.format(Locale.ROOT, "mean %s · subject %s · clipped %s high, %s low",
                f(r, Metric.MEAN_LUMA), f(r, Metric.SUBJECT_LUMA), f(r, Metric.CLIPPED_HIGHLIGHTS), f(r, Metric.CLIPPED_SHADOWS))});
        out.add(new String[] {"light", "backlight", r.faceDetected()
                ? String.format(Locale.ROOT, "background vs face %s · side light %s", f(r, Metric.BACKLIGHT_RATIO),
                        f(r, Metric.SIDE_LIGHT))
                : "no face: backlight not measured"});
        out.add(new String[] {"uniformity", "uniformity", String.format(Locale.ROOT, "corners %s · left/right %s · min/max %s",
                f(r, Metric.CORNER_FALLOFF), f(r, Metric.LEFT_RIGHT), f(r, Metric.MIN_MAX_RATIO))});
        out.add(new String[] {"sharpness", "sharpness", String.format(Locale.ROOT, "score %s · edge width %s",
                f(r, Metric.SHARPNESS_SCORE), f(r, Metric.EDGE_WIDTH))});
        out.add(new String[] {"noise", "noise", String.format(Locale.ROOT, "σ %s code values", f(r, Metric.NOISE_SIGMA))});
        out.add(new String[] {"colour", "color", String.format(Locale.ROOT, "a* %s · b* %s · %s",
                f(r, Metric.CAST_A), f(r, Metric.CAST_B), f(r, Metric.CCT))});
        out.add(new String[] {"resolution", "resolution", String.format(Locale.ROOT, "%d×%d, detail for %s of it (upscale %s)",
                r.source().width(), r.source().height(), effective(r), f(r, Metric.UPSCALE))});
        if (r.framesAnalyzed() > 1) {
            var t = r.timing();
            out.add(new String[] {"timing", "temporal", String.format(Locale.ROOT, "%s fps · jitter %s ms · %d dropped · %d frozen%s",
                    num(t.fpsMeasured(), 2), num(t.jitterMs(), 1), t.droppedFrames(), t.frozenFrames(),
                    r.flicker() == null ? "" : String.format(Locale.ROOT, " · flicker %.1f Hz %.1f %%", r.flicker().hz(),
                            r.flicker().pct()))});
        }
        out.add(new String[] {"framing", "framing", r.faceDetected()
                ? String.format(Locale.ROOT, "face %s of height · eyes %s from top · %s off centre", f(r, Metric.FACE_HEIGHT),
                        f(r, Metric.EYE_LINE), f(r, Metric.OFF_CENTRE))
                : "no face"});
        return out;
    }

    private static String effective(SessionReport r) {
        double k = r.value(Metric.UPSCALE);
        if (Double.isNaN(k)) {
            return "?";
        }
        return String.format(Locale.ROOT, "%d×%d", Math.round(r.source().width() / k), Math.round(r.source().height() / k));
    }

    private String light(Verdict v, String category, String text) {
        Severity worst = null;
        for (Recommendation rec : v.recommendations()) {
            if (rec.metric().startsWith(category + ".") && (worst == null || rec.severity().compareTo(worst) < 0)) {
                worst = rec.severity();
            }
        }
        String word;
        String ansi;
        if (worst == null) {
            boolean unmeasured = text.contains("not measured") || text.equals("no face");
            word = unmeasured ? "  –  " : " ok  ";
            ansi = unmeasured ? "\u001b[90m" : "\u001b[32m";
        } else if (worst == Severity.HIGH) {
            word = " FIX ";
            ansi = "\u001b[31m";
        } else {
            word = label(worst);
            ansi = "\u001b[33m";
        }
        return colour ? ansi + "●" + "\u001b[0m" + word : "[" + word + "]";
    }

    private static String label(Severity s) {
        return s == Severity.MEDIUM ? "check" : "note ";
    }

    static String f(SessionReport r, Metric m) {
        double v = r.value(m);
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String n = num(v, m.decimals);
        if (m.unit.isEmpty()) {
            return n;
        }
        if (m.unit.equals("stops")) {
            return (v > 0 ? "+" : "") + n + " stops";
        }
        return m.unit.equals("%") || m.unit.equals("×") || m.unit.equals("/100") ? n + (m.unit.equals("%") ? " %" : m.unit)
                : n + " " + m.unit;
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
