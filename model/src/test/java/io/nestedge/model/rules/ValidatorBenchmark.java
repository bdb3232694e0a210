package io.nestedge.model.rules;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Benchmark (not a test): full validation of a 5,000-device generated plant, and incremental
 * re-validation after one-device edits (hostname change, re-parent, layer move). Prints median and
 * p95 and the ratio to the goals (full ≤ 50 ms, incremental ≤ 2 ms), as wall-clock time and as the
 * benchmark thread's CPU time (the CPU figure is what the code costs when the machine is shared).
 *
 * <p>Run: {@code mvn -q -B -o -pl model test-compile exec:java -Dexec.mainClass=io.nestedge.model.rules.ValidatorBenchmark
 * -Dexec.classpathScope=test} (optional args: edge devices, leaves, full runs, edits per kind).
 */
public final class ValidatorBenchmark {
    private static final double FULL_GOAL_MS = 50;
    private static final double INCREMENTAL_GOAL_MS = 2;

    private ValidatorBenchmark() {
    }

    /** Entry point; args: [edgeDevices=4000] [leaves=1000] [fullRuns=40] [editsPerKind=400]. */
    public static void main(String[] args) {
        int edge = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int leaves = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int fullRuns = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int edits = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        Plant plant = SamplePlants.generate(edge, leaves);
        System.out.printf("plant: %d devices (%d IoT Edge + %d leaves), %d rules; JVM %s, %d CPU(s)%n", plant.size(), edge, leaves,
                RuleCatalog.rules().size(), Runtime.version(), Runtime.getRuntime().availableProcessors());

        for (int i = 0; i < 15; i++) {
            sink += Validator.validate(plant).size();
        }
        double[] full = new double[fullRuns];
        double[] fullCpu = new double[fullRuns];
        for (int i = 0; i < fullRuns; i++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += Validator.validate(plant).size();
            full[i] = (System.nanoTime() - t0) / 1e6;
            fullCpu[i] = (CPU.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        report("full validation (wall)", full, FULL_GOAL_MS);
        report("full validation (thread CPU)", fullCpu, FULL_GOAL_MS);

        List<Device> edges = plant.devices().stream().filter(d -> d.id().startsWith("edge-")).toList();
        List<Device> mids = plant.devices().stream().filter(d -> d.id().startsWith("mid-")).toList();
        incremental(plant, edits, "hostname change", edges, (p, d) -> d.withHostname("renamed-" + d.id() + ".gen.plant.local"));
        incremental(plant, edits, "re-parent", edges, (p, d) -> d.withParent(mids.get(
                (mids.indexOf(p.deviceOrNull(d.parentId())) + 1) % mids.size()).id()));
        incremental(plant, edits, "move layer", edges, (p, d) -> d.withLayer("L3"));
        System.out.println("(sink " + sink + ")");
    }

    private static long sink;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Edits device k, measures the update, then reverts it (also measured) so the plant stays the same size and shape. */
    private static void incremental(Plant plant, int edits, String kind, List<Device> targets,
            BiFunction<Plant, Device, Device> edit) {
        IncrementalValidator v = IncrementalValidator.start(plant);
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        double copyMs = 0;
        Plant current = plant;
        for (int i = 0; i < edits + 200; i++) {
            Device d = current.deviceOrNull(targets.get(i * 7919 % targets.size()).id());
            long c0 = System.nanoTime();
            Plant edited = current.withDevice(edit.apply(current, d));
            long c1 = System.nanoTime();
            long u0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += v.update(edited, Set.of(d.id())).size();
            long t1 = System.nanoTime();
            long u1 = CPU.getCurrentThreadCpuTime();
            sink += v.update(current, Set.of(d.id())).size();
            long t2 = System.nanoTime();
            long u2 = CPU.getCurrentThreadCpuTime();
            if (i >= 200) { // first 200: warm-up
                times.add((t1 - t0) / 1e6);
                times.add((t2 - t1) / 1e6);
                cpu.add((u1 - u0) / 1e6);
                cpu.add((u2 - u1) / 1e6);
                copyMs += (c1 - c0) / 1e6;
            }
        }
        report("incr. " + kind + " (wall)", times.stream().mapToDouble(Double::doubleValue).toArray(), INCREMENTAL_GOAL_MS);
        report("incr. " + kind + " (CPU)", cpu.stream().mapToDouble(Double::doubleValue).toArray(), INCREMENTAL_GOAL_MS);
        System.out.printf("    (for scale: building the edited 5,000-device Plant itself took %.3f ms per edit, not counted)%n",
                copyMs / edits);
    }

    private static void report(String what, double[] ms, double goal) {
        double[] s = ms.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        double p95 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
        System.out.printf("%-34s n=%4d  median %8.3f ms  p95 %8.3f ms  goal <= %.0f ms  ratio median/goal %.3f  p95/goal %.3f%n",
                what, s.length, median, p95, goal, median / goal, p95 / goal);
    }
}
