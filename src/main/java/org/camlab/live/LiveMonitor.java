package org.camlab.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camlab.advice.Advisor;
import org.camlab.image.SourceInfo;
import org.camlab.results.Category;
import org.camlab.results.Metric;
import org.camlab.results.Recent;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;

/**
 * The live check's judgement: at every snapshot of the session (twice a second) the rules are run
 * on the last {@link #WINDOW_SEC} of analysed frames and on the time-domain figures of the last two
 * seconds of decoded frames ({@link Recent}), and a problem is shown once it has lasted
 * {@link #HOLD_SEC} (and cleared the same way). Until a problem could have lasted that long the
 * state says it is still measuring: a score shown earlier would be an all-clear the next second
 * contradicts. A resolution figure is measured only on frames where a slanted edge is found: the
 * last one is kept, with its age, rather than the row flipping to "n/a" in between. Views — the
 * terminal, the window — are told each new state on the session's thread and must return quickly.
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
    private final EnumMap<Metric, Double> held = new EnumMap<>(Metric.class);
    private final EnumMap<Metric, Double> heldAt = new EnumMap<>(Metric.class);
    private long openedNanos;
    private double firstVerdictSec = Double.NaN;
    private double firstClock = Double.NaN;
    private boolean settled;
    private LiveState last;
    /** Advice beside the picture's (the computer's and the network's), in once its findings are. */
    private volatile List<Recommendation> beside = List.of();

    public LiveMonitor(Advisor advisor) {
        this.advisor = advisor;
    }

    /**
     * Advice from beyond the picture — the computer's and the network's, found on another thread —
     * counted in the score from the next state on, so that the live score is the one the check ends
     * with: one list, one score.
     */
    public void besides(List<Recommendation> advice) {
        beside = List.copyOf(advice);
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
        double clock = session.durationSec() > 0 ? session.durationSec() : session.wallSec();
        Map<Category, Double> ages = hold(medians, clock);
        // the time-domain rules on the last seconds too: a flicker fixed clears as a backlight does
        Recent lately = session.recent();
        SessionReport now = new SessionReport(session.source(), session.measuredAt(), session.framesDecoded(),
                recent.framesWithin(WINDOW_SEC), session.durationSec(), session.wallSec(), medians,
                lately != null ? lately.timing() : session.timing(), lately != null ? lately.flicker() : session
                        .flicker(),
                session.faceDetector(), session.error(), session.partial(), session.series(), session.maps(),
                session.timeline(), lately, session.hunting(), session.mtfCurve());
        Verdict found = advisor.judge(now);
        List<Recommendation> problems = new ArrayList<>(confirmed.update(clock, found.recommendations()));
        problems.addAll(beside);
        Verdict shown = advisor.verdictOf(problems);
        double since = (System.nanoTime() - openedNanos) / 1e9;
        if (Double.isNaN(firstVerdictSec)) {
            firstVerdictSec = since;
            firstClock = clock;
        }
        // a problem found now but not yet lasted would turn the score down within HOLD_SEC: wait for it
        // to be confirmed or forgotten, yet not for ever when one keeps coming and going at its threshold
        double elapsed = clock - firstClock;
        settled = settled || elapsed >= HOLD_SEC && !confirmed.pending() || elapsed >= 2 * HOLD_SEC;
        last = new LiveState(now, shown, found, session, since, !settled, ages);
        for (Consumer<LiveState> v : views) {
            v.accept(last);
        }
    }

    /**
     * The resolution figures of the window, or the last measured where the window has none; the
     * age in seconds of what was kept, by category (absent where the figures are the window's own).
     */
    private Map<Category, Double> hold(EnumMap<Metric, Double> medians, double clock) {
        Map<Category, Double> ages = new EnumMap<>(Category.class);
        for (Map.Entry<Metric, Double> e : medians.entrySet()) {
            Metric m = e.getKey();
            if (m.category != Category.RESOLUTION) {
                continue;
            }
            if (!Double.isNaN(e.getValue())) {
                held.put(m, e.getValue());
                heldAt.put(m, clock);
            } else if (held.containsKey(m)) {
                e.setValue(held.get(m));
                ages.merge(m.category, clock - heldAt.get(m), Math::max);
            }
        }
        return ages;
    }

    /** Wall seconds from the source opening to the first state shown (its numbers; the verdict once settled). */
    public double firstVerdictSec() {
        return firstVerdictSec;
    }

    /** The latest state, or null before the first. */
    public LiveState last() {
        return last;
    }
}
