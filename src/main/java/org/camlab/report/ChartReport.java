package org.camlab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.camlab.results.ChartField;
import org.camlab.results.ChartReading;
import org.camlab.results.ChartResult;
import org.camlab.results.Decimals;

/**
 * The test chart's reading ({@code --chart}) for scripts, the {@code chart} object written from
 * the catalogue {@link ChartField}, and for a person, the summary's lines in their language.
 */
public final class ChartReport {
    private ChartReport() {
    }

    /** Adds the {@code chart} object to a report's JSON. */
    static void json(ObjectNode root, ChartResult c) {
        ObjectNode o = root.putObject("chart");
        o.put("found", c.found());
        o.put("framesLooked", c.framesLooked());
        o.put("framesFound", c.framesFound());
        if (!c.found()) {
            return;
        }
        for (ChartField f : ChartField.values()) {
            double[] v = f.of(c.latest());
            switch (f.shape) {
                case INTEGER -> o.put(f.field, Math.round(v[0]));
                case NUMBER -> JsonReport.number(o, f.field, v[0], f.decimals);
                case ARRAY -> {
                    ArrayNode a = o.putArray(f.field);
                    for (double x : v) {
                        if (Double.isNaN(x)) {
                            a.addNull();
                        } else {
                            a.add(Decimals.round(x, f.decimals));
                        }
                    }
                }
            }
        }
    }

    /** The summary's lines about the chart, in the user's language; none without {@code --chart} (null). */
    public static List<String> lines(ChartResult c, Terms t) {
        List<String> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        ChartReading r = c.latest();
        if (r == null) {
            out.add(t.get("chart.missing", c.framesLooked()));
            return out;
        }
        out.add(t.get("chart.found", r.widthPct()));
        out.add("  " + t.get("chart.sharpness", r.mtf50Centre(), r.mtf50Corners(), r.edges()));
        double[] noise = r.stepNoise();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int i = 1; i < noise.length - 1; i++) { // the end steps clip: black and white show no noise
            lo = Math.min(lo, noise[i]);
            hi = Math.max(hi, noise[i]);
        }
        out.add("  " + t.get("chart.steps", r.stepLuma()[0], r.stepLuma()[r.stepLuma().length - 1], lo, hi));
        out.add("  " + t.get("chart.balance", mean(r.neutralA()), mean(r.neutralB())));
        if (r.tooSmall()) {
            out.add("  " + t.get("chart.closer", r.widthPct()));
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
