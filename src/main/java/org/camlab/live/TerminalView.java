package org.camlab.live;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.camlab.report.Terms;
import org.camlab.report.TextReport;
import org.camlab.results.Recommendation;

/**
 * The live check in a terminal. On a terminal the block (a status line, one line per category with
 * its light and numbers, the top advice) is redrawn in place at each state, about twice a second;
 * written to a file or a pipe, one line is written whenever a problem appears or clears, so a log
 * of the check reads as what happened and when. The width is asked for at every redraw, so that a
 * terminal made wider or narrower while the check runs gets a block that fits it.
 */
public final class TerminalView implements Consumer<LiveState> {
    private final PrintWriter out;
    private final boolean redraw;
    private final boolean colour;
    private final IntSupplier columns;
    private final Terms t;
    private int drawn;
    private int drawnWidth;
    private Set<String> shown = new HashSet<>();

    /**
     * @param redraw  redraw in place (ANSI cursor movement): the output is a terminal
     * @param colour  ANSI colours for the lights
     * @param columns the terminal's width now
     * @param terms   the language of the words
     */
    public TerminalView(PrintWriter out, boolean redraw, boolean colour, IntSupplier columns, Terms terms) {
        this.out = out;
        this.redraw = redraw;
        this.colour = colour;
        this.columns = columns;
        this.t = terms;
    }

    @Override
    public void accept(LiveState s) {
        if (redraw) {
            draw(s);
        } else {
            log(s);
        }
        out.flush();
    }

    private void draw(LiveState s) {
        var src = s.session().source();
        String status = t.get("live.status", src.name(), src.width(), src.height(), s.sinceOpen(), s.session()
                .framesDecoded(), s.session().framesAnalyzed());
        int width = columns.getAsInt();
        // one column spare: a line filling the last column leaves some terminals' cursor on the next line
        List<String> lines = new TextReport(colour, width - 1, t).live(status, s.rows(t), s.verdict(), s.measuring(),
                (int) LiveMonitor.HOLD_SEC);
        StringBuilder b = new StringBuilder();
        if (drawn > 0 && width != drawnWidth) {
            // a resized terminal may have re-flowed the last block: counting lines back up would land
            // in the wrong place, so the screen is cleared and the block starts at its top
            b.append("\u001b[H\u001b[2J");
            drawn = 0;
        } else if (drawn > 0) {
            b.append("\u001b[").append(drawn).append('F'); // to the start of the block drawn last
        }
        drawnWidth = width;
        for (String l : lines) {
            b.append(l).append("\u001b[K\n");
        }
        for (int i = lines.size(); i < drawn; i++) {
            b.append("\u001b[K\n"); // a shorter block: clear what the last one left below
        }
        out.print(b);
        drawn = Math.max(drawn, lines.size());
    }

    private void log(LiveState s) {
        Set<String> now = new HashSet<>();
        double at = s.session().durationSec() > 0 ? s.session().durationSec() : s.sinceOpen();
        if (s.measuring()) {
            return; // a verdict logged now could be contradicted the next second
        }
        if (drawn == 0) {
            out.println(String.format(Locale.ROOT, "[%5.1f s] ", at) + t.get("live.checking", s.session().source()
                    .name(),
                    s.verdict().score()));
            drawn = 1;
        }
        for (Recommendation r : s.verdict().recommendations()) {
            now.add(r.id());
            if (!shown.contains(r.id())) {
                out.println(String.format(Locale.ROOT, "[%5.1f s] %s (%s): %s", at, r.id(), t.severity(r.severity()),
                        t.get(r.title())));
            }
        }
        for (String id : shown) {
            if (!now.contains(id)) {
                out.println(String.format(Locale.ROOT, "[%5.1f s] ", at) + t.get("live.cleared", id));
            }
        }
        shown = now;
    }

    /** Leaves the terminal below the last block drawn, ready for the summary. */
    public void close() {
        if (redraw && drawn > 0) {
            out.println();
            out.flush();
        }
    }
}
