package org.camlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camlab.live.XvfbServer;
import org.junit.jupiter.api.Test;

/**
 * The .deb as a person on a machine without Java uses it: installed with dpkg, run with no JDK on
 * PATH (its own runtime), the desktop entry's window opened under a real X server, then removed —
 * everything it installed goes, nothing of the user's. Needs root (dpkg), as CI and `.ci/run` are.
 */
class DebPackageIT {
    @Test
    void installRunRemove() throws Exception {
        // dpkg needs root: CI and .ci/run are root, so there it always runs; a developer's own account skips it
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "installing a .deb needs root: run the dist tests as root (CI does)");
        Path deb = Dist.deb();
        Path work = Files.createTempDirectory("camlab-deb");
        Proc.run(work, null, 120, "dpkg", "--purge", "camlab"); // a leftover from an earlier run
        Proc install = Proc.run(work, null, 300, "dpkg", "-i", deb.toString());
        assertEquals(0, install.exit(), install.toString());
        try {
            Proc files = Proc.run(work, null, 60, "dpkg", "-L", "camlab");
            List<String> installed = files.out().lines().filter(l -> l.startsWith("/") && !l.equals("/.")).toList();
            // what the package brought (files, links, its own directories), not the system's directories it shares
            List<String> brought = installed.stream().filter(f -> f.startsWith("/opt/camlab")
                    || !Files.isDirectory(Path.of(f), LinkOption.NOFOLLOW_LINKS)
                    || f.equals("/usr/share/doc/camlab")).toList();
            assertTrue(installed.contains("/usr/bin/camlab") && installed.contains("/opt/camlab/runtime/bin/java")
                    && installed.contains("/usr/share/applications/camlab-check.desktop")
                    && installed.contains("/usr/lib/systemd/system/camlab-survey@.service")
                    && installed.contains("/usr/share/doc/camlab/survey.conf.example"), files.out());
            // the survey's service unit as installed, read by systemd with /usr/bin/camlab in place
            Proc unit = Proc.run(work, null, 60, "systemd-analyze", "verify", "camlab-survey@hq.service");
            assertEquals(0, unit.exit(), unit.toString());

            // a PATH with the command and the few tools its launcher uses, and no Java
            Path home = Files.createDirectories(work.resolve("home"));
            Path bin = Files.createDirectories(work.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("camlab"), Path.of("/usr/bin/camlab"));
            for (String tool : new String[]{"dirname", "readlink", "sed", "head", "uname", "cut", "mkdir", "cksum",
                    "grep", "locale"}) {
                if (Files.exists(Path.of("/usr/bin", tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
                }
            }
            Map<String, String> env = Dist.env(home, bin.toString());
            assertFalse(Files.exists(bin.resolve("java")));

            Proc version = Proc.run(home, env, 60, "/bin/sh", "-c", "command -v java || camlab --version");
            assertEquals(0, version.exit(), version.toString());
            assertTrue(version.out().startsWith("camlab ") && version.out().contains("(/opt/camlab/runtime)"), version
                    .toString());

            Proc demo = Proc.run(home, env, 300, "camlab", "demo");
            assertEquals(0, demo.exit(), demo.toString());
            assertTrue(demo.out().contains("Score"), demo.toString());
            assertTrue(demo.err().lines().noneMatch(l -> l.contains("WARNING")), "no JVM warnings: " + demo);

            Proc check = Proc.run(home, env, 300, "camlab", "check", "--demo", "--duration", "5s", "--json");
            assertEquals(0, check.exit(), check.toString());
            String json = check.out().strip();
            assertTrue(json.startsWith("{\"schema\":\"camlab.report/1\"") && json.endsWith("}"), check.toString());

            // the desktop entry: its Exec line, run as the desktop would, opens the window on the demo
            String entry = Files.readString(Path.of("/usr/share/applications/camlab-check.desktop"));
            String exec = entry.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow().substring(5);
            assertEquals("/opt/camlab/bin/camlab check --gui --or-demo", exec);
            try (var x = XvfbServer.start()) {
                Map<String, String> desktop = Dist.env(home, bin.toString());
                desktop.put("DISPLAY", x.display());
                Path shot = home.resolve("window.png");
                List<String> cmd = new ArrayList<>(List.of(exec.split(" ")));
                cmd.addAll(List.of("--duration", "4s", "--window-shot", shot.toString(), "--no-view"));
                Proc window = Proc.run(home, desktop, 300, cmd);
                assertEquals(0, window.exit(), window.toString());
                assertTrue(window.err().contains("no camera found on this machine: checking the demo scene instead"),
                        window.toString());
                assertTrue(Files.size(shot) > 10_000, "the window was drawn");
            }
            Path userCache = home.resolve(".cache/camlab");
            assertTrue(Files.isDirectory(userCache.resolve("javacpp")));

            Proc remove = Proc.run(work, null, 300, "dpkg", "--purge", "camlab");
            assertEquals(0, remove.exit(), remove.toString());
            assertTrue(brought.size() > 100, brought.size() + " files");
            for (String f : brought) {
                assertFalse(Files.exists(Path.of(f), LinkOption.NOFOLLOW_LINKS), f + " left after removal");
            }
            assertFalse(Files.exists(Path.of("/opt/camlab")));
            assertTrue(Files.isDirectory(userCache.resolve("javacpp")), "the user's cache is theirs: kept");
        } finally {
            Proc.run(work, null, 120, "dpkg", "--purge", "camlab");
        }
    }
}
