package io.nestedge.commissioning.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Profiling aid for the benchmark: CPU time spent on the bed's devices and by this JVM. The
 * devices' sshd listeners (and so every session, sudo, shell and tool they start) and their emulator
 * daemons are moved into two cgroups (v1 {@code cpuacct}, else v2) whose CPU counters are read; a
 * process that outlives its session stays counted. Without cgroups the sshd listeners' children
 * times from /proc are used (missing processes orphaned before they were waited for). Clean up with
 * {@link #close()} once the bed is down.
 */
final class BedCpu implements AutoCloseable {
    private final Path devices;
    private final Path daemons;
    private final TestbedSheet sheet;

    private BedCpu(TestbedSheet sheet, Path devices, Path daemons) {
        this.sheet = sheet;
        this.devices = devices;
        this.daemons = daemons;
    }

    /** A CPU reading. @param deviceMs devices' tools, ms @param daemonMs emulator daemons, ms @param engineMs this JVM, ms */
    record Reading(long deviceMs, long daemonMs, long engineMs, String method) {
        Reading minus(Reading before) {
            return new Reading(deviceMs - before.deviceMs, daemonMs - before.daemonMs, engineMs - before.engineMs, method);
        }

        /** One paragraph: CPU per side, per device, and the floor it sets on this machine. */
        String describe(Duration wall, int devices) {
            int cores = Runtime.getRuntime().availableProcessors();
            long all = deviceMs + daemonMs + engineMs;
            return String.format(Locale.ROOT, "CPU (%s): devices %d ms (%d ms per device: sshd, sudo, shells, tools),"
                    + " emulator daemons %d ms (%d per device), engine JVM %d ms; in all %d ms on %d cores = a floor of"
                    + " %d ms wall for this run (took %d ms)", method, deviceMs, deviceMs / devices, daemonMs,
                    daemonMs / devices, engineMs, all, cores, all / cores, wall.toMillis());
        }
    }

    /** Starts tracking a freshly started bed (before any session). */
    static BedCpu track(TestbedSheet sheet) {
        String name = "nestedge-bench-" + ProcessHandle.current().pid();
        for (Path root : new Path[] {Path.of("/sys/fs/cgroup/cpuacct"), Path.of("/sys/fs/cgroup/unified"), Path.of("/sys/fs/cgroup")}) {
            boolean v1 = Files.exists(root.resolve("cpuacct.usage"));
            boolean v2 = Files.exists(root.resolve("cgroup.procs")) && Files.exists(root.resolve("cgroup.controllers"));
            if (!v1 && !v2) {
                continue;
            }
            try {
                Path dev = Files.createDirectories(root.resolve(name + "-devices"));
                Path dae = Files.createDirectories(root.resolve(name + "-daemons"));
                for (TestbedSheet.Device d : sheet.devices()) {
                    Files.writeString(dev.resolve("cgroup.procs"), Long.toString(d.sshdPid()));
                    if (d.emulatorDaemonPid() != null) {
                        Files.writeString(dae.resolve("cgroup.procs"), d.emulatorDaemonPid().toString());
                    }
                }
                return new BedCpu(sheet, dev, dae);
            } catch (IOException | RuntimeException e) {
                // try the next hierarchy
            }
        }
        return new BedCpu(sheet, null, null);
    }

    /** Reads the current totals. */
    Reading read() {
        try {
            Thread.sleep(500);   // let closed sessions finish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long engine = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
        if (devices != null) {
            return new Reading(cgroupMs(devices), cgroupMs(daemons), engine, "cgroup");
        }
        long dev = 0;
        long daemon = 0;
        for (TestbedSheet.Device d : sheet.devices()) {
            dev += ticks(d.sshdPid());
            if (d.emulatorDaemonPid() != null) {
                daemon += ticks(d.emulatorDaemonPid());
            }
        }
        return new Reading(dev * 10, daemon * 10, engine, "/proc, orphans not counted");
    }

    private static long cgroupMs(Path g) {
        try {
            if (Files.exists(g.resolve("cpuacct.usage"))) {
                return Long.parseLong(Files.readString(g.resolve("cpuacct.usage")).strip()) / 1_000_000;
            }
            for (String l : Files.readAllLines(g.resolve("cpu.stat"))) {
                if (l.startsWith("usage_usec ")) {
                    return Long.parseLong(l.substring(11).strip()) / 1000;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: 0
        }
        return 0;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": utime=11 stime=12 cutime=13 cstime=14 (clock ticks, 100 per second)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Removes the cgroups (once the bed is down and they are empty). */
    @Override
    public void close() {
        for (Path g : new Path[] {devices, daemons}) {
            if (g != null) {
                try {
                    Files.deleteIfExists(g);
                } catch (IOException e) {
                    // still has processes: left for the next boot
                }
            }
        }
    }
}
