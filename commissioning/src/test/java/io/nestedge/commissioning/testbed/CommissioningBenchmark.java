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
 * linear projection to 100 devices (goal ≤ 60 s). Needs root and the test bed's packages plus
 * ansible-core. Run from {@code commissioning/} (see docs/testbed.md, "Benchmark"):
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench.deps)"
 * io.nestedge.commissioning.testbed.CommissioningBenchmark [N] [PARALLEL]}.
 */
public final class CommissioningBenchmark {
    private static final int PROJECTED = 100;
    private static final Duration PROJECTED_GOAL = Duration.ofSeconds(60);
    private static final double RATIO_GOAL = 10;

    private CommissioningBenchmark() {
    }

    /**
     * @param args optional number of devices (1–63, default 20) and engine parallelism (default 8)
     * @throws Exception if a bed cannot come up or a run fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        if (n < 1 || n > 63) {
            throw new IllegalArgumentException("N must be 1..63 (the test bed's limit), not " + n);
        }
        Path work = Files.createDirectories(Path.of("target/commissioning-benchmark").toAbsolutePath());
        Plant plant = BedCommissioning.ecPki(SamplePlants.generate(n, 0));
        Path plantFile = work.resolve("plant.json");
        PlantFile.write(plant, plantFile);
        Path bundles = BedCommissioning.exportPlainBundles(plant, Files.createTempDirectory(work, "export-"));
        String cp = Testbed.emulatorClasspath();

        Duration engine;
        try (Testbed bed = Testbed.up(SampleBed.SCRIPT, plantFile, work.resolve("bed"), cp);
                BedCommissioning c = BedCommissioning.connect(bed)) {
            System.out.printf("bed of %d devices up in %d ms%n", n, bed.bringUpTime().toMillis());
            long t0 = System.nanoTime();
            RunReport r = c.service().commission(plant, bundles, new CommissioningService.Options(parallel,
                    Duration.ofSeconds(120), Files.createTempDirectory(work, "run-").resolve("journal.jsonl"), false, List.of(),
                    () -> null), null);
            engine = Duration.ofNanos(System.nanoTime() - t0);
            if (!r.allSucceeded()) {
                throw new IllegalStateException("the engine's run failed:\n" + BedCommissioning.explain(r));
            }
            System.out.printf("SSH engine: %d devices commissioned in %d ms%n", n, engine.toMillis());
        }

        ProcessResult ansible;
        try (Testbed bed = Testbed.up(SampleBed.SCRIPT, plantFile, work.resolve("bed"), cp)) {
            Path dir = Files.createTempDirectory(work, "ansible-");
            AnsibleOnBed.export(plant, bundles, bed.sheet(), dir.resolve("ansible"));
            ansible = AnsibleOnBed.run(dir.resolve("ansible"), bed, Files.createDirectories(dir.resolve("run")),
                    Duration.ofMinutes(30));
            if (!ansible.ok()) {
                throw new IllegalStateException("ansible-playbook failed: " + ansible.describe());
            }
        }

        double ratio = ansible.elapsed().toMillis() / (double) engine.toMillis();
        long projected = engine.toMillis() * PROJECTED / n;
        System.out.printf("devices: %d (generated plant, all IoT Edge), engine parallelism %d, Ansible forks 8%n", n, parallel);
        System.out.printf("SSH engine (CommissioningService): %d ms (%d ms per device)%n", engine.toMillis(),
                engine.toMillis() / n);
        System.out.printf("Ansible playbook:                  %d ms (%d ms per device)%n", ansible.elapsed().toMillis(),
                ansible.elapsed().toMillis() / n);
        System.out.printf("ratio Ansible / engine: %.2fx (goal >= %.0fx) -> %s%n", ratio, RATIO_GOAL,
                ratio >= RATIO_GOAL ? "met" : "NOT met");
        System.out.printf("projection for %d devices (linear): %d ms (goal <= %d ms) -> %s%n", PROJECTED, projected,
                PROJECTED_GOAL.toMillis(), projected <= PROJECTED_GOAL.toMillis() ? "met" : "NOT met");
    }
}
