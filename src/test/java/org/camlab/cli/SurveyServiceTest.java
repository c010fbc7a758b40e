package org.camlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camlab.cli.SurveyWorkersTest.Worker;
import org.camlab.demo.DemoCache;
import org.camlab.rooms.RoomStore;
import org.camlab.rooms.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey as a systemd service ({@code dist/linux/camlab-survey@.service}, installed by the .deb):
 * the unit as systemd reads it ({@code systemd-analyze verify}), and its command run as systemd runs
 * it — the configuration's arguments split into words, the password from the pgpass credential and
 * not from the command line — then stopped with SIGTERM as {@code systemctl stop} does: exit 143
 * (the unit's SuccessExitStatus), everything measured kept, no stack trace.
 */
@Timeout(300)
class SurveyServiceTest {
    static final Path UNIT = Path.of("dist/linux/camlab-survey@.service");
    static final Path EXAMPLE = Path.of("dist/linux/survey.conf.example");

    @Test
    void theUnitIsOneSystemdReadsWithoutComplaint(@TempDir Path dir) throws Exception {
        // verify insists that ExecStart's program exists: the checkout's launcher stands in for /usr/bin/camlab
        String unit = Files.readString(UNIT).replace("/usr/bin/camlab", Path.of("bin/camlab").toAbsolutePath()
                .toString());
        Path copy = dir.resolve("camlab-survey@.service");
        Files.writeString(copy, unit);
        Process p = new ProcessBuilder("systemd-analyze", "verify", dir.resolve("camlab-survey@hq.service")
                .toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("Unknown") || out.contains("Invalid") || out.contains("Failed"), out);
        assertTrue(unit.contains("SuccessExitStatus=143") && unit.contains("Restart=on-failure"), unit);
    }

    @Test
    void itsCommandSurveysWithThePasswordFromTheCredentialAndEndsCleanlyOnSigterm(@TempDir Path dir)
            throws Exception {
        String db = TestDatabases.fresh("postgresql", dir);
        var add = CliRunner.run("rooms", "add", "Board room", "--source", DemoCache.get().toString(), "--db", db);
        assertEquals(0, add.exit(), add.err());
        String withoutPassword = db.replaceAll("&password=[^&]*", "");
        assertFalse(withoutPassword.contains("password"), withoutPassword);

        // systemd's credential directory (%d) holding the pgpass file; the database's password only there
        Path credentials = Files.createDirectories(dir.resolve("credentials"));
        Path pgpass = credentials.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:55432:camlab_test:camlab:camlab\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = environment(Files.readString(UNIT), credentials, dir.resolve("cache"));
        assertEquals(pgpass.toString(), env.get("PGPASSFILE"));

        // ExecStart's words after the program, the example configuration's $CAMLAB_SURVEY split into words
        // as systemd splits an unquoted variable
        String conf = Files.readAllLines(EXAMPLE).stream().filter(l -> l.startsWith("CAMLAB_SURVEY=")).findFirst()
                .orElseThrow().substring("CAMLAB_SURVEY=".length());
        String exec = Files.readAllLines(UNIT).stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow().substring("ExecStart=".length());
        List<String> args = new ArrayList<>();
        for (String word : exec.trim().split("\\s+")) {
            args.addAll(word.equals("$CAMLAB_SURVEY") ? Arrays.asList(conf.trim().split("\\s+")) : List.of(word));
        }
        assertEquals("/usr/bin/camlab", args.remove(0));
        args.set(args.indexOf("--db") + 1, withoutPassword);
        args.set(args.indexOf("--parallel") + 1, "1");
        args.addAll(List.of("--frames", "30", "--faces", "none"));
        assertTrue(args.containsAll(List.of("--all", "--for", "forever")), args.toString());

        ChildProcess child = new ChildProcess();
        env.forEach(child::env);
        Worker service = new Worker(child.start(args.toArray(String[]::new)));
        long deadline = System.currentTimeMillis() + 120_000;
        while (service.rows().isEmpty() && service.process.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, service.rows().size(), service.errText());
        // SIGTERM, as systemctl stop sends (Process.destroy would close the pipes the last lines come through)
        new ProcessBuilder("kill", "-TERM", Long.toString(service.process.pid())).inheritIO().start().waitFor();
        assertTrue(service.ended(30), "within the unit's TimeoutStopSec");
        assertEquals(143, service.process.exitValue(), service.errText());
        String err = service.errText();
        assertTrue(err.contains("1 measurement stored in "), err + "\nstdout: " + service.out);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
        try (RoomStore s = RoomStore.open(db)) {
            assertEquals(1, s.count("Board room", 0, Long.MAX_VALUE));
        }

        // without the credential the server refuses: one line, exit 3 (systemd restarts it after RestartSec)
        ChildProcess none = new ChildProcess().without("PGPASSFILE").env("PGPASSFILE", dir.resolve("absent")
                .toString());
        var refused = none.run(120, args.toArray(String[]::new));
        assertEquals(3, refused.exit(), refused.err());
        assertEquals(1, refused.errLines().size(), refused.err());
    }

    /** The unit's Environment= lines, with %d (credentials) and %C (cache) as systemd fills them. */
    static Map<String, String> environment(String unit, Path credentials, Path cache) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : unit.lines().toList()) {
            if (line.startsWith("Environment=")) {
                String kv = line.substring("Environment=".length()).replace("%d", credentials.toString()).replace(
                        "%C", cache.toString());
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return env;
    }
}
