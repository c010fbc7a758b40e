package org.camlab.results;

import org.camlab.text.Text;

/**
 * One problem found, with what to do about it.
 *
 * @param id        stable kebab-case name of the problem, e.g. {@code backlight}
 * @param title     its headline, in words each language puts its own way (the JSON keeps English)
 * @param detail    what to do, with the measured numbers
 * @param metric    the JSON path of the metric that tripped the rule
 * @param value     that metric's session value
 * @param threshold the rule's threshold on that metric
 */
public record Recommendation(String id, Severity severity, Text title, Text detail, String metric,
                             double value, double threshold) {
}
