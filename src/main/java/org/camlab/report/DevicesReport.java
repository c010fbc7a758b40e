package org.camlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camlab.image.Camera;
import org.camlab.image.CameraMode;

/** The cameras of this machine ({@code camlab devices}): for a person, each with its modes by size; for scripts, a JSON array. */
public final class DevicesReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DevicesReport() {
    }

    /** One camera: its name and device, its sizes with their frame rates, and the mode camlab asks for. */
    public static String text(Camera c, Terms t) {
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

    /** The JSON array of {@code devices --json}, on one line. */
    public static String json(List<Camera> cameras) {
        ArrayNode arr = MAPPER.createArrayNode();
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
