package org.camlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camlab.results.Metric;
import org.camlab.results.Recommendation;
import org.camlab.results.ScoreArea;
import org.camlab.results.Severity;
import org.camlab.results.Verdict;
import org.camlab.text.Text;

/**
 * A {@code camlab.report/1} object read back from a file written with {@code --json}, or from the
 * HTML page of {@code --report}, which holds the same JSON: what
 * {@code compare} sets side by side. Only what the contract promises is read; fields a later camlab
 * adds are ignored, and a report from before the area scores gets them recomputed from its
 * recommendations by the contract's formula.
 *
 * @param label  the file, as the user named it
 * @param source the measured source's name
 * @param values every catalogue metric present, NaN where null
 * @param width  the source's frame width ({@code source.width}), 0 where the file has none
 * @param height the source's frame height, 0 where the file has none
 * @param fpsNominal the source's own frame rate, NaN where the file has none
 */
public record SavedReport(String label, String source, String measuredAt, Map<Metric, Double> values, Verdict verdict,
        int width, int height, double fpsNominal) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Thrown with a one-line message for the user. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public double value(Metric m) {
        Double v = values.get(m);
        return v == null ? Double.NaN : v;
    }

    public static SavedReport read(Path file) throws Unreadable {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no file " + file);
        } catch (IOException e) {
            throw new Unreadable("cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * A report from its JSON text (a file's, or one kept in the rooms' history).
     *
     * @param file how the report is named in messages and as its label
     */
    public static SavedReport parse(String text, String file) throws Unreadable {
        if (looksLikeHtml(text)) {
            Matcher m = EMBEDDED.matcher(text);
            if (!m.find()) {
                throw new Unreadable(file + " is a web page but not a camlab report; give one written by 'camlab "
                        + "analyze … --report FILE.html' or '--json'");
            }
            text = m.group(1);
        }
        List<String> objects = text.strip().lines().filter(l -> !l.isBlank()).toList();
        if (objects.isEmpty()) {
            throw new Unreadable(file + " is empty; give a file written by 'camlab analyze … --json'");
        }
        if (objects.size() > 1 && objects.get(0).strip().startsWith("{") && objects.get(0).strip().endsWith("}")) {
            throw new Unreadable(file + " holds " + objects.size() + " reports (one per source); compare takes a file "
                    + "with one");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new Unreadable(file + " is not JSON; give a file written by 'camlab analyze … --json'");
        }
        if (root == null || !root.isObject() || !JsonReport.SCHEMA.equals(root.path("schema").asText())) {
            throw new Unreadable(file + " is not a camlab report (no \"schema\": \"" + JsonReport.SCHEMA + "\")");
        }
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            JsonNode v = root.path(m.category.key).path(m.field);
            if (v.isNumber()) {
                values.put(m, v.asDouble());
            } else if (v.isBoolean()) {
                values.put(m, v.asBoolean() ? 1.0 : 0.0);
            } else if (!v.isMissingNode()) {
                values.put(m, Double.NaN);
            }
        }
        List<Recommendation> recs = new ArrayList<>();
        for (JsonNode o : root.path("recommendations")) {
            Severity s;
            try {
                s = Severity.valueOf(o.path("severity").asText("low").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                s = Severity.LOW;
            }
            recs.add(new Recommendation(o.path("id").asText(), s, Text.literal(o.path("title").asText()),
                    Text.literal(o.path("detail").asText()),
                    o.path("metric").asText(), number(o.path("value")), number(o.path("threshold"))));
        }
        Map<ScoreArea, Integer> areas = new EnumMap<>(Verdict.of(recs).areaScores());
        JsonNode scores = root.path("scores");
        for (ScoreArea a : ScoreArea.values()) {
            if (scores.path(a.key).isInt()) {
                areas.put(a, scores.path(a.key).asInt());
            }
        }
        if (!root.path("score").isInt()) {
            throw new Unreadable(file + " has no score: is it a whole camlab report?");
        }
        Verdict v = new Verdict(root.path("score").asInt(), List.copyOf(recs), areas);
        JsonNode src = root.path("source");
        return new SavedReport(file, src.path("name").asText("?"), root.path("measuredAt").asText(""), values, v,
                src.path("width").asInt(0), src.path("height").asInt(0), number(src.path("fpsNominal")));
    }

    /** The report's JSON in a page camlab wrote ({@link HtmlReport#embed}). */
    private static final Pattern EMBEDDED = Pattern.compile("<script type=\"application/json\" id=\""
            + HtmlReport.JSON_ID + "\">(.*?)</script>", Pattern.DOTALL);

    private static boolean looksLikeHtml(String text) {
        String head = text.stripLeading();
        return head.startsWith("<") || head.regionMatches(true, 0, "\uFEFF<", 0, 2);
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
