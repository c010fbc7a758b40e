package org.camlab.cli;

import java.util.List;
import org.camlab.image.Camera;
import org.camlab.lab.Lab;
import org.camlab.report.DevicesReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"List the cameras of this machine, with the modes each offers (size, frame rate, pixel format) "
                + "where the platform tells, and the mode 'camlab check' asks for.", ""},
        footer = {"",
                "The cameras and modes are FFmpeg's own: on Linux the kernel's list, with the rates from v4l2-ctl "
                        + "(Debian package v4l-utils) or without it the sizes FFmpeg lists; on Windows DirectShow's, on macOS "
                        + "AVFoundation's lists through FFmpeg."})
public final class DevicesCommand extends CamlabCommand {
    @Option(names = "--json", description = "Print a JSON array of the cameras.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Camera> cameras = Lab.cameras();
        if (json) {
            out().println(DevicesReport.json(cameras));
        } else if (cameras.isEmpty()) {
            out().println(terms().get("devices.none"));
        } else {
            for (Camera c : cameras) {
                out().println(DevicesReport.text(c, terms()));
            }
        }
        out().flush();
        return ExitCodes.OK;
    }
}
