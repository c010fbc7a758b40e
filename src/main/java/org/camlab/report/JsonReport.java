package org.camlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

/**
 * The {@code camlab.report/1} JSON object (docs/CONTRACT.md). The categories are written from the
 * catalogue, {@link Metric}, in its order; fields are only ever added; NaN becomes null.
 */
public final class JsonReport {
    public static final String SCHEMA = "camlab.report/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static ObjectNode build(SessionReport r, Verdict v) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("camlabVersion", Version.get());
        root.put("measuredAt", r.measuredAt().toString());
        ObjectNode src = root.putObject("source");
        src.put("kind", r.source().kind().json());
        src.put("name", r.source().name());
        src.put("width", r.source().width());
        src.put("height", r.source().height());
        number(src, "fpsNominal", r.source().fpsNominal(), 3);
        ObjectNode frames = root.putObject("frames");
        frames.put("analyzed", r.framesAnalyzed());
        frames.put("decoded", r.framesDecoded());
        number(frames, "durationSec", r.durationSec(), 3);
        number(frames, "wallSec", r.wallSec(), 3);
        root.put("partial", r.partial());
        for (Category c : Category.values()) {
            root.putObject(c.key);
        }
        for (Metric m : Metric.values()) {
            value((ObjectNode) root.get(m.category.key), m, r.value(m));
        }
        var curve = ((ObjectNode) root.get(Category.RESOLUTION.key));
        if (r.mtfCurve() == null) {
            curve.putNull("mtfCurve");
        } else {
            var values = curve.putArray("mtfCurve");
            for (double x : r.mtfCurve()) {
                values.add(Math.round(x * 1000) / 1000.0);
            }
        }
        root.put("score", v.score());
        ObjectNode scores = root.putObject("scores");
        for (ScoreArea a : ScoreArea.values()) {
            scores.put(a.key, v.score(a));
        }
        var recs = root.putArray("recommendations");
        for (Recommendation rec : v.recommendations()) {
            recommendation(recs.addObject(), rec);
        }
        root.put("faceDetector", r.faceDetector());
        if (r.error() != null) {
            root.put("error", r.error());
        }
        return root;
    }

    /** One line of JSON, as printed on stdout for each source. */
    public static String line(SessionReport r, Verdict v) {
        try {
            return MAPPER.writeValueAsString(build(r, v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void recommendation(ObjectNode o, Recommendation rec) {
        o.put("id", rec.id());
        o.put("severity", rec.severity().json());
        o.put("title", rec.title().toString()); // English, whatever the language shown
        o.put("detail", rec.detail().toString());
        o.put("metric", rec.metric());
        number(o, "value", rec.value(), 3);
        number(o, "threshold", rec.threshold(), 3);
    }

    static void value(ObjectNode node, Metric m, double v) {
        switch (m.format) {
            case BOOLEAN -> node.put(m.field, m.holds(v));
            case INTEGER -> {
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    node.putNull(m.field);
                } else {
                    node.put(m.field, Math.round(v));
                }
            }
            default -> number(node, m.field, v, m.decimals);
        }
    }

    static void number(ObjectNode node, String field, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            node.putNull(field);
        } else {
            node.put(field, BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .doubleValue());
        }
    }
}
