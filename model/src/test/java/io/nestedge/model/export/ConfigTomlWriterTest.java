package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.Plant;
import io.nestedge.model.Provisioning;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class ConfigTomlWriterTest {
    static final String KEY = "c2VjcmV0LXByaW1hcnkta2V5LTMyLWJ5dGVzLWxvbmch";
    final Plant plant = SamplePlants.sample();
    final DeviceFileLayout layout = DeviceFileLayout.defaults();

    static ExportSecrets sas(String... ids) {
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (String id : ids) {
            keys.put(id, KEY);
        }
        return new ExportSecrets(null, keys, null);
    }

    private TomlParseResult parse(String text) {
        TomlParseResult r = Toml.parse(text);
        assertThat(r.errors()).isEmpty();
        return r;
    }

    @Test
    void topLayerGatewayHasTopLevelKeysFirstAndManualSas() throws Exception {
        String text = ConfigTomlWriter.write(plant, plant.deviceOrNull("site-gw"), layout, sas("site-gw"));
        TomlParseResult t = parse(text);
        assertThat(t.getString("hostname")).isEqualTo("site-gw.contoso-plant.local");
        assertThat(t.contains("parent_hostname")).isFalse();
        assertThat(t.getString("trust_bundle_cert")).isEqualTo("file:///var/aziot/certs/azure-iot-test-only.root.ca.cert.pem");
        assertThat(t.getString("provisioning.source")).isEqualTo("manual");
        assertThat(t.getString("provisioning.iothub_hostname")).isEqualTo("contoso-hub.azure-devices.net");
        assertThat(t.getString("provisioning.device_id")).isEqualTo("site-gw");
        assertThat(t.getString("provisioning.authentication.method")).isEqualTo("sas");
        assertThat(t.getString("provisioning.authentication.device_id_pk.value")).isEqualTo(KEY);
        assertThat(t.getString("edge_ca.cert")).isEqualTo("file:///var/aziot/certs/iot-edge-device-ca-site-gw-full-chain.cert.pem");
        assertThat(t.getString("edge_ca.pk")).isEqualTo("file:///var/aziot/secrets/iot-edge-device-ca-site-gw.key.pem");
        assertThat(t.getString("agent.name")).isEqualTo("edgeAgent");
        assertThat(t.getString("agent.type")).isEqualTo("docker");
        assertThat(t.getString("agent.config.image")).isEqualTo("mcr.microsoft.com/azureiotedge-agent:1.5");
        assertThat(t.getString("connect.workload_uri")).isEqualTo("unix:///var/run/iotedge/workload.sock");
        assertThat(t.getString("listen.management_uri")).isEqualTo("fd://aziot-edged.mgmt.socket");

        // Readable: comments, key = "value", inline table for the key, top-level keys before the first table.
        assertThat(text).contains("# Hostname", "hostname = \"site-gw.contoso-plant.local\"",
                "device_id_pk = { value = \"" + KEY + "\" }", "[edge_ca]", "image = \"mcr.microsoft.com/azureiotedge-agent:1.5\"");
        int firstTable = text.indexOf("\n[");
        assertThat(text.indexOf("hostname =")).isLessThan(firstTable);
        assertThat(text.indexOf("trust_bundle_cert =")).isLessThan(firstTable);
        assertThat(ConfigLint.lint(text, "site-gw.toml")).isEmpty();
    }

    @Test
    void lowerLayerDeviceHasParentHostnameAndUpstreamAgent() throws Exception {
        String text = ConfigTomlWriter.write(plant, plant.deviceOrNull("ops-gw"), layout,
                new ExportSecrets(Map.of("ops-gw", "HostName=contoso-hub.azure-devices.net;DeviceId=ops-gw;SharedAccessKey=" + KEY), null, null));
        TomlParseResult t = parse(text);
        assertThat(t.getString("parent_hostname")).isEqualTo("site-gw.contoso-plant.local");
        assertThat(text.indexOf("parent_hostname =")).isLessThan(text.indexOf("\n["));
        assertThat(t.getString("provisioning.connection_string")).endsWith("DeviceId=ops-gw;SharedAccessKey=" + KEY);
        assertThat(t.contains("provisioning.authentication")).isFalse();
        assertThat(t.getString("agent.config.image")).isEqualTo("$upstream:443/azureiotedge-agent:1.5");
        assertThat(ConfigLint.lint(text, "ops-gw.toml")).isEmpty();
    }

    @Test
    void x509IdentityUsesFileUrisFromTheLayout() throws Exception {
        Device d = plant.deviceOrNull("line1-edge").toBuilder().provisioning(Provisioning.manualX509()).build();
        TomlParseResult t = parse(ConfigTomlWriter.write(plant.withDevice(d), d, layout, ExportSecrets.none()));
        assertThat(t.getString("provisioning.authentication.method")).isEqualTo("x509");
        assertThat(t.getString("provisioning.authentication.identity_cert"))
                .isEqualTo("file:///var/aziot/certs/iot-device-line1-edge-full-chain.cert.pem");
        assertThat(t.getString("provisioning.authentication.identity_pk"))
                .isEqualTo("file:///var/aziot/secrets/iot-device-line1-edge.key.pem");
    }

    @Test
    void missingSecretOrWrongConnectionStringIsAnExportErrorNamingTheDevice() {
        assertThatThrownBy(() -> ConfigTomlWriter.write(plant, plant.deviceOrNull("site-gw"), layout, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("site-gw").hasMessageContaining("SAS key");
        assertThatThrownBy(() -> ConfigTomlWriter.write(plant, plant.deviceOrNull("site-gw"), layout,
                new ExportSecrets(Map.of("site-gw", "HostName=h;DeviceId=ops-gw;SharedAccessKey=" + KEY), null, null)))
                .isInstanceOf(ExportException.class).hasMessageContaining("for device 'ops-gw'");
        assertThatThrownBy(() -> ConfigTomlWriter.write(plant, plant.deviceOrNull("site-gw"), layout,
                new ExportSecrets(null, Map.of("site-gw", "not base64!"), null)))
                .isInstanceOf(ExportException.class).hasMessageContaining("base64");
    }

    @Test
    void dpsOnAChildIsRefusedAndLeafDevicesGetNoConfig() {
        Device child = plant.deviceOrNull("ops-gw").toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "0ne00ABC")).build();
        assertThatThrownBy(() -> ConfigTomlWriter.write(plant.withDevice(child), child, layout, sas("ops-gw")))
                .isInstanceOf(ExportException.class).hasMessageContaining("nested mode");
        assertThatThrownBy(() -> ConfigTomlWriter.write(plant, plant.deviceOrNull("press-sensor-01"), layout, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("not an IoT Edge device");
    }

    @Test
    void dpsOnTheTopLayerUsesSymmetricKeyAttestation() throws Exception {
        Device top = plant.deviceOrNull("site-gw").toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "0ne00ABC")).build();
        TomlParseResult t = parse(ConfigTomlWriter.write(plant.withDevice(top), top, layout, sas("site-gw")));
        assertThat(t.getString("provisioning.source")).isEqualTo("dps");
        assertThat(t.getString("provisioning.id_scope")).isEqualTo("0ne00ABC");
        assertThat(t.getString("provisioning.attestation.method")).isEqualTo("symmetric_key");
        assertThat(t.getString("provisioning.attestation.symmetric_key.value")).isEqualTo(KEY);
    }

    @Test
    void privateRegistryAddsAgentAuthWithThePasswordEnteredAtExport() throws Exception {
        Device top = plant.deviceOrNull("site-gw").withRuntime(EdgeRuntime.of("contoso.azurecr.io", "1.5"));
        Plant p = plant.withRegistry(new RegistrySettings("contoso.azurecr.io", "puller")).withDevice(top);
        assertThatThrownBy(() -> ConfigTomlWriter.write(p, top, layout, sas("site-gw")))
                .isInstanceOf(ExportException.class).hasMessageContaining("registry password");
        TomlParseResult t = parse(ConfigTomlWriter.write(p, top, layout,
                new ExportSecrets(null, Map.of("site-gw", KEY), "s3cr\"et\\pw")));
        assertThat(t.getString("agent.config.auth.serveraddress")).isEqualTo("contoso.azurecr.io");
        assertThat(t.getString("agent.config.auth.username")).isEqualTo("puller");
        assertThat(t.getString("agent.config.auth.password")).isEqualTo("s3cr\"et\\pw");
    }

    @Test
    void aSeventyCharacterHostnameIsRefusedNotWritten() {
        Device top = plant.deviceOrNull("site-gw").withHostname("a".repeat(60) + ".example.net");
        assertThatThrownBy(() -> ConfigTomlWriter.write(plant.withDevice(top), top, layout, sas("site-gw")))
                .isInstanceOf(ExportException.class).hasMessageContaining("NE-TOML-HOSTNAME-LENGTH");
    }

    @Property(tries = 300)
    void anyDeviceIdAndHostnameSurviveWritingAndReparsing(@ForAll("ids") String id, @ForAll("hosts") String host)
            throws Exception {
        Device d = plant.deviceOrNull("site-gw").toBuilder().id(id).hostname(host).build();
        Plant p = new Plant("p", plant.layers(), List.of(d), plant.hub(), plant.registry(), plant.apiProxy(), plant.pki());
        String text = ConfigTomlWriter.write(p, d, layout, sas(id));
        TomlParseResult t = Toml.parse(text);
        assertThat(t.errors()).isEmpty();
        assertThat(t.getString("provisioning.device_id")).isEqualTo(id);
        assertThat(t.getString("hostname")).isEqualTo(host);
        assertThat(java.net.URI.create(t.getString("edge_ca.pk")).getPath())
                .isEqualTo(layout.edgeCaKey(id));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                .filter(s -> s.indexOf('/') < 0 && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && !s.equals(".")
                        && !s.equals("..") && s.codePoints().allMatch(Character::isDefined)
                        && s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64)
                .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }
}
