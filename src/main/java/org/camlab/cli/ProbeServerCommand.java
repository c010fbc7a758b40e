package org.camlab.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.camlab.exit.CamlabException;
import org.camlab.exit.ExitCode;
import org.camlab.readiness.probe.ProbeServer;
import org.camlab.session.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "probe-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = {
                "Answer the network probes of 'camlab readiness --target': run it on a machine at the far end of "
                        + "the path to measure (one per site or office), and readiness measures the round trip, jitter and loss "
                        + "to it at a video call's bitrates. It listens on UDP (the probes) and TCP (a connect-time fallback "
                        + "where UDP is blocked) on the same port.", "",
                "It only echoes probe headers: a reply is never larger than its probe, each address (an IPv6 /64) "
                        + "gets at most --rate packets a second whatever its ports, and when --max-clients addresses "
                        + "are tracked a new one takes the place of the one seen least recently, so no set of sources "
                        + "can lock a client out. A probe it does not answer is dropped and counted; a notice of why "
                        + "(busy, over the rate, token, clock, version: smaller than any probe, at most four a second "
                        + "per address) lets readiness tell that apart from a blocked path. It reads nothing from TCP "
                        + "connections (they are closed at once), stores nothing and runs nothing.", "",
                "Reachable from the Internet, it should have a token (--token-file): then a probe's MAC is checked "
                        + "before anything is counted against its address, and a replayed probe, or one whose clock "
                        + "is more than 30 s from this machine's, is refused. In front of it, a firewall should limit "
                        + "UDP to its port per source (see the README).", ""},
        footer = {"",
                "Examples:  camlab probe-server                    this machine only, port " + ProbeServer.DEFAULT_PORT,
                "           camlab probe-server --bind 0.0.0.0 --token-file /etc/camlab/probe.token",
                "           camlab readiness --target probe.site-b.example     (from another machine)"})
public final class ProbeServerCommand extends CamlabCommand {
    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "The address to listen "
            + "on (default: ${DEFAULT-VALUE}, this machine only). 0.0.0.0 (or ::) exposes it on every network of the "
            + "machine: to be probed from elsewhere; consider --token-file then.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ProbeServer.DEFAULT_PORT, description = "The UDP "
            + "and TCP port (default: ${DEFAULT-VALUE}; 0: any free port, printed).")
    int port;

    @Mixin
    TokenOption token = new TokenOption();

    @Option(names = "--max-clients", paramLabel = "N", defaultValue = "" + ProbeServer.DEFAULT_MAX_CLIENTS,
            description = "Addresses (IPv6: /64 prefixes) tracked at once (default: ${DEFAULT-VALUE}); beyond, the one "
                    + "seen least recently is forgotten, and one silent for 30 s is.")
    int maxClients;

    @Option(names = "--rate", paramLabel = "PPS", defaultValue = "2000", description = "Probes a second answered per "
            + "address (default: ${DEFAULT-VALUE}; a 3.5 Mbit/s probe stream is about 365).")
    int rate;

    @Option(names = "--for", paramLabel = "TIME", converter = TimeConverter.class, description = "Stop after this long "
            + "(30s, 10m, 8h); default: until Ctrl-C.")
    Long forMicros;

    /** Test mode: drop this share of the valid probes (a path with known loss). */
    @Option(names = "--drop", hidden = true, defaultValue = "0")
    double drop;

    /** Test mode: hold every reply back this long (a path with known latency). */
    @Option(names = "--delay", hidden = true, defaultValue = "0")
    long delayMillis;

    /** Test mode: the seed of --drop's choices. */
    @Option(names = "--seed", hidden = true, defaultValue = "1")
    long seed;

    @Override
    public Integer call() {
        long stopAfter = forMicros == null ? 0 : forMicros;
        within("--rate", rate, 1, 1_000_000);
        within("--max-clients", maxClients, 1, 100_000);
        within("--delay", delayMillis, 0, 10_000);
        if (!(drop >= 0 && drop < 1)) {
            throw badArgument("--drop must be at least 0 and less than 1, not " + drop);
        }
        ProbeServer.Options options;
        try {
            options = new ProbeServer.Options(new InetSocketAddress(address(), checkedPort()), token.secret(),
                    maxClients,
                    rate, drop, delayMillis, seed);
        } catch (IllegalArgumentException e) {
            throw badArgument(e.getMessage());
        }
        StopSignal stop = new StopSignal();
        if (Main.ownsProcess()) {
            Interrupts.route(stop);
        }
        long started = System.nanoTime();
        try (ProbeServer server = ProbeServer.start(options)) {
            out().println(listening(server));
            out().flush();
            long until = stopAfter > 0 ? started + stopAfter * 1000 : Long.MAX_VALUE;
            while (!stop.stopped() && (stopAfter <= 0 || System.nanoTime() - until < 0) && server.isRunning()) {
                LockSupport.parkNanos(50_000_000L);
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            boolean broke = !server.isRunning();
            server.close();
            out().println(counts(server.stats(), (System.nanoTime() - started) / 1e9));
            out().flush();
            if (broke) {
                throw new CamlabException(ExitCode.SOURCE, "the probe server's socket broke; it stopped answering");
            }
        } catch (IOException e) {
            throw new CamlabException(ExitCode.SOURCE, "cannot listen on " + where(options.bind().getAddress(),
                    options.bind().getPort()) + ": " + (e.getMessage() != null ? e.getMessage().toLowerCase(Locale.ROOT)
                            : e.getClass().getSimpleName()));
        }
        return ExitCodes.OK; // or an interrupt's code: Main decides
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind.trim());
        } catch (UnknownHostException | SecurityException e) {
            throw badArgument("--bind: not an address of this machine: '" + bind + "'");
        }
    }

    private void within(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw badArgument(option + " must be " + min + " to " + max + ", not " + value);
        }
    }

    private int checkedPort() {
        if (port < 0 || port > 65_535) {
            throw badArgument("--port must be 0 to 65535, not " + port);
        }
        return port;
    }

    private static String listening(ProbeServer server) {
        ProbeServer.Options o = server.options();
        InetSocketAddress at = server.boundAddress();
        StringBuilder s = new StringBuilder("camlab probe-server listening on ")
                .append(server.listensOn()).append(" (UDP probes, TCP connect)");
        s.append(o.token() != null ? ", token required" : ", no token");
        s.append(String.format(Locale.ROOT, ", %d probes/s per address, %d addresses tracked, receive buffer %d KiB",
                o.packetsPerSecondPerClient(), o.maxClients(), server.receiveBufferBytes() / 1024));
        if (o.dropShare() > 0 || o.addedDelayMillis() > 0) {
            s.append(String.format(Locale.ROOT, "; TEST MODE: dropping %.1f %% of probes, replies %d ms late",
                    o.dropShare() * 100, o.addedDelayMillis()));
        }
        return s.toString();
    }

    private static String counts(ProbeServer.Stats st, double seconds) {
        String s = String.format(Locale.ROOT, "camlab probe-server stopped after %.1f s: %d probes answered, %d TCP "
                + "connects; dropped %d garbage, %d over the rate, %d with a wrong or no token, %d replayed, "
                + "%d off the clock, %d busy, %d of another protocol version; %d notices sent", seconds,
                st.answered(), st.tcpConnects(), st.droppedGarbage(), st.droppedRate(), st.droppedToken(),
                st.droppedReplay(), st.droppedClock(), st.droppedBusy(), st.droppedVersion(), st.notices());
        if (st.droppedTest() > 0) {
            s += ", " + st.droppedTest() + " by the test mode";
        }
        if (st.droppedUnsent() > 0) {
            s += ", " + st.droppedUnsent() + " replies unsent";
        }
        return s;
    }

    private static String where(InetAddress a, int port) {
        String host = a.getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
