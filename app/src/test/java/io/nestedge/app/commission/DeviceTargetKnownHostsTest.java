package io.nestedge.app.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.commissioning.plan.DeviceShell;
import io.nestedge.commissioning.ssh.HostKeyPolicy;
import io.nestedge.commissioning.virtualplant.VirtualDevice;
import io.nestedge.commissioning.virtualplant.VirtualPlant;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.SshEndpoint;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The designer's real-device target trusts the host keys in the user's {@code ~/.ssh/known_hosts}
 * only when the technician asked for it (issue #5: the app's own known_hosts, optionally the user's);
 * otherwise an unknown key goes to the trust-on-first-use prompt. Against a virtual device's SSH
 * server on 127.0.0.1.
 */
class DeviceTargetKnownHostsTest {
    @TempDir
    Path dir;
    VirtualPlant devices;
    Plant plant;
    Path key;
    Path userKnownHosts;
    final AtomicInteger asked = new AtomicInteger();
    final HostKeyPolicy.Prompt rejectAndCount = k -> {
        asked.incrementAndGet();
        return HostKeyPolicy.Decision.REJECT;
    };

    @BeforeEach
    void startTopGateway() throws Exception {
        Plant sample = SamplePlants.sample();
        devices = VirtualPlant.start(sample);
        VirtualDevice top = devices.device("site-gw");
        key = dir.resolve("id_ecdsa");
        top.authorize(io.nestedge.app.TestSshKeys.writeEcdsaKey(key).getPublic());
        List<Device> ds = new ArrayList<>();
        for (Device d : sample.devices()) {
            ds.add(d.id().equals("site-gw")
                    ? d.toBuilder().ssh(new SshEndpoint("127.0.0.1", top.port(), d.ssh().user(), d.ssh().reach())).build() : d);
        }
        plant = sample.withDevices(ds);
        // bundles for the plan (the shell opens along the plan's route)
        Path plantFile = dir.resolve("plant.json");
        io.nestedge.model.io.PlantFile.write(sample.withPki(new io.nestedge.model.PkiSettings(io.nestedge.model.CaSource.GENERATE,
                io.nestedge.model.KeyType.EC_P256, io.nestedge.model.KeyType.EC_P256, 3650, 365, true, "", "", "")), plantFile);
        Path caPass = Files.writeString(dir.resolve("ca.pass"), "ca pass phrase\n");
        Files.setPosixFilePermissions(caPass, PosixFilePermissions.fromString("rw-------"));
        int exit = io.nestedge.app.cli.NestEdgeCli.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())).execute("export", plantFile.toString(), "-o",
                dir.resolve("bundles").toString(), "--plain-keys", "--ca-passphrase-file", caPass.toString());
        assertThat(exit).isZero();
        userKnownHosts = dir.resolve("user_known_hosts");
        Files.writeString(userKnownHosts, "[127.0.0.1]:" + top.port() + " " + PublicKeyEntry.toString(top.hostKey()) + "\n");
    }

    @AfterEach
    void stop() {
        devices.close();
    }

    DeviceTarget target(boolean trustUserKnownHosts) {
        Logins logins = new Logins("", key, new char[0], new char[0], devices.device("site-gw").sudoPassword().toCharArray(),
                trustUserKnownHosts);
        return new DeviceTarget(dir.resolve("app_known_hosts"), trustUserKnownHosts ? userKnownHosts : null, rejectAndCount, logins,
                dir.resolve("bundles"), null);
    }

    @Test
    void aKeyOnlyInTheUsersKnownHostsIsAskedAboutUnlessTheTechnicianTrustsThatFile() throws Exception {
        try (DeviceTarget t = target(false)) {
            assertThat(t.describe()).doesNotContain(userKnownHosts.toString());
            assertThatThrownBy(() -> t.shell(plant, "site-gw").runAsRoot("/", "id -u", Duration.ofSeconds(30)))
                    .hasMessageContaining("not known");
            assertThat(asked).hasValue(1);
            assertThat(devices.device("site-gw").authenticatedLogins()).isZero();
        }
        asked.set(0);
        try (DeviceTarget t = target(true)) {
            assertThat(t.describe()).contains(userKnownHosts.toString());
            DeviceShell shell = t.shell(plant, "site-gw");
            DeviceShell.Exec r = shell.runAsRoot("/", "id -u", Duration.ofSeconds(30));
            assertThat(r.exitCode()).isZero();
            assertThat(asked).hasValue(0);
        }
        assertThat(dir.resolve("app_known_hosts")).doesNotExist(); // read only: nothing copied into the app's file
    }

    @Test
    void theDesignerAndTheCliShareOneKnownHostsFile() {
        assertThat(DeviceTarget.defaultKnownHosts().toString()).endsWith("/.config/nestedge/known_hosts");
    }
}
