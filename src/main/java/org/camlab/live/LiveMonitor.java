package org.camlab.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.Consumer;
import org.camlab.advice.Advisor;
import org.camlab.image.SourceInfo;
import org.camlab.results.Metric;
import org.camlab.results.Recent;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;

/**
 * The live check's judgement: at every snapshot of the session (twice a second) the rules are run
 * on the last {@link #WINDOW_SEC} of analysed frames and on the time-domain figures of the last two
 * seconds of decoded frames ({@link Recent}), and a problem is shown once it has lasted
 * {@link #HOLD_SEC} (and cleared the same way). Views — the terminal, the window — are told each
 * new state on the session's thread and must return quickly.
 */
public final class LiveMonitor implements SessionListener {
    /** The recent picture: medians over this much of the source. */
    public static final double WINDOW_SEC = 1.0;
    /** A problem is shown once found this long, and cleared once absent this long. */
    public static final double HOLD_SEC = 2.0;

    private final Advisor advisor;
    private final RecentFrames recent = new RecentFrames(128);
    private final ConfirmedProblems confirmed = new ConfirmedProblems(HOLD_SEC);
    private final List<Consumer<LiveState>> views = new ArrayList<>();
    private long openedNanos;
    private double firstVerdictSec = Double.NaN;
    private LiveState last;

    public LiveMonitor(Advisor advisor) {
        this.advisor = advisor;
    }

    public LiveMonitor view(Consumer<LiveState> v) {
        views.add(v);
        return this;
    }

    @Override
    public void opened(SourceInfo source, long frameCountHint) {
        openedNanos = System.nanoTime();
    }

    @Override
    public void analysed(FrameEvent e) {
        recent.add(e.seconds(), e.metrics());
    }

    @Override
    public void snapshot(SessionReport session) {
        if (recent.isEmpty()) {
            return;
        }
        EnumMap<Metric, Double> medians = recent.medians(WINDOW_SEC);
        // the time-domain rules on the last seconds too: a flicker fixed clears as a backlight does
        Recent lately = session.recent();
        SessionReport now = new SessionReport(session.source(), session.measuredAt(), session.framesDecoded(),
                recent.framesWithin(WINDOW_SEC), session.durationSec(), session.wallSec(), medians,
                lately != null ? lately.timing() : session.timing(), lately != null ? lately.flicker() : session
                        .flicker(),
                session.faceDetector(), session.error(), session.partial(), session.series(), session.maps(),
                session.timeline(), lately, session.hunting(), session.mtfCurve());
        Verdict found = advisor.judge(now);
        double clock = session.durationSec() > 0 ? session.durationSec() : session.wallSec();
        Verdict shown = advisor.verdictOf(confirmed.update(clock, found.recommendations()));
        double since = (System.nanoTime() - openedNanos) / 1e9;
        if (Double.isNaN(firstVerdictSec)) {
            firstVerdictSec = since;
        }
        last = new LiveState(now, shown, found, session, since);
        for (Consumer<LiveState> v : views) {
            v.accept(last);
        }
    }

    /** Wall seconds from the source opening to the first verdict shown; NaN before it. */
    public double firstVerdictSec() {
        return firstVerdictSec;
    }

    /** The latest state, or null before the first. */
    public LiveState last() {
        return last;
    }
}
