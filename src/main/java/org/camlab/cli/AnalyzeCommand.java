package org.camlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.camlab.advice.Advisor;
import org.camlab.advice.Verdict;
import org.camlab.capture.FrameSource;
import org.camlab.capture.Redact;
import org.camlab.capture.SourceException;
import org.camlab.capture.Sources;
import org.camlab.face.FaceDetector;
import org.camlab.face.FaceDetectors;
import org.camlab.face.FaceDetectorUnavailableException;
import org.camlab.face.PendingFaceDetector;
import org.camlab.report.JsonReport;
import org.camlab.report.TextReport;
import org.camlab.session.SessionOptions;
import org.camlab.session.SessionReport;
import org.camlab.session.SessionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analyse stills, recordings or streams and print a verdict with advice.", "",
                "SOURCE is an image (png, jpg, bmp, gif, webp, tiff), a recording (mp4, mkv, mov, webm, avi, …) "
                        + "or a stream URL (rtsp://, http://, …). Numbers are session medians over the analysed frames.", ""},
        footer = {"", "Units: luma in code values 0–255 (full range), ratios in stops (log2 of linear light), noise σ in "
                + "code values, colour cast in CIELAB a*/b*, CCT in kelvin, framing in % of the frame. "
                + "Definitions: design.md in the camlab sources.", "",
                "Exit codes: 0 analysed · 2 bad arguments · 3 a source cannot be opened or decoded (its error is "
                        + "printed; frames decoded before a mid-stream error are still reported)."})
public final class AnalyzeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(AnalyzeCommand.class);

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Images, recordings or stream URLs.")
    List<String> sources;

    @Option(names = "--json", description = "Print one camlab.report/1 JSON object per source, one per line.")
    boolean json;

    @Option(names = "--max-frames", paramLabel = "N", description = "Analyse at most N frames per source (0 = all; default: ${DEFAULT-VALUE}).")
    long maxFrames;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1",
            description = "Analyse one frame in N; the others are still timed (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--faces", paramLabel = "DETECTOR", defaultValue = "auto",
            description = "Face detector: auto (BlazeFace if its model is bundled, else Haar cascade), blazeface, cascade, none (default: ${DEFAULT-VALUE}).")
    String faces;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the per-pixel analysis "
            + "(default: the number of cores, at most 4).")
    Integer threads;

    @Option(names = "--no-progress", description = "Do not show a progress bar on stderr.")
    boolean noProgress;

    @Option(names = {"-v", "--verbose"}, description = "Log details to stderr.")
    boolean verbose;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxFrames < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-frames must be 0 or more");
        }
        if (every < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--every must be 1 or more");
        }
        FaceDetectors.Mode mode;
        try {
            mode = FaceDetectors.Mode.parse(faces);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int workers = threads != null ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        if (workers < 1 || workers > 64) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be between 1 and 64");
        }
        SessionOptions options = new SessionOptions(maxFrames, every, 0.5, 2.0);
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "camlab-analysis");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return analyseAll(options, mode, pool, workers);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private int analyseAll(SessionOptions options, FaceDetectors.Mode mode, ExecutorService pool, int workers) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Advisor advisor = new Advisor();
        int exit = ExitCodes.OK;
        // The detector loads while the first source is opened, decoded and measured.
        PendingFaceDetector pending = PendingFaceDetector.start(mode);
        try {
            for (String spec : sources) {
                try (FrameSource source = Sources.open(spec)) {
                    SessionReport report = analyse(source, options, pending, pool, workers);
                    Verdict verdict = advisor.judge(report);
                    if (json) {
                        out.println(JsonReport.line(report, verdict));
                    } else {
                        out.print(new TextReport(useColour()).render(report, verdict));
                        out.println();
                    }
                    out.flush();
                    if (report.error() != null) {
                        err.println("camlab: " + report.error());
                        exit = ExitCodes.SOURCE;
                    }
                } catch (SourceException e) {
                    err.println("camlab: " + e.getMessage());
                    exit = ExitCodes.SOURCE;
                } catch (FaceDetectorUnavailableException e) {
                    err.println("camlab: " + e.getMessage());
                    return ExitCodes.SOURCE; // every source needs it
                } catch (OutOfMemoryError e) {
                    err.println("camlab: not enough memory to decode " + Redact.url(spec));
                    exit = ExitCodes.SOURCE;
                }
            }
        } finally {
            pending.close();
        }
        return exit;
    }

    private SessionReport analyse(FrameSource source, SessionOptions options, FaceDetector detector, ExecutorService pool,
                                  int workers) {
        long hint = source.frameCountHint();
        boolean show = !noProgress && hint != 1 && Terminal.interactive();
        if (!show) {
            return new SessionRunner(options, detector, null, pool, workers).run(source);
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("analysing").setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(hint > 0 ? hint : -1).setUnit(" frames", 1).showSpeed().continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
        try (ProgressBar bar = b.build()) {
            SessionReport r = new SessionRunner(options, detector, (read, max, pts) -> bar.stepTo(read), pool, workers).run(source);
            log.debug("analysed {} frames", r.framesAnalyzed());
            return r;
        }
    }

    private boolean useColour() {
        // colours go to stdout: only when it is the console itself
        return !json && System.console() != null && Terminal.interactive() && System.getenv("NO_COLOR") == null;
    }
}
