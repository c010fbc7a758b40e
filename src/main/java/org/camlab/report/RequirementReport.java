package org.camlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camlab.results.Decimals;
import org.camlab.results.RequirementResult;
import org.camlab.text.Words;

/**
 * Requirements' results ({@code --require}, a room's standard) in the one shape of
 * docs/CONTRACT.md, for analyze's {@code requirements} and a survey's stored row alike, and in
 * words for the summary.
 */
public final class RequirementReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequirementReport() {
    }

    /** The results as a JSON array, as a survey stores them. */
    public static String json(List<RequirementResult> results) {
        ArrayNode a = MAPPER.createArrayNode();
        addTo(a, results);
        return a.toString();
    }

    static void addTo(ArrayNode a, List<RequirementResult> results) {
        for (RequirementResult q : results) {
            ObjectNode o = a.addObject();
            o.put("requirement", q.requirement());
            o.put("met", q.met());
            o.put("result", describe(q));
            if (!q.source().isEmpty()) {
                o.put("source", q.source());
            }
            if (!q.isRule()) {
                if (q.metric() != null) {
                    JsonReport.value(o, "value", q.metric(), q.value());
                } else {
                    o.put("value", Math.round(q.value())); // the score, a whole number
                }
            }
            // the names the history's rows had first, before the shape was one
            o.put("require", q.requirement());
            o.put("passed", q.met());
        }
    }

    /** "sharpness.score >= 40 (measured 23)", in English: the words of the JSON and of the error lines. */
    public static String describe(RequirementResult q) {
        return describe(q, Words.ENGLISH);
    }

    /** "sharpness.score >= 40 (measured 23)", in the language of {@code w}. */
    public static String describe(RequirementResult q, Words w) {
        if (q.isRule()) {
            return w.get("require.no", q.rule(), q.found() == null ? w.get("require.none-found")
                    : w.get("require.found", w.get(q.found().title())));
        }
        String measured = Double.isNaN(q.value()) ? w.get("require.not-measured")
                : w.get("require.measured", Decimals.text(q.value(), 3));
        return q.requirement() + " (" + measured + ")";
    }

    /** The summary's lines: how many were met, then each, pass or FAIL. */
    public static List<String> lines(List<RequirementResult> results, Terms t) {
        List<String> out = new ArrayList<>();
        if (results.isEmpty()) {
            return out;
        }
        long met = results.stream().filter(RequirementResult::met).count();
        out.add("");
        out.add(t.get("require.summary", met, results.size()));
        for (RequirementResult q : results) {
            out.add("  " + TextReport.padded(t.get(q.met() ? "require.pass" : "require.fail"), 4) + "  "
                    + describe(q, t.words()));
        }
        return out;
    }

    /**
     * The requirements a stored row did not meet, as it wrote them; null when its JSON cannot be
     * read. Rows stored before the shape was one have only {@code require} and {@code passed}.
     */
    public static List<String> unmet(String storedJson) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode q : MAPPER.readTree(storedJson)) {
                JsonNode met = q.has("met") ? q.get("met") : q.path("passed");
                if (!met.asBoolean(true)) {
                    out.add((q.has("requirement") ? q.get("requirement") : q.path("require")).asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return out;
    }
}
