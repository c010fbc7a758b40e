package org.camlab.cli;

import org.camlab.session.Durations;
import picocli.CommandLine;

/**
 * A length of time as a user writes it ({@code 30s}, {@code 2m}, {@code 500ms}) to microseconds, more
 * than zero: the one reading of {@code --duration} and {@code --for}, refused by picocli in one line.
 */
final class TimeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        long micros;
        try {
            micros = Durations.parseMicros(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (micros <= 0) {
            throw new CommandLine.TypeConversionException("must be more than 0, not '" + value + "'");
        }
        return micros;
    }
}
