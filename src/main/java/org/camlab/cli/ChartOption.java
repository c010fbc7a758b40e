package org.camlab.cli;

import java.util.List;
import org.camlab.chart.ChartReader;
import org.camlab.results.ChartResult;
import org.camlab.session.SessionListener;
import picocli.CommandLine.Option;

/** {@code --chart}: find camlab's printed test chart in the picture and read it. */
final class ChartOption {
    @Option(names = "--chart", description = "Also find camlab's test chart ('camlab chart' prints it) in the "
            + "picture and read it: sharpness (MTF50) in the centre and towards the corners, the grey steps' "
            + "levels and noise, white balance on its neutral patches, and how large it appears.")
    boolean chart;

    private ChartReader reader;

    void watch(List<SessionListener> listeners) {
        reader = chart ? new ChartReader() : null;
        if (reader != null) {
            listeners.add(reader);
        }
    }

    /** What the chart reader found; null without {@code --chart}. */
    ChartResult result() {
        return reader == null ? null : reader.result();
    }
}
