package org.camlab.readiness.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camlab.readiness.link.Link.Band;
import org.camlab.readiness.link.Link.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fixture is a slice of a real Linux /proc and /sys; {@code iw-link.txt}, when present, is what iw printed there. */
public class LinkInspectorTest {
    private static final double EPS = 1e-9;

    @Test
    void wiredTakesTheLowestMetricDefaultRoute() {
        Link l = inspect("wired");
        assertEquals(Kind.WIRED, l.kind(), l::toString);
        assertEquals("enp3s0", l.iface());
        assertEquals(Band.UNKNOWN, l.band());
        assertTrue(Double.isNaN(l.frequencyMhz()));
        assertTrue(Double.isNaN(l.signalDbm()));
        assertEquals(1000, l.rateMbps(), EPS);
        assertEquals("/proc/net/route, /sys/class/net", l.source());
    }

    @Test
    void wifiOn24GHz() {
        Link l = inspect("wifi-2g");
        assertEquals(Kind.WIFI, l.kind(), l::toString);
        assertEquals("wlan0", l.iface());
        assertEquals(Band.GHZ_2_4, l.band());
        assertEquals("2.4", l.band().json());
        assertEquals(2437, l.frequencyMhz(), EPS);
        assertEquals(-67, l.signalDbm(), EPS, "iw's signal, not /proc/net/wireless' -68");
        assertEquals(72.2, l.rateMbps(), EPS);
        assertEquals("/proc/net/route, /sys/class/net, /proc/net/wireless, iw", l.source());
    }

    @Test
    void wifiOn5GHzWithNewerIwOutput() {
        Link l = inspect("wifi-5g");
        assertEquals(Kind.WIFI, l.kind(), l::toString);
        assertEquals("wlp2s0", l.iface());
        assertEquals(Band.GHZ_5, l.band());
        assertEquals(5180, l.frequencyMhz(), EPS);
        assertEquals(-52, l.signalDbm(), EPS);
        assertEquals(866.7, l.rateMbps(), EPS, "tx, not rx bitrate");
        assertTrue(l.source().endsWith("iw"), l.source());
    }

    @Test
    void wifiWithoutIwKnowsNoBandButTheSignal() {
        List<List<String>> asked = new ArrayList<>();
        Link l = new LinkInspector(fixture("wifi-no-iw"), (cmd, timeout) -> {
            asked.add(cmd);
            return Optional.empty(); // what CommandRunner.system() answers for a missing program
        }).inspect();
        assertEquals(Kind.WIFI, l.kind(), l::toString);
        assertEquals("wlo1", l.iface());
        assertEquals(Band.UNKNOWN, l.band());
        assertTrue(Double.isNaN(l.frequencyMhz()));
        assertEquals(-61, l.signalDbm(), EPS);
        assertTrue(Double.isNaN(l.rateMbps()));
        assertEquals("/proc/net/route, /sys/class/net, /proc/net/wireless", l.source());
        assertEquals(1, asked.size());
        assertEquals(List.of("dev", "wlo1", "link"), asked.get(0).subList(1, 4));
    }

    @Test
    void vpnTunnelIsVirtual() {
        Link l = inspect("vpn");
        assertEquals(Kind.VIRTUAL, l.kind(), l::toString);
        assertEquals("tun0", l.iface());
        assertEquals(Band.UNKNOWN, l.band());
        assertTrue(Double.isNaN(l.frequencyMhz()));
        assertTrue(Double.isNaN(l.signalDbm()));
        assertTrue(Double.isNaN(l.rateMbps()));
        assertTrue(l.source().contains("tunnel"), l.source());
    }

    @Test
    void openVpnDef1HalvesBeatThePlainDefault() {
        Link l = inspect("vpn-def1");
        assertEquals(Kind.VIRTUAL, l.kind(), l::toString);
        assertEquals("tun0", l.iface());
    }

    @Test
    void noDefaultRouteIsNoNetwork() {
        Link l = inspect("none");
        assertEquals(Kind.NONE, l.kind(), l::toString);
        assertEquals("none", l.kind().json());
        assertNull(l.iface());
        assertEquals(Band.UNKNOWN, l.band());
        assertTrue(Double.isNaN(l.frequencyMhz()));
        assertTrue(Double.isNaN(l.signalDbm()));
        assertTrue(Double.isNaN(l.rateMbps()));
        assertTrue(l.source().contains("no network"), l.source());
        assertTrue(l.source().contains("/proc/net/ipv6_route"), l.source());
    }

    @Test
    void ipv6DefaultRouteWhenThereIsNoIpv4One() {
        Link l = inspect("ipv6-only");
        assertEquals(Kind.WIRED, l.kind(), l::toString);
        assertEquals("enp3s0", l.iface());
        assertEquals(2500, l.rateMbps(), EPS);
        assertEquals("/proc/net/route, /proc/net/ipv6_route, /sys/class/net", l.source());
    }

    @Test
    void aDownLinkIsPassedOverForTheNextDefaultRoute(@TempDir Path dir) throws IOException {
        copy(fixture("wired"), dir);
        Files.writeString(dir.resolve("sys/class/net/enp3s0/operstate"), "down\n");
        Link l = new LinkInspector(dir, (cmd, t) -> Optional.of("Not connected.\n")).inspect();
        assertEquals(Kind.WIFI, l.kind(), l::toString);
        assertEquals("wlp4s0", l.iface());
        assertEquals(-65, l.signalDbm(), EPS, "from /proc/net/wireless: iw says not connected");
        assertTrue(Double.isNaN(l.frequencyMhz()));
    }

    @Test
    void theRealMachineAnswersQuickly() {
        Link l = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> LinkInspector.system().inspect());
        assertNotNull(l.kind());
        assertNotNull(l.band());
        assertNotNull(l.source());
    }

    @Test
    void garbageGivesUnknownOrNone(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("proc/net"));
        Files.write(dir.resolve("proc/net/route"), new byte[]{'I', 'f', (byte) 0xff, 0, '\n', 'x', '\t', 'y'});
        Files.writeString(dir.resolve("proc/net/ipv6_route"), "not a table\n\n\t \n");
        assertUnknownOrNone(new LinkInspector(dir, (cmd, t) -> Optional.of("garbage")).inspect());

        // a default route whose interface sysfs does not show, and nonsense in every attribute
        Files.writeString(dir.resolve("proc/net/route"),
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
                        + "../../etc\t00000000\t01\t0003\t0\t0\t0\t00000000\t0\t0\t0\n"
                        + "eth9\t00000000\tzz\t0003\t0\t0\tnan\t00000000\t0\t0\t0\n"
                        + "eth9\t00000000\t01\t0003\t0\t0\t7\t00000000\n");
        Link unseen = new LinkInspector(dir, (cmd, t) -> Optional.empty()).inspect();
        assertEquals(Kind.UNKNOWN, unseen.kind(), unseen::toString);
        assertEquals("eth9", unseen.iface());

        Path eth9 = Files.createDirectories(dir.resolve("sys/class/net/eth9"));
        for (String a : List.of("type", "operstate", "speed", "uevent"))
            Files.writeString(eth9.resolve(a), "\u0000?%");
        assertUnknownOrNone(new LinkInspector(dir, (cmd, t) -> Optional.empty()).inspect());

        assertUnknownOrNone(new LinkInspector(dir.resolve("missing"), (cmd, t) -> Optional.empty()).inspect());
    }

    @Test
    void aRunnerThatThrowsCostsOnlyTheIwFacts() {
        Link l = new LinkInspector(fixture("wifi-5g"), (cmd, t) -> {
            throw new IllegalStateException("boom");
        }).inspect();
        assertEquals(Kind.WIFI, l.kind(), l::toString);
        assertEquals(-52, l.signalDbm(), EPS, "from /proc/net/wireless");
        assertEquals(Band.UNKNOWN, l.band());
    }

    @Test
    void iwIsAskedWithAShortTimeout() {
        List<Duration> timeouts = new ArrayList<>();
        new LinkInspector(fixture("wifi-2g"), (cmd, t) -> {
            timeouts.add(t);
            return Optional.empty();
        }).inspect();
        assertEquals(1, timeouts.size());
        assertTrue(timeouts.get(0).compareTo(Duration.ofSeconds(2)) <= 0, timeouts::toString);
    }

    @Test
    void aHangingProgramIsCutOff() {
        long start = System.nanoTime();
        Optional<String> out = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> CommandRunner.system().run(List.of("sleep", "10"), Duration.ofMillis(500)));
        assertTrue(out.isEmpty());
        assertTrue(System.nanoTime() - start >= 400_000_000L, "waited for the timeout");
    }

    @Test
    void aMissingOrFailingProgramIsNotAvailable() {
        CommandRunner r = CommandRunner.system();
        assertEquals(Optional.empty(), r.run(List.of("camlab-no-such-program-7f3a"), Duration.ofSeconds(1)));
        assertEquals(Optional.empty(), r.run(List.of("false"), Duration.ofSeconds(1)));
        assertEquals(Optional.of("freq: 5180.0\n"), r.run(List.of("echo", "freq: 5180.0"), Duration.ofSeconds(2)));
    }

    @Test
    void bandsFromFrequency() {
        assertEquals(Band.GHZ_2_4, Band.of(2412));
        assertEquals(Band.GHZ_2_4, Band.of(2484));
        assertEquals(Band.GHZ_5, Band.of(5150));
        assertEquals(Band.GHZ_5, Band.of(5825));
        assertEquals(Band.GHZ_5, Band.of(5895));
        assertEquals(Band.GHZ_6, Band.of(5955));
        assertEquals(Band.GHZ_6, Band.of(7125));
        assertEquals(Band.UNKNOWN, Band.of(5910));
        assertEquals(Band.UNKNOWN, Band.of(58320));
        assertEquals(Band.UNKNOWN, Band.of(Double.NaN));
        assertEquals(List.of("wired", "wifi", "virtual", "none", "unknown"),
                Arrays.stream(Kind.values()).map(Kind::json).toList());
        assertEquals("unknown", Band.UNKNOWN.json());
    }

    private static void assertUnknownOrNone(Link l) {
        assertTrue(Set.of(Kind.UNKNOWN, Kind.NONE).contains(l.kind()), l::toString);
    }

    /** The fixture's iw answer for {@code iw dev <if> link}; "not installed" where the case has none. */
    public static Link inspect(String fixtureCase) {
        Path dir = fixture(fixtureCase);
        CommandRunner iw = (cmd, timeout) -> {
            if (!Path.of(cmd.get(0)).getFileName().toString().equals("iw")) return Optional.empty();
            Path text = dir.resolve("iw-link.txt");
            try {
                return Files.exists(text) ? Optional.of(Files.readString(text, StandardCharsets.UTF_8)) : Optional
                        .empty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
        return new LinkInspector(dir, iw).inspect();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(LinkInspectorTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else
                    Files.copy(p, target);
            }
        }
    }
}
