package org.camlab.live;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.ActionEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.swing.AbstractAction;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.camlab.advice.Advisor;
import org.camlab.image.Face;
import org.camlab.image.Frame;
import org.camlab.image.Rect;
import org.camlab.image.SourceInfo;
import org.camlab.report.HtmlReport;
import org.camlab.report.JsonReport;
import org.camlab.report.Terms;
import org.camlab.results.Verdict;
import org.camlab.session.FrameEvent;
import org.camlab.session.FrameTap;
import org.camlab.session.SessionListener;
import org.camlab.session.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live check in a window: the picture with its overlays ({@link FramePainter}), under it the
 * light map and what each colour, box and key means ({@link Legend}), and beside it the verdict
 * ({@link StatusPanel}). The picture is every decoded frame, not only
 * the analysed ones: the capture thread fills one of two frames ({@link FrameTap}) and a painter
 * thread of the window's own paints it with the overlays of the latest analysis, outside any lock,
 * and only the copy into the picture the window shows is made under the window's lock. When the
 * painter is still busy the capture thread lets the frame pass, so capture never waits on the
 * preview, nor the window on the painting or the analysis. The face box is moved to where the face
 * is in the frame painted ({@link FaceFollower}): it was found on an older, analysed frame.
 *
 * <p>Keys (they work from the moment the window opens: the picture takes the focus): S saves the
 * picture as shown, the report so far as JSON and as the HTML report (only then is anything
 * written), Z zebra, P focus peaking, R face and background regions, G light map, H histogram, Q
 * or Esc ends the check with the summary.
 */
public final class LiveWindow implements SessionListener, FrameTap, Consumer<LiveState> {
    private static final Logger log = LoggerFactory.getLogger(LiveWindow.class);
    static final int PREVIEW_WIDTH = 854;
    static final int PANEL_WIDTH = 460;
    private static final long SAVE_WAIT_MILLIS = 20_000;

    private final FramePainter painter;
    private final Object lock = new Object();
    private final Advisor advisor;
    private final StopSignal stop;
    private final Path saveDir;
    private final JFrame frame;
    private final Preview preview = new Preview();
    private final StatusPanel status;
    private final Legend legend;
    private volatile boolean lightMap = true;
    private BufferedImage shown;
    private long shownPts;
    // the preview's two frames: at most one being painted, the other free or waiting (guarded by taps)
    private final Object taps = new Object();
    private final Frame[] pool = {new Frame(), new Frame()};
    private int pooled = 2;
    private Frame waiting;
    private boolean closed;
    private volatile long latestPts = Long.MIN_VALUE;
    private volatile double frameMicros = Double.NaN;
    // the overlays of the latest analysis (guarded by overlayLock), and the painter's copy of them
    private final Object overlayLock = new Object();
    private final Overlay overlay = new Overlay();
    private final Overlay painting = new Overlay();
    // the faces of the latest detection and their template (session thread), followed by the painter
    private List<Face> found = List.of();
    private FaceFollower.Template template;
    private final FaceFollower follower = new FaceFollower();
    // what the preview kept up with (painter thread only, read at close)
    private long painted;
    private long offered;
    private final double[] lags = new double[4096];
    private int lagCount;
    private final Thread painterThread = new Thread(this::paintLoop, "camlab-preview");
    private volatile LiveState state;
    private volatile Thread saving;
    private final Terms t;

    public LiveWindow(String title, Advisor advisor, StopSignal stop, Path saveDir, Terms terms) {
        this.t = terms;
        this.painter = new FramePainter(terms.get("window.histogram.label"));
        this.status = new StatusPanel(terms, PANEL_WIDTH, PREVIEW_WIDTH * 9 / 16 + Legend.HEIGHT - 30);
        this.legend = new Legend(terms, painter, () -> lightMap, PREVIEW_WIDTH);
        this.advisor = advisor;
        this.stop = stop;
        this.saveDir = saveDir;
        frame = new JFrame("camlab check — " + title);
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                stop.stop("the window was closed");
            }

            @Override
            public void windowOpened(WindowEvent e) {
                preview.requestFocusInWindow();
            }
        });
        JPanel side = new JPanel(new BorderLayout());
        side.add(status, BorderLayout.CENTER);
        JButton save = new JButton(t.get("window.save"));
        save.addActionListener(e -> save());
        save.setFocusable(false); // the keys go to the picture, and Space never saves by surprise
        side.add(save, BorderLayout.SOUTH);
        JPanel picture = new JPanel(new BorderLayout());
        picture.add(preview, BorderLayout.CENTER);
        picture.add(legend, BorderLayout.SOUTH);
        frame.getContentPane().add(picture, BorderLayout.CENTER);
        frame.getContentPane().add(side, BorderLayout.EAST);
        keys(frame.getRootPane());
    }

    /** Shows the window (on the window's thread) and starts its painter. */
    public void open() {
        painterThread.setDaemon(true);
        painterThread.start();
        SwingUtilities.invokeLater(() -> {
            frame.pack();
            frame.setLocation(0, 0);
            frame.setVisible(true);
            // opened from a terminal, the window did not get the keys until clicked
            frame.toFront();
            preview.requestFocusInWindow();
        });
    }

    private void keys(JComponent c) {
        bind(c, "S", this::save);
        bind(c, "Q", () -> stop.stop("ended from the window"));
        bind(c, "ESCAPE", () -> stop.stop("ended from the window"));
        bind(c, "Z", () -> painter.zebra = !painter.zebra);
        bind(c, "P", () -> painter.peaking = !painter.peaking);
        bind(c, "R", () -> painter.regions = !painter.regions);
        bind(c, "G", () -> lightMap = !lightMap);
        bind(c, "H", () -> painter.histogram = !painter.histogram);
    }

    private void bind(JComponent c, String key, Runnable r) {
        c.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key), key);
        c.getActionMap().put(key, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
                legend.repaint(); // what is on is what the legend lights
            }
        });
    }

    @Override
    public void opened(SourceInfo source, long frameCountHint) {
        SwingUtilities.invokeLater(() -> frame.setTitle("camlab check — " + source.name()));
    }

    @Override
    public void analysed(FrameEvent e) {
        if (e.faces() != found) { // a new detection, on this very frame: its template is taken from it
            found = e.faces();
            template = found.isEmpty() ? null : FaceFollower.template(e.frame(), FramePainter.largest(found).box());
        }
        synchronized (overlayLock) {
            overlay.take(e.faces(), template);
        }
        legend.lightMap(e.metrics());
    }

    @Override
    public Frame borrow(long ptsMicros) {
        long last = latestPts;
        if (last != Long.MIN_VALUE && ptsMicros > last) {
            double d = ptsMicros - last;
            frameMicros = Double.isNaN(frameMicros) ? d : 0.9 * frameMicros + 0.1 * d;
        }
        latestPts = ptsMicros;
        synchronized (taps) {
            offered++;
            return pooled == 0 ? null : pool[--pooled];
        }
    }

    @Override
    public void filled(Frame f) {
        synchronized (taps) {
            if (waiting != null) {
                pool[pooled++] = waiting; // not painted in time: the newer picture replaces it
            }
            waiting = f;
            taps.notifyAll();
        }
    }

    /** The painter thread: paints each waiting frame, newest first, then hands it back. */
    private void paintLoop() {
        while (true) {
            Frame f;
            synchronized (taps) {
                while (waiting == null && !closed) {
                    try {
                        taps.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                f = waiting;
                waiting = null;
            }
            synchronized (overlayLock) {
                painting.take(overlay.faces, overlay.template);
            }
            BufferedImage img = painter.paint(f, followed(f), PREVIEW_WIDTH);
            synchronized (lock) {
                if (shown == null || shown.getWidth() != img.getWidth() || shown.getHeight() != img.getHeight()) {
                    shown = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
                }
                img.copyData(shown.getRaster());
                shownPts = f.ptsMicros;
            }
            preview.repaint();
            double step = frameMicros;
            if (!Double.isNaN(step) && step > 0 && lagCount < lags.length) {
                lags[lagCount++] = (latestPts - f.ptsMicros) / step;
            }
            painted++;
            synchronized (taps) {
                pool[pooled++] = f;
            }
        }
    }

    /** The largest face of the latest detection, moved to where it is in {@code f}; the faces as found without one. */
    private List<Face> followed(Frame f) {
        FaceFollower.Template t = painting.template;
        if (t == null || painting.faces.isEmpty()) {
            return painting.faces;
        }
        Face face = FramePainter.largest(painting.faces);
        Rect moved = follower.follow(f, t);
        return List.of(new Face(moved, face.score(), face.eyeY() + moved.y() - t.box().y()));
    }

    /** "preview: 210 of 210 frames painted; lag behind capture median 0.0, max 1.0 frames" — how the preview kept up. */
    public String previewSummary() {
        double[] l = Arrays.copyOf(lags, lagCount);
        Arrays.sort(l);
        double median = l.length == 0 ? Double.NaN : l[l.length / 2];
        double max = l.length == 0 ? Double.NaN : l[l.length - 1];
        return String.format(Locale.ROOT, "preview: %d of %d frames painted; lag behind capture median %.1f, max %.1f "
                + "frames (when painting ended)", painted, offered, median, max);
    }

    @Override
    public void accept(LiveState s) {
        state = s;
        status.show(s);
    }

    /** Closes the window (the check has ended), once a save under way is written: S then Q keeps all three files. */
    public void close() {
        synchronized (taps) {
            closed = true;
            taps.notifyAll();
        }
        Thread writer = saving;
        if (writer != null) {
            try {
                writer.join(SAVE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.debug(previewSummary());
        SwingUtilities.invokeLater(frame::dispose);
    }

    /** The window's place on the screen, for a screenshot; null before it shows. */
    public Rectangle bounds() throws Exception {
        Rectangle[] r = new Rectangle[1];
        SwingUtilities.invokeAndWait(() -> r[0] = frame.isShowing()
                ? new Rectangle(frame.getLocationOnScreen(), frame.getSize()) : null);
        return r[0];
    }

    /** Saves on a thread of its own: the HTML report's charts take a second the window must not freeze for. */
    private void save() {
        BufferedImage copy;
        long pts;
        synchronized (lock) {
            if (shown == null) {
                status.say(t.get("window.nothing-to-save"));
                return;
            }
            copy = new BufferedImage(shown.getWidth(), shown.getHeight(), BufferedImage.TYPE_INT_RGB);
            shown.copyData(copy.getRaster());
            pts = shownPts;
        }
        LiveState s = state;
        status.say(t.get("window.saving"));
        Thread writer = new Thread(() -> status.say(write(copy, pts, s)), "camlab-save");
        writer.setDaemon(true);
        saving = writer;
        writer.start();
    }

    /** Writes the picture, the JSON and the HTML report; what was done, in words. */
    private String write(BufferedImage picture, long ptsMicros, LiveState s) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path dir = saveDir.toAbsolutePath().normalize();
        Path png = dir.resolve("camlab-" + stamp + ".png");
        Path json = dir.resolve("camlab-" + stamp + ".json");
        Path html = dir.resolve("camlab-" + stamp + ".html");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 * 1024);
            ImageIO.write(picture, "png", bytes);
            Files.write(png, bytes.toByteArray());
            if (s == null) {
                return t.get("window.saved", png);
            }
            Verdict v = advisor.judge(s.session());
            Files.writeString(json, JsonReport.line(s.session(), v) + "\n", StandardCharsets.UTF_8);
            Files.writeString(html, HtmlReport.render(s.session(), v, bytes.toByteArray(), ptsMicros / 1e6, t),
                    StandardCharsets.UTF_8);
            return t.get("window.saved.all", dir, png.getFileName(), json.getFileName(), html.getFileName());
        } catch (IOException | RuntimeException e) {
            log.debug("saving in {} failed", dir, e);
            return t.get("window.cannot-save", dir, e.getMessage());
        }
    }

    /** The picture, scaled to fit, letterboxed. */
    private final class Preview extends JComponent {
        Preview() {
            setPreferredSize(new Dimension(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 / 16));
            setOpaque(true);
            setFocusable(true);
        }

        @Override
        protected void paintComponent(Graphics g) {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, getWidth(), getHeight());
            synchronized (lock) {
                if (shown == null) {
                    g.setColor(Color.WHITE);
                    g.drawString(t.get("window.waiting"), 20, 30);
                    return;
                }
                double k = Math.min((double) getWidth() / shown.getWidth(), (double) getHeight() / shown.getHeight());
                int w = (int) (shown.getWidth() * k);
                int h = (int) (shown.getHeight() * k);
                g.drawImage(shown, (getWidth() - w) / 2, (getHeight() - h) / 2, w, h, null);
            }
        }
    }

    /** Saves the window's pixels as the X server shows them. */
    public void screenshot(Path file) throws Exception {
        Rectangle r = bounds();
        if (r == null) {
            throw new IOException("the window is not showing");
        }
        BufferedImage img = new Robot().createScreenCapture(r);
        ImageIO.write(img, "png", file.toFile());
    }
}
