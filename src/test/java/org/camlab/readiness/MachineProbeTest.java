package org.camlab.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineProbeTest {
    static final String CPUINFO = """
            processor\t: 0
            model name\t: Test CPU @ 2.0GHz
            physical id\t: 0
            core id\t\t: 0

            processor\t: 1
            model name\t: Test CPU @ 2.0GHz
            physical id\t: 0
            core id\t\t: 0

            processor\t: 2
            model name\t: Test CPU @ 2.0GHz
            physical id\t: 0
            core id\t\t: 1

            processor\t: 3
            model name\t: Test CPU @ 2.0GHz
            physical id\t: 0
            core id\t\t: 1
            """;

    /** Other programs' load is the share of non-idle jiffies between two readings of /proc/stat. */
    @Test
    void busyShareAndPhysicalCoresFromProc(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/cpuinfo"), CPUINFO);
        Path stat = root.resolve("proc/stat");
        Files.writeString(stat, "cpu  1000 0 500 8000 500 0 0 0 0 0\ncpu0 1 2 3 4\n");
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(100);
                // +300 user, +100 system, +550 idle, +50 iowait: 400 of 1000 busy
                Files.writeString(stat, "cpu  1300 0 600 8550 550 0 0 0 0 0\n");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        later.start();
        Machine m = new MachineProbe(root).measure(400);
        later.join();
        assertEquals(40.0, m.busyPct(), 1e-9);
        assertEquals("Test CPU @ 2.0GHz", m.cpu());
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), m.physicalCores());
    }

    @Test
    void withoutProcTheJdkStillAnswers(@TempDir Path empty) {
        Machine m = new MachineProbe(empty).measure(200);
        assertTrue(m.logicalCores() >= 1);
        assertTrue(Double.isNaN(m.busyPct()) || (m.busyPct() >= 0 && m.busyPct() <= 100), m.toString());
    }
}
