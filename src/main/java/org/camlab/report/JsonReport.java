package org.camlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camlab.advice.Recommendation;
import org.camlab.advice.Verdict;
import org.camlab.core.Metric;
import org.camlab.session.SessionReport;

/**
 * The {@code camlab.report/1} JSON object of design.md. Fields are only ever added; NaN becomes
 * null. Fields beyond the contract (marked "extra" below) carry the cues the advice used.
 */
public final class JsonReport {
    public static final String SCHEMA = "camlab.report/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static ObjectNode build(SessionReport r, Verdict v) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode src = root.putObject("source");
        src.put("kind", r.source().kind().json());
        src.put("name", r.source().name());
        src.put("width", r.source().width());
        src.put("height", r.source().height());
        number(src, "fpsNominal", r.source().fpsNominal(), 3);
        ObjectNode frames = root.putObject("frames");
        frames.put("analyzed", r.framesAnalyzed());
        number(frames, "durationSec", r.durationSec(), 3);
        number(frames, "wallSec", r.wallSec(), 3);

        ObjectNode exposure = root.putObject("exposure");
        metric(exposure, r, Metric.MEAN_LUMA);
        metric(exposure, r, Metric.CLIPPED_HIGHLIGHTS);
        metric(exposure, r, Metric.CLIPPED_SHADOWS);
        metric(exposure, r, Metric.SUBJECT_LUMA);
        ObjectNode uniformity = root.putObject("uniformity");
        metric(uniformity, r, Metric.MIN_MAX_RATIO);
        metric(uniformity, r, Metric.CORNER_FALLOFF);
        metric(uniformity, r, Metric.LEFT_RIGHT);
        ObjectNode backlight = root.putObject("backlight");
        backlight.put("faceDetected", r.faceDetected());
        metric(backlight, r, Metric.BACKLIGHT_RATIO);
        metric(backlight, r, Metric.SIDE_LIGHT);
        metric(backlight, r, Metric.FACE_LUMA); // extra
        metric(backlight, r, Metric.BACKGROUND_LUMA); // extra
        metric(backlight, r, Metric.BACKGROUND_CLIPPED); // extra
        ObjectNode sharpness = root.putObject("sharpness");
        metric(sharpness, r, Metric.LAPLACIAN_VARIANCE);
        metric(sharpness, r, Metric.TENENGRAD);
        integer(sharpness, "score", r.value(Metric.SHARPNESS_SCORE));
        metric(sharpness, r, Metric.EDGE_WIDTH); // extra
        metric(root.putObject("noise"), r, Metric.NOISE_SIGMA);
        ObjectNode color = root.putObject("color");
        metric(color, r, Metric.CAST_A);
        metric(color, r, Metric.CAST_B);
        integer(color, "cctKelvin", r.value(Metric.CCT));
        ObjectNode resolution = root.putObject("resolution");
        resolution.putNull("mtf50");
        resolution.putNull("mtf50LwPh");
        resolution.put("edgesMeasured", 0);
        metric(resolution, r, Metric.UPSCALE);
        ObjectNode temporal = root.putObject("temporal");
        number(temporal, "fpsMeasured", r.timing().fpsMeasured(), 2);
        number(temporal, "jitterMs", r.timing().jitterMs(), 2);
        temporal.put("droppedFrames", r.timing().droppedFrames());
        temporal.put("frozenFrames", r.timing().frozenFrames());
        number(temporal, "flickerHz", r.flicker() == null ? Double.NaN : r.flicker().hz(), 2);
        number(temporal, "flickerPct", r.flicker() == null ? Double.NaN : r.flicker().pct(), 2);
        ObjectNode framing = root.putObject("framing");
        metric(framing, r, Metric.FACE_HEIGHT);
        metric(framing, r, Metric.EYE_LINE);
        metric(framing, r, Metric.OFF_CENTRE);
        root.put("score", v.score());
        var recs = root.putArray("recommendations");
        for (Recommendation rec : v.recommendations()) {
            ObjectNode o = recs.addObject();
            o.put("id", rec.id());
            o.put("severity", rec.severity().json());
            o.put("title", rec.title());
            o.put("detail", rec.detail());
            o.put("metric", rec.metric());
            number(o, "value", rec.value(), 3);
            number(o, "threshold", rec.threshold(), 3);
        }
        root.put("faceDetector", r.faceDetector()); // extra
        if (r.error() != null) {
            root.put("error", r.error()); // extra: why the session ended early
        }
        return root;
    }

    /** One line of JSON, as printed on stdout for each source. */
    public static String line(SessionReport r, Verdict v) {
        try {
            return MAPPER.writeValueAsString(build(r, v));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void metric(ObjectNode node, SessionReport r, Metric m) {
        number(node, m.field, r.value(m), m.decimals);
    }

    private static void number(ObjectNode node, String field, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            node.putNull(field);
        } else {
            node.put(field, BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .doubleValue());
        }
    }

    private static void integer(ObjectNode node, String field, double v) {
        if (Double.isNaN(v)) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(v));
        }
    }
}
