package io.nestedge.model.bundle;

import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.EdgeCaIssuance;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * Export of a generated plant (default 500 IoT Edge devices + 2,000 leaf devices) into signed
 * bundles, against the machine's key-generation floor measured in the same run: {@code openssl
 * genpkey} of the same number and type of Edge CA keys, in parallel on all cores (one process per
 * key, as a shell script would do it). Goal: within 1.5× of the floor; EC P-256 plant ≤ 10 s.
 *
 * <p>Run: {@code mvn -q -B test-compile -pl model -am} then
 * {@code mvn -q -B exec:java -pl model -Dexec.mainClass=io.nestedge.model.bundle.BundleExportBenchmark -Dexec.classpathScope=test -Dexec.args="500 2000"}.
 */
public final class BundleExportBenchmark {
    private BundleExportBenchmark() {
    }

    /** Prints figures and ratios; {@code args} = edge devices, leaf devices. */
    public static void main(String[] args) throws Exception {
        int edge = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int leaves = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.printf("BundleExportBenchmark: %d IoT Edge + %d leaf devices, %d cores, load average %.1f%n", edge, leaves,
                EdgeCaIssuance.cores(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path tmp = Files.createTempDirectory("nestedge-export-bench");
        try {
            for (KeyType t : List.of(KeyType.EC_P256, KeyType.RSA_2048)) {
                Plant plant = SamplePlants.generate(edge, leaves).withPki(new PkiSettings(CaSource.GENERATE,
                        t == KeyType.EC_P256 ? KeyType.EC_P256 : KeyType.RSA_4096, t, 3650, 365, true, "", "", ""));
                PkiStore store = PkiStore.open(tmp.resolve("pki-" + t), CertificateIssuer.systemClock());
                CertifiedKey ca = store.generateCa("Bench Root CA", plant.pki().rootKeyType(), 3650,
                        t == KeyType.EC_P256 ? KeyType.EC_P256 : KeyType.RSA_2048, 1825, "bench".toCharArray());
                long t0 = System.nanoTime();
                BundleExport.export(plant, store, ca, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true),
                        tmp.resolve("out-" + t), ExportProgress.NONE, () -> false);
                double first = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                BundleExport.export(plant, store, ca, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true),
                        tmp.resolve("out-" + t), ExportProgress.NONE, () -> false);
                double reuse = (System.nanoTime() - t0) / 1e9;
                double floor = opensslFloor(t, plant.devices().stream().filter(d -> d.isEdge()).count());
                System.out.printf("%-9s first export %6.1f s   re-export (Edge CAs reused) %6.1f s   openssl genpkey floor %6.1f s   "
                        + "ratio %.2f (goal <= 1.5)%s%n", t, first, reuse, floor, first / floor,
                        t == KeyType.EC_P256 ? String.format("   EC goal <= 10 s: %s", first <= 10 ? "met" : "missed") : "");
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double opensslFloor(KeyType t, long n) throws Exception {
        ExecutorService pool = EdgeCaIssuance.allCoresPool();
        try {
            return io.nestedge.model.pki.PkiBenchmark.opensslFloor(t, (int) n, pool) * n / 1000.0;
        } finally {
            pool.shutdownNow();
        }
    }
}
