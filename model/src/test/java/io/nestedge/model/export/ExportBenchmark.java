package io.nestedge.model.export;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints how long export takes for generated plants: per-device config.toml (built, re-parsed,
 * linted) and deployment manifest (built, schema-validated), and a whole export to disk (with fsync).
 * Run: {@code mvn -q -B test-compile -pl model -am} then
 * {@code java -cp model/target/classes:model/target/test-classes:$(cat cp.txt) io.nestedge.model.export.ExportBenchmark}.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    /** Runs the benchmark; argument: number of IoT Edge devices (default 1000). */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Plant plant = SamplePlants.generate(n, 0);
        Map<String, String> keys = new HashMap<>();
        for (Device d : plant.devices()) {
            keys.put(d.id(), ConfigTomlWriterTest.KEY);
        }
        ExportContext ctx = new ExportContext(plant, null, new ExportSecrets(null, keys, null));
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (Device d : plant.devices()) {
                ConfigTomlWriter.write(plant, d, ctx.layout(), ctx.secrets());
            }
            long t1 = System.nanoTime();
            for (Device d : plant.devices()) {
                DeploymentManifestBuilder.build(plant, d, ctx.secrets());
            }
            long t2 = System.nanoTime();
            Path dir = Files.createTempDirectory("export-bench");
            Exporter.standard().export(ctx, dir.resolve("out"), ExportProgress.NONE, () -> false);
            long t3 = System.nanoTime();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            System.out.printf("round %d, %d devices: config.toml %.3f ms/device, manifest %.3f ms/device, "
                            + "full export to disk %.0f ms (%.2f ms/device; disk+fsync share %.0f%%)%n",
                    round, n, (t1 - t0) / 1e6 / n, (t2 - t1) / 1e6 / n, (t3 - t2) / 1e6, (t3 - t2) / 1e6 / n,
                    100.0 * ((t3 - t2) - (t2 - t0)) / (t3 - t2));
        }
    }
}
