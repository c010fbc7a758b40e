package org.camlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.chart.ChartReader;
import org.camlab.core.ChartFinder;
import org.camlab.report.Terms;
import org.camlab.session.SessionListener;
import picocli.CommandLine.Option;

/** {@code --chart}: find camlab's printed test chart in the picture and read it. */
final class ChartOption {
    @Option(names = "--chart", description = "Also find camlab's test chart ('camlab chart' prints it) in the "
            + "picture and read it: sharpness (MTF50) in the centre and towards the corners, the grey steps' "
            + "levels and noise, white balance on its neutral patches, and how large it appears.")
    boolean chart;

    /** Below this share of the picture's width the chart's corners are too small to measure well. */
    static final double SMALL_CHART_PCT = 30;

    private ChartReader reader;

    void watch(List<SessionListener> listeners) {
        reader = chart ? new ChartReader() : null;
        if (reader != null) {
            listeners.add(reader);
        }
    }

    /** Adds the {@code chart} object to a report's JSON. */
    void json(ObjectNode root) {
        if (reader == null) {
            return;
        }
        ObjectNode c = root.putObject("chart");
        ChartFinder.Reading r = reader.reading();
        c.put("found", r != null);
        c.put("framesLooked", reader.looked());
        c.put("framesFound", reader.found());
        if (r == null) {
            return;
        }
        number(c, "mtf50Centre", r.mtf50Centre(), 3);
        number(c, "mtf50Corners", r.mtf50Corners(), 3);
        array(c.putArray("mtf50BySquare"), r.mtf50BySquare(), 3);
        c.put("edgesMeasured", r.edges());
        array(c.putArray("stepLuma"), r.stepLuma(), 1);
        array(c.putArray("stepNoise"), r.stepNoise(), 2);
        array(c.putArray("neutralA"), r.neutralA(), 1);
        array(c.putArray("neutralB"), r.neutralB(), 1);
        number(c, "widthPct", r.widthPct(), 1);
    }

    /** The summary's lines about the chart, in the user's language. */
    List<String> text(Terms t) {
        List<String> out = new ArrayList<>();
        if (reader == null) {
            return out;
        }
        ChartFinder.Reading r = reader.reading();
        if (r == null) {
            out.add(t.get("chart.missing", reader.looked()));
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
        if (r.widthPct() < SMALL_CHART_PCT) {
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

    private static void number(ObjectNode o, String name, double v, int decimals) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, round(v, decimals));
        }
    }

    private static void array(ArrayNode a, double[] v, int decimals) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                a.addNull();
            } else {
                a.add(round(x, decimals));
            }
        }
    }

    private static double round(double v, int decimals) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
}
