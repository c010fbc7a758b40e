package org.camlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camlab.readiness.Readiness;
import org.camlab.results.Category;
import org.camlab.results.ChartResult;
import org.camlab.results.Decimals;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.RequirementResult;
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
        if (r.source().isStill()) {
            src.putNull("clock");
        } else {
            src.put("clock", r.source().clock().json());
        }
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
                values.add(Decimals.round(x, 3));
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
        return document(r, v).line();
    }

    /** The report of {@code r}, to which a command adds what it was asked for beside the picture's. */
    public static Document document(SessionReport r, Verdict v) {
        return new Document(build(r, v));
    }

    /** A report's object with the fields added beside the picture's: {@code chart}, {@code requirements}, {@code readiness}. */
    public static final class Document {
        private final ObjectNode root;

        private Document(ObjectNode root) {
            this.root = root;
        }

        /** The {@code chart} object; none without {@code --chart} (null). */
        public Document chart(ChartResult c) {
            if (c != null) {
                ChartReport.json(root, c);
            }
            return this;
        }

        /** The {@code requirements} list; none when nothing was required. */
        public Document requirements(List<RequirementResult> results) {
            if (!results.isEmpty()) {
                RequirementReport.addTo(root.putArray("requirements"), results);
            }
            return this;
        }

        /** The {@code readiness} section and its advice; none when the findings are not in (null). */
        public Document readiness(Readiness r, List<Recommendation> advice) {
            if (r != null) {
                root.set("readiness", ReadinessReport.section(r, advice));
            }
            return this;
        }

        /** One line of JSON, as printed on stdout for each source. */
        public String line() {
            try {
                return MAPPER.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
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
        value(node, m.field, m, v);
    }

    /** {@code v} of metric {@code m} as {@code field}, as the report publishes it (a boolean not measured is false). */
    static void value(ObjectNode node, String field, Metric m, double v) {
        double p = m.published(v);
        switch (m.format) {
            case BOOLEAN -> node.put(field, p == 1);
            case INTEGER -> {
                if (Double.isNaN(p)) {
                    node.putNull(field);
                } else {
                    node.put(field, (long) p);
                }
            }
            default -> number(node, field, p, m.decimals);
        }
    }

    static void number(ObjectNode node, String field, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            node.putNull(field);
        } else {
            node.put(field, Decimals.round(v, decimals));
        }
    }
}
