package org.camlab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camlab.advice.Advisor;
import org.camlab.report.Terms;
import org.camlab.rooms.Fleet;
import org.camlab.rooms.RoomPage;
import org.camlab.rooms.RoomPages;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.StoreException;

/**
 * The fleet report's room pages, one file each: read from the store one after another (its one
 * connection), drawn on the machine's cores meanwhile — encoding each page's chart as PNG is most
 * of a page's cost (500 rooms: 94 s on one core of this 2-core machine).
 */
final class RoomPageFiles {
    private RoomPageFiles() {
    }

    /**
     * Writes every room's page into {@code dir}.
     *
     * @param back the fleet page, as a link from {@code dir}
     * @return each room's page as a link from the fleet page's directory; null when one could not be
     *         written (said in one line on {@code err})
     */
    static Map<String, String> write(RoomStore store, Fleet f, Terms t, Path dir, String back, PrintWriter err)
            throws StoreException {
        Map<String, String> files = RoomPages.fileNames(f.rooms().stream().map(Fleet.RoomSummary::room).toList());
        Map<String, String> links = new LinkedHashMap<>();
        Advisor advisor = new Advisor();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "camlab-room-page");
            th.setDaemon(true);
            return th;
        });
        Deque<Future<Boolean>> drawing = new ArrayDeque<>();
        boolean ok = true;
        try {
            for (Fleet.RoomSummary r : f.rooms()) {
                RoomPage page = RoomPage.read(store, f, r, advisor);
                Path file = dir.resolve(files.get(r.room()));
                drawing.add(pool.submit(() -> ReportOptions.write(file, page.html(t, back).getBytes(
                        StandardCharsets.UTF_8), "room page", err, false)));
                links.put(r.room(), dir.getFileName() + "/" + files.get(r.room()));
                // a few pages ahead of the drawing, not the whole fleet's rows in memory
                while (drawing.size() > 2 * threads) {
                    ok &= done(drawing.poll());
                }
            }
            while (!drawing.isEmpty()) {
                ok &= done(drawing.poll());
            }
        } finally {
            pool.shutdownNow();
        }
        return ok ? links : null;
    }

    private static boolean done(Future<Boolean> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
