package io.nestedge.commissioning.testbed;

import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Full commissioning of a generated plant of N IoT Edge devices ({@link SamplePlants#generate},
 * default N = 20: one top-layer gateway, L3 gateways, L2 devices) on the network-namespace test
 * bed, twice in one run, each on a fresh bed: with the SSH engine ({@code CommissioningService},
 * 8 devices at once) and with the exported Ansible playbook ({@code ansible-playbook}, forks = 8).
 * Prints both wall-clock times, their ratio (goal: the engine ≥ 10× faster) and the engine's
 * linear projection to 100 devices (goal ≤ 60 s). Also prints where the engine's time went (per
 * install step: count, mean, max, sum) and the resident memory of the devices' emulator daemons.
 * Needs root and the test bed's packages plus ansible-core. Run from {@code commissioning/} (see
 * docs/testbed.md, "Benchmark"): {@code java -cp "target/test-classes:target/classes:$(cat target/bench.deps)"
 * io.nestedge.commissioning.testbed.CommissioningBenchmark [N] [PARALLEL] [--engine-only]}; with
 * {@code --engine-only} the Ansible run is left out (e.g. N = 100 for the 60 s goal itself).
 */
public final class CommissioningBenchmark {
    private static final int PROJECTED = 100;
    private static final Duration PROJECTED_GOAL = Duration.ofSeconds(60);
    private static final double RATIO_GOAL = 10;
    /** Both beds' emulator daemons warm up before the runs (docs/testbed.md, "Emulator contract"). */
    private static final java.util.Map<String, String> WARM = java.util.Map.of("NESTEDGE_EMULATOR_DAEMON_WARMUP", "on");

    private CommissioningBenchmark() {
    }

    /**
     * @param args optional number of devices (1–250, default 20), engine parallelism (default 8),
     *     {@code --engine-only} to skip the Ansible run
     * @throws Exception if a bed cannot come up or a run fails
     */
    public static void main(String[] args) throws Exception {
        List<String> a = new java.util.ArrayList<>(List.of(args));
        boolean engineOnly = a.remove("--engine-only");
        int n = a.size() > 0 ? Integer.parseInt(a.get(0)) : 20;
        int parallel = a.size() > 1 ? Integer.parseInt(a.get(1)) : 8;
        if (n < 1 || n > 250) {
            throw new IllegalArgumentException("N must be 1..250 (the test bed's limit), not " + n);
        }
        Path work = Files.createDirectories(Path.of("target/commissioning-benchmark").toAbsolutePath());
        Plant plant = BedCommissioning.ecPki(SamplePlants.generate(n, 0));
        Path plantFile = work.resolve("plant.json");
        PlantFile.write(plant, plantFile);
        Path bundles = BedCommissioning.exportPlainBundles(plant, Files.createTempDirectory(work, "export-"));
        String cp = Testbed.emulatorClasspath();

        Duration engine;
        BedCpu.Reading engineCpu;
        BedCpu cpuTracker = null;
        try (Testbed bed = Testbed.up(SampleBed.SCRIPT, plantFile, work.resolve("bed"), cp, WARM);
                BedCommissioning c = BedCommissioning.connect(bed)) {
            System.out.printf("bed of %d devices up in %d ms%n%s", n, bed.bringUpTime().toMillis(), bed.bringUpLog());
            System.out.println(daemonMemory(bed.sheet()));
            StepTimes times = new StepTimes();
            cpuTracker = BedCpu.track(bed.sheet());
            BedCpu.Reading cpuBefore = cpuTracker.read();
            long t0 = System.nanoTime();
            times.markStart();
            RunReport r = c.service().commission(plant, bundles, new CommissioningService.Options(parallel,
                    Duration.ofSeconds(120), Files.createTempDirectory(work, "run-").resolve("journal.jsonl"), false, List.of(),
                    () -> null), times);
            engine = Duration.ofNanos(System.nanoTime() - t0);
            BedCpu.Reading cpu = cpuTracker.read().minus(cpuBefore);
            engineCpu = cpu;
            if (!r.allSucceeded()) {
                throw new IllegalStateException("the engine's run failed:\n" + BedCommissioning.explain(r));
            }
            System.out.printf("SSH engine: %d devices commissioned in %d ms%n", n, engine.toMillis());
            System.out.print(times.table());
            System.out.print(EmulatorLog.summary(bed.sheet()));
            System.out.println(cpu.describe(engine, n));
            System.out.println(deviceProcesses(bed.sheet()));
            System.out.println(daemonMemory(bed.sheet()));
        } finally {
            if (cpuTracker != null) {
                cpuTracker.close();   // after the bed is down (try-with-resources closed it)
            }
        }
        long projected = engine.toMillis() * PROJECTED / n;
        if (engineOnly) {
            System.out.printf("devices: %d (generated plant, all IoT Edge), engine parallelism %d%n", n, parallel);
            System.out.printf("SSH engine (CommissioningService): %d ms (%d ms per device)%n", engine.toMillis(),
                    engine.toMillis() / n);
            System.out.printf("projection for %d devices (linear): %d ms (goal <= %d ms) -> %s%n", PROJECTED, projected,
                    PROJECTED_GOAL.toMillis(), projected <= PROJECTED_GOAL.toMillis() ? "met" : "NOT met");
            return;
        }

        ProcessResult ansible;
        BedCpu.Reading ansibleCpu;
        BedCpu ansibleTracker = null;
        try (Testbed bed = Testbed.up(SampleBed.SCRIPT, plantFile, work.resolve("bed"), cp, WARM)) {
            Path dir = Files.createTempDirectory(work, "ansible-");
            AnsibleOnBed.export(plant, bundles, bed.sheet(), dir.resolve("ansible"));
            ansibleTracker = BedCpu.track(bed.sheet());
            BedCpu.Reading before = ansibleTracker.read();
            ansible = AnsibleOnBed.run(dir.resolve("ansible"), bed, Files.createDirectories(dir.resolve("run")),
                    Duration.ofMinutes(30));
            ansibleCpu = ansibleTracker.read().minus(before);
            if (!ansible.ok()) {
                throw new IllegalStateException("ansible-playbook failed: " + ansible.describe());
            }
            System.out.printf("Ansible playbook: %d devices commissioned in %d ms%n", n, ansible.elapsed().toMillis());
            System.out.print(EmulatorLog.summary(bed.sheet()));
            System.out.println(ansibleCpu.describe(ansible.elapsed(), n));
        } finally {
            if (ansibleTracker != null) {
                ansibleTracker.close();
            }
        }

        double ratio = ansible.elapsed().toMillis() / (double) engine.toMillis();
        double cpuRatio = ansibleCpu.all() / (double) Math.max(1, engineCpu.all());
        System.out.printf("devices: %d (generated plant, all IoT Edge), engine parallelism %d, Ansible forks 8%n", n, parallel);
        System.out.printf("SSH engine (CommissioningService): %d ms (%d ms per device)%n", engine.toMillis(),
                engine.toMillis() / n);
        System.out.printf("Ansible playbook:                  %d ms (%d ms per device)%n", ansible.elapsed().toMillis(),
                ansible.elapsed().toMillis() / n);
        System.out.printf("ratio Ansible / engine: %.2fx (goal >= %.0fx) -> %s%n", ratio, RATIO_GOAL,
                ratio >= RATIO_GOAL ? "met" : "NOT met");
        System.out.printf("CPU ratio Ansible / engine (controller + devices + emulator daemons): %.2fx (%d ms / %d ms;"
                + " independent of other load on the machine)%n", cpuRatio, ansibleCpu.all(), engineCpu.all());
        System.out.printf("projection for %d devices (linear): %d ms (goal <= %d ms) -> %s%n", PROJECTED, projected,
                PROJECTED_GOAL.toMillis(), projected <= PROJECTED_GOAL.toMillis() ? "met" : "NOT met");
    }

    /**
     * The resident memory of the bed's emulator daemons (VmRSS from /proc), or a note that the
     * launchers run without daemons.
     */
    static String daemonMemory(TestbedSheet sheet) {
        List<Long> rss = new java.util.ArrayList<>();
        for (TestbedSheet.Device d : sheet.devices()) {
            if (d.emulatorDaemonPid() == null) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(Path.of("/proc", d.emulatorDaemonPid().toString(), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss.add(Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (java.io.IOException e) {
                // gone: not counted
            }
        }
        if (rss.isEmpty()) {
            return "emulator daemons: none (every emulated command starts a JVM)";
        }
        long sum = rss.stream().mapToLong(Long::longValue).sum();
        return String.format(java.util.Locale.ROOT, "emulator daemons: %d, RSS per daemon mean %d MiB, max %d MiB, all %d MiB",
                rss.size(), sum / rss.size() / 1024, rss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024, sum / 1024);
    }

    /**
     * What runs on the devices once the run is over (by command name, summed over the bed): sshd
     * and the emulator daemons only, unless a session or a root shell was left behind.
     */
    static String deviceProcesses(TestbedSheet sheet) throws java.io.IOException {
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        for (TestbedSheet.Device d : sheet.devices()) {
            ProcessResult r = Processes.run(Duration.ofSeconds(10), "ip", "netns", "pids", d.namespace());
            for (String pid : r.stdout().split("\\s+")) {
                if (pid.isBlank()) {
                    continue;
                }
                try {
                    String comm = Files.readString(Path.of("/proc", pid, "comm")).strip();
                    count.merge(comm, 1, Integer::sum);
                } catch (java.io.IOException gone) {
                    // exited meanwhile
                }
            }
        }
        return "processes on the devices after the run: " + count;
    }
}
