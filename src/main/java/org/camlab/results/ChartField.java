package org.camlab.results;

import java.util.function.Function;

/**
 * The catalogue of the {@code chart} object's numbers (docs/CONTRACT.md, The test chart): each
 * declared once with its JSON name, unit, decimals and definition, in the order the JSON writes
 * them, as {@link Metric} declares the picture's metrics.
 */
public enum ChartField {
    MTF50_CENTRE("mtf50Centre", "cycles/pixel", 4, "the median MTF50 over the centre square's sides",
            r -> new double[]{r.mtf50Centre()}, Shape.NUMBER),
    MTF50_CORNERS("mtf50Corners", "cycles/pixel", 4, "the median MTF50 over the four corner squares' sides",
            r -> new double[]{r.mtf50Corners()}, Shape.NUMBER),
    MTF50_BY_SQUARE("mtf50BySquare", "cycles/pixel", 4, "MTF50 of each square: centre, top-left, top-right, "
            + "bottom-right, bottom-left", ChartReading::mtf50BySquare, Shape.ARRAY),
    EDGES_MEASURED("edgesMeasured", "", 0, "slanted edges measured", r -> new double[]{r.edges()}, Shape.INTEGER),
    STEP_LUMA("stepLuma", "code value", 1, "mean Y on the middle of each of the ten grey steps, black to white",
            ChartReading::stepLuma, Shape.ARRAY),
    STEP_NOISE("stepNoise", "code value", 2, "standard deviation of Y on the middle of each grey step",
            ChartReading::stepNoise, Shape.ARRAY),
    NEUTRAL_A("neutralA", "", 1, "mean CIELAB a* of the white, light-grey and mid-grey patches", ChartReading::neutralA,
            Shape.ARRAY),
    NEUTRAL_B("neutralB", "", 1, "mean CIELAB b* of the white, light-grey and mid-grey patches", ChartReading::neutralB,
            Shape.ARRAY),
    WIDTH_PCT("widthPct", "%", 1, "the chart's width as a share of the picture's", r -> new double[]{r.widthPct()},
            Shape.NUMBER);

    /** How a field is written: one number, a whole number, or an array of numbers. */
    public enum Shape {
        NUMBER,
        INTEGER,
        ARRAY
    }

    public final String field;
    /** The unit, as docs/CONTRACT.md states it; empty for a pure number. */
    public final String unit;
    public final int decimals;
    public final String definition;
    public final Shape shape;
    private final Function<ChartReading, double[]> values;

    ChartField(String field, String unit, int decimals, String definition, Function<ChartReading, double[]> values,
            Shape shape) {
        this.field = field;
        this.unit = unit;
        this.decimals = decimals;
        this.definition = definition;
        this.values = values;
        this.shape = shape;
    }

    /** Its value (one element unless an ARRAY) in {@code r}, NaN where not measured. */
    public double[] of(ChartReading r) {
        return values.apply(r);
    }
}
