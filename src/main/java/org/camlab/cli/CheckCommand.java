package org.camlab.cli;

import java.awt.AWTError;
import java.awt.HeadlessException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.swing.SwingUtilities;
import org.camlab.advice.ReadinessAdvisor;
import org.camlab.capture.CameraSources;
import org.camlab.capture.SourceException;
import org.camlab.demo.DemoCache;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.face.FaceDetectorUnavailableException;
import org.camlab.face.FaceDetectors;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;
import org.camlab.image.SourceInfo;
import org.camlab.lab.Lab;
import org.camlab.live.LiveMonitor;
import org.camlab.live.LiveWindow;
import org.camlab.live.TerminalView;
import org.camlab.readiness.Readiness;
import org.camlab.readiness.ReadinessCheck;
import org.camlab.report.ChartReport;
import org.camlab.report.JsonReport;
import org.camlab.report.ReadinessReport;
import org.camlab.report.TextReport;
import org.camlab.results.Recommendation;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.Cadence;
import org.camlab.session.SessionListener;
import org.camlab.session.SessionOptions;
import org.camlab.session.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Check a camera live: a verdict within seconds, refreshed twice a second while you fix things, "
                + "then the session summary.", "",
                "SOURCE is camera (the first camera; the default), camera:N or /dev/videoN ('camlab devices' lists "
                        + "them), a stream URL (rtsp://, http://), or a recording, replayed at its real pace as a "
                        + "virtual camera. A problem is shown once it has lasted " + (int) LiveMonitor.HOLD_SEC
                        + " s, and cleared the same way; the numbers are those of the last second (frame rate, drops "
                        + "and flicker: of the last two).", ""},
        footer = {"",
                "Examples:  camlab check                 the default camera, until Ctrl-C",
                "           camlab check --demo --duration 20s --report check.html",
                "           camlab check rtsp://user:pass@room-12/stream --duration 30s --json"})
public final class CheckCommand extends CamlabCommand {

    @Parameters(paramLabel = "SOURCE", descriptionKey = "SOURCE", arity = "0..1",
            description = "What to check (default: camera).")
    String source;

    @Option(names = "--demo", description = "Check the bundled demo scene (a person before a bright window) as a "
            + "virtual camera: the live check where there is no camera.")
    boolean demo;

    @Option(names = "--or-demo", description = "Where no camera is found, check the demo scene instead and say so "
            + "(the desktop entry's choice: a window rather than an error).")
    boolean orDemo;

    @Mixin
    DurationOption duration = new DurationOption();

    @Option(names = "--loop",
            description = "Replay a recording from the start when it ends (a camera that never ends).")
    boolean loop;

    @Option(names = "--json", description = "End with the camlab.report/1 JSON object instead of the summary; the live "
            + "view goes to stderr.")
    boolean json;

    @Mixin
    FacesOption faces = new FacesOption();

    @Option(names = "--no-view", description = "No live view in the terminal: only the summary at the end.")
    boolean noView;

    @Option(names = "--gui", description = "A window with the picture and its overlays (zebra stripes on clipped "
            + "areas, focus peaking, the face and background regions, the light map, the histogram), the lights and "
            + "the top advice. Keys: S saves the picture and the report, Z zebra, P peaking, R face regions, "
            + "G light map, H histogram, Q or Esc ends.")
    boolean gui;

    @Option(names = "--save-dir", paramLabel = "DIR", defaultValue = ".", description = "Where the window's S key "
            + "saves a snapshot and the report (default: the current directory). Nothing is saved unless asked.")
    Path saveDir;

    /** For the tests and the README: the window as the X server shows it, saved when the check ends. */
    @Option(names = "--window-shot", hidden = true)
    Path windowShot;

    @Mixin
    ReportOptions files = new ReportOptions();

    @Mixin
    ChartOption chart = new ChartOption();

    @Override
    public Integer call() {
        if (demo && source != null) {
            throw badArgument("give either --demo or a SOURCE, not both");
        }
        SessionOptions options = SessionOptions.defaults().withCadence(Cadence.period(Lab.LIVE_PERIOD_MICROS));
        if (duration.micros() > 0) {
            options = options.withDurationMicros(duration.micros());
        }
        files.validate(spec);
        FaceDetectors.Mode mode = faces.mode();
        String src = source != null ? source : "camera";
        String name = null;
        if (orDemo && !demo && source == null && Lab.cameras().isEmpty()) {
            err().println("camlab: no camera found on this machine: checking the demo scene instead");
            err().flush();
            demo = true;
            name = "demo scene: no camera found";
        }
        if (demo) {
            if (!DemoCache.present()) {
                err().println("camlab: preparing the demo scene (once; kept in " + DemoCache.directory() + ")");
                err().flush();
            }
            try {
                src = DemoCache.get().toString();
            } catch (Exception e) {
                throw new CamlabException(ExitCode.OUTPUT, "cannot write the demo scene to " + DemoCache.directory()
                        + ": "
                        + e.getMessage() + " (set CAMLAB_CACHE to a writable directory)", e);
            }
            if (name == null) {
                name = "demo scene (a person before a bright window)";
            }
            loop = true;
        }
        try (Lab lab = Lab.automatic(mode)) {
            return check(lab, src, name, options, err());
        }
    }

    private int check(Lab lab, String src, String name, SessionOptions options, PrintWriter err) {
        StopSignal stop = new StopSignal();
        if (Main.ownsProcess()) {
            Interrupts.route(stop);
        }
        Camera camera = Lab.camera(src);
        if (camera != null && CameraSources.waitsForPermission()) {
            err().println("camlab: opening " + camera.name()
                    + " (the first time, macOS asks whether your terminal may use"
                    + " the camera: answer that prompt)");
            err().flush();
        }
        List<SessionListener> listeners = new ArrayList<>();
        LiveMonitor monitor = new LiveMonitor(lab.advisor());
        LiveWindow window = null;
        if (gui) {
            try {
                window = new LiveWindow(name != null ? name : Lab.displayName(src), lab.advisor(), stop, saveDir,
                        terms());
            } catch (HeadlessException | AWTError e) {
                throw new CamlabException(ExitCode.BAD_ARGUMENTS, "--gui needs a display (" + (System.getenv(
                        "DISPLAY") == null
                                ? "DISPLAY is not set" : "cannot open " + System.getenv("DISPLAY"))
                        + "); without --gui the check runs in the terminal", e);
            }
            listeners.add(window);
            monitor.view(window);
            window.open();
        }
        TerminalView view = null;
        if (!noView) {
            PrintWriter target = json ? err : out();
            boolean terminal = json ? Terminal.interactive() : Terminal.stdoutIsTerminal();
            view = new TerminalView(target, terminal, terminal && System.getenv("NO_COLOR") == null, Terminal::columns,
                    terms());
            monitor.view(view);
        }
        listeners.add(monitor);
        // the computer, link and camera findings beside the picture: a sleep, a few files and the
        // camera listing, on their own thread, so the first verdict does not wait for them; the
        // encoder test is left to 'camlab readiness' (full load on a core would drop frames here)
        FutureTask<Readiness> readiness = new FutureTask<>(() -> {
            Readiness found = ReadinessCheck.run(ReadinessCheck.Options.light(), what -> {
            });
            // into the live score as soon as they are in: the score shown is the one the check ends with
            monitor.besides(new ReadinessAdvisor().advise(found));
            return found;
        });
        Thread readinessThread = new Thread(readiness, "camlab-readiness");
        readinessThread.setDaemon(true);
        readinessThread.setPriority(Thread.MIN_PRIORITY);
        readinessThread.start();
        files.watch(listeners);
        chart.watch(listeners);
        SessionReport report;
        try {
            report = lab.watch(src, name, loop, options, stop, listeners);
        } catch (SourceException e) {
            throw new CamlabException(ExitCode.SOURCE, e.getMessage(), e);
        } catch (FaceDetectorUnavailableException e) {
            throw new CamlabException(e.nativeLibraries() ? ExitCode.INSTALLATION : ExitCode.BAD_ARGUMENTS, e
                    .getMessage(), e);
        } finally {
            if (view != null) {
                view.close();
            }
            if (window != null) {
                shoot(window, err);
                window.close();
            }
        }
        Verdict verdict = lab.judge(report);
        Readiness ready = finished(readiness);
        List<Recommendation> readinessAdvice = ready == null ? List.of() : Recommendation.ranked(new ReadinessAdvisor()
                .advise(ready));
        if (ready != null) {
            files.readiness(ready, readinessAdvice);
        }
        if (json) {
            out().println(JsonReport.document(report, verdict).chart(chart.result()).readiness(ready, readinessAdvice)
                    .line());
        } else {
            // one list and one score: the computer's and the network's advice ranked with the picture's
            List<Recommendation> all = new ArrayList<>(verdict.recommendations());
            all.addAll(readinessAdvice);
            out().print(new TextReport(false, Terminal.columns(), terms()).render(report, lab.advisor().verdictOf(
                    all)));
            ChartReport.lines(chart.result(), terms()).forEach(out()::println);
            String mode = modeNote(camera, report.source());
            if (mode != null) {
                out().println(mode);
            }
            if (ready != null) {
                out().println();
                out().print(ReadinessReport.findings(ready, camera == null ? report.source() : null, terms(),
                        Terminal.columns()));
            }
        }
        out().flush();
        boolean written = !files.any() || files.write(report, verdict, 0, err, terms());
        if (report.error() != null && Interrupts.exitCode() == 0 && !report.error().equals(stop.reason())) {
            throw new CamlabException(ExitCode.SOURCE, report.error()); // after the report of what was measured
        }
        return written ? ExitCodes.OK : ExitCodes.OUTPUT;
    }

    /** The readiness findings if they are in (they take about a second); null rather than delaying the summary. */
    private static Readiness finished(FutureTask<Readiness> readiness) {
        try {
            return readiness.get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void shoot(LiveWindow window, PrintWriter err) {
        if (windowShot == null) {
            return;
        }
        try {
            SwingUtilities.invokeAndWait(() -> {
            });
            Thread.sleep(400); // the last repaint requested reaches the screen
            SwingUtilities.invokeAndWait(() -> {
            });
            window.screenshot(windowShot);
        } catch (Exception e) {
            err().println("camlab: cannot save the window to " + windowShot + ": " + e.getMessage());
        }
    }

    /** "Your camera can do 1920×1080 at 30 fps but is running at 640×480", or null where it runs its best. */
    static String modeNote(Camera camera, SourceInfo running) {
        if (camera == null || camera.best() == null) {
            return null;
        }
        CameraMode best = camera.best();
        boolean smaller = (long) running.width() * running.height() < (long) best.width() * best.height();
        boolean slower = !Double.isNaN(best.fps()) && running.fpsNominal() > 0 && running.fpsNominal() < best.fps()
                - 0.5;
        if (!smaller && !slower) {
            return null;
        }
        return String.format(Locale.ROOT, "Your camera can do %s but is running at %d×%d%s.", best, running.width(),
                running.height(), running.fpsNominal() > 0 ? String.format(Locale.ROOT, " at %.0f fps",
                        running.fpsNominal()) : "");
    }
}
