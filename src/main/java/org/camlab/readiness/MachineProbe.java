package org.camlab.readiness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cores, memory and how busy other programs keep the processor: /proc on Linux, the JDK elsewhere. */
public final class MachineProbe {
    private final Path root;

    /** @param root prepended to /proc paths: "/" in use, a fixture directory in tests */
    public MachineProbe(Path root) {
        this.root = root;
    }

    public static MachineProbe system() {
        return new MachineProbe(Path.of("/"));
    }

    /** Samples the processor's load over {@code sampleMillis} while camlab itself sleeps: what is left is other programs'. */
    public Machine measure(long sampleMillis) {
        int logical = Runtime.getRuntime().availableProcessors();
        String cpu = null;
        int physical = logical;
        List<String> cpuinfo = lines("proc/cpuinfo");
        Set<String> cores = new HashSet<>();
        String physicalId = "0";
        for (String line : cpuinfo) {
            String[] kv = line.split(":", 2);
            if (kv.length < 2) {
                continue;
            }
            String key = kv[0].trim();
            String value = kv[1].trim();
            if (key.equals("model name") && cpu == null) {
                cpu = value;
            } else if (key.equals("physical id")) {
                physicalId = value;
            } else if (key.equals("core id")) {
                cores.add(physicalId + ":" + value);
            }
        }
        if (!cores.isEmpty()) {
            physical = Math.min(logical, cores.size());
        }
        double memoryGb = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long bytes = os.getTotalMemorySize();
            if (bytes > 0) {
                memoryGb = bytes / (1024.0 * 1024 * 1024);
            }
        }
        return new Machine(physical, logical, memoryGb, busyPct(sampleMillis), cpu);
    }

    private double busyPct(long sampleMillis) {
        long[] before = cpuTimes();
        long ownBefore = ownTicks();
        if (before == null) {
            return jdkLoad(sampleMillis);
        }
        sleep(sampleMillis);
        long[] after = cpuTimes();
        long ownAfter = ownTicks();
        if (after == null) {
            return Double.NaN;
        }
        long total = after[0] - before[0];
        long idle = after[1] - before[1];
        // during the live check camlab itself analyses frames: its own ticks are not "other programs"
        long own = ownBefore >= 0 && ownAfter >= ownBefore ? ownAfter - ownBefore : 0;
        return total <= 0 ? Double.NaN : Math.max(0, 100.0 * (total - idle - own) / total);
    }

    /** This process's user + system clock ticks (the unit of /proc/stat), or -1. */
    private long ownTicks() {
        List<String> stat = lines("proc/self/stat");
        if (stat.isEmpty()) {
            return -1;
        }
        String line = stat.get(0);
        int close = line.lastIndexOf(')'); // the command name may hold spaces
        if (close < 0) {
            return -1;
        }
        String[] f = line.substring(close + 2).split("\\s+");
        try {
            // fields 14 and 15 of proc(5), counted from the state field (3) after the name
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** {total, idle + iowait} jiffies from the first line of /proc/stat, or null. */
    private long[] cpuTimes() {
        List<String> stat = lines("proc/stat");
        if (stat.isEmpty() || !stat.get(0).startsWith("cpu ")) {
            return null;
        }
        String[] f = stat.get(0).trim().split("\\s+");
        long total = 0;
        long idle = 0;
        try {
            // user nice system idle iowait irq softirq steal (guest time is already in user)
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i == 4 || i == 5) {
                    idle += v;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new long[]{total, idle};
    }

    private static double jdkLoad(long sampleMillis) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            os.getCpuLoad(); // the first reading is often 0: it starts the interval
            sleep(sampleMillis);
            double load = os.getCpuLoad();
            return load >= 0 ? 100 * load : Double.NaN;
        }
        return Double.NaN;
    }

    private List<String> lines(String relative) {
        try {
            return Files.readAllLines(root.resolve(relative));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
