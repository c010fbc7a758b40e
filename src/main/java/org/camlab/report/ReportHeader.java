package org.camlab.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camlab.image.SourceInfo;
import org.camlab.results.SessionReport;

/**
 * The head of the report, the HTML page's and the PDF's alike, as a person reads it: the file's
 * name rather than the path it was given by (that stays in the JSON), and the local date and time of
 * the measurement in the language's way rather than an ISO instant to the nanosecond.
 */
final class ReportHeader {
    private ReportHeader() {
    }

    /** "demo.mp4 · file · 1280×720 · 30.00 fps". */
    static String source(SourceInfo src, Terms t) {
        return shownName(src) + " · " + t.kind(src.kind()) + " · " + src.width() + "×" + src.height()
                + (src.fpsNominal() > 0 ? String.format(Locale.ROOT, " · %.2f fps", src.fpsNominal()) : "");
    }

    /** A file's or a picture's name without its folders; a camera's or a stream's name as it is. */
    static String shownName(SourceInfo src) {
        String name = src.name();
        if (src.kind() != SourceInfo.Kind.FILE && src.kind() != SourceInfo.Kind.IMAGE) {
            return name;
        }
        // either separator: a report written on Linux may name a file given as C:\…
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return cut >= 0 && cut < name.length() - 1 ? name.substring(cut + 1) : name;
    }

    /** "Measured 7 December 2026, 16:07 UTC · 12 frames analysed … · camlab 1.0", in {@code zone}'s time. */
    static String measured(SessionReport r, Terms t, ZoneId zone) {
        return t.get("report.measured", when(r.measuredAt(), t, zone), HtmlReport.frames(r, t), Version.get());
    }

    /** The local date and time, to the minute, with the zone's name: the one a reader of the page has in mind. */
    static String when(Instant at, Terms t, ZoneId zone) {
        return DateTimeFormatter.ofPattern(t.get("report.when"), t.language().locale).format(at.atZone(zone));
    }
}
