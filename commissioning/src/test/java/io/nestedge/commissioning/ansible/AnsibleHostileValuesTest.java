package io.nestedge.commissioning.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.SshEndpoint;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.io.InputException;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plant and bundle values end up in ssh_config (parsed by OpenSSH) and in host_vars (templated by
 * Ansible's Jinja2): a value that would add an ssh_config directive (ProxyCommand runs a local
 * command) or a Jinja2 expression (lookup('pipe', …) runs one too) is refused before any file is written.
 */
class AnsibleHostileValuesTest {
    @TempDir
    Path dir;

    private static Plant withSsh(Plant plant, String id, SshEndpoint ssh) {
        return plant.updateDevice(id, d -> d.toBuilder().ssh(ssh).build());
    }

    @Test
    void anSshAddressThatWouldAddAProxyCommandIsRefusedAndNothingIsWritten() {
        Plant sample = SamplePlants.sample();
        Device gw = sample.devices().get(0);
        Plant plant = withSsh(sample, gw.id(), new SshEndpoint("10.0.0.1\n  ProxyCommand touch /tmp/nestedge-pwned", 22,
                gw.ssh().user(), gw.ssh().reach()));
        Path out = dir.resolve("ansible");
        assertThatThrownBy(() -> AnsibleExporter.export(plant, AnsibleExporterTest.bundles(plant, false), dir.resolve("b"), out))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(gw.id()).hasMessageContaining("SSH address");
        assertThat(out).doesNotExist();
    }

    @Test
    void anSshUserWithSpacesIsRefused() {
        Plant sample = SamplePlants.sample();
        Device gw = sample.devices().get(0);
        Plant plant = withSsh(sample, gw.id(), new SshEndpoint(gw.ssh().address(), 22, "root ProxyCommand=id", gw.ssh().reach()));
        assertThatThrownBy(() -> AnsibleExporter.export(plant, AnsibleExporterTest.bundles(plant, false), dir.resolve("b"),
                dir.resolve("ansible")))
                .isInstanceOf(InputException.class).hasMessageContaining("SSH user");
    }

    @Test
    void aDeviceIdThatIsAnSshPatternIsRefused() {
        Plant sample = SamplePlants.sample();
        Device gw = sample.devices().get(0);
        // '*' is a valid IoT Hub ID character; as "Host gw*" it would match (and reroute) other hosts.
        Plant plant = sample.replaceDevice(gw.id(), gw.toBuilder().id("gw*").build());
        List<BundleInfo> bundles = AnsibleExporterTest.bundles(plant, false);
        assertThatThrownBy(() -> AnsibleExporter.export(plant, bundles, dir.resolve("b"), dir.resolve("ansible")))
                .isInstanceOf(InputException.class).hasMessageContaining("gw*");
    }

    @Test
    void aJinjaExpressionInABundleIsRefused() {
        Plant plant = SamplePlants.sample();
        List<BundleInfo> bundles = new ArrayList<>(AnsibleExporterTest.bundles(plant, false));
        BundleInfo b = bundles.get(0);
        var spec = b.spec();
        var hostile = new io.nestedge.model.steps.DeviceInstallSpec(spec.deviceId(), spec.edge(),
                "{{ lookup('pipe', 'touch /tmp/nestedge-pwned') }}", spec.parentHostname(), spec.parentPorts(), spec.os(),
                spec.rootCa(), spec.trustStoreName(), spec.certsDir(), spec.secretsDir(), spec.certFiles(), spec.keyFiles(),
                spec.edgeCaCert(), spec.config(), spec.backupSuffix());
        bundles.set(0, new BundleInfo(b.schemaVersion(), b.deviceId(), b.layerId(), b.parentId(), hostile, b.rootCaSha256(),
                b.edgeCaSha256(), b.edgeCaNotAfter(), b.encryptedKeys(), b.exportedAt(), b.tool()));
        Path out = dir.resolve("ansible");
        assertThatThrownBy(() -> AnsibleExporter.export(plant, bundles, dir.resolve("b"), out))
                .isInstanceOf(InputException.class).hasMessageContaining("{{");
        assertThat(out).doesNotExist();
    }

    @Test
    void validValuesStillExport() throws Exception {
        Plant plant = SamplePlants.sample();
        Path out = dir.resolve("ansible");
        AnsibleExporter.export(plant, AnsibleExporterTest.bundles(plant, false), dir.resolve("b"), out);
        assertThat(Files.readString(out.resolve("ssh_config"))).doesNotContain("ProxyCommand");
    }
}
