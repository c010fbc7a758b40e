package org.camlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.camlab.capture.Camera;
import org.camlab.lab.Lab;
import org.camlab.report.DevicesReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"List the cameras of this machine, with the modes each offers (size, frame rate, pixel format) "
                + "where the platform tells, and the mode 'camlab check' asks for.", ""},
        footer = {"", "The cameras and modes are FFmpeg's own: on Linux the kernel's list, with the rates from v4l2-ctl "
                + "(Debian package v4l-utils) or without it the sizes FFmpeg lists; on Windows DirectShow's, on macOS "
                + "AVFoundation's lists through FFmpeg. Exit code 0, also when there is no camera."})
public final class DevicesCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print a JSON array of the cameras.")
    boolean json;

    @picocli.CommandLine.Mixin
    LanguageOption lang = new LanguageOption();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Camera> cameras = Lab.cameras();
        if (json) {
            out.println(DevicesReport.json(cameras));
        } else if (cameras.isEmpty()) {
            out.println(lang.terms().get("devices.none"));
        } else {
            for (Camera c : cameras) {
                out.println(DevicesReport.text(c, lang.terms()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
