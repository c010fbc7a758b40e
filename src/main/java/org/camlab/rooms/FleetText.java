package org.camlab.rooms;

import static org.camlab.rooms.TextColumns.clip;
import static org.camlab.rooms.TextColumns.left;
import static org.camlab.rooms.TextColumns.right;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.camlab.report.Terms;
import org.camlab.text.Language;

/** {@code camlab fleet}'s text: the rooms ranked worst first, with what each needs. */
public final class FleetText {
    private FleetText() {
    }

    /** The fleet's median and what its rooms need, then the rooms worst first, {@code top} of them. */
    public static String render(Fleet f, int top, Terms t) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(t.get("fleet.head", rooms(t, f.rooms().size()), Double.isNaN(f.medianScore()) ? "—"
                : String.format(Locale.ROOT, "%.0f", f.medianScore())));
        for (Fix fix : Fix.values()) {
            int n = f.fixCounts().getOrDefault(fix, 0);
            out.println("  " + t.get(n == 1 ? "fleet.needs.one" : "fleet.needs", n, fix.words(t)));
        }
        out.println();
        out.println(row("#", t.get("fleet.col.room"), t.get("fleet.col.below"), t.get("fleet.col.score"), t.get(
                "fleet.col.vs"), t.get("fleet.col.problem"), t.get("fleet.col.fails"), t.get("fleet.col.fix")));
        int rank = 0;
        for (Fleet.RoomSummary r : f.rooms()) {
            if (rank++ == top) {
                out.println(t.get("fleet.more", f.rooms().size() - top));
                break;
            }
            out.println(row(Integer.toString(rank), clip(r.room(), 24),
                    Double.isNaN(r.needShare()) ? "—" : String.format(Locale.ROOT, "%.0f %%", r.needShare() * 100),
                    Double.isNaN(r.meanScore()) ? "—" : String.format(Locale.ROOT, "%.0f", r.meanScore()),
                    Double.isNaN(r.meanScore()) ? "—" : String.format(Locale.ROOT, "%+.0f", r.vsMedian(f
                            .medianScore())),
                    clip(problem(t, r.worstProblem()), 16), r.failingHours().isEmpty() ? "—"
                            : clip(Fleet.hours(r.failingHours()), 40), r.fix() == null ? "—" : r.fix().shown(t)));
        }
        out.println();
        out.println(t.get("fleet.note"));
        out.flush();
        return text.toString();
    }

    private static String row(String rank, String room, String below, String score, String vs, String problem,
            String fails, String fix) {
        return String.join("  ", right(rank, 3), left(room, 24), right(below, 6), right(score, 5), right(vs, 6), left(
                problem, 16), left(fails, 13), fix);
    }

    /** "6 rooms". */
    static String rooms(Terms t, int n) {
        return t.get(n == 1 ? "fleet.room" : "fleet.rooms", n);
    }

    /**
     * A problem as the tables name it: the rule's id in English (as CSV and JSON have it, and short
     * enough for a column), the rule's short name in another language; "none" for none.
     */
    static String problem(Terms t, String ruleId) {
        if (ruleId == null) {
            return t.get("rooms.none");
        }
        return t.language() == Language.ENGLISH ? ruleId : t.rule(ruleId, ruleId);
    }
}
