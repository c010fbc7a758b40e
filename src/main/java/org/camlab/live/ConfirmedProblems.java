package org.camlab.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camlab.results.Recommendation;

/**
 * What the live check shows: a problem once it has been found continuously for {@link #hold()}
 * seconds, and gone once it has been absent as long — never on one frame, never flickering on
 * and off at a threshold.
 */
final class ConfirmedProblems {
    private static final class Track {
        double since; // found continuously since
        double absentSince = Double.NaN;
        boolean shown;
        Recommendation latest;
    }

    private final double hold;
    private final Map<String, Track> tracks = new LinkedHashMap<>();

    /** @param holdSec how long a problem must last to be shown, and be gone to be cleared */
    ConfirmedProblems(double holdSec) {
        this.hold = holdSec;
    }

    double hold() {
        return hold;
    }

    /** Whether a problem found at the last update has not lasted long enough to be shown yet. */
    boolean pending() {
        return tracks.values().stream().anyMatch(t -> !t.shown);
    }

    /**
     * @param nowSec the session's clock (source seconds)
     * @param found  what the rules find on the recent picture now
     * @return the problems to show, most severe first
     */
    List<Recommendation> update(double nowSec, List<Recommendation> found) {
        for (Recommendation r : found) {
            Track t = tracks.get(r.id());
            if (t == null) {
                t = new Track();
                t.since = nowSec;
                tracks.put(r.id(), t);
            }
            t.absentSince = Double.NaN;
            t.latest = r;
            if (!t.shown && nowSec - t.since >= hold) {
                t.shown = true;
            }
        }
        tracks.entrySet().removeIf(e -> {
            Track t = e.getValue();
            if (found.stream().anyMatch(r -> r.id().equals(e.getKey()))) {
                return false;
            }
            if (!t.shown) {
                return true; // it did not last: forgotten
            }
            if (Double.isNaN(t.absentSince)) {
                t.absentSince = nowSec;
            }
            return nowSec - t.absentSince >= hold;
        });
        List<Recommendation> out = new ArrayList<>();
        for (Track t : tracks.values()) {
            if (t.shown) {
                out.add(t.latest);
            }
        }
        out.sort(Recommendation.BY_EXPECTED_GAIN);
        return out;
    }
}
