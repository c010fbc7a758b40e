package org.camlab.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --since/--until}: a period of the history, in whole local days. */
final class PeriodOption {
    @Option(names = "--since", paramLabel = "DATE",
            description = "From this day (YYYY-MM-DD; default: the last 7 days for history, 28 for fleet).")
    String since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "To this day, inclusive (YYYY-MM-DD; default: today).")
    String until;

    final int defaultDays;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    PeriodOption(int defaultDays) {
        this.defaultDays = defaultDays;
    }

    /** [fromDay, toDay): local epoch days; a date that cannot be read is the command's bad argument. */
    long[] days(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        LocalDate to = until == null ? today : date("--until", until);
        LocalDate from = since == null ? to.minusDays(defaultDays - 1L) : date("--since", since);
        if (from.isAfter(to)) {
            throw new ParameterException(command.commandLine(), "--since " + from + " is after --until " + to);
        }
        return new long[]{from.toEpochDay(), to.toEpochDay() + 1};
    }

    /** The period as milliseconds since the epoch: [from, to). */
    static long[] millis(long[] days, ZoneId zone) {
        return new long[]{LocalDate.ofEpochDay(days[0]).atStartOfDay(zone).toInstant().toEpochMilli(),
                LocalDate.ofEpochDay(days[1]).atStartOfDay(zone).toInstant().toEpochMilli()};
    }

    private LocalDate date(String option, String s) {
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ParameterException(command.commandLine(), option + " takes a date as YYYY-MM-DD, not '" + s
                    + "'");
        }
    }
}
