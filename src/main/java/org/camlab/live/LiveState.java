package org.camlab.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camlab.report.CategoryRow;
import org.camlab.report.Terms;
import org.camlab.results.Category;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;

/**
 * What the live check shows at one moment.
 *
 * @param recent    the last second's medians, with the session's frame timing and flicker so far
 * @param verdict   the problems that have lasted ({@link ConfirmedProblems}) and their score
 * @param found     what the rules find on the recent picture this moment, lasted or not
 * @param session   the whole session so far
 * @param sinceOpen wall seconds since the source opened
 * @param measuring true until a problem could have lasted {@link LiveMonitor#HOLD_SEC}: the numbers
 *                  are shown, the verdict and its score are not yet
 * @param ageSec    by category, the age in seconds of figures kept from an earlier frame (the recent
 *                  frames had none); absent where the figures are the recent frames' own
 */
public record LiveState(SessionReport recent, Verdict verdict, Verdict found, SessionReport session, double sinceOpen,
        boolean measuring, Map<Category, Double> ageSec) {
    public LiveState {
        ageSec = Map.copyOf(ageSec);
    }

    /** A settled state whose figures are all the recent frames' own. */
    public LiveState(SessionReport recent, Verdict verdict, Verdict found, SessionReport session, double sinceOpen) {
        this(recent, verdict, found, session, sinceOpen, false, Map.of());
    }

    /** The categories as a person reads them, figures kept from earlier marked with their age. */
    public List<CategoryRow> rows(Terms t) {
        List<CategoryRow> rows = new ArrayList<>();
        for (CategoryRow row : CategoryRow.all(recent, verdict, t)) {
            Double age = ageSec.get(row.category());
            if (age != null && row.measured() && age >= 1) {
                List<String> items = new ArrayList<>(row.items());
                items.add(t.get("text.live.ago", (long) Math.floor(age)));
                row = new CategoryRow(row.category(), row.worst(), true, items);
            }
            rows.add(row);
        }
        return rows;
    }
}
