package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code import} and {@code export-yaml} through the real command line on temp files. */
class ImportExportCommandsTest {
    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void streams() {
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** Copies a real-shaped tool config fixture (from the model's test jar) into the temp dir. */
    private Path fixture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/edgetools/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    private static JsonNode yaml(Path p) throws Exception {
        return new YAMLMapper().readTree(p.toFile());
    }

    @Test
    void importWritesThePlantAndExportYamlGivesTheSameDocumentBack() throws Exception {
        Path cfg = fixture("iotedge_config.yaml");
        Path plant = dir.resolve("plant.json");
        // The tool config carries no modules (they live in its deployment files): the imported plant is written
        // and its missing API proxy / registry modules are reported, exit 1.
        assertThat(run("import", cfg.toString(), "--from", "iotedge-config", "-o", plant.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("Imported 6 devices (6 IoT Edge, 0 leaf)").contains("NE-PROXY-MISSING");
        Plant p = PlantFile.read(plant);
        assertThat(p.deviceOrNull("L3-edge-2").parentId()).isEqualTo("L4-edge-1");
        assertThat(p.deviceOrNull("L3-edge-2").layerId()).isEqualTo("L3");

        Path back = dir.resolve("back.yaml");
        assertThat(run("export-yaml", plant.toString(), "--to", "iotedge-config", "-o", back.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("Wrote " + back);
        assertThat(yaml(back)).isEqualTo(yaml(cfg));
    }

    @Test
    void azDevicesRoundTripThroughTheCli() throws Exception {
        Path cfg = fixture("az_devices_config.yaml");
        Path plant = dir.resolve("p.json");
        Path back = dir.resolve("back.yaml");
        assertThat(run("import", cfg.toString(), "--from", "az-devices", "-o", plant.toString(), "--name", "Line 1",
                "--top-layer", "L4")).isEqualTo(1);
        assertThat(err.toString()).contains("warning: The az-devices format holds no IoT Hub host name");
        Plant p = PlantFile.read(plant);
        assertThat(p.name()).isEqualTo("Line 1");
        assertThat(p.deviceOrNull("site-gw").layerId()).isEqualTo("L4");
        assertThat(run("export-yaml", plant.toString(), "--to", "az-devices", "-o", back.toString())).isEqualTo(0);
        assertThat(yaml(back)).isEqualTo(yaml(cfg));
    }

    @Test
    void importRefusesToOverwriteWithoutForce() throws Exception {
        Path cfg = fixture("iotedge_config.yaml");
        Path plant = dir.resolve("plant.json");
        Files.writeString(plant, "keep me");
        assertThat(run("import", cfg.toString(), "--from", "iotedge-config", "-o", plant.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("exists").contains("--force");
        assertThat(Files.readString(plant)).isEqualTo("keep me");
        assertThat(run("import", cfg.toString(), "--from", "iotedge-config", "-o", plant.toString(), "--force")).isEqualTo(1);
        assertThat(PlantFile.read(plant).size()).isEqualTo(6);
    }

    @Test
    void badInputIsExitCode2WithFileKeyPathAndLineAndNoPlantWritten() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, new String(Files.readAllBytes(fixture("iotedge_config.yaml")))
                .replace("      hostname: \"l4-edge-2", "      hostnme: \"l4-edge-2"));
        Path plant = dir.resolve("plant.json");
        assertThat(run("import", cfg.toString(), "--from", "iotedge-config", "-o", plant.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(cfg.toString()).contains("edgedevices[0].child[1].hostnme")
                .contains("line 38").contains("unknown key 'hostnme'");
        assertThat(plant).doesNotExist();

        Files.writeString(cfg, "configVersion: \"2.0\"\n");
        assertThat(run("import", cfg.toString(), "--from", "az-devices", "-o", plant.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configVersion (line 1, column 1)").contains("expected \"1.0\"");
        assertThat(run("import", dir.resolve("missing.yaml").toString(), "--from", "az-devices", "-o", plant.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not found");
    }

    @Test
    void unknownFormatAndMissingOptionsAreUsageErrors() throws Exception {
        Path cfg = fixture("iotedge_config.yaml");
        assertThat(run("import", cfg.toString(), "--from", "yaml", "-o", dir.resolve("p.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown format 'yaml'").contains("iotedge-config, az-devices");
        assertThat(run("export-yaml", "plant.json", "-o", "x.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("--to");
    }

    @Test
    void exportOfTheSamplePlantToAzDevicesWarnsAboutLeafDevices() throws Exception {
        Path plant = dir.resolve("sample.json");
        PlantFile.write(SamplePlants.sample(), plant);
        Path cfg = dir.resolve("devices.yaml");
        assertThat(run("export-yaml", plant.toString(), "--to", "az-devices", "-o", cfg.toString())).isEqualTo(0);
        assertThat(err.toString()).contains("warning: The az-devices format has no leaf devices").contains("press-sensor-01");
        JsonNode doc = yaml(cfg);
        assertThat(doc.get("configVersion").asText()).isEqualTo("1.0");
        assertThat(doc.at("/edgeDevices/0/children/0/children/0/deviceId").asText()).isEqualTo("line1-edge");

        assertThat(run("export-yaml", plant.toString(), "--to", "az-devices", "-o", cfg.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--force");
    }

    @Test
    void exportOfAPlantWithADanglingParentIsExitCode1AndWritesNothing() throws Exception {
        Plant broken = SamplePlants.sample().updateDevice("ops-gw", (Device d) -> d.withParent("ghost"));
        Path plant = dir.resolve("broken.json");
        PlantFile.write(broken, plant);
        Path cfg = dir.resolve("cfg.yaml");
        assertThat(run("export-yaml", plant.toString(), "--to", "iotedge-config", "-o", cfg.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("parent 'ghost' is not in the plant");
        assertThat(cfg).doesNotExist();
        assertThat(run("export-yaml", dir.resolve("nope.json").toString(), "--to", "iotedge-config", "-o", cfg.toString()))
                .isEqualTo(2);
    }

    @Test
    void helpOnBothCommands() {
        assertThat(run("import", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--from").contains("iotedge-config, az-devices").contains("--top-layer")
                .contains("--force");
        assertThat(run("export-yaml", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--to").contains("-o, --output=FILE");
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("import").contains("export-yaml");
    }
}
