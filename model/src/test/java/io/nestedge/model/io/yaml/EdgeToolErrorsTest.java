package io.nestedge.model.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import io.nestedge.model.samples.SamplePlants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EdgeToolErrorsTest {
    private static InputException fail(String yaml, EdgeToolFormat f) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> EdgeToolFiles.parse(yaml.getBytes(StandardCharsets.UTF_8), "cfg.yaml", f, ImportOptions.defaults()));
        assertThat(e).as("expected an InputException").isNotNull();
        assertThat(e.file()).isEqualTo("cfg.yaml");
        return e;
    }

    private static String iotedge() {
        return Fixtures.text(Fixtures.IOTEDGE);
    }

    private static String az() {
        return Fixtures.text(Fixtures.AZ);
    }

    @Test
    void unknownKeyNamesKeyPathLineAndAllowedKeys() {
        InputException e = fail(iotedge().replace("      hostname: \"l4-edge-2.contoso-plant.local\"",
                "      hostnme: \"l4-edge-2.contoso-plant.local\""), EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.location()).isEqualTo("edgedevices[0].child[1].hostnme (line 38, column 7)");
        assertThat(e.problem()).contains("unknown key 'hostnme'").contains("iotedge_config_cli");
        assertThat(e.fix()).contains("hostname").contains("child").contains("leaf").contains("edge_agent");
    }

    @Test
    void azUnknownKeyNamesKeyPathLineAndAllowedKeys() {
        InputException e = fail(az().replace("  defaultEdgeAgent:", "  defaultAgent:"), EdgeToolFormat.AZ_DEVICES);
        assertThat(e.location()).isEqualTo("edgeConfiguration.defaultAgent (line 15, column 3)");
        assertThat(e.fix()).contains("defaultEdgeAgent, templateConfigPath");
    }

    @Test
    void snakeCaseKeysInTheAzFormatAreUnknownKeys() {
        InputException e = fail(az().replace("configVersion: \"1.0\"\n", "configVersion: \"1.0\"\nedgedevices: []\n"),
                EdgeToolFormat.AZ_DEVICES);
        assertThat(e.getMessage()).contains("unknown key 'edgedevices'").contains("line 5");
    }

    @Test
    void wrongConfigVersionNamesLineAndExpectedVersion() {
        InputException e = fail(iotedge().replace("config_version: \"1.0\"", "config_version: \"2.0\""),
                EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.location()).isEqualTo("config_version (line 1, column 1)");
        assertThat(e.problem()).contains("\"2.0\" is not supported").contains("expected \"1.0\"");
        InputException az = fail(az().replace("configVersion: \"1.0\"", "configVersion: 1.1"), EdgeToolFormat.AZ_DEVICES);
        assertThat(az.location()).isEqualTo("configVersion (line 4, column 1)");
        assertThat(az.problem()).contains("\"1.1\"").contains("expected \"1.0\"");
    }

    @Test
    void missingConfigVersionSaysWhatToAdd() {
        InputException e = fail(iotedge().replace("config_version: \"1.0\"\n", ""), EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.problem()).contains("missing key 'config_version'");
        assertThat(e.fix()).contains("config_version: \"1.0\"");
    }

    @Test
    void anAzFileReadAsIotedgeConfigIsRefusedOnItsVersionKey() {
        InputException e = fail(az(), EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.problem()).contains("missing key 'config_version'");
    }

    @Test
    void duplicateKeyIsRefusedWithLine() {
        InputException e = fail(iotedge().replace("  iothub_name: contoso-hub\n", "  iothub_name: contoso-hub\n  iothub_name: other\n"),
                EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.problem()).contains("duplicate key").contains("iothub_name");
        assertThat(e.location()).contains("line 6");
    }

    @Test
    void duplicateDeviceIdNamesBothPlaces() {
        InputException e = fail(iotedge().replace("device_id: L3-edge-3", "device_id: L3-edge-1"), EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.problem()).contains("duplicate device ID 'L3-edge-1'").contains("edgedevices[0].child[0].child[0]");
        assertThat(e.location()).isEqualTo("edgedevices[0].child[1].child[0] (line 40, column 11)");
    }

    @Test
    void emptyListEntryIsAnErrorNotACrash() {
        InputException e = fail(az().replace("    children:\n      - deviceId: \"ops-gw\"", "    children:\n      -\n      - deviceId: \"ops-gw\""),
                EdgeToolFormat.AZ_DEVICES);
        assertThat(e.location()).startsWith("edgeDevices[0].children[0]");
        assertThat(e.problem()).contains("empty entry");
    }

    @Test
    void wrongKindOfValueSaysWhatIsExpected() {
        InputException e = fail(iotedge().replace("  child:\n    - device_id: L4-edge-1", "  child: L4-edge-1\n  leaf:\n    - device_id: L4-edge-1"),
                EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.location()).startsWith("edgedevices[0].child (line 25");
        assertThat(e.problem()).contains("expected a list");
    }

    @Test
    void missingDeviceIdAndBadAuthenticationMethodAreNamed() {
        InputException e = fail(az().replace("      - deviceId: \"packaging-gw\"\n        hostname", "      - hostname"),
                EdgeToolFormat.AZ_DEVICES);
        assertThat(e.location()).startsWith("edgeDevices[0].children[1].deviceId (line 31");
        assertThat(e.problem()).contains("'deviceId'");
        InputException a = fail(iotedge().replace("authentication_method: symmetric_key", "authentication_method: sas"),
                EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(a.problem()).contains("'sas'").contains("symmetric_key or x509_certificate");
        assertThat(a.location()).startsWith("iothub.authentication_method (line 4");
    }

    @Test
    void emptyChildrenListIsRefusedLikeTheAzureCli() {
        InputException e = fail(az().replace("        deployment: \"deployments/lower-layer.json\"\n        children:\n          - deviceId: \"line1-edge\"\n"
                + "            hostname: \"line1-edge.contoso-plant.local\"\n"
                + "            edgeAgent: \"$upstream:443/azureiotedge-agent:1.4\" # Optional, will use `defaultEdgeAgent` if not provided\n"
                + "            deployment: \"deployments/bottom-layer.json\"\n",
                "        deployment: \"deployments/lower-layer.json\"\n        children: []\n"), EdgeToolFormat.AZ_DEVICES);
        assertThat(e.problem()).contains("'children' is an empty list");
    }

    @Test
    void malformedYamlNamesLine() {
        InputException e = fail("config_version: \"1.0\"\niothub:\n  iothub_hostname: \"unclosed\n  iothub_name: x\n", EdgeToolFormat.IOTEDGE_CONFIG);
        assertThat(e.problem()).startsWith("malformed YAML");
        assertThat(e.location()).startsWith("line ");
    }

    @Test
    void emptyFileAndTopLevelListAreRefused() {
        assertThat(fail("", EdgeToolFormat.AZ_DEVICES).problem()).contains("empty");
        assertThat(fail("- a\n- b\n", EdgeToolFormat.AZ_DEVICES).problem()).contains("expected a mapping");
    }

    @Test
    void tooDeepForTheTopLayerIsRefused() {
        InputException e = catchThrowableOfType(InputException.class, () -> EdgeToolFiles.parse(
                Fixtures.bytes(Fixtures.IOTEDGE), "cfg.yaml", EdgeToolFormat.IOTEDGE_CONFIG, new ImportOptions("", "L1")));
        assertThat(e.problem()).contains("L3-edge-1").contains("2 levels below");
        InputException unknown = catchThrowableOfType(InputException.class, () -> EdgeToolFiles.parse(
                Fixtures.bytes(Fixtures.IOTEDGE), "cfg.yaml", EdgeToolFormat.IOTEDGE_CONFIG, new ImportOptions("", "L9")));
        assertThat(unknown.problem()).contains("unknown layer 'L9'").contains("L5, L4, L3, L2, L1, L0");
    }

    @Test
    void deepHierarchyUsesLayersL1AndL0() throws Exception {
        String yaml = iotedge().replace("          # hostname: \"FQDN or IP\"", "          child:\n            - device_id: L2-edge\n"
                + "              child:\n                - device_id: L1-edge\n                  child:\n                    - device_id: L0-edge\n"
                + "          # hostname: \"FQDN or IP\"");
        Plant p = EdgeToolFiles.parse(yaml.getBytes(StandardCharsets.UTF_8), "cfg.yaml", EdgeToolFormat.IOTEDGE_CONFIG,
                ImportOptions.defaults()).plant();
        assertThat(p.layers()).extracting(l -> l.id()).containsExactly("L5", "L4", "L3", "L2", "L1", "L0");
        assertThat(p.deviceOrNull("L0-edge").layerId()).isEqualTo("L0");
    }

    @Test
    void exportRefusesWhatNoToolHierarchyCanHold() {
        Plant sample = SamplePlants.sample();
        Plant dangling = sample.updateDevice("ops-gw", d -> d.withParent("ghost"));
        assertThat(catchThrowableOfType(InputException.class,
                () -> EdgeToolFiles.export(dangling, EdgeToolFormat.IOTEDGE_CONFIG, "p.json")).problem())
                .contains("parent 'ghost' is not in the plant");
        Plant cycle = sample.updateDevice("site-gw", d -> d.withParent("line1-edge"));
        InputException c = catchThrowableOfType(InputException.class,
                () -> EdgeToolFiles.export(cycle, EdgeToolFormat.AZ_DEVICES, "p.json"));
        assertThat(c.problem()).contains("cycle");
        assertThat(c.file()).isEqualTo("p.json");
        Plant orphanLeaf = sample.withDevice(Device.builder("lost", DeviceKind.LEAF).layerId("L2").build());
        assertThat(catchThrowableOfType(InputException.class,
                () -> EdgeToolFiles.export(orphanLeaf, EdgeToolFormat.IOTEDGE_CONFIG, "p.json")).problem())
                .contains("leaf device without a parent");
        assertThat(catchThrowableOfType(InputException.class,
                () -> EdgeToolFiles.export(Plant.empty("e"), EdgeToolFormat.IOTEDGE_CONFIG, "p.json")).problem())
                .contains("no devices");
    }

    @Test
    void exportWarnsWhenLayersDoNotFollowDepth() throws Exception {
        Plant skewed = SamplePlants.sample().updateDevice("ops-gw", d -> d.withLayer("L2"));
        ExportResult r = EdgeToolFiles.export(skewed, EdgeToolFormat.IOTEDGE_CONFIG, "p.json");
        assertThat(r.warnings()).anyMatch(w -> w.contains("'ops-gw' is on layer L2"));
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = catchThrowableOfType(InputException.class, () -> EdgeToolFiles.read(Path.of("no/such.yaml"),
                EdgeToolFormat.AZ_DEVICES, ImportOptions.defaults()));
        assertThat(e.problem()).contains("not found");
    }
}
