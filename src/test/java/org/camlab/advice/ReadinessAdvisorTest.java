package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camlab.image.CameraMode;
import org.camlab.readiness.CameraFacts;
import org.camlab.readiness.Headroom;
import org.camlab.readiness.Machine;
import org.camlab.readiness.Readiness;
import org.camlab.readiness.link.Link;
import org.camlab.readiness.link.LinkInspectorTest;
import org.camlab.readiness.probe.PathResult;
import org.camlab.report.Terms;
import org.camlab.results.Recommendation;
import org.camlab.results.Severity;
import org.junit.jupiter.api.Test;

/**
 * Each readiness rule on a case built to trip it and on a look-alike that must not; the links come
 * from the fixture copies of /proc and /sys (wired, 2.4 GHz, 5 GHz, VPN, none).
 */
class ReadinessAdvisorTest {
    static final ReadinessAdvisor ADVISOR = new ReadinessAdvisor();
    static final Machine GOOD_MACHINE = new Machine(8, 16, 16, 5, "cpu");
    static final Link WIRED = LinkInspectorTest.inspect("wired");
    static final CameraFacts HD_CAMERA = new CameraFacts("USB cam", "/dev/video0", false, new CameraMode(1920, 1080, 30,
            "MJPG"));

    static Headroom headroom(double rtf720, double rtf1080) {
        List<Headroom.Encode> e = List.of(new Headroom.Encode(1280, 720, 30, 1.2, 90, 3 / rtf720, rtf720, 1),
                new Headroom.Encode(1920, 1080, 30, 1.8, 90, 3 / rtf1080, rtf1080, 1));
        return new Headroom(e, new Headroom.Decode(4, 1280, 720, 30, 20), "libopenh264", List.of(), "x");
    }

    static PathResult path(double loss15, double loss35, double rtt, double jitter) {
        return new PathResult("probe.example", 5210, true, List.of(
                new PathResult.Rate(1.5, 1200, 470, 470, loss15, rtt, rtt * 1.2, jitter, jitter, 564000, 1.5),
                new PathResult.Rate(3.5, 1200, 1090, 1090, loss35, rtt, rtt * 1.2, jitter, jitter, 1308000, 3.5)),
                Double.NaN, null, 6);
    }

    static Readiness of(Machine m, Headroom h, Link l, PathResult p, CameraFacts c) {
        return new Readiness(m, h, null, l, p, null, c, 1);
    }

    static Set<String> ids(Readiness r) {
        return ADVISOR.advise(r).stream().map(Recommendation::id).collect(Collectors.toSet());
    }

    @Test
    void aGoodSetupGetsNoAdvice() {
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, headroom(6, 3), WIRED, path(0, 0.2, 20, 2), HD_CAMERA)));
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, headroom(6, 3), LinkInspectorTest.inspect("wifi-5g"), null,
                HD_CAMERA)),
                "5 GHz at −52 dBm is what the guides ask for");
    }

    @Test
    void slowEncoderSaysWhatItCanStillSend() {
        var r = ADVISOR.advise(of(GOOD_MACHINE, headroom(2.0, 1.2), WIRED, null, HD_CAMERA));
        assertEquals(List.of("slow-encoder"), r.stream().map(Recommendation::id).toList());
        assertEquals(Severity.MEDIUM, r.get(0).severity());
        assertTrue(Terms.ENGLISH.get(r.get(0).title()).contains("1080p"));
        var worse = ADVISOR.advise(of(GOOD_MACHINE, headroom(1.1, 0.5), WIRED, null, HD_CAMERA));
        assertEquals(Severity.HIGH, worse.get(0).severity());
        assertFalse(ids(of(GOOD_MACHINE, headroom(4, 1.6), WIRED, null, HD_CAMERA)).contains("slow-encoder"),
                "1.6× is enough");
    }

    @Test
    void busyProcessorAndFewCores() {
        assertTrue(ids(of(new Machine(8, 16, 16, 70, "cpu"), null, WIRED, null, HD_CAMERA)).contains("busy-processor"));
        assertFalse(ids(of(new Machine(8, 16, 16, 30, "cpu"), null, WIRED, null, HD_CAMERA)).contains(
                "busy-processor"));
        assertTrue(ids(of(new Machine(2, 4, 16, 5, "cpu"), null, WIRED, null, HD_CAMERA)).contains("hd-hidden"));
        assertTrue(ids(of(new Machine(4, 8, 3.5, 5, "cpu"), null, WIRED, null, HD_CAMERA)).contains("hd-hidden"));
        assertFalse(ids(of(new Machine(4, 8, 4, 5, "cpu"), null, WIRED, null, HD_CAMERA)).contains("hd-hidden"));
    }

    @Test
    void theLinkFromProcAndSys() {
        assertEquals(Set.of("wifi-2.4ghz"), ids(of(GOOD_MACHINE, null, LinkInspectorTest.inspect("wifi-2g"), null,
                HD_CAMERA)));
        assertEquals(Set.of("no-network"), ids(of(GOOD_MACHINE, null, LinkInspectorTest.inspect("none"), null,
                HD_CAMERA)));
        assertEquals(Set.of("vpn"), ids(of(GOOD_MACHINE, null, LinkInspectorTest.inspect("vpn"), null, HD_CAMERA)));
        Link weak = new Link("wlan0", Link.Kind.WIFI, 5180, Link.Band.GHZ_5, -72, 100, "test");
        assertEquals(Set.of("weak-wifi"), ids(of(GOOD_MACHINE, null, weak, null, HD_CAMERA)));
        Link strong = new Link("wlan0", Link.Kind.WIFI, 5180, Link.Band.GHZ_5, -60, 400, "test");
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, null, strong, null, HD_CAMERA)));
    }

    @Test
    void thePathAgainstTeamsLimits() {
        assertEquals(Set.of("path-loss"), ids(of(GOOD_MACHINE, null, WIRED, path(0.2, 2.5, 20, 2), HD_CAMERA)));
        var lossy = ADVISOR.advise(of(GOOD_MACHINE, null, WIRED, path(3, 4, 20, 2), HD_CAMERA));
        assertEquals(Severity.HIGH, lossy.get(0).severity(), "loss at 1.5 Mbit/s already: even 720p breaks up");
        assertEquals(Set.of("path-rtt"), ids(of(GOOD_MACHINE, null, WIRED, path(0, 0, 150, 2), HD_CAMERA)));
        assertEquals(Set.of("path-jitter"), ids(of(GOOD_MACHINE, null, WIRED, path(0, 0, 40, 45), HD_CAMERA)));
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, null, WIRED, path(0.9, 0.9, 95, 25), HD_CAMERA)),
                "just inside every limit");
        var silent = new PathResult("probe.example", 5210, false, List.of(), Double.NaN, "no answer", 1);
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, null, WIRED, silent, HD_CAMERA)),
                "no answer is an exit code, not advice");
    }

    @Test
    void aCameraThatCannotDoHd() {
        var vga = new CameraFacts("Old cam", "/dev/video0", false, new CameraMode(640, 480, 30, "YUYV"));
        var r = ADVISOR.advise(of(GOOD_MACHINE, null, WIRED, null, vga));
        assertEquals(List.of("camera-not-hd"), r.stream().map(Recommendation::id).toList());
        assertTrue(Terms.ENGLISH.get(r.get(0).detail()).contains("640×480"), Terms.ENGLISH.get(r.get(0).detail()));
        var hd = new CameraFacts("HD cam", "/dev/video0", true, new CameraMode(1280, 720, 30, "MJPG"));
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, null, WIRED, null, hd)));
        assertEquals(Set.of(), ids(of(GOOD_MACHINE, null, WIRED, null, null)),
                "no camera: said in the summary, nothing to buy");
    }

    @Test
    void everyRuleCitesItsSourceAndHasWords() {
        for (Rule<Readiness> rule : ADVISOR.rules()) {
            assertFalse(rule.source().isBlank(), rule.id());
            assertFalse(Terms.ENGLISH.get("rule." + rule.id()).startsWith("rule."), rule.id());
        }
    }
}
