package io.nestedge.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery file is never left behind by a save or a clean exit that overlaps an autosave. */
class RecoveryWriterTest {
    @TempDir
    Path dir;

    /** A real store whose writes wait until the test lets them go on. */
    private static final class SlowStore implements RecoveryWriter.Target {
        final RecoveryStore store;
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);

        SlowStore(Path dir) {
            store = new RecoveryStore(dir);
        }

        @Override
        public void save(Plant plant, Path origin) throws IOException {
            writing.countDown();
            try {
                goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.save(plant, origin);
        }

        @Override
        public void clear() {
            store.clear();
        }
    }

    @Test
    void aSaveDuringAnAutosaveLeavesNoRecoveryFile() throws Exception {
        SlowStore slow = new SlowStore(dir);
        RecoveryWriter w = new RecoveryWriter(slow, e -> { });
        Future<?> autosave = w.save(SamplePlants.sample(), dir.resolve("plant.json"));
        assertThat(slow.writing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> clear = w.clear(); // File › Save while the autosave is still writing
        slow.goOn.countDown();
        autosave.get(10, TimeUnit.SECONDS);
        clear.get(10, TimeUnit.SECONDS);
        assertThat(dir.resolve("recovery.json")).as("the saved plant is not offered for recovery").doesNotExist();
        assertThat(slow.store.load()).isEmpty();
        w.close();
    }

    @Test
    void aCleanExitWaitsForTheAutosaveThenDeletesIt() throws Exception {
        SlowStore slow = new SlowStore(dir);
        RecoveryWriter w = new RecoveryWriter(slow, e -> { });
        w.save(SamplePlants.sample(), null);
        assertThat(slow.writing.await(10, TimeUnit.SECONDS)).isTrue();
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slow.goOn.countDown();
        });
        release.start();
        w.close();
        release.join();
        assertThat(dir.resolve("recovery.json")).doesNotExist();
        assertThat(w.save(SamplePlants.sample(), null).isDone()).as("nothing is written after exit").isTrue();
        assertThat(dir.resolve("recovery.json")).doesNotExist();
    }

    @Test
    void writesLandInOrderAndAFailureIsReported() throws Exception {
        List<IOException> failures = new CopyOnWriteArrayList<>();
        Path file = dir.resolve("not-a-dir");
        Files.writeString(file, "x"); // the store's directory is a file: every write fails
        RecoveryWriter broken = new RecoveryWriter(new RecoveryStore(file), failures::add);
        broken.save(SamplePlants.sample(), null).get(10, TimeUnit.SECONDS);
        assertThat(failures).hasSize(1);
        broken.close();

        RecoveryWriter w = new RecoveryWriter(new RecoveryStore(dir), failures::add);
        Plant first = SamplePlants.sample();
        Plant second = first.withName("second edit");
        w.save(first, null);
        w.save(second, null).get(10, TimeUnit.SECONDS);
        assertThat(PlantFile.read(dir.resolve("recovery.json")).name()).isEqualTo("second edit");
        w.close();
        assertThat(failures).hasSize(1);
    }
}
