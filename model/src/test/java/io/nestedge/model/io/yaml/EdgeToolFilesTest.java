package io.nestedge.model.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nestedge.model.CaSource;
import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.Layer;
import io.nestedge.model.Plant;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.Reachability;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeToolFilesTest {
    @TempDir
    Path dir;

    private static ImportResult load(String fixture, EdgeToolFormat f, ImportOptions o) throws Exception {
        return EdgeToolFiles.parse(Fixtures.bytes(fixture), fixture, f, o);
    }

    private static Map<String, Device> byId(Plant p) {
        return p.devices().stream().collect(Collectors.toMap(Device::id, Function.identity()));
    }

    @Test
    void iotedgeTutorialShapeBecomesAPlantWithLayersByDepth() throws Exception {
        Plant p = load(Fixtures.IOTEDGE, EdgeToolFormat.IOTEDGE_CONFIG, ImportOptions.defaults()).plant();
        Map<String, Device> d = byId(p);
        assertThat(p.name()).isEqualTo("iotedge_config");
        assertThat(p.devices()).extracting(Device::id).containsExactly("L5-edge", "L4-edge-1", "L3-edge-1", "L3-edge-2",
                "L4-edge-2", "L3-edge-3");
        assertThat(p.layers()).isEqualTo(Layer.defaults());
        assertThat(d.get("L5-edge").layerId()).isEqualTo("L5");
        assertThat(d.get("L4-edge-2").layerId()).isEqualTo("L4");
        assertThat(d.get("L3-edge-3").layerId()).isEqualTo("L3");
        assertThat(d.get("L3-edge-2").parentId()).isEqualTo("L4-edge-1");
        assertThat(d.get("L5-edge").parentId()).isEmpty();
        assertThat(d.get("L4-edge-1").hostname()).isEqualTo("l4-edge-1.contoso-plant.local");
        assertThat(d.get("L3-edge-3").hostname()).isEmpty();
        assertThat(d.get("L5-edge").runtime().agentImage()).isEqualTo("mcr.microsoft.com/azureiotedge-agent:1.5");
        assertThat(d.get("L5-edge").runtime().hubImage()).isEqualTo("mcr.microsoft.com/azureiotedge-hub:1.5");
        assertThat(d.get("L3-edge-1").runtime().agentImage()).isEqualTo("$upstream:443/azureiotedge-agent:1.5");
        assertThat(d.get("L3-edge-1").runtime().hubImage()).isEqualTo("$upstream:443/azureiotedge-hub:1.5");
        assertThat(d.get("L3-edge-1").runtime().hubBindsHostPort(443)).isFalse();
        assertThat(d.get("L3-edge-1").deployment()).isEqualTo("./templates/purdue/deployment-L3.json");
        assertThat(d.get("L3-edge-1").ssh().reach()).isEqualTo(Reachability.VIA_PARENT);
        assertThat(d.get("L5-edge").ssh().reach()).isEqualTo(Reachability.DIRECT);
        assertThat(p.hub().iotHubHostname()).isEqualTo("contoso-hub.azure-devices.net");
        assertThat(p.hub().effectiveName()).isEqualTo("contoso-hub");
        assertThat(p.pki().caSource()).isEqualTo(CaSource.IMPORT);
        assertThat(p.pki().importedRootCert()).isEqualTo("./certs/azure-iot-test-only.root.ca.cert.pem");
        assertThat(p.pki().importedRootKey()).isEqualTo("./private/azure-iot-test-only.root.ca.key.pem");
        assertThat(p.edgeTools().templateConfigPath()).isEqualTo("./templates/purdue/device_config.toml");
        assertThat(p.apiProxy().port()).isEqualTo(443);
        assertThat(p.devices()).allMatch(x -> x.provisioning().method() == ProvisioningMethod.MANUAL_SAS);
        assertThat(p.devices()).extracting(Device::position).doesNotHaveDuplicates();
    }

    @Test
    void leafTemplateShapeImportsLeafDevicesOnTheirParentsLayer() throws Exception {
        Plant p = load(Fixtures.IOTEDGE_LEAF, EdgeToolFormat.IOTEDGE_CONFIG, new ImportOptions("Fabrikam", "L4")).plant();
        Map<String, Device> d = byId(p);
        assertThat(p.name()).isEqualTo("Fabrikam");
        assertThat(p.size()).isEqualTo(8);
        assertThat(d.get("leaf-1").kind()).isEqualTo(DeviceKind.LEAF);
        assertThat(d.get("leaf-1").parentId()).isEqualTo("nested-edge");
        assertThat(d.get("leaf-1").layerId()).isEqualTo("L3");
        assertThat(d.get("leaf-3").layerId()).isEqualTo("L4");
        assertThat(d.get("edge-2").layerId()).isEqualTo("L4");
        assertThat(d.get("edge-2").parentId()).isEmpty();
        assertThat(p.apiProxy().port()).isEqualTo(8000);
        assertThat(p.pki().caSource()).isEqualTo(CaSource.GENERATE);
        assertThat(p.devices()).allMatch(x -> x.provisioning().method() == ProvisioningMethod.MANUAL_X509);
    }

    @Test
    void iotedgeFormatToPlantToFormatGivesTheSameDocument() throws Exception {
        for (String fixture : List.of(Fixtures.IOTEDGE, Fixtures.IOTEDGE_LEAF)) {
            Plant p = load(fixture, EdgeToolFormat.IOTEDGE_CONFIG, ImportOptions.defaults()).plant();
            String again = EdgeToolFiles.export(p, EdgeToolFormat.IOTEDGE_CONFIG, "p.json").yaml();
            assertThat(Fixtures.tree(again)).as(fixture).isEqualTo(Fixtures.tree(Fixtures.text(fixture)));
        }
    }

    @Test
    void azFormatToPlantToFormatGivesTheSameDocument() throws Exception {
        Plant p = load(Fixtures.AZ, EdgeToolFormat.AZ_DEVICES, ImportOptions.defaults()).plant();
        ExportResult r = EdgeToolFiles.export(p, EdgeToolFormat.AZ_DEVICES, "p.json");
        assertThat(Fixtures.tree(r.yaml())).isEqualTo(Fixtures.tree(Fixtures.text(Fixtures.AZ)));
        assertThat(byId(p).get("line1-edge").runtime().agentImage()).isEqualTo("$upstream:443/azureiotedge-agent:1.4");
    }

    @Test
    void importedPlantSurvivesThePlantFile() throws Exception {
        for (String fixture : List.of(Fixtures.IOTEDGE, Fixtures.IOTEDGE_LEAF, Fixtures.AZ)) {
            EdgeToolFormat f = fixture.startsWith("az") ? EdgeToolFormat.AZ_DEVICES : EdgeToolFormat.IOTEDGE_CONFIG;
            Plant p = load(fixture, f, ImportOptions.defaults()).plant();
            Plant back = PlantFile.parse(PlantFile.toBytes(p), "p.json");
            assertThat(back).as(fixture).isEqualTo(p);
            String again = EdgeToolFiles.export(back, f, "p.json").yaml();
            assertThat(Fixtures.tree(again)).as(fixture).isEqualTo(Fixtures.tree(Fixtures.text(fixture)));
        }
    }

    @Test
    void samplePlantToEitherFormatAndBackKeepsDevicesHostnamesParentsAndLayers() throws Exception {
        Plant sample = SamplePlants.sample();
        for (EdgeToolFormat f : EdgeToolFormat.values()) {
            ExportResult r = EdgeToolFiles.export(sample, f, "sample-plant.json");
            Plant back = EdgeToolFiles.parse(r.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.yaml", f,
                    new ImportOptions(sample.name(), "L4")).plant();
            List<Device> expected = sample.devices().stream()
                    .filter(d -> f == EdgeToolFormat.IOTEDGE_CONFIG || d.isEdge()).toList();
            assertSameHierarchy(back, expected);
            assertThat(back.layers()).isEqualTo(sample.layers());
            if (f == EdgeToolFormat.AZ_DEVICES) {
                assertThat(r.warnings()).anyMatch(w -> w.contains("no leaf devices") && w.contains("press-sensor-01"));
            }
        }
    }

    @Test
    void generatedPlantRoundTripsThroughIotedgeConfig() throws Exception {
        Plant big = SamplePlants.generate(300, 150);
        ExportResult r = EdgeToolFiles.export(big, EdgeToolFormat.IOTEDGE_CONFIG, "big.json");
        Plant back = EdgeToolFiles.parse(r.yaml().getBytes(java.nio.charset.StandardCharsets.UTF_8), "big.yaml",
                EdgeToolFormat.IOTEDGE_CONFIG, new ImportOptions("", "L4")).plant();
        assertSameHierarchy(back, big.devices());
        assertThat(r.warnings()).noneMatch(w -> w.contains("is on layer"));
    }

    static void assertSameHierarchy(Plant back, List<Device> expected) {
        Map<String, Device> got = byId(back);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(expected.stream().map(Device::id).toList());
        for (Device e : expected) {
            Device g = got.get(e.id());
            assertThat(g.kind()).as(e.id()).isEqualTo(e.kind());
            assertThat(g.parentId()).as(e.id()).isEqualTo(e.parentId());
            assertThat(g.layerId()).as(e.id()).isEqualTo(e.layerId());
            if (e.isEdge()) {
                assertThat(g.hostname()).as(e.id()).isEqualTo(e.hostname());
                assertThat(g.runtime().agentImage()).as(e.id()).isEqualTo(e.runtime().agentImage());
            }
        }
    }

    @Test
    void writeIsAtomicAndReadBack() throws Exception {
        Path out = dir.resolve("cfg.yaml");
        EdgeToolFiles.write(SamplePlants.sample(), EdgeToolFormat.IOTEDGE_CONFIG, "s.json", out);
        ImportResult r = EdgeToolFiles.read(out, EdgeToolFormat.IOTEDGE_CONFIG, new ImportOptions("", "L4"));
        assertThat(r.plant().size()).isEqualTo(4);
        assertThat(r.plant().name()).isEqualTo("cfg");
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("cfg.yaml");
        }
        JsonNode tree = Fixtures.tree(Files.readString(out));
        assertThat(tree.get("config_version").asText()).isEqualTo("1.0");
        assertThat(Files.readString(out)).contains("config_version: \"1.0\"").startsWith("# ");
    }

    @Test
    void containerAuthPasswordIsNeverKept() throws Exception {
        String yaml = Fixtures.text(Fixtures.AZ).replace("    deployment: \"deployments/top-layer.json\" # Path to deployment JSON\n",
                "    deployment: \"deployments/top-layer.json\"\n    containerAuth:\n      serverAddress: contoso.azurecr.io\n"
                        + "      username: puller\n      password: \"s3cret-Pa55\"\n");
        ImportResult r = EdgeToolFiles.parse(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "a.yaml",
                EdgeToolFormat.AZ_DEVICES, ImportOptions.defaults());
        assertThat(r.plant().registry().address()).isEqualTo("contoso.azurecr.io");
        assertThat(r.plant().registry().username()).isEqualTo("puller");
        assertThat(r.warnings()).anyMatch(w -> w.contains("password was not imported"));
        assertThat(new String(PlantFile.toBytes(r.plant()), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("s3cret");
        assertThat(EdgeToolFiles.export(r.plant(), EdgeToolFormat.AZ_DEVICES, "p").yaml()).doesNotContain("s3cret");
    }
}
