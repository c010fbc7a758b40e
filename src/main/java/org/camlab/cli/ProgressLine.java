package org.camlab.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.camlab.image.SourceInfo;
import org.camlab.results.SessionReport;
import org.camlab.session.SessionListener;

/** The progress bar on stderr: a listener of the session, cleared from the terminal when it ends. */
final class ProgressLine implements SessionListener {
    private final boolean live;
    private ProgressBar bar;

    ProgressLine(boolean live) {
        this.live = live;
    }

    @Override
    public void opened(SourceInfo source, long frameCountHint) {
        bar = new ProgressBarBuilder().setTaskName(live ? "live" : "analysing").setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(frameCountHint > 0 && !live ? frameCountHint : -1).setUnit(" frames", 1).showSpeed()
                .continuousUpdate().clearDisplayOnFinish()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    @Override
    public void snapshot(SessionReport r) {
        if (bar != null) {
            bar.stepTo(r.framesDecoded());
            bar.setExtraMessage(" · " + r.framesAnalyzed() + " analysed");
        }
    }

    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
