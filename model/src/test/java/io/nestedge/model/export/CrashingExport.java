package io.nestedge.model.export;

import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-JVM half of {@link ExportCrashSafetyTest}: exports the sample plant with a {@code generation.txt}
 * in every device directory, and stops the JVM dead ({@link Runtime#halt}: no finally blocks, no
 * shutdown hooks, like a power cut as far as the process is concerned) at one point of the export.
 *
 * <p>Arguments: target directory, generation tag, where to halt: {@code write} (while device files are
 * being written), a commit step ({@code synced}, {@code swapped-out}, {@code swapped-in}), or {@code none}.
 */
public final class CrashingExport {
    /** Exit status of a deliberate halt. */
    static final int HALTED = 99;

    private CrashingExport() {
    }

    /** Runs the export; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String tag = args[1];
        String haltAt = args[2];
        exporter(tag, haltAt).export(new ExportContext(SamplePlants.sample(), null, ConfigTomlWriterTest.sas("site-gw", "ops-gw", "line1-edge")),
                target, ExportProgress.NONE, () -> false);
    }

    /** The standard exporter plus a tag file per device, halting where asked. */
    static Exporter exporter(String tag, String haltAt) {
        return Exporter.standard()
                .withDeviceGenerator((ctx, d) -> {
                    if (haltAt.equals("write") && d.id().equals("line1-edge")) {
                        Runtime.getRuntime().halt(HALTED);
                    }
                    return List.of(ExportArtifact.text(ExportLayout.deviceFile(d.id(), "generation.txt"), tag + "\n", ExportArtifact.PLAIN));
                })
                .withCommitHook(step -> {
                    if (step.equals(haltAt)) {
                        Runtime.getRuntime().halt(HALTED);
                    }
                });
    }
}
