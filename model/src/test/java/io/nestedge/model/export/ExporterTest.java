package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;

class ExporterTest {
    final Plant plant = SamplePlants.sample();
    final ExportContext ctx = new ExportContext(plant, null,
            ConfigTomlWriterTest.sas("site-gw", "ops-gw", "line1-edge"));

    static List<String> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void writesPerDeviceFilesAndHubScriptsWithTheRightModes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("export");
        List<String> events = new ArrayList<>();
        List<ExportArtifact> files = Exporter.standard().export(ctx, out, (s, d, t) -> events.add(s + " " + d + "/" + t), () -> false);
        assertThat(tree(out)).containsExactly(".nestedge-export",
                "devices/line1-edge/config.toml", "devices/line1-edge/deployment.json",
                "devices/ops-gw/config.toml", "devices/ops-gw/deployment.json",
                "devices/site-gw/config.toml", "devices/site-gw/deployment.json",
                "hub/az-edge-devices.yaml", "hub/keys/line1-edge.primary", "hub/keys/line1-edge.secondary",
                "hub/keys/ops-gw.primary", "hub/keys/ops-gw.secondary",
                "hub/keys/site-gw.primary", "hub/keys/site-gw.secondary",
                "hub/setup-hub.ps1", "hub/setup-hub.sh");
        assertThat(files).hasSize(15);
        // SAS keys reach az from 0600 files (az reads '@file'), never on its command line.
        assertThat(mode(out.resolve("hub/keys/site-gw.primary"))).isEqualTo("rw-------");
        String hubScript = java.nio.file.Files.readString(out.resolve("hub/setup-hub.sh"));
        String siteKey = java.nio.file.Files.readString(out.resolve("hub/keys/site-gw.primary"));
        assertThat(hubScript).contains("\"--primary-key=@$here/\"keys/site-gw.primary").doesNotContain(siteKey);
        assertThat(mode(out.resolve("devices/site-gw/config.toml"))).isEqualTo("rw-------");
        assertThat(mode(out.resolve("devices/site-gw/deployment.json"))).isEqualTo("rw-r--r--");
        assertThat(mode(out.resolve("hub/setup-hub.sh"))).isEqualTo("rwxr-xr-x");
        assertThat(Toml.parse(out.resolve("devices/ops-gw/config.toml")).getString("parent_hostname"))
                .isEqualTo("site-gw.contoso-plant.local");
        assertThat(ManifestSchemaValidator.validate(CreateOptions.JSON.readTree(out.resolve("devices/line1-edge/deployment.json").toFile())))
                .isEmpty();
        assertThat(events).containsExactly("devices 0/4", "devices 1/4", "devices 2/4", "devices 3/4", "devices 4/4",
                "plant 0/2", "plant 1/2", "plant 2/2", "finish 0/1", "finish 1/1");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void hubFolderHoldsThePlantAsAzIotEdgeDevicesCreateConfig(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("export");
        Exporter.standard().export(ctx, out, ExportProgress.NONE, () -> false);
        Path yaml = out.resolve(ExportLayout.HUB_AZ_DEVICES);
        String text = Files.readString(yaml);
        assertThat(text).startsWith("# Run from this folder: az iot edge devices create")
                .contains("deployment: ../devices/ops-gw/deployment.json")
                .contains("# note: The az-devices format has no leaf devices");
        assertThat(mode(yaml)).isEqualTo("rw-r--r--");
        // The same generator as 'export-yaml --to az-devices': reading it back gives the plant's IoT Edge hierarchy.
        io.nestedge.model.io.yaml.ImportResult back = io.nestedge.model.io.yaml.EdgeToolFiles.read(yaml,
                io.nestedge.model.io.yaml.EdgeToolFormat.AZ_DEVICES, null);
        assertThat(back.plant().devices()).extracting(d -> d.id() + "<" + d.parentId())
                .containsExactlyInAnyOrder("site-gw<", "ops-gw<site-gw", "line1-edge<ops-gw");
        for (String id : List.of("site-gw", "ops-gw", "line1-edge")) {
            String manifest = back.plant().deviceOrNull(id).deployment();
            assertThat(yaml.getParent().resolve(manifest)).as(id).exists();
        }
    }

    @Test
    void aFailureMidWayLeavesNoHalfOutputAndKeepsThePreviousExport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("export");
        // Device generators run in parallel across devices, so the fault is tied to a device, not to a call count.
        Exporter failing = Exporter.standard().withDeviceGenerator((c, d) -> {
            if (d.id().equals("line1-edge")) {
                throw new ExportException(d.id(), "disk on fire", "");
            }
            return List.of(ExportArtifact.text(ExportLayout.deviceFile(d.id(), "extra.txt"), d.id(), ExportArtifact.PLAIN));
        });
        assertThatThrownBy(() -> failing.export(ctx, out, ExportProgress.NONE, () -> false))
                .isInstanceOf(ExportException.class).hasMessageContaining("line1-edge").hasMessageContaining("disk on fire");
        assertThat(out).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();

        Exporter.standard().export(ctx, out, ExportProgress.NONE, () -> false);
        List<String> before = tree(out);
        byte[] config = Files.readAllBytes(out.resolve("devices/site-gw/config.toml"));
        assertThatThrownBy(() -> failing.export(ctx, out, ExportProgress.NONE, () -> false)).isInstanceOf(ExportException.class);
        assertThat(tree(out)).isEqualTo(before);
        assertThat(Files.readAllBytes(out.resolve("devices/site-gw/config.toml"))).isEqualTo(config);
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void cancelStopsTheExportAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("export");
        AtomicInteger progressCalls = new AtomicInteger();
        assertThatThrownBy(() -> Exporter.standard().export(ctx, out, (s, d, t) -> progressCalls.incrementAndGet(),
                () -> progressCalls.get() >= 2))
                .isInstanceOf(CancellationException.class);
        assertThat(out).doesNotExist();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void reExportReplacesThePreviousExportButNeverAForeignDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("export");
        Exporter.standard().export(ctx, out, ExportProgress.NONE, () -> false);
        Files.writeString(out.resolve("stale.txt"), "old");
        Exporter.standard().export(ctx, out, ExportProgress.NONE, () -> false);
        assertThat(out.resolve("stale.txt")).doesNotExist();
        assertThat(out.resolve("devices/site-gw/config.toml")).exists();

        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("holiday.jpg"), "x");
        assertThatThrownBy(() -> Exporter.standard().export(ctx, foreign, ExportProgress.NONE, () -> false))
                .isInstanceOf(ExportException.class).hasMessageContaining("not a NestEdge export");
        assertThat(foreign.resolve("holiday.jpg")).exists();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void anExportDirectoryBelowAFileIsAnExportErrorNamingIt(@TempDir Path dir) throws Exception {
        // A user typo: -o notes.txt/export, where notes.txt is a file. Was a raw FileAlreadyExistsException.
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path out = file.resolve("export");
        assertThatThrownBy(() -> Exporter.standard().export(ctx, out, ExportProgress.NONE, () -> false))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("cannot create the export directory " + out)
                .hasMessageContaining(file + " exists and is a file, not a folder")
                .hasMessageContaining("Fix: Choose a directory you can write to");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void missingSecretsStopTheExportBeforeAnythingIsInPlace(@TempDir Path dir) {
        Path out = dir.resolve("export");
        assertThatThrownBy(() -> Exporter.standard().export(new ExportContext(plant, null, null), out, ExportProgress.NONE, () -> false))
                .isInstanceOf(ExportException.class).hasMessageContaining("site-gw");
        assertThat(out).doesNotExist();
    }

    @Test
    void generatorsCannotEscapeTheExportOrOverwriteEachOther(@TempDir Path dir) {
        assertThatThrownBy(() -> ExportArtifact.text("../evil", "x", 0644)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExportArtifact.text("/etc/passwd", "x", 0644)).isInstanceOf(IllegalArgumentException.class);
        Exporter dup = Exporter.standard().withDeviceGenerator(ArtifactGenerators.CONFIG_TOML);
        assertThatThrownBy(() -> dup.export(ctx, dir.resolve("export"), ExportProgress.NONE, () -> false))
                .hasMessageContaining("same file");
        assertThat(dir.resolve("export")).doesNotExist();
    }

    private static List<String> leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }
}
