package org.camlab.results;

/**
 * Periodic brightness change seen as an oscillation of the frame mean.
 *
 * @param hz  dominant frequency as sampled (aliased by the frame rate, as the viewer sees it)
 * @param pct peak-to-peak amplitude over the mean brightness, percent
 */
public record Flicker(double hz, double pct) {
}
