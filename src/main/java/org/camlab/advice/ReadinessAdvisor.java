package org.camlab.advice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.camlab.readiness.CameraFacts;
import org.camlab.readiness.Headroom;
import org.camlab.readiness.Readiness;
import org.camlab.readiness.link.Link;
import org.camlab.readiness.probe.PathResult;
import org.camlab.results.Recommendation;
import org.camlab.results.Severity;
import org.camlab.text.Text;

/**
 * The readiness rules: what the computer, the link, the path and the camera leave of HD video,
 * each threshold with its source. Ranked with the picture's advice by severity (the same
 * {@link org.camlab.results.Verdict}); they take nothing off the picture's score, which is the
 * picture's.
 */
public final class ReadinessAdvisor {
    static final double BUSY_PCT = 50;
    static final int WEBEX_CORES = 4;
    static final double WEBEX_MEMORY_GB = 4;
    static final double WEAK_SIGNAL_DBM = -67;
    static final double RTT_MS = 100;
    static final double LOSS_PCT = 1;
    static final double JITTER_MS = 30;

    private final List<Rule<Readiness>> rules = List.of(
            new Rule<>("slow-encoder", "readiness.computer.encode[1080p30].realTimeFactor", Headroom.MIN_REAL_TIME,
                    "camlab: an H.264 encoder (OpenH264, WebRTC's software encoder) below 1.5× real time on one core "
                            + "leaves no room for decoding the others, audio and the window; meeting clients then send "
                            + "less (Zoom 1080p needs 1.8 Mbit/s one-to-one, Zoom system requirements)",
                    ReadinessAdvisor::slowEncoder),
            new Rule<>("busy-processor", "readiness.computer.busyPct", BUSY_PCT,
                    "meeting clients' guides: close programs that load the processor; camlab: other programs over "
                            + "half of it", ReadinessAdvisor::busy),
            new Rule<>("hd-hidden", "readiness.computer.physicalCores", WEBEX_CORES,
                    "Webex, 'Select advanced video settings': HD video on by default with 4 GB of memory, 4 physical "
                            + "cores and 1.6 GHz or more; below, off or hidden", ReadinessAdvisor::hdHidden),
            new Rule<>("no-network", "readiness.link.kind", 0,
                    "camlab: no default route, so nothing reaches a meeting server", ReadinessAdvisor::noNetwork),
            new Rule<>("wifi-2.4ghz", "readiness.link.band", 2.4,
                    "Zoom, Microsoft Teams and Google Meet: a cable, or 5 GHz Wi-Fi (2.4 GHz is crowded, slower and "
                            + "shared with Bluetooth and microwaves)", ReadinessAdvisor::wifi24),
            new Rule<>("weak-wifi", "readiness.link.signalDbm", WEAK_SIGNAL_DBM,
                    "Cisco's voice and video over Wi-Fi design guides: a signal of −67 dBm or stronger",
                    ReadinessAdvisor::weakWifi),
            new Rule<>("vpn", "readiness.link.kind", 0,
                    "Microsoft Teams, 'Prepare your network': send real-time media around the VPN (split tunnel)",
                    ReadinessAdvisor::vpn),
            new Rule<>("path-loss", "readiness.path.rates[].lossPercent", LOSS_PCT,
                    "Microsoft Teams, 'Prepare your network', client to Microsoft edge: packet loss under 1 % in any "
                            + "15 s", ReadinessAdvisor::loss),
            new Rule<>("path-rtt", "readiness.path.rates[].rttMedianMillis", RTT_MS,
                    "Microsoft Teams, 'Prepare your network', client to Microsoft edge: round trip under 100 ms",
                    ReadinessAdvisor::rtt),
            new Rule<>("path-jitter", "readiness.path.rates[].jitterMillis", JITTER_MS,
                    "Microsoft Teams, 'Prepare your network', client to Microsoft edge: jitter (RFC 3550) under 30 ms in "
                            + "any 15 s", ReadinessAdvisor::jitter),
            new Rule<>("camera-not-hd", "readiness.camera.best", CameraFacts.HD_HEIGHT,
                    "Zoom and Google Meet: HD is 720p and more; Meet sends 1080p only from a 1080p camera",
                    ReadinessAdvisor::cameraNotHd));

    public List<Rule<Readiness>> rules() {
        return rules;
    }

    public List<Recommendation> advise(Readiness r) {
        List<Recommendation> out = new ArrayList<>();
        for (Rule<Readiness> rule : rules) {
            rule.evaluate(r).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Recommendation> slowEncoder(Readiness r, Rule<Readiness> self) {
        Headroom h = r.headroom();
        if (h == null || h.encode(1080) == null || h.encode(720) == null) {
            return Optional.empty();
        }
        double full = h.encode(1080).realTimeFactor();
        double hd = h.encode(720).realTimeFactor();
        if (!(full < self.threshold())) {
            return Optional.empty();
        }
        if (hd < self.threshold()) {
            return Optional.of(self.advise(Severity.HIGH, Text.of("advice.slow-encoder.title.hd"),
                    Text.of("advice.slow-encoder.detail.hd", hd, full), full));
        }
        return Optional.of(self.advise(Severity.MEDIUM, Text.of("advice.slow-encoder.title"),
                Text.of("advice.slow-encoder.detail", full, hd), full));
    }

    private static Optional<Recommendation> busy(Readiness r, Rule<Readiness> self) {
        double busy = r.machine() == null ? Double.NaN : r.machine().busyPct();
        if (!(busy > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(self.advise(busy > 80 ? Severity.HIGH : Severity.MEDIUM, Text.of(
                "advice.busy-processor.title"),
                Text.of("advice.busy-processor.detail", busy), busy));
    }

    private static Optional<Recommendation> hdHidden(Readiness r, Rule<Readiness> self) {
        if (r.machine() == null) {
            return Optional.empty();
        }
        int cores = r.machine().physicalCores();
        double memory = r.machine().memoryGb();
        if (cores >= self.threshold() && !(memory < WEBEX_MEMORY_GB)) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.LOW, Text.of("advice.hd-hidden.title"),
                Text.of("advice.hd-hidden.detail", cores, Double.isNaN(memory) ? 0 : memory), cores));
    }

    private static Optional<Recommendation> noNetwork(Readiness r, Rule<Readiness> self) {
        if (r.link() == null || r.link().kind() != Link.Kind.NONE) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.HIGH, Text.of("advice.no-network.title"), Text.of(
                "advice.no-network.detail"),
                Double.NaN));
    }

    private static Optional<Recommendation> wifi24(Readiness r, Rule<Readiness> self) {
        Link l = r.link();
        if (l == null || l.kind() != Link.Kind.WIFI || l.band() != Link.Band.GHZ_2_4) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.MEDIUM, Text.of("advice.wifi-2.4ghz.title"),
                Text.of("advice.wifi-2.4ghz.detail", l.frequencyMhz()), 2.4));
    }

    private static Optional<Recommendation> weakWifi(Readiness r, Rule<Readiness> self) {
        Link l = r.link();
        if (l == null || l.kind() != Link.Kind.WIFI || !(l.signalDbm() < self.threshold())) {
            return Optional.empty();
        }
        Severity s = l.signalDbm() < -75 ? Severity.HIGH : Severity.MEDIUM;
        return Optional.of(self.advise(s, Text.of("advice.weak-wifi.title"), Text.of("advice.weak-wifi.detail", l
                .signalDbm()),
                l.signalDbm()));
    }

    private static Optional<Recommendation> vpn(Readiness r, Rule<Readiness> self) {
        Link l = r.link();
        if (l == null || l.kind() != Link.Kind.VIRTUAL) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.LOW, Text.of("advice.vpn.title"),
                Text.of("advice.vpn.detail", l.iface() == null ? "?" : l.iface()), Double.NaN));
    }

    /** The worst rate's figure, and the rate it was measured at. */
    private static PathResult.Rate worst(PathResult p, ToDoubleFunction<PathResult.Rate> f) {
        PathResult.Rate worst = null;
        for (PathResult.Rate rate : p.rates()) {
            double v = f.applyAsDouble(rate);
            if (!Double.isNaN(v) && (worst == null || v > f.applyAsDouble(worst))) {
                worst = rate;
            }
        }
        return worst;
    }

    private static Optional<Recommendation> loss(Readiness r, Rule<Readiness> self) {
        if (r.path() == null || !r.path().answered()) {
            return Optional.empty();
        }
        PathResult.Rate w = worst(r.path(), PathResult.Rate::lossPercent);
        if (w == null || !(w.lossPercent() > self.threshold())) {
            return Optional.empty();
        }
        // loss at the lowest rate already: even 720p breaks up; only at the higher rate: 1080p does
        boolean atLowest = r.path().rates().get(0).lossPercent() > self.threshold();
        return Optional.of(self.advise(atLowest ? Severity.HIGH : Severity.MEDIUM, Text.of("advice.path-loss.title"),
                Text.of("advice.path-loss.detail", w.lossPercent(), w.targetMbps(), r.path().host()), w.lossPercent()));
    }

    private static Optional<Recommendation> rtt(Readiness r, Rule<Readiness> self) {
        if (r.path() == null || !r.path().answered()) {
            return Optional.empty();
        }
        PathResult.Rate w = worst(r.path(), PathResult.Rate::rttMedianMillis);
        if (w == null || !(w.rttMedianMillis() > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(self.advise(w.rttMedianMillis() > 2 * self.threshold() ? Severity.HIGH : Severity.MEDIUM,
                Text.of("advice.path-rtt.title"), Text.of("advice.path-rtt.detail", w.rttMedianMillis(), r.path()
                        .host()),
                w.rttMedianMillis()));
    }

    private static Optional<Recommendation> jitter(Readiness r, Rule<Readiness> self) {
        if (r.path() == null || !r.path().answered()) {
            return Optional.empty();
        }
        PathResult.Rate w = worst(r.path(), PathResult.Rate::jitterMillis);
        if (w == null || !(w.jitterMillis() > self.threshold())) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.MEDIUM, Text.of("advice.path-jitter.title"),
                Text.of("advice.path-jitter.detail", w.jitterMillis(), w.targetMbps(), r.path().host()), w
                        .jitterMillis()));
    }

    private static Optional<Recommendation> cameraNotHd(Readiness r, Rule<Readiness> self) {
        CameraFacts c = r.camera();
        if (c == null || c.bestText() == null || c.hd()) {
            return Optional.empty();
        }
        return Optional.of(self.advise(Severity.MEDIUM, Text.of("advice.camera-not-hd.title"),
                Text.of("advice.camera-not-hd.detail", c.name(), c.bestText()), c.bestHeight()));
    }
}
