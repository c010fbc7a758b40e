package org.camlab.cli;

import java.util.ArrayList;
import java.util.List;
import org.camlab.advice.Advisor;
import org.camlab.advice.Profile;
import org.camlab.advice.Requirement;
import org.camlab.capture.SourceException;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.face.FaceDetectorUnavailableException;
import org.camlab.face.FaceDetectors;
import org.camlab.image.SourceInfo;
import org.camlab.lab.Lab;
import org.camlab.report.ChartReport;
import org.camlab.report.JsonReport;
import org.camlab.report.RequirementReport;
import org.camlab.report.TextReport;
import org.camlab.results.RequirementResult;
import org.camlab.results.SessionReport;
import org.camlab.results.Verdict;
import org.camlab.session.Cadence;
import org.camlab.session.FrameEvent;
import org.camlab.session.SessionListener;
import org.camlab.session.SessionOptions;
import org.camlab.session.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "analyze", aliases = "analyse", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Analyse stills, recordings or streams and print a verdict with advice.", "",
                "SOURCE is an image (png, jpg, bmp, gif, webp, tiff), a recording (mp4, mkv, mov, webm, avi, …) "
                        + "or a stream URL (rtsp://, http://, …). Numbers are session medians over the analysed frames; "
                        + "frame timing and flicker are measured on every decoded frame.", ""},
        footer = {"",
                "Units: luma in code values 0–255 (full range), ratios in stops (log2 of linear light), noise σ in "
                        + "code values, colour cast in CIELAB a*/b*, CCT in kelvin, framing in %% of the frame. "
                        + "'camlab explain' defines every number; docs/CONTRACT.md is the full contract.",
                "",
                "A file whose name starts with '-' goes after '--': camlab analyze -- -x.png"})
public final class AnalyzeCommand extends CamlabCommand {
    @Parameters(paramLabel = "SOURCE", descriptionKey = "SOURCE", arity = "1..*",
            description = "Images, recordings or stream URLs.")
    List<String> sources;

    @Option(names = "--json", description = "Print one camlab.report/1 JSON object per source, one per line.")
    boolean json;

    @Option(names = "--every", paramLabel = "N|TIME", defaultValue = "auto",
            description = "Analyse one frame in N (5), or one per TIME of the source (10s, 500ms, 2m). From 1s on, "
                    + "a recording's other frames are not even decoded (no frame timing then). Default auto: "
                    + "recordings every 0.5 s of their time, live sources as fast as the machine keeps up.")
    String every;

    @Mixin
    DurationOption duration = new DurationOption();

    @Option(names = "--max-frames", paramLabel = "N", description = "Analyse at most N frames per source (0 = all; "
            + "default: ${DEFAULT-VALUE}).")
    long maxFrames;

    @Option(names = "--require", paramLabel = "REQUIREMENT", description = "Fail (exit 4) unless it holds: METRIC OP "
            + "NUMBER ('sharpness.score>=40', 'score>=70', 'temporal.droppedFrames<=2'), 'default' (every rule of the "
            + "table finds nothing) or a profile FILE.json (docs/CONTRACT.md). Each is printed as pass or FAIL. "
            + "Repeatable.")
    List<String> requires = new ArrayList<>();

    @Mixin
    ReportOptions files = new ReportOptions();

    @Mixin
    ChartOption chart = new ChartOption();

    @Mixin
    FacesOption faces = new FacesOption();

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the per-pixel analysis "
            + "(default: a still's rows over the cores, at most 4; a recording or stream on one, beside its decoder).")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not show a progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() {
        SessionOptions options = options();
        files.validate(spec);
        FaceDetectors.Mode mode = faces.mode();
        int workers = threads != null ? threads : Lab.defaultThreads();
        if (workers < 1 || workers > 64) {
            throw badArgument("--threads must be between 1 and 64");
        }
        List<Requirement> required = new ArrayList<>();
        for (String r : requires) {
            try {
                if (Profile.isProfile(r)) {
                    required.addAll(Profile.load(r, new Advisor()).requirements());
                } else {
                    required.add(Requirement.parse(r));
                }
            } catch (IllegalArgumentException e) {
                throw badArgument(e.getMessage());
            }
        }
        try (Lab lab = threads != null ? new Lab(mode, workers) : Lab.automatic(mode)) {
            return analyseAll(lab, options, required);
        }
    }

    private SessionOptions options() {
        if (maxFrames < 0) {
            throw badArgument("--max-frames must be 0 or more");
        }
        SessionOptions o = SessionOptions.defaults().withMaxFrames(maxFrames);
        try {
            o = o.withCadence(Cadence.parse(every));
        } catch (IllegalArgumentException e) {
            throw badArgument(e.getMessage());
        }
        if (duration.micros() > 0) {
            o = o.withDurationMicros(duration.micros());
        }
        return o;
    }

    private int analyseAll(Lab lab, SessionOptions options, List<Requirement> required) {
        boolean sourceFailed = false;
        boolean requirementFailed = false;
        boolean fileFailed = false;
        int index = 0;
        for (String source : sources) {
            int position = index++;
            StopSignal stop = new StopSignal();
            if (Main.ownsProcess()) {
                Interrupts.route(stop);
            }
            if (Interrupts.exitCode() != 0) {
                break; // interrupted between two sources: the rest are not started
            }
            SourceInfo.Kind kind = Lab.kindOf(source);
            List<SessionListener> listeners = new ArrayList<>();
            if (kind.live() && options.durationMicros() == 0 && options.maxFrames() == 0) {
                // said once the first frame is in (a stream that yields none gets its one error line
                // only), and only for a stream that declares no length
                listeners.add(new SessionListener() {
                    private SourceInfo info;
                    private boolean endless;

                    @Override
                    public void opened(SourceInfo source, long frameCountHint) {
                        info = source;
                        endless = frameCountHint <= 0;
                    }

                    @Override
                    public void analysed(FrameEvent e) {
                        if (endless) {
                            endless = false;
                            err().println("camlab: " + info.name() + " is live: measuring until it ends or Ctrl-C "
                                    + "(or give --duration 30s)");
                            err().flush();
                        }
                    }
                });
            }
            files.watch(listeners);
            chart.watch(listeners);
            ProgressLine progress = null;
            if (!noProgress && kind != SourceInfo.Kind.IMAGE && Terminal.interactive()) {
                progress = new ProgressLine(kind.live());
                listeners.add(progress);
            }
            SessionReport report;
            try {
                report = lab.measure(source, options, stop, listeners);
            } catch (SourceException e) {
                clear(progress);
                err().println("camlab: " + e.getMessage());
                sourceFailed = true;
                continue;
            } catch (FaceDetectorUnavailableException e) {
                clear(progress);
                throw new CamlabException(e.nativeLibraries() ? ExitCode.INSTALLATION : ExitCode.BAD_ARGUMENTS, e
                        .getMessage());
            }
            clear(progress);
            Verdict verdict = lab.judge(report);
            List<RequirementResult> results = required.stream().map(q -> q.judge(report, verdict)).toList();
            if (json) {
                out().println(JsonReport.document(report, verdict).chart(chart.result()).requirements(results).line());
            } else {
                out().print(new TextReport(useColour(), Terminal.columns(), terms()).render(report, verdict));
                ChartReport.lines(chart.result(), terms()).forEach(out()::println);
                RequirementReport.lines(results, terms()).forEach(out()::println);
                out().println();
            }
            out().flush();
            if (out().checkError()) {
                if (StdOut.brokenPipe(StdOut.failure())) {
                    return ExitCodes.OK; // the reader went away (| head): not a failure
                }
                String why = StdOut.failure() != null ? StdOut.failure().getMessage() : "write error";
                throw new CamlabException(ExitCode.OUTPUT, "cannot write the report to standard output: " + why);
            }
            if (files.any() && !files.write(report, verdict, position, err(), terms())) {
                fileFailed = true;
            }
            if (report.error() != null && Interrupts.exitCode() == 0) {
                err().println("camlab: " + report.error());
                sourceFailed = true;
            }
            for (RequirementResult r : results) {
                if (!r.met()) {
                    err().println("camlab: " + report.source().name() + " fails --require " + RequirementReport
                            .describe(r));
                    requirementFailed = true;
                }
            }
        }
        return sourceFailed ? ExitCodes.SOURCE : fileFailed ? ExitCodes.OUTPUT
                : requirementFailed ? ExitCodes.REQUIREMENT_FAILED : ExitCodes.OK;
    }

    private static void clear(ProgressLine p) {
        if (p != null) {
            p.close();
        }
    }

    private boolean useColour() {
        // colours go to stdout: only when it is the console itself
        return !json && System.console() != null && Terminal.interactive() && System.getenv("NO_COLOR") == null;
    }
}
