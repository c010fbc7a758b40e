package org.camlab.rooms;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

/** {@code camlab fleet}'s text: the rooms ranked worst first, with what each needs. */
public final class FleetText {
    private FleetText() {
    }

    /** The fleet's median and what its rooms need, then the rooms worst first, {@code top} of them. */
    public static String render(Fleet f, int top) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println(String.format(Locale.ROOT, "%d %s; the fleet's median score %s", f.rooms().size(), f.rooms()
                .size() == 1 ? "room" : "rooms",
                Double.isNaN(f.medianScore()) ? "—" : String.format(Locale.ROOT, "%.0f", f.medianScore())));
        for (Fix fix : Fix.values()) {
            int n = f.fixCounts().getOrDefault(fix, 0);
            out.println(String.format(Locale.ROOT, "  %3d %s %s now", n, n == 1 ? "room needs" : "rooms need", fix
                    .words()));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%3s  %-24s  %6s  %5s  %6s  %-16s  %-13s  %s", "#", "room", "below",
                "score", "vs med",
                "worst problem", "fails at", "fix now"));
        int rank = 0;
        for (Fleet.RoomSummary r : f.rooms()) {
            if (rank++ == top) {
                out.println("… " + (f.rooms().size() - top) + " more (--top, --report)");
                break;
            }
            out.println(String.format(Locale.ROOT, "%3d  %-24s  %6s  %5s  %6s  %-16s  %-13s  %s", rank, clip(r.room(),
                    24),
                    Double.isNaN(r.needShare()) ? "—" : String.format(Locale.ROOT, "%.0f %%", r.needShare() * 100),
                    Double.isNaN(r.meanScore()) ? "—" : String.format(Locale.ROOT, "%.0f", r.meanScore()),
                    Double.isNaN(r.meanScore()) ? "—" : String.format(Locale.ROOT, "%+.0f", r.vsMedian(f
                            .medianScore())),
                    r.worstProblem() == null ? "none" : r.worstProblem(), r.failingHours().isEmpty() ? "—"
                            : clip(Fleet.hours(r.failingHours()), 40), r.fix() == null ? "—" : r.fix().id()));
        }
        out.println();
        out.println("fix now: what each room's latest measurement in the period asks for, '—' when it meets its "
                + "standard; worst problem: the most frequent over the period.");
        out.flush();
        return text.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
