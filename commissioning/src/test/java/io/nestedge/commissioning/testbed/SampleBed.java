package io.nestedge.commissioning.testbed;

import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One network-namespace test bed of the sample plant (site-gw → ops-gw → line1-edge →
 * press-sensor-01), shared by every test class of the run that is annotated
 * {@code @ExtendWith(SampleBed.Extension.class)}: brought up on first use, commissioned once with
 * the SSH engine ({@link #commissioned()}), and torn down when the whole test run ends (JUnit's
 * root store; the bed's shutdown hook covers a dying JVM). Bring-up failure fails the test in CI
 * and skips it elsewhere ({@link TestbedRequirement}).
 */
public final class SampleBed implements AutoCloseable {
    /** The bed script. */
    public static final Path SCRIPT = Path.of("src/test/testbed/testbed.sh").toAbsolutePath();
    /** The sample plant file the bed is made from. */
    public static final Path PLANT_FILE = Path.of("../examples/sample-plant.json").toAbsolutePath().normalize();
    /** Timeout of each remote command of the commissioning runs. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private static SampleBed instance;

    private final Testbed bed;
    private final Plant plant;
    private final Path work;
    private final Path bundles;
    private RunReport commissioned;
    private Duration commissionTime;
    private Path journal;

    private SampleBed(Testbed bed, Plant plant, Path work, Path bundles) {
        this.bed = bed;
        this.plant = plant;
        this.work = work;
        this.bundles = bundles;
    }

    /**
     * The shared bed, brought up on first call (with the plant's bundles exported, plain keys).
     *
     * @return the bed
     * @throws Exception if it cannot come up (a test failure in CI, see {@link TestbedRequirement})
     */
    public static synchronized SampleBed get() throws Exception {
        TestbedRequirement.assumeAvailableOrFail(System.getenv());
        if (instance == null) {
            Path work = Files.createDirectories(Path.of("target/testbed-shared-work").toAbsolutePath());
            Plant plant = BedCommissioning.ecPki(PlantFile.read(PLANT_FILE));
            Path bundles = BedCommissioning.exportPlainBundles(plant, Files.createTempDirectory(work, "export-"));
            Testbed bed = Testbed.up(SCRIPT, PLANT_FILE, Path.of("target/testbed-shared").toAbsolutePath(),
                    Testbed.emulatorClasspath());
            instance = new SampleBed(bed, plant, work, bundles);
        }
        return instance;
    }

    /** @return the running bed */
    public Testbed bed() {
        return bed;
    }

    /** @return the sheet */
    public TestbedSheet sheet() {
        return bed.sheet();
    }

    /** @return the plant (sample plant, EC P-256 PKI) */
    public Plant plant() {
        return plant;
    }

    /** @return the export directory (one bundle per device, plain keys) */
    public Path bundles() {
        return bundles;
    }

    /** @return a fresh directory for a test's files (journals, vars files) */
    public Path newWorkDir(String prefix) throws IOException {
        return Files.createTempDirectory(work, prefix);
    }

    /**
     * Commissions every device once (later calls return the first run's report).
     *
     * @return the report of that run
     * @throws Exception if the run cannot start
     */
    public synchronized RunReport commissioned() throws Exception {
        if (commissioned == null) {
            try (BedCommissioning c = BedCommissioning.connect(bed)) {
                journal = newWorkDir("run-").resolve("journal.jsonl");
                long t0 = System.nanoTime();
                commissioned = c.service().commission(plant, bundles, options(journal, false, List.of()), null);
                commissionTime = Duration.ofNanos(System.nanoTime() - t0);
                System.out.printf("testbed: commissioning %d devices over real OpenSSH took %d ms%n", plant.size(),
                        commissionTime.toMillis());
            }
        }
        return commissioned;
    }

    /**
     * A copy of the journal of {@link #commissioned()}'s run, for a resumed run that repeats only the
     * verification steps.
     *
     * @return a new journal file
     * @throws Exception if the run or the copy fails
     */
    public Path copyOfCommissionedJournal() throws Exception {
        commissioned();
        return Files.copy(journal, newWorkDir("resume-").resolve("journal.jsonl"));
    }

    /** @return how long {@link #commissioned()}'s run took (null before) */
    public Duration commissionTime() {
        return commissionTime;
    }

    /**
     * Run options with the bed's defaults (4 devices at once).
     *
     * @param journal the journal file
     * @param resume skip steps the journal records as done
     * @param devices device IDs (empty: all)
     * @return the options
     */
    public static CommissioningService.Options options(Path journal, boolean resume, List<String> devices) {
        return new CommissioningService.Options(4, COMMAND_TIMEOUT, journal, resume, devices, () -> null);
    }

    @Override
    public void close() throws IOException {
        bed.down();
    }

    /** Tears the shared bed down at the end of the whole test run. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SampleBed.class,
                    k -> (AutoCloseable) SampleBed::closeShared);
        }
    }

    private static synchronized void closeShared() throws IOException {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }
}
