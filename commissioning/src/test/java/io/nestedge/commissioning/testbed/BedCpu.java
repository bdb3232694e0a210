package io.nestedge.commissioning.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Profiling aid for the benchmark: CPU time spent on the bed's devices, by their emulator daemons
 * and by the controller (this JVM with everything it starts: the SSH engine's threads, or
 * ansible-playbook with its forks, ssh clients and ControlPersist masters). The devices' sshd
 * listeners (and so every session, sudo, shell and tool they start), the daemons and this JVM are
 * moved into three cgroups (v1 {@code cpuacct}, else v2) whose CPU counters are read; a process that
 * outlives its parent stays counted. Without cgroups, /proc times are used (missing processes
 * orphaned before they were waited for). Call {@link #close()} once the bed is down: it moves this
 * JVM back and removes the cgroups.
 */
final class BedCpu implements AutoCloseable {
    private final Path devices;
    private final Path daemons;
    private final Path controller;
    private final TestbedSheet sheet;

    private BedCpu(TestbedSheet sheet, Path devices, Path daemons, Path controller) {
        this.sheet = sheet;
        this.devices = devices;
        this.daemons = daemons;
        this.controller = controller;
    }

    /**
     * A CPU reading.
     *
     * @param deviceMs devices' tools, ms
     * @param daemonMs emulator daemons, ms
     * @param engineMs the controller: this JVM and its descendants, ms
     */
    record Reading(long deviceMs, long daemonMs, long engineMs, String method) {
        long all() {
            return deviceMs + daemonMs + engineMs;
        }

        Reading minus(Reading before) {
            return new Reading(deviceMs - before.deviceMs, daemonMs - before.daemonMs, engineMs - before.engineMs, method);
        }

        /** One paragraph: CPU per side, per device, and the floor it sets on this machine. */
        String describe(Duration wall, int devices) {
            int cores = Runtime.getRuntime().availableProcessors();
            long all = deviceMs + daemonMs + engineMs;
            return String.format(Locale.ROOT, "CPU (%s): devices %d ms (%d ms per device: sshd, sudo, shells, tools),"
                    + " emulator daemons %d ms (%d per device), controller %d ms; in all %d ms on %d cores = a floor of"
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
                Path ctl = Files.createDirectories(root.resolve(name + "-controller"));
                for (TestbedSheet.Device d : sheet.devices()) {
                    Files.writeString(dev.resolve("cgroup.procs"), Long.toString(d.sshdPid()));
                    if (d.emulatorDaemonPid() != null) {
                        Files.writeString(dae.resolve("cgroup.procs"), d.emulatorDaemonPid().toString());
                    }
                }
                Files.writeString(ctl.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
                return new BedCpu(sheet, dev, dae, ctl);
            } catch (IOException | RuntimeException e) {
                // try the next hierarchy
            }
        }
        return new BedCpu(sheet, null, null, null);
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
            return new Reading(cgroupMs(devices), cgroupMs(daemons), cgroupMs(controller), "cgroup");
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

    /** Moves this JVM back to the root cgroup and removes the cgroups (once the bed is down). */
    @Override
    public void close() {
        if (controller != null) {
            try {
                Files.writeString(controller.getParent().resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
            } catch (IOException e) {
                // stays in its cgroup until it exits
            }
        }
        for (Path g : new Path[] {devices, daemons, controller}) {
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
