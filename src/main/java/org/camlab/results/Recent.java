package org.camlab.results;

/**
 * The time-domain figures of the last few seconds alone, as the live check judges them: a problem
 * fixed (the lamp changed, the cable plugged in) clears from these while the session's own figures
 * keep what it saw. From the last complete window of source time, or the one being filled before
 * there is one.
 *
 * @param timing      frame rate, jitter, drops and freezes within the window
 * @param flicker     the flicker within it; null when none
 * @param fromSec     the window's start, source seconds from the session's first frame
 * @param seconds     the window's length so far, source seconds
 */
public record Recent(Timing timing, Flicker flicker, double fromSec, double seconds) {
}
