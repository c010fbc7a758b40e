package org.camlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camlab.image.SourceInfo;
import org.camlab.readiness.CameraFacts;
import org.camlab.readiness.Headroom;
import org.camlab.readiness.Machine;
import org.camlab.readiness.Readiness;
import org.camlab.readiness.link.Link;
import org.camlab.readiness.probe.PathResult;
import org.camlab.results.Recommendation;

/**
 * The readiness findings for a person (one line per finding, in their language) and for scripts
 * (the {@code readiness} section of docs/CONTRACT.md: fields only ever added, NaN as null).
 */
public final class ReadinessReport {
    public static final String SCHEMA = "camlab.readiness/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReadinessReport() {
    }

    /** What {@code camlab readiness} prints: the findings, the advice ranked, and how long it took. */
    public static String text(Readiness r, List<Recommendation> advice, Terms t) {
        StringBuilder b = new StringBuilder();
        b.append(t.get("readiness.title")).append('\n');
        for (String line : lines(r, t)) {
            b.append("  ").append(line).append('\n');
        }
        if (!advice.isEmpty()) {
            b.append('\n');
            int i = 1;
            for (Recommendation rec : advice) {
                b.append(String.format(Locale.ROOT, "%d. [%s] %s%n   %s%n", i++, t.severity(rec.severity()), t.get(rec
                        .title()),
                        t.get(rec.detail())));
            }
        }
        b.append(t.get("readiness.took", r.seconds())).append('\n');
        return b.toString();
    }

    /**
     * The findings as the end of {@code camlab check} shows them, under the picture's summary: wrapped at
     * {@code width}, without an advice list of their own (their advice is in the summary's one list and
     * its score). Where the check looked at the demo scene, a recording or a stream rather than a
     * camera, the camera line names that source instead of saying no camera was found.
     *
     * @param checked the source checked; null for a camera
     */
    public static String findings(Readiness r, SourceInfo checked, Terms t, int width) {
        return new TextReport(false, width, t).block(t.get("readiness.title"), lines(r, checked, t));
    }

    /**
     * The findings of a check on {@code checked}: where that is the demo scene, a recording or a stream
     * rather than a camera, the camera line names it instead of saying no camera was found.
     */
    public static List<String> lines(Readiness r, SourceInfo checked, Terms t) {
        List<String> lines = lines(r, t);
        if (checked != null && checked.kind() != SourceInfo.Kind.CAMERA) {
            lines.set(lines.size() - 1, t.get("readiness.source", checked.name(), t.kind(checked.kind())));
        }
        return lines;
    }

    /** The {@value #SCHEMA} object, on one line; {@code measuredAt} is now, when the findings are in. */
    public static String document(Readiness r, List<Recommendation> advice) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("camlabVersion", Version.get());
        root.put("measuredAt", Instant.now().toString());
        root.set("readiness", section(r, advice));
        return root.toString();
    }

    /** The {@code readiness} object with its advice, as {@code readiness --json} and {@code check --json} write it. */
    static ObjectNode section(Readiness r, List<Recommendation> advice) {
        ObjectNode section = json(r);
        recommendations(section, advice);
        return section;
    }

    /** One line per finding: computer, encoder, link, path, camera. */
    public static List<String> lines(Readiness r, Terms t) {
        List<String> out = new ArrayList<>();
        Machine m = r.machine();
        if (m != null) {
            String cpu = m.cpu() == null ? t.get("readiness.not-told") : m.cpu();
            out.add(Double.isNaN(m.busyPct())
                    ? t.get("readiness.computer.unknown-load", cpu, m.physicalCores(), nanToZero(m.memoryGb()))
                    : t.get("readiness.computer", cpu, m.physicalCores(), nanToZero(m.memoryGb()), m.busyPct()));
        }
        Headroom h = r.headroom();
        if (h != null && h.encode(720) != null && h.encode(1080) != null) {
            out.add(t.get("readiness.encode", h.encode(720).realTimeFactor(), h.encode(1080).realTimeFactor(), h
                    .encoder(),
                    h.decode().streams(), h.decode().realTimeFactor()) + " " + t.get("readiness.can-send", t.get(
                            sendKey(h.canSend()))));
            out.add(h.hardwareEncoders().isEmpty() ? t.get("readiness.hardware.none")
                    : t.get("readiness.hardware", String.join(", ", h.hardwareEncoders())));
        } else if (r.headroomError() != null) {
            out.add(t.get("readiness.encode.error", r.headroomError()));
        } else {
            out.add(t.get("readiness.encode.skipped"));
        }
        if (r.link() != null) {
            out.add(link(r.link(), t));
        }
        PathResult p = r.path();
        if (p != null && p.answered()) {
            List<String> rates = new ArrayList<>();
            for (PathResult.Rate rate : p.rates()) {
                rates.add(t.get("readiness.path.rate", rate.targetMbps(), rate.lossPercent(), rate.rttMedianMillis(),
                        rate.jitterMillis()));
            }
            out.add(t.get("readiness.path", target(p), String.join(" · ", rates)));
        } else if (p != null) {
            out.add(t.get("readiness.path.none", target(p), p.tcpConnected() ? t.get("readiness.path.tcp", p
                    .tcpConnectMillis()) : ""));
        } else if (r.pathError() != null) {
            out.add(t.get("readiness.path.error", r.pathError()));
        } else {
            out.add(t.get("readiness.path.skipped"));
        }
        CameraFacts c = r.camera();
        if (c == null) {
            out.add(t.get("readiness.camera.none"));
        } else {
            String where = t.get(c.builtIn() == null ? "readiness.camera.unknown" : c.builtIn()
                    ? "readiness.camera.builtin"
                    : "readiness.camera.external");
            out.add(c.bestText() == null ? t.get("readiness.camera.no-modes", c.name(), where)
                    : t.get("readiness.camera", c.name(), where, c.bestText()));
        }
        return out;
    }

    private static String target(PathResult p) {
        return p.host() + ":" + p.port();
    }

    static String sendKey(String canSend) {
        return switch (canSend) {
            case "1080p" -> "readiness.send.1080p";
            case "720p" -> "readiness.send.720p";
            default -> "readiness.send.less";
        };
    }

    private static String link(Link l, Terms t) {
        String rate = Double.isNaN(l.rateMbps()) ? t.get("readiness.speed-not-told") : t.get("readiness.rate", l
                .rateMbps());
        return switch (l.kind()) {
            case WIRED -> t.get("readiness.link.wired", l.iface(), rate);
            case WIFI -> t.get("readiness.link.wifi", l.iface(), l.band() == Link.Band.UNKNOWN ? t.get(
                    "readiness.not-told")
                    : l.band().json(), Double.isNaN(l.signalDbm()) ? t.get("readiness.not-told")
                            : t.get("readiness.signal", l.signalDbm()), rate);
            case VIRTUAL -> t.get("readiness.link.virtual", l.iface());
            case NONE -> t.get("readiness.link.none");
            case UNKNOWN -> t.get("readiness.link.unknown", l.iface() == null ? t.get("readiness.not-told") : l
                    .iface());
        };
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** The {@code readiness} object of docs/CONTRACT.md. */
    private static ObjectNode json(Readiness r) {
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode computer = o.putObject("computer");
        Machine m = r.machine();
        if (m != null) {
            computer.put("cpu", m.cpu());
            computer.put("physicalCores", m.physicalCores());
            computer.put("logicalCores", m.logicalCores());
            JsonReport.number(computer, "memoryGb", m.memoryGb(), 1);
            JsonReport.number(computer, "busyPct", m.busyPct(), 1);
        }
        Headroom h = r.headroom();
        if (h != null) {
            computer.put("encoder", h.encoder());
            ArrayNode enc = computer.putArray("encode");
            for (Headroom.Encode e : h.encodes()) {
                ObjectNode x = enc.addObject();
                x.put("mode", e.label());
                x.put("width", e.width());
                x.put("height", e.height());
                x.put("fps", e.fps());
                JsonReport.number(x, "bitrateMbps", e.bitrateMbps(), 2);
                JsonReport.number(x, "realTimeFactor", e.realTimeFactor(), 2);
            }
            ObjectNode dec = computer.putObject("decode");
            dec.put("streams", h.decode().streams());
            dec.put("mode", h.decode().height() + "p" + h.decode().fps());
            JsonReport.number(dec, "realTimeFactor", h.decode().realTimeFactor(), 2);
            ArrayNode hw = computer.putArray("hardwareEncoders");
            h.hardwareEncoders().forEach(hw::add);
            computer.put("canSend", h.canSend());
        } else {
            computer.putNull("encode");
            computer.putNull("canSend");
        }
        if (r.headroomError() != null) {
            computer.put("error", r.headroomError());
        }
        ObjectNode link = o.putObject("link");
        Link l = r.link();
        if (l != null) {
            link.put("kind", l.kind().json());
            link.put("interface", l.iface());
            link.put("band", l.band() == Link.Band.UNKNOWN ? null : l.band().json());
            JsonReport.number(link, "frequencyMhz", l.frequencyMhz(), 0);
            JsonReport.number(link, "signalDbm", l.signalDbm(), 0);
            JsonReport.number(link, "rateMbps", l.rateMbps(), 1);
            link.put("source", l.source());
        }
        PathResult p = r.path();
        if (p == null) {
            o.putNull("path");
        } else {
            ObjectNode path = o.putObject("path");
            path.put("host", p.host());
            path.put("port", p.port());
            path.put("answered", p.answered());
            JsonReport.number(path, "tcpConnectMillis", p.tcpConnectMillis(), 1);
            ArrayNode rates = path.putArray("rates");
            for (PathResult.Rate rate : p.rates()) {
                ObjectNode x = rates.addObject();
                JsonReport.number(x, "targetMbps", rate.targetMbps(), 2);
                x.put("sent", rate.sent());
                x.put("received", rate.received());
                JsonReport.number(x, "lossPercent", rate.lossPercent(), 2);
                JsonReport.number(x, "rttMedianMillis", rate.rttMedianMillis(), 2);
                JsonReport.number(x, "rttP95Millis", rate.rttP95Millis(), 2);
                JsonReport.number(x, "jitterMillis", rate.jitterMillis(), 2);
                x.put("bytesSent", rate.bytesSent());
            }
            JsonReport.number(path, "seconds", p.seconds(), 2);
        }
        if (r.pathError() != null) {
            o.put("pathError", r.pathError());
        }
        CameraFacts c = r.camera();
        if (c == null) {
            o.putNull("camera");
        } else {
            ObjectNode cam = o.putObject("camera");
            cam.put("name", c.name());
            cam.put("device", c.device());
            if (c.builtIn() == null) {
                cam.putNull("builtIn");
            } else {
                cam.put("builtIn", c.builtIn());
            }
            cam.put("best", c.bestText());
            cam.put("hd", c.hd());
        }
        JsonReport.number(o, "seconds", r.seconds(), 2);
        return o;
    }

    /** The readiness advice, in the report's recommendation shape (title and detail in English). */
    private static void recommendations(ObjectNode section, List<Recommendation> advice) {
        ArrayNode recs = section.putArray("recommendations");
        for (Recommendation rec : advice) {
            JsonReport.recommendation(recs.addObject(), rec);
        }
    }
}
