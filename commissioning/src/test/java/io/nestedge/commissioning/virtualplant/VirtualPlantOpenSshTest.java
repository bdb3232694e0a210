package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.samples.SamplePlants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OpenSSH client ({@code ssh}, {@code sftp}) against a virtual plant: key login with a
 * verified host key, {@code id -un}, {@code sudo -S}, an SFTP upload that keeps its mode, unknown
 * commands, and ProxyJump through the parent only (a non-parent gateway refuses to forward).
 * Needs the openssh-client package; the test fails (does not skip) when CI says it is required.
 */
class VirtualPlantOpenSshTest {
    @TempDir
    static Path tmp;
    static VirtualPlant plant;
    static Path key;
    static Path knownHosts;

    @BeforeAll
    static void startPlant() throws Exception {
        boolean haveSsh = Files.isExecutable(Path.of("/usr/bin/ssh")) && Files.isExecutable(Path.of("/usr/bin/sftp"));
        if (System.getenv("CI") != null) {
            assertThat(haveSsh).as("openssh-client must be installed in CI").isTrue();
        }
        Assumptions.assumeTrue(haveSsh, "openssh-client not installed");
        key = tmp.resolve("id_ed25519");
        assertThat(run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()), null).exit).isZero();
        var pub = AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(tmp.resolve("id_ed25519.pub")).trim())
                .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        plant = VirtualPlant.start(SamplePlants.sample());
        StringBuilder kh = new StringBuilder();
        for (String id : List.of("site-gw", "ops-gw", "line1-edge", "press-sensor-01")) {
            VirtualDevice d = plant.device(id);
            d.authorize(pub);
            kh.append("[127.0.0.1]:").append(d.port()).append(' ').append(PublicKeyEntry.toString(d.hostKey())).append('\n');
        }
        knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, kh);
    }

    @AfterAll
    static void stop() {
        if (plant != null) {
            plant.close();
        }
    }

    record Out(int exit, String stdout, String stderr) {
    }

    static Out run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Out(p.exitValue(), out, err);
    }

    static List<String> sshOpts() {
        return List.of("-i", key.toString(), "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10");
    }

    static Out ssh(String device, String command, String stdin) throws Exception {
        List<String> c = new ArrayList<>(List.of("ssh"));
        c.addAll(sshOpts());
        c.addAll(List.of("-p", Integer.toString(plant.device(device).port()), "iotadmin@127.0.0.1", command));
        return run(c, stdin);
    }

    @Test
    void keyLoginRunsIdAndSudo() throws Exception {
        Out id = ssh("site-gw", "id -un", null);
        assertThat(id.stdout()).as(id.stderr()).isEqualTo("iotadmin\n");
        assertThat(id.exit()).isZero();
        String pw = plant.device("site-gw").sudoPassword();
        Out root = ssh("site-gw", "sudo -S -k -p '' id -un", pw + "\n");
        assertThat(root.stdout()).isEqualTo("root\n");
        Out wrong = ssh("site-gw", "sudo -S -k -p '' id -un", "nope\n");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.stderr()).contains("incorrect password attempt");
        Out unknown = ssh("site-gw", "frobnicate --now", null);
        assertThat(unknown.exit()).isEqualTo(127);
        assertThat(unknown.stderr()).isEqualTo("sh: 1: frobnicate: not found\n");
    }

    @Test
    void sftpUploadKeepsMode() throws Exception {
        Path local = tmp.resolve("gw.key.pem");
        Files.writeString(local, "not really a key\n");
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rw-r-----"));
        Path batch = tmp.resolve("batch");
        Files.writeString(batch, "put -p " + local + " /tmp/gw.key.pem\n");
        List<String> c = new ArrayList<>(List.of("sftp", "-b", batch.toString()));
        c.addAll(sshOpts());
        c.addAll(List.of("-P", Integer.toString(plant.device("ops-gw").port()), "iotadmin@127.0.0.1"));
        Out r = run(c, null);
        assertThat(r.exit()).as(r.stderr()).isZero();
        var fs = plant.device("ops-gw").fs();
        assertThat(fs.read("/tmp/gw.key.pem")).isEqualTo("not really a key\n");
        assertThat(fs.octalMode(fs.path("/tmp/gw.key.pem"))).isEqualTo("640");
        assertThat(fs.owner(fs.path("/tmp/gw.key.pem"))).isEqualTo("iotadmin");
        Out st = ssh("ops-gw", "stat -c '%a %U' /tmp/gw.key.pem", null);
        assertThat(st.stdout()).isEqualTo("640 iotadmin\n");
    }

    @Test
    void lowerLayersAreReachableOnlyThroughTheirParent() throws Exception {
        String jumpParent = "iotadmin@127.0.0.1:" + plant.device("ops-gw").port();
        List<String> c = new ArrayList<>(List.of("ssh"));
        c.addAll(sshOpts());
        c.addAll(List.of("-J", jumpParent, "-p", Integer.toString(plant.device("line1-edge").port()), "iotadmin@127.0.0.1",
                "hostname"));
        Out viaParent = run(withJumpOpts(c), null);
        assertThat(viaParent.stdout()).as(viaParent.stderr()).isEqualTo("line1-edge\n");

        String jumpTop = "iotadmin@127.0.0.1:" + plant.device("site-gw").port();
        List<String> d = new ArrayList<>(List.of("ssh"));
        d.addAll(sshOpts());
        d.addAll(List.of("-J", jumpTop, "-p", Integer.toString(plant.device("line1-edge").port()), "iotadmin@127.0.0.1",
                "hostname"));
        Out viaGrandparent = run(withJumpOpts(d), null);
        assertThat(viaGrandparent.exit()).isNotZero();
        assertThat(viaGrandparent.stdout()).isEmpty();
        assertThat(viaGrandparent.stderr()).containsIgnoringCase("administratively prohibited");
    }

    /** ProxyJump's inner ssh must use the same key and known hosts. */
    private static List<String> withJumpOpts(List<String> c) throws IOException {
        Path cfg = tmp.resolve("ssh_config");
        Files.writeString(cfg, "Host *\n  IdentityFile " + key + "\n  UserKnownHostsFile " + knownHosts
                + "\n  StrictHostKeyChecking yes\n  BatchMode yes\n  IdentitiesOnly yes\n");
        List<String> out = new ArrayList<>(c);
        out.addAll(1, List.of("-F", cfg.toString()));
        return out;
    }
}
