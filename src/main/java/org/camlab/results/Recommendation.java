package org.camlab.results;

/**
 * One problem found, with what to do about it.
 *
 * @param id        stable kebab-case name of the problem, e.g. {@code backlight}
 * @param metric    the JSON path of the metric that tripped the rule
 * @param value     that metric's session value
 * @param threshold the rule's threshold on that metric
 */
public record Recommendation(String id, Severity severity, String title, String detail, String metric,
                             double value, double threshold) {
}
