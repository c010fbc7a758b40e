package org.camlab.live;

import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

/**
 * What the live check shows at one moment.
 *
 * @param recent    the last second's medians, with the session's frame timing and flicker so far
 * @param verdict   the problems that have lasted ({@link ConfirmedProblems}) and their score
 * @param found     what the rules find on the recent picture this moment, lasted or not
 * @param session   the whole session so far
 * @param sinceOpen wall seconds since the source opened
 */
public record LiveState(SessionReport recent, Verdict verdict, Verdict found, SessionReport session, double sinceOpen) {
}
