package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.io.FileSync;
import io.nestedge.model.samples.SamplePlants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an export leaves on disk when it is interrupted: by a real crash (a child JVM halted at each
 * point of the export, so no cleanup code runs) or by a failure, and how the next export repairs it
 * (ADR 0410). The promise: the target is always either the previous export or the new one, whole,
 * never a mix, and the next export cleans up after a crashed one.
 */
class ExportCrashSafetyTest {
    final ExportContext ctx = new ExportContext(SamplePlants.sample(), null, ConfigTomlWriterTest.sas("site-gw", "ops-gw", "line1-edge"));
    final ExecutorService io = FileSync.ioPool();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    /** Every file of a directory tree with its content and mode. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                        + new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    /** Runs {@link CrashingExport} in a child JVM; returns its exit status. */
    private int child(Path target, String tag, String haltAt) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), CrashingExport.class.getName(),
                target.toString(), tag, haltAt).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child export finished").isTrue();
        if (p.exitValue() != CrashingExport.HALTED && p.exitValue() != 0) {
            throw new AssertionError("child export failed (" + p.exitValue() + "):\n" + out);
        }
        return p.exitValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"write", "synced", "swapped-out"})
    void aReExportThatCrashesBeforeItIsInPlaceLeavesThePreviousExportWhole(String haltAt) throws Exception {
        Path out = dir.resolve("export");
        CrashingExport.exporter("old", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        Map<String, String> before = snapshot(out);

        assertThat(child(out, "new", haltAt)).isEqualTo(CrashingExport.HALTED);
        assertThat(leftovers()).as("the crashed export's staging directory").isNotEmpty();
        if (haltAt.equals("swapped-out")) {
            // The crash hit between the two renames: the previous export is aside, under the staging name + .old.
            assertThat(out).doesNotExist();
            assertThat(leftovers()).anyMatch(n -> n.endsWith(StagedExport.OLD_SUFFIX));
        }

        // What runs first in the next export: the previous export is back, whole, and the debris is gone.
        StagedExport.recover(out, io);
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();

        // And the next export goes through normally.
        CrashingExport.exporter("newer", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        assertThat(Files.readString(out.resolve("devices/site-gw/generation.txt"))).isEqualTo("newer\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aReExportThatCrashesAfterTheSwapLeavesTheNewExportWhole() throws Exception {
        Path out = dir.resolve("export");
        CrashingExport.exporter("old", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        Map<String, String> before = snapshot(out);

        assertThat(child(out, "new", "swapped-in")).isEqualTo(CrashingExport.HALTED);
        Map<String, String> after = snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after).allSatisfy((path, content) -> {
            if (path.endsWith("generation.txt")) {
                assertThat(content).endsWith(" new\n");
            }
        });
        assertThat(leftovers()).as("the previous export, not yet deleted").hasSize(1);

        StagedExport.recover(out, io);
        assertThat(snapshot(out)).isEqualTo(after);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFirstExportThatCrashesLeavesNoTargetAndNoDebrisAfterTheNextExport() throws Exception {
        Path out = dir.resolve("export");
        assertThat(child(out, "first", "synced")).isEqualTo(CrashingExport.HALTED);
        assertThat(out).doesNotExist();

        CrashingExport.exporter("second", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        assertThat(Files.readString(out.resolve("devices/ops-gw/generation.txt"))).isEqualTo("second\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailureWhileSwappingPutsThePreviousExportBack() throws Exception {
        Path out = dir.resolve("export");
        CrashingExport.exporter("old", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        Map<String, String> before = snapshot(out);
        Exporter failing = CrashingExport.exporter("new", "none").withCommitHook(step -> {
            if (step.equals("swapped-out")) {
                throw new IOException("rename refused");
            }
        });
        assertThatThrownBy(() -> failing.export(ctx, out, ExportProgress.NONE, () -> false)).hasMessageContaining("rename refused");
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anInterruptedReExportStopsAndLeavesThePreviousExportWhole() throws Exception {
        Path out = dir.resolve("export");
        CrashingExport.exporter("old", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        Map<String, String> before = snapshot(out);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Exporter slow = CrashingExport.exporter("new", "none").withDeviceGenerator((c, d) -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(ExportArtifact.text(ExportLayout.deviceFile(d.id(), "slow.txt"), "x", ExportArtifact.PLAIN));
        });
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                slow.export(ctx, out, ExportProgress.NONE, () -> false);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        t.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        t.interrupt();
        t.join(60_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(snapshot(out)).isEqualTo(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void recoveryLeavesTheStagingDirectoryOfARunningExportAlone() throws Exception {
        Path out = dir.resolve("export");
        CrashingExport.exporter("old", "none").export(ctx, out, ExportProgress.NONE, () -> false);
        Process running = new ProcessBuilder("sleep", "60").start();
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        try {
            Path live = Files.createDirectory(dir.resolve(".export.export-" + running.pid() + "-abc"));
            Path dead = Files.createDirectory(dir.resolve(".export.export-" + finished.pid() + "-def"));
            Path unrelated = Files.createDirectory(dir.resolve(".export.export-notes"));
            Files.writeString(dead.resolve("half.txt"), "x");
            StagedExport.recover(out, io);
            assertThat(live).exists();
            assertThat(unrelated).exists();
            assertThat(dead).doesNotExist();
        } finally {
            running.destroy();
        }
    }

    @Test
    void stagedFilesHoldingSecretsAreNeverWiderThan0600() throws Exception {
        Path out = dir.resolve("export");
        try (StagedExport staged = StagedExport.create(out.toAbsolutePath(), io, StagedExport.CommitHook.NONE)) {
            staged.write(ExportArtifact.text("devices/gw/private/key.pem", "secret", ExportArtifact.SECRET));
            staged.write(ExportArtifact.text("devices/gw/install.sh", "#!/bin/sh\n", ExportArtifact.SCRIPT));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.staging()))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.staging().resolve("devices/gw/private/key.pem"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(staged.staging().resolve("devices/gw/install.sh"))))
                    .isEqualTo("rwxr-xr-x");
            assertThatThrownBy(() -> staged.write(ExportArtifact.text("devices/gw/install.sh", "again", ExportArtifact.SCRIPT)))
                    .hasMessageContaining("same file");
        }
        assertThat(leftovers()).isEmpty();
        assertThat(out).doesNotExist();
    }
}
