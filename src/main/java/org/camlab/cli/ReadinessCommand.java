package org.camlab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camlab.advice.ReadinessAdvisor;
import org.camlab.demo.DemoCache;
import org.camlab.readiness.Readiness;
import org.camlab.readiness.ReadinessCheck;
import org.camlab.readiness.probe.PathProbe;
import org.camlab.readiness.probe.ProbeServer;
import org.camlab.report.ReadinessReport;
import org.camlab.results.Recommendation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "readiness", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Can this computer and this network carry HD video? Measures how fast the computer encodes "
                + "720p30 and 1080p30 H.264 on one core and decodes four streams at once (a gallery view), how busy "
                + "other programs keep the processor, the link (cable or Wi-Fi, its band, signal and rate), the camera's "
                + "best mode, and with --target the path to a 'camlab probe-server': round trip, jitter (RFC 3550) and "
                + "loss at 1.5 and 3.5 Mbit/s. Then says what to change.", "",
                "Nothing is sent anywhere unless you name a --target; the probe stream is bounded (about 2 MB over 6 s) "
                        + "and stops when the target does not answer.", ""},
        footer = {"",
                "Examples:  camlab readiness",
                "           camlab readiness --target probe.site-a.example:5201 --token-file ~/.camlab-token",
                "           camlab readiness --no-encode --json"})
public final class ReadinessCommand extends CamlabCommand {
    public static final String SCHEMA = ReadinessReport.SCHEMA;

    @Option(names = "--target", paramLabel = "HOST[:PORT]", description = "A 'camlab probe-server' to measure the path "
            + "to (default port " + ProbeServer.DEFAULT_PORT + "). Without it the path is not measured.")
    String target;

    @Mixin
    TokenOption token = new TokenOption();

    @Option(names = "--content", paramLabel = "FILE", description = "A recording to encode (your camera's own, for "
            + "example); default: the bundled demo scene.")
    Path content;

    @Option(names = "--no-encode",
            description = "Leave out the encoder and decoder test (about 3 s of full load on one core).")
    boolean noEncode;

    @Option(names = "--json", arity = "0..1", paramLabel = "FILE", fallbackValue = "-",
            description = "Print the " + SCHEMA + " JSON object instead of the summary, or write it to FILE.")
    String json;

    @Override
    public Integer call() {
        PathProbe.Options probe = null;
        if (target != null) {
            try {
                probe = PathProbe.Options.target(target);
            } catch (IllegalArgumentException e) {
                throw badArgument("--target: " + e.getMessage());
            }
            String secret = token.secret();
            if (secret != null) {
                probe = probe.withToken(secret);
            }
        } else if (token.given()) {
            throw badArgument("--token and --token-file go with --target");
        }
        Path video = null;
        if (!noEncode) {
            if (content != null) {
                if (!Files.isRegularFile(content)) {
                    throw badArgument("--content: no such file: " + content);
                }
                video = content;
            } else {
                try {
                    if (!DemoCache.present()) {
                        err().println("camlab: preparing the demo scene (once; kept in " + DemoCache.directory() + ")");
                        err().flush();
                    }
                    video = DemoCache.get();
                } catch (Exception e) {
                    err().println("camlab: cannot write the demo scene to " + DemoCache.directory() + ": " + e
                            .getMessage()
                            + " (set CAMLAB_CACHE, or give --content FILE or --no-encode)");
                    return ExitCodes.OUTPUT;
                }
            }
        }
        boolean progress = Terminal.interactive();
        Readiness r = ReadinessCheck.run(new ReadinessCheck.Options(video, 3, probe), what -> {
            if (progress) {
                err().println("camlab: measuring " + what + "…");
                err().flush();
            }
        });
        List<Recommendation> advice = Recommendation.ranked(new ReadinessAdvisor().advise(r));
        boolean written = true;
        if (json != null) {
            String text = ReadinessReport.document(r, advice);
            if (json.equals("-")) {
                out().println(text);
            } else {
                written = ReportOptions.write(Path.of(json), (text + "\n").getBytes(StandardCharsets.UTF_8),
                        "readiness", err());
            }
        }
        if (json == null || !json.equals("-")) {
            out().print(ReadinessReport.text(r, advice, terms()));
        }
        out().flush();
        if (r.pathError() != null || (r.path() != null && !r.path().answered())) {
            err().println("camlab: " + (r.pathError() != null ? r.pathError() : r.path().summary()));
            return ExitCodes.SOURCE;
        }
        return written ? ExitCodes.OK : ExitCodes.OUTPUT;
    }
}
