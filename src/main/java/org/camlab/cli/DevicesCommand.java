package org.camlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.capture.Camera;
import org.camlab.capture.CameraMode;
import org.camlab.lab.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"List the cameras of this machine, with the modes each offers (size, frame rate, pixel format) "
                + "where the platform tells, and the mode 'camlab check' asks for.", ""},
        footer = {"", "The cameras and modes are FFmpeg's own: on Linux the kernel's list, with the rates from v4l2-ctl "
                + "(Debian package v4l-utils) or without it the sizes FFmpeg lists; on Windows DirectShow's, on macOS "
                + "AVFoundation's lists through FFmpeg."})
public final class DevicesCommand extends CamlabCommand {
    @Option(names = "--json", description = "Print a JSON array of the cameras.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Camera> cameras = Lab.cameras();
        if (json) {
            out().println(toJson(cameras));
        } else if (cameras.isEmpty()) {
            out().println(terms().get("devices.none"));
        } else {
            for (Camera c : cameras) {
                out().println(render(c, terms()));
            }
        }
        out().flush();
        return ExitCodes.OK;
    }

    static String render(Camera c) {
        return render(c, org.camlab.report.Terms.ENGLISH);
    }

    static String render(Camera c, org.camlab.report.Terms t) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "camera:%d  %s  (%s)%n", c.index(), c.name(), c.device()));
        if (c.modes().isEmpty()) {
            b.append("    ").append(t.get("devices.no-modes")).append('\n');
            return b.toString();
        }
        Map<String, StringBuilder> bySize = new LinkedHashMap<>();
        for (CameraMode m : c.modes()) {
            String key = m.width() + "×" + m.height() + (m.pixelFormat().isEmpty() ? "" : " " + m.pixelFormat());
            StringBuilder rates = bySize.computeIfAbsent(key, k -> new StringBuilder());
            if (!Double.isNaN(m.fps())) {
                rates.append(rates.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", m.fps()));
            }
        }
        bySize.forEach((size, rates) -> b.append("    ").append(size)
                .append(rates.length() == 0 ? "" : "  " + t.get("devices.at", rates.toString())).append('\n'));
        b.append("    ").append(t.get("devices.asks", c.best().toString())).append('\n');
        return b.toString();
    }

    static String toJson(List<Camera> cameras) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode arr = mapper.createArrayNode();
        for (Camera c : cameras) {
            ObjectNode o = arr.addObject();
            o.put("index", c.index());
            o.put("name", c.name());
            o.put("device", c.device());
            ArrayNode modes = o.putArray("modes");
            for (CameraMode m : c.modes()) {
                ObjectNode mo = modes.addObject();
                mo.put("width", m.width());
                mo.put("height", m.height());
                if (Double.isNaN(m.fps())) {
                    mo.putNull("fps");
                } else {
                    mo.put("fps", m.fps());
                }
                mo.put("pixelFormat", m.pixelFormat());
            }
            CameraMode best = c.best();
            if (best != null) {
                o.put("best", best.toString());
            } else {
                o.putNull("best");
            }
        }
        return arr.toString();
    }
}
