package org.camlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camlab.demo.DemoRecording;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Generate a demo recording of a person at a desk with a bright window behind them, "
                + "and analyse it: camlab at work where there is no camera.", ""})
public final class DemoCommand extends CamlabCommand {
    @Option(names = "--out", paramLabel = "FILE",
            description = "Keep the recording here (default: a temporary file, deleted after).")
    Path out;

    @Option(names = "--json", description = "Print the JSON report instead of the summary.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "4",
            description = "Length of the recording (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0 && seconds <= 600)) {
            throw badArgument("--seconds must be more than 0 and at most 600");
        }
        if (out != null) {
            Path dir = out.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new CamlabException(ExitCode.OUTPUT, "cannot write " + out + ": there is no directory " + dir);
            }
            if (Files.isDirectory(out)) {
                throw new CamlabException(ExitCode.OUTPUT, "cannot write " + out
                        + ": it is a directory; give a file name");
            }
        }
        Path file = out != null ? out : Files.createTempFile("camlab-demo-", ".mp4");
        try {
            err().println("camlab: writing a " + seconds + " s demo recording (1280×720, 30 fps) to " + file);
            try {
                DemoRecording.write(file, 1280, 720, 30, seconds, 1.0);
            } catch (Exception e) {
                throw new CamlabException(ExitCode.OUTPUT, "cannot write the demo recording to " + file + ": " + e
                        .getMessage());
            }
            List<String> args = new ArrayList<>(List.of("analyze", file.toString()));
            if (json) {
                args.add("--json");
            }
            args.add("--lang=" + language().tag);
            CommandLine root = spec.root().commandLine();
            return root.execute(args.toArray(String[]::new));
        } finally {
            if (out == null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
