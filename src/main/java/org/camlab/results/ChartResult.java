package org.camlab.results;

/**
 * What {@code --chart} found over a session.
 *
 * @param framesLooked frames the chart was looked for on (one a second of the source at most)
 * @param framesFound  frames it was found on
 * @param latest       the reading of the latest frame it was found on; null when none
 */
public record ChartResult(int framesLooked, int framesFound, ChartReading latest) {
    public boolean found() {
        return latest != null;
    }
}
