package org.camlab.readiness.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the link that carries the default route and what it is: cable, Wi-Fi (band, signal, rate) or a tunnel.
 * Linux is read from {@code /proc} and {@code /sys} (and {@code iw} when installed); elsewhere the JDK only names the
 * interface. Whatever the system answers, {@link #inspect()} returns a {@link Link} — at worst UNKNOWN — and never
 * waits longer than the {@code iw} timeout.
 */
public final class LinkInspector {
    /** {@code iw} answers in milliseconds; a wedged driver must not stall a readiness check. */
    static final Duration IW_TIMEOUT = Duration.ofSeconds(2);

    private static final int RTF_UP = 0x0001;
    private static final int RTF_REJECT = 0x0200;
    private static final int ARPHRD_ETHER = 1;
    /** Tunnel types that never sit directly on a cable or radio: ipip, ip6-in-ip6, sit, gre, ip6gre, none (tun, wireguard). */
    private static final Set<Integer> TUNNEL_TYPES = Set.of(768, 769, 776, 778, 823, 65534);
    /** Operational states in which the interface carries nothing, whatever the routing table still says. */
    private static final Set<String> DOWN_STATES = Set.of("down", "lowerlayerdown", "notpresent");
    /** The kernel's rule for interface names (IFNAMSIZ, no '/', ':' or white space): anything else is garbage. */
    private static final Pattern IFACE_NAME = Pattern.compile("[^/:\\s]{1,15}");
    private static final int MAX_FILE_BYTES = 1 << 20;

    private final Path root;
    private final CommandRunner runner;

    /**
     * @param root   prepended to {@code /proc/...} and {@code /sys/...}: {@code Path.of("/")} for this machine, a fixture
     *               directory in tests
     * @param runner runs {@code iw}
     */
    public LinkInspector(Path root, CommandRunner runner) {
        this.root = root;
        this.runner = runner;
    }

    /** This machine. */
    public static LinkInspector system() {
        return new LinkInspector(Path.of("/"), CommandRunner.system());
    }

    /** The link of the default route; never throws. */
    public Link inspect() {
        try {
            return inspectLinux().orElseGet(LinkInspector::inspectJdk);
        } catch (RuntimeException e) {
            // A parser surprise must cost the report one line, not the readiness command.
            return Link.unknown(null, "error: " + e);
        }
    }

    /** Empty when this does not look like Linux (no routing tables in /proc). */
    private Optional<Link> inspectLinux() {
        Optional<String> v4 = read("proc/net/route");
        Optional<String> v6 = read("proc/net/ipv6_route");
        if (v4.isEmpty() && v6.isEmpty()) return Optional.empty();

        Set<String> sources = new LinkedHashSet<>();
        List<Route> routes = v4.map(RouteTables::ipv4Defaults).orElse(List.of());
        if (v4.isPresent()) sources.add("/proc/net/route");
        if (routes.isEmpty() && v6.isPresent()) {
            routes = RouteTables.ipv6Defaults(v6.get());
            sources.add("/proc/net/ipv6_route");
        }
        if (routes.isEmpty())
            return Optional.of(Link.none(String.join(", ", sources) + ": no default route (no network)"));

        // The routing table can outlive an unplugged cable or a dropped association: skip links that are down.
        for (Route r : routes) {
            if (!DOWN_STATES.contains(sys(r.iface(), "operstate").orElse(""))) {
                return Optional.of(describe(r.iface(), sources));
            }
        }
        sources.add("/sys/class/net");
        return Optional.of(Link.none(String.join(", ", sources) + ": every default route's link is down (no network)"));
    }

    private Link describe(String iface, Set<String> sources) {
        if (!Files.isDirectory(root.resolve("sys/class/net").resolve(iface))) {
            return Link.unknown(iface, String.join(", ", sources)); // sysfs not mounted, e.g. some containers
        }
        sources.add("/sys/class/net");
        if (isWifi(iface)) return wifi(iface, sources);
        int type = sys(iface, "type").flatMap(LinkInspector::parseInt).orElse(-1);
        if (Files.exists(root.resolve("sys/devices/virtual/net").resolve(iface)) || TUNNEL_TYPES.contains(type)) {
            return new Link(iface, Link.Kind.VIRTUAL, Double.NaN, Link.Band.UNKNOWN, Double.NaN, Double.NaN,
                    String.join(", ", sources) + ": " + iface + " is a tunnel, VPN or virtual interface");
        }
        if (type == ARPHRD_ETHER) {
            return new Link(iface, Link.Kind.WIRED, Double.NaN, Link.Band.UNKNOWN, Double.NaN, wiredSpeed(iface),
                    String.join(", ", sources));
        }
        return Link.unknown(iface, String.join(", ", sources));
    }

    /** Three independent marks, so a placeholder file in an otherwise empty directory never decides alone. */
    private boolean isWifi(String iface) {
        Path dir = root.resolve("sys/class/net").resolve(iface);
        return Files.isDirectory(dir.resolve("wireless")) || Files.exists(dir.resolve("phy80211"))
                || sys(iface, "uevent").map(u -> u.lines().anyMatch("DEVTYPE=wlan"::equals)).orElse(false);
    }

    private Link wifi(String iface, Set<String> sources) {
        double signal = Double.NaN;
        Optional<Double> wext = read("proc/net/wireless").flatMap(t -> WirelessParsers.wextLevel(t, iface));
        if (wext.isPresent()) {
            signal = wext.get();
            sources.add("/proc/net/wireless");
        }
        double freq = Double.NaN;
        double rate = Double.NaN;
        Optional<String> iw = iwLink(iface);
        if (iw.isPresent()) {
            WirelessParsers.IwLink l = WirelessParsers.iwLink(iw.get());
            freq = l.freqMhz();
            rate = l.rateMbps();
            // iw reads the station now; /proc/net/wireless is the older, coarser interface.
            if (!Double.isNaN(l.signalDbm())) signal = l.signalDbm();
            sources.add("iw");
        }
        return new Link(iface, Link.Kind.WIFI, freq, Link.Band.of(freq), signal, rate, String.join(", ", sources));
    }

    /** A runner that breaks its contract and throws costs the iw facts only, not what sysfs already told. */
    private Optional<String> iwLink(String iface) {
        try {
            return runner.run(List.of(iwProgram(), "dev", iface, "link"), IW_TIMEOUT);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private double wiredSpeed(String iface) {
        // -1 (or 2^32-1 on old kernels) means "not negotiated"; virtio and many VMs report it.
        return sys(iface, "speed").flatMap(LinkInspector::parseLong).filter(s -> s > 0 && s < 10_000_000)
                .map(Long::doubleValue).orElse(Double.NaN);
    }

    /** Debian and others keep {@code iw} in sbin, which is not on an ordinary user's PATH. */
    private static String iwProgram() {
        for (String p : List.of("/usr/sbin/iw", "/sbin/iw", "/usr/bin/iw", "/bin/iw")) {
            if (Files.isExecutable(Path.of(p))) return p;
        }
        return "iw";
    }

    private Optional<String> sys(String iface, String attribute) {
        return read("sys/class/net/" + iface + "/" + attribute).map(String::trim);
    }

    /** A file under the root; empty when missing or unreadable (sysfs answers EINVAL for e.g. the speed of a down link). */
    private Optional<String> read(String relative) {
        Path p = root.resolve(relative);
        if (!Files.isRegularFile(p)) return Optional.empty();
        try (InputStream in = Files.newInputStream(p)) {
            // Decoding replaces bad bytes rather than throwing: a garbled file still yields its readable lines.
            return Optional.of(new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Not Linux: the JDK can name the interface of the default route, but not what it is. */
    private static Link inspectJdk() {
        String source = "java.net.NetworkInterface";
        try {
            NetworkInterface routed = routedInterface();
            if (routed != null && routed.isUp() && !routed.isLoopback()) return Link.unknown(routed.getName(), source);
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (ni.isUp() && !ni.isLoopback() && !ni.isVirtual() && ni.getInetAddresses().hasMoreElements()) {
                    return Link.unknown(ni.getName(), source);
                }
            }
            return Link.none(source + ": no interface up (no network)");
        } catch (SocketException | RuntimeException e) {
            return Link.unknown(null, source + " unavailable");
        }
    }

    /**
     * Connecting a UDP socket sends nothing; it only makes the system choose the route, whose local address names the
     * interface. The destinations are documentation addresses (RFC 5737, RFC 3849), so no real host is implied.
     */
    private static NetworkInterface routedInterface() {
        for (byte[] dest : List.of(new byte[]{(byte) 192, 0, 2, 1},
                new byte[]{0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})) {
            try (DatagramSocket s = new DatagramSocket()) {
                s.connect(InetAddress.getByAddress(dest), 9);
                InetAddress local = s.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    NetworkInterface ni = NetworkInterface.getByInetAddress(local);
                    if (ni != null) return ni;
                }
            } catch (IOException | RuntimeException e) {
                // unreachable in this family: try the next
            }
        }
        return null;
    }

    static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean validIface(String name) {
        return IFACE_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..") && !name.equals("*")
                && !name.equals("lo");
    }

    /** A default route candidate; a lower rank wins. */
    record Route(String iface, long rank) {
    }

    /** The kernel's routing-table files, reduced to the routes that reach the internet. */
    static final class RouteTables {
        private RouteTables() {
        }

        /**
         * {@code /proc/net/route}: addresses are hex in host byte order (little-endian on PCs), flags hex, metric decimal
         * (the kernel prints it with %d). OpenVPN's redirect-gateway def1 leaves 0.0.0.0/0 alone and adds 0.0.0.0/1 plus
         * 128.0.0.0/1; being longer, those two win, so an interface holding both is ranked before any plain default.
         */
        static List<Route> ipv4Defaults(String text) {
            List<Route> defaults = new ArrayList<>();
            List<String> lowHalf = new ArrayList<>();
            List<String> highHalf = new ArrayList<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 8 || f[0].equals("Iface") || !validIface(f[0])) continue;
                try {
                    long dest = Long.parseLong(f[1], 16);
                    int flags = Integer.parseInt(f[3], 16);
                    long metric = Long.parseLong(f[6]);
                    long mask = Long.parseLong(f[7], 16);
                    if ((flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0) continue;
                    if (dest == 0 && mask == 0) defaults.add(new Route(f[0], metric));
                    // 128.0.0.0 reads 00000080 on little-endian hosts, 80000000 on big-endian ones
                    boolean slashOne = mask == 0x80L || mask == 0x80000000L;
                    if (slashOne && dest == 0) lowHalf.add(f[0]);
                    if (slashOne && dest == mask) highHalf.add(f[0]);
                } catch (NumberFormatException e) {
                    // a garbled row: the others may still be good
                }
            }
            List<Route> ranked = new ArrayList<>();
            lowHalf.stream().filter(highHalf::contains).distinct().forEach(i -> ranked.add(new Route(i,
                    Long.MIN_VALUE)));
            defaults.sort(Comparator.comparingLong(Route::rank)); // stable: file order breaks ties, as the kernel does
            ranked.addAll(defaults);
            return ranked;
        }

        /** {@code /proc/net/ipv6_route}: dest, dest prefix, src, src prefix, next hop, metric, refcnt, use, flags, device (hex). */
        static List<Route> ipv6Defaults(String text) {
            List<Route> defaults = new ArrayList<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !validIface(f[9])) continue;
                try {
                    boolean anyDest = f[0].chars().allMatch(c -> c == '0') && Integer.parseInt(f[1], 16) == 0;
                    long metric = Long.parseLong(f[5], 16);
                    long flags = Long.parseLong(f[8], 16);
                    if (anyDest && (flags & RTF_UP) != 0 && (flags & RTF_REJECT) == 0) {
                        defaults.add(new Route(f[9], metric));
                    }
                } catch (NumberFormatException e) {
                    // a garbled row
                }
            }
            defaults.sort(Comparator.comparingLong(Route::rank));
            return defaults;
        }
    }

    /** The two Wi-Fi reports: the wireless-extensions table and {@code iw dev <if> link}. */
    static final class WirelessParsers {
        private static final Pattern FREQ = Pattern.compile("(?m)^\\s*freq:\\s*([0-9]+(?:\\.[0-9]+)?)");
        private static final Pattern SIGNAL = Pattern.compile("(?m)^\\s*signal:\\s*(-?[0-9]+(?:\\.[0-9]+)?)");
        private static final Pattern TX = Pattern.compile("(?mi)^\\s*tx bitrate:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*MBit/s");
        private static final Pattern RX = Pattern.compile("(?mi)^\\s*rx bitrate:\\s*([0-9]+(?:\\.[0-9]+)?)\\s*MBit/s");

        private WirelessParsers() {
        }

        record IwLink(double freqMhz, double signalDbm, double rateMbps) {
        }

        /**
         * Keyed lines, not line numbers: iw versions add and reorder lines, print {@code freq: 5180.0} since 5.x and
         * per-chain values after the signal. "Not connected." yields all NaN.
         */
        static IwLink iwLink(String text) {
            double tx = number(TX, text);
            return new IwLink(number(FREQ, text), number(SIGNAL, text), Double.isNaN(tx) ? number(RX, text) : tx);
        }

        /**
         * The {@code level} column of {@code /proc/net/wireless} (two header lines, then {@code "  wlan0: 0000   43.  -67.
         * -256 ..."}; a trailing dot marks a fresh value). Only negative values are dBm: drivers without dBm report a
         * relative 0..100 there.
         */
        static Optional<Double> wextLevel(String text, String iface) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                if (colon < 0 || !line.substring(0, colon).trim().equals(iface)) continue;
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                if (f.length < 3) return Optional.empty();
                try {
                    double level = Double.parseDouble(f[2].replaceAll("\\.$", ""));
                    return level < 0 && level > -150 ? Optional.of(level) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        private static double number(Pattern p, String text) {
            Matcher m = p.matcher(text);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }
    }
}
