package io.nestedge.commissioning.testbed;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Measures bring-up and teardown of the network-namespace test bed for a plant (default: the
 * 4-device sample plant) and prints the figures and their ratio to the 30 s goal. Needs root.
 * Run from the {@code commissioning} directory:
 * {@code java -cp target/test-classes:target/classes:<deps> io.nestedge.commissioning.testbed.TestbedBenchmark [PLANT] [CYCLES]}.
 */
public final class TestbedBenchmark {
    private static final Duration GOAL = Duration.ofSeconds(30);

    private TestbedBenchmark() {
    }

    /**
     * @param args optional plant file and number of cycles (default 3)
     * @throws Exception if the bed cannot come up
     */
    public static void main(String[] args) throws Exception {
        Path plant = Path.of(args.length > 0 ? args[0] : "../examples/sample-plant.json");
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path script = Path.of("src/test/testbed/testbed.sh").toAbsolutePath();
        Path state = Path.of("target/testbed-benchmark").toAbsolutePath();
        long totalUp = 0;
        long totalDown = 0;
        int devices = 0;
        for (int i = 1; i <= cycles; i++) {
            Testbed bed = Testbed.up(script, plant, state, System.getProperty("java.class.path"));
            devices = bed.sheet().devices().size();
            Duration down = bed.down();
            totalUp += bed.bringUpTime().toMillis();
            totalDown += down.toMillis();
            System.out.printf("cycle %d: %d devices, up %d ms, down %d ms%n", i, devices,
                    bed.bringUpTime().toMillis(), down.toMillis());
        }
        long mean = (totalUp + totalDown) / cycles;
        System.out.printf("mean up %d ms, mean down %d ms, up+down %d ms = %.2f of the %d s goal (%d devices)%n",
                totalUp / cycles, totalDown / cycles, mean, mean / (double) GOAL.toMillis(), GOAL.toSeconds(), devices);
    }
}
