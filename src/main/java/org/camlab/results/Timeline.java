package org.camlab.results;

/**
 * The time-domain figures second by second of source time, from every decoded frame: how many
 * frames each second held (the frame rate as it was delivered, dips where frames were dropped or
 * the camera slowed down) and how far the frame mean swung within it, peak to peak over its mean
 * (flickering light is a steady swing; a person moving or a lamp switched on is a single peak).
 * Bounded in size as {@link TimeSeries} is; a second is in once it is complete.
 */
public record Timeline(TimeSeries fps, TimeSeries swingPct) {
}
