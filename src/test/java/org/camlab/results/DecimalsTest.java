package org.camlab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one rounding of published numbers: of the number as written, half to even. */
class DecimalsTest {
    @Test
    void roundsTheNumberAsWrittenNotItsBinaryValue() {
        // 2.675 is 2.67499999… in binary: rounding that would say 2.67 where the reader sees 2.675
        assertEquals(2.68, Decimals.round(2.675, 2));
        assertEquals("2.68", Decimals.text(2.675, 2));
    }

    @Test
    void halvesGoToTheEvenDigit() {
        assertEquals(0.12, Decimals.round(0.125, 2));
        assertEquals(0.14, Decimals.round(0.135, 2));
        assertEquals(-0.12, Decimals.round(-0.125, 2));
    }

    @Test
    void textHasNoTrailingZerosAndNothingForNaN() {
        assertEquals("0.5", Decimals.text(0.5, 3));
        assertEquals("40", Decimals.text(40, 3));
        assertEquals("0", Decimals.text(0.0001, 3));
        assertEquals("", Decimals.text(Double.NaN, 3));
        assertEquals(Double.NaN, Decimals.round(Double.NaN, 2));
    }

    @Test
    void aMetricIsPublishedAsTheJsonWritesIt() {
        assertEquals(0.31, Metric.BACKLIGHT_RATIO.published(0.3149));
        assertEquals(73, Metric.SHARPNESS_SCORE.published(72.5));
        assertEquals(Double.NaN, Metric.BACKLIGHT_RATIO.published(Double.NaN));
    }
}
