package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.SuperConfigWriter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code iotedge config apply} prints exactly the sample shapes (config-apply-failures.txt) for the
 * TOML error, DPS on a child, a hostname change with existing containers, and success; and fails
 * the runtime's way on the other config errors (facts §3).
 */
class ConfigApplyGoldenTest {
    private static String combined(CommandResult r) {
        return r.stdout() + r.stderr();
    }

    @Test
    void tomlSyntaxErrorMatchesSampleExactly() throws Exception {
        Samples.Block sample = Samples.applyBlocks().get(0);
        try (EmulatedDevice d = new EmulatedDevice("l3-line1-gw", new EmulatedDevice.Network())) {
            StringBuilder toml = new StringBuilder("hostname = \"l3-line1-gw\"\nparent_hostname = \"l4-site-gw.plant7.example.net\"\n\n"
                    + "[provisioning]\nsource = \"manual\"\n"
                    + "connection_string = \"HostName=contoso-plant7.azure-devices.net;DeviceId=l3-line1-gw;SharedAccessKey=a2V5\"\n\n"
                    + "[agent]\nname = \"edgeAgent\"\ntype = \"docker\"\n\n");
            toml.append("# agent image pulled through the parent\n[agent.config]\n");
            toml.append("image: \"l4-site-gw.plant7.example.net:443/azureiotedge-agent:1.5\"\n");
            assertThat(toml.toString().split("\n")[13]).startsWith("image:");
            d.writeConfig(toml.toString());
            CommandResult r = d.iotedge("config", "apply", "-c", "/etc/aziot/config.toml");
            assertThat(combined(r)).isEqualTo(sample.output());
            assertThat(r.exitCode()).isEqualTo(sample.exit()).isEqualTo(1);
            assertThat(d.fs.exists(SuperConfigWriter.path("edged"))).isFalse();
        }
    }

    @Test
    void dpsOnChildMatchesSample() throws Exception {
        Samples.Block sample = Samples.applyBlocks().get(1);
        try (EmulatedDevice d = new EmulatedDevice("l3-line1-gw", new EmulatedDevice.Network())) {
            d.writeConfig("hostname = \"l3-line1-gw\"\nparent_hostname = \"l4-site-gw.plant7.example.net\"\n\n"
                    + "[provisioning]\nsource = \"dps\"\nglobal_endpoint = \"https://global.azure-devices-provisioning.net\"\n"
                    + "id_scope = \"0ne00000000\"\n");
            CommandResult r = d.iotedge("config", "apply", "-c", "/etc/aziot/config.toml");
            assertThat(combined(r)).isEqualTo(sample.output());
            assertThat(r.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void hostnameChangeWithContainersMatchesSampleAndSuccessMatchesSample() throws Exception {
        List<Samples.Block> blocks = Samples.applyBlocks();
        TestPki pki = new TestPki("Plant7 Root CA");
        try (EmulatedDevice d = new EmulatedDevice("l3-line1-gw", new EmulatedDevice.Network())) {
            d.installEdgeCa(pki, pki.edgeCa("l3-line1-gw"), "l3-line1-gw");
            d.writeConfig(EmulatedDevice.config("l3-line1-gw", "l4-site-gw.plant7.example.net", "l3-line1-gw"));
            CommandResult ok = d.iotedge("config", "apply", "-c", "/etc/aziot/config.toml");
            assertThat(combined(ok)).isEqualTo(blocks.get(3).output());
            assertThat(ok.exitCode()).isZero();
            d.writeConfig(EmulatedDevice.config("l3-line1-gw.plant7.example.net", "l4-site-gw.plant7.example.net", "l3-line1-gw"));
            CommandResult refused = d.iotedge("config", "apply", "-c", "/etc/aziot/config.toml");
            assertThat(combined(refused)).isEqualTo(blocks.get(2).output());
            assertThat(refused.exitCode()).isEqualTo(1);
            // the documented fix: remove the modules, apply again
            assertThat(d.docker("rm", "-f", "edgeAgent", "edgeHub").exitCode()).isZero();
            assertThat(d.iotedge("config", "apply").exitCode()).isZero();
            assertThat(d.docker("inspect", "edgeHub").stdout()).contains("EdgeDeviceHostName=l3-line1-gw.plant7.example.net");
        }
    }

    @Test
    void successWritesSuperConfigsPerServiceUser() throws Exception {
        TestPki pki = new TestPki("Root");
        try (EmulatedDevice d = new EmulatedDevice("gw", new EmulatedDevice.Network())) {
            d.installEdgeCa(pki, pki.edgeCa("gw"), "gw");
            d.writeConfig(EmulatedDevice.config("gw", null, "gw"));
            assertThat(d.iotedge("config", "apply").exitCode()).isZero();
            for (String svc : SuperConfigWriter.SERVICES) {
                var p = d.fs.path(SuperConfigWriter.path(svc));
                assertThat(Files.exists(p)).isTrue();
                assertThat(d.fs.octalMode(p)).isEqualTo("600");
                assertThat(d.fs.owner(p)).isEqualTo(SuperConfigWriter.SERVICE_USERS.get(svc));
            }
            assertThat(d.fs.read(SuperConfigWriter.path("keyd")))
                    .contains("\"aziot-edged-ca\" = \"file:///var/aziot/secrets/gw.key.pem\"");
        }
    }

    @Test
    void otherConfigErrorsFailTheRuntimeWay() throws Exception {
        try (EmulatedDevice d = new EmulatedDevice("gw", new EmulatedDevice.Network())) {
            d.writeConfig("hostname = \"gw\"\n\n[agent]\nname = \"edgeAgent\"\n");
            CommandResult r = d.iotedge("config", "apply");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr()).startsWith("Command failed: could not parse config file /etc/aziot/config.toml\n"
                    + "        caused by: TOML parse error at line 1, column 1\n").endsWith("missing field `provisioning`\n");

            d.writeConfig("hostname = \"gw\"\ntrust_bundle_cert = \"/var/aziot/certs/root.pem\"\n\n[provisioning]\n"
                    + "source = \"manual\"\nconnection_string = \"HostName=h;DeviceId=gw;SharedAccessKey=a2V5\"\n");
            r = d.iotedge("config", "apply");
            assertThat(r.stderr()).contains("TOML parse error at line 2, column 21\n")
                    .contains("2 | trust_bundle_cert = \"/var/aziot/certs/root.pem\"\n  |                     ^\n")
                    .endsWith("relative URL without a base\n");

            d.writeConfig("hostname = \"gw\"\n\n[provisioning]\nsource = \"manual\"\n"
                    + "connection_string = \"HostName=h;DeviceId=gw;SharedAccessKey=a2V5\"\n\n[edge_ca]\n"
                    + "cert = \"file:///var/aziot/certs/gw.pem\"\n");
            r = d.iotedge("config", "apply");
            assertThat(r.stderr()).contains("TOML parse error at line 7, column 1\n")
                    .endsWith("data did not match any variant of untagged enum EdgeCa\n");
            assertThat(r.exitCode()).isEqualTo(1);

            d.writeConfig(EmulatedDevice.config("gw", null, "gw"));
            r = io.nestedge.commissioning.virtualplant.cmd.IotEdgeCommand.run(d.ctx, "iotadmin",
                    List.of("config", "apply"));
            assertThat(r.stderr()).isEqualTo("Command failed: this command must be run as root\n");
            assertThat(r.exitCode()).isEqualTo(1);
        }
    }
}
