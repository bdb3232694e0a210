package io.nestedge.commissioning.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the network-namespace test bed with real OpenSSH and OpenSSL binaries, on the 3-layer
 * sample plant (site-gw → ops-gw → line1-edge → press-sensor-01): layer isolation (facts §7: lower
 * layers reachable only through their parent), jump hosts, sudo with a password, private device
 * file systems, and TLS to the parent by its hostname from the child's /etc/hosts (facts §2, §6).
 * Runs only as root on Linux; fails instead of skipping when {@code CI=true} or
 * {@code NESTEDGE_TESTBED=required}.
 */
class TestbedTest {
    private static final Path SCRIPT = Path.of("src/test/testbed/testbed.sh").toAbsolutePath();
    private static final Path PLANT = Path.of("../examples/sample-plant.json").toAbsolutePath().normalize();
    private static final Path STATE = Path.of("target/testbed-state").toAbsolutePath();

    private static Testbed bed;
    private static TestbedSheet sheet;
    private static OpenSsh ssh;
    private static TestbedSheet.Device top;
    private static TestbedSheet.Device middle;
    private static TestbedSheet.Device bottom;

    @BeforeAll
    static void up() throws IOException {
        TestbedRequirement.assumeAvailableOrFail(System.getenv());
        bed = Testbed.up(SCRIPT, PLANT, STATE, Testbed.emulatorClasspath());
        sheet = bed.sheet();
        ssh = new OpenSsh(sheet, 3);
        top = sheet.topLayer().get(0);
        middle = sheet.childrenOf(top.id()).get(0);
        bottom = sheet.childrenOf(middle.id()).stream().filter(d -> d.kind().equals("IOT_EDGE")).findFirst().orElseThrow();
        System.out.printf("testbed: bring-up of %d devices took %d ms (goal < 30000 ms)%n", sheet.devices().size(),
                bed.bringUpTime().toMillis());
    }

    @AfterAll
    static void down() throws IOException {
        if (bed != null) {
            List<Long> daemons = sheet.devices().stream().map(TestbedSheet.Device::emulatorDaemonPid).toList();
            Duration t = bed.down();
            assertThat(daemons).as("no emulator daemon outlives down").allSatisfy(pid -> assertThat(exited(pid)).isTrue());
            System.out.printf("testbed: teardown took %d ms; bring-up + teardown %d ms (goal < 30000 ms)%n",
                    t.toMillis(), bed.bringUpTime().plus(t).toMillis());
            assertThat(STATE).doesNotExist();
        }
    }

    /** Gone, or a zombie waiting for init to reap it. */
    private static boolean exited(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    @Test
    void sheetListsEveryPlantDeviceWithTheHostKeyItsSshdPresents() throws Exception {
        Plant plant = PlantFile.read(PLANT);
        assertThat(sheet.devices()).extracting(TestbedSheet.Device::id)
                .containsExactlyInAnyOrderElementsOf(plant.devices().stream().map(Device::id).toList());
        for (TestbedSheet.Device d : sheet.devices()) {
            // Scan the key from the host (top layer) or from inside the parent (lower layers).
            ProcessResult scan = d.parentId().isEmpty()
                    ? Processes.run(Duration.ofSeconds(15), "ssh-keyscan", "-T", "3", "-t", "ed25519", d.sshAddress())
                    : bed.exec(d.parentId(), Duration.ofSeconds(15), "ssh-keyscan", "-T", "3", "-t", "ed25519",
                            d.hostname());
            String keyLine = scan.stdout().lines().filter(l -> l.contains(" ssh-ed25519 ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no key scanned from " + d.id() + ": " + scan.describe()));
            assertThat(fingerprint(keyLine.split(" ")[2])).as(d.id()).isEqualTo(d.hostKeyFingerprint());
            assertThat(d.hostKeyFingerprint()).matches("SHA256:[A-Za-z0-9+/]{43}");
        }
    }

    @Test
    void hostReachesTheTopLayerOnlyWithItsVerifiedHostKey() throws IOException {
        ProcessResult ok = ssh.run(null, top.loginAtAddress(), "hostname", null);
        assertThat(ok.ok()).as(ok.describe()).isTrue();
        assertThat(ok.stdout().strip()).isEqualTo(top.machineHostname());

        Path empty = Files.createTempFile("nestedge-known", "");
        try {
            ProcessResult unknown = ssh.run(null, top.loginAtAddress(), "hostname", null,
                    "UserKnownHostsFile=" + empty, "StrictHostKeyChecking=yes");
            assertThat(unknown.exitCode()).isEqualTo(255);
            assertThat(unknown.stderr()).contains("Host key verification failed");
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void hostCannotReachTheMiddleLayerDirectly() throws IOException {
        for (TestbedSheet.Address a : middle.addresses()) {
            ProcessResult r = ssh.run(null, middle.user() + "@" + a.address(), "hostname", null);
            assertThat(r.exitCode()).as(r.describe()).isEqualTo(255);
            assertThat(r.stderr()).containsAnyOf("No route to host", "Network is unreachable", "timed out");
        }
        // Neither can it reach the top layer's address on the middle's link.
        ProcessResult r = ssh.run(null, top.user() + "@" + top.addressTowards(middle.id()), "hostname", null);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(255);
    }

    @Test
    void jumpingThroughTheParentReachesTheLowerLayers() throws IOException {
        ProcessResult m = ssh.run(top.loginAtAddress(), middle.loginAtHostname(), "hostname", null);
        assertThat(m.ok()).as(m.describe()).isTrue();
        assertThat(m.stdout().strip()).isEqualTo(middle.machineHostname());

        ProcessResult b = ssh.run(top.loginAtAddress() + "," + middle.loginAtHostname(), bottom.loginAtHostname(),
                "hostname", null);
        assertThat(b.ok()).as(b.describe()).isTrue();
        assertThat(b.stdout().strip()).isEqualTo(bottom.machineHostname());
    }

    @Test
    void sudoNeedsThisDevicesPasswordOnStdin() throws IOException {
        String jump = top.loginAtAddress();
        ProcessResult good = ssh.run(jump, middle.loginAtHostname(), "sudo -S -p '' id -u",
                bed.sudoPassword(middle.id()) + "\n");
        assertThat(good.ok()).as(good.describe()).isTrue();
        assertThat(good.stdout().strip()).isEqualTo("0");

        ProcessResult wrong = ssh.run(jump, middle.loginAtHostname(), "sudo -S -p '' id -u", "not-the-password\n");
        assertThat(wrong.exitCode()).as(wrong.describe()).isNotZero();
        assertThat(wrong.stdout()).doesNotContain("0");
        assertThat(wrong.stderr()).contains("incorrect password");

        ProcessResult otherDevice = ssh.run(jump, middle.loginAtHostname(), "sudo -S -p '' id -u",
                bed.sudoPassword(top.id()) + "\n");
        assertThat(otherDevice.exitCode()).as("top's password on the middle device").isNotZero();
    }

    @Test
    void eachDeviceHasPrivateAziotSecretsAndTrustStoreDirectories() throws IOException {
        String name = "probe-" + UUID.randomUUID();
        for (String dir : List.of("/etc/aziot", "/var/aziot", "/var/lib/aziot", "/var/secrets")) {
            String file = dir + "/" + name;
            ProcessResult w = ssh.run(null, top.loginAtAddress(), "sudo -S -p '' sh -c 'echo top > " + file + "'",
                    bed.sudoPassword(top.id()) + "\n");
            assertThat(w.ok()).as(w.describe()).isTrue();
            assertThat(ssh.run(null, top.loginAtAddress(), "cat " + file, null).stdout()).isEqualTo("top\n");

            ProcessResult onMiddle = ssh.run(top.loginAtAddress(), middle.loginAtHostname(), "test -e " + file, null);
            assertThat(onMiddle.exitCode()).as(file + " on the middle device").isEqualTo(1);
            assertThat(Path.of(file)).as(file + " on the host").doesNotExist();
            assertThat(top.privateRoot().resolve(dir.substring(1)).resolve(name)).exists();
        }
    }

    @Test
    void updateCaCertificatesChangesOnlyThisDevicesTrustStore() throws IOException {
        // Devices have a private /tmp: a checkout under /tmp (CI clones there) is invisible to them, /run is shared.
        Path tls = Files.createDirectories(Path.of("/run/nestedge-testbed", "tls-" + ProcessHandle.current().pid()));
        String cn = "trust-probe-" + UUID.randomUUID().toString().substring(0, 8);
        selfSigned(cn, tls.resolve(cn + ".key.pem"), tls.resolve(cn + ".cert.pem"));
        String pem = Files.readString(tls.resolve(cn + ".cert.pem"));
        // One session, as a commissioning step does it: sudo reads the password line from stdin
        // (byte by byte), the command reads the rest (the certificate).
        String install = "sudo -S -p '' sh -c 'cat > /usr/local/share/ca-certificates/" + cn + ".crt"
                + " && update-ca-certificates >/dev/null 2>&1'";
        ProcessResult r = ssh.run(null, top.loginAtAddress(), install, bed.sudoPassword(top.id()) + "\n" + pem);
        assertThat(r.ok()).as(r.describe()).isTrue();

        String bundle = "/etc/ssl/certs/ca-certificates.crt";
        String trimmed = pem.strip();
        assertThat(ssh.run(null, top.loginAtAddress(), "cat " + bundle, null).stdout()).contains(trimmed);
        assertThat(ssh.run(null, top.loginAtAddress(), "test -L /etc/ssl/certs/" + cn + ".pem", null).ok()).isTrue();
        assertThat(ssh.run(top.loginAtAddress(), middle.loginAtHostname(), "cat " + bundle, null).stdout())
                .isNotEmpty().doesNotContain(trimmed);
        assertThat(Files.readString(Path.of(bundle))).doesNotContain(trimmed);
        assertThat(Path.of("/usr/local/share/ca-certificates", cn + ".crt")).doesNotExist();
        // the host's update-ca-certificates hooks (e.g. the JDK's jks-keystore, which runs the host's
        // dpkg triggers) are not the device's: its hook directory is its own and empty
        ProcessResult hooks = ssh.run(null, top.loginAtAddress(), "ls -A /etc/ca-certificates/update.d", null);
        assertThat(hooks.ok()).as(hooks.describe()).isTrue();
        assertThat(hooks.stdout()).isEmpty();
    }

    @Test
    void emulatedCommandsGoToTheDeviceViewsDaemonWhichKnowsTheCallerFromTheKernel() throws IOException {
        assertThat(sheet.devices()).allSatisfy(d -> assertThat(ProcessHandle.of(d.emulatorDaemonPid()))
                .as(d.id() + " daemon").hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue()));
        Path log = middle.privateRoot().resolve("var/log/nestedge-emulator/daemon.log");
        String jump = top.loginAtAddress();

        ProcessResult asUser = ssh.run(jump, middle.loginAtHostname(), "iotedge config apply", null);
        assertThat(asUser.exitCode()).as(asUser.describe()).isEqualTo(1);
        assertThat(asUser.stderr()).isEqualTo("Command failed: this command must be run as root\n");
        ProcessResult asRoot = ssh.run(jump, middle.loginAtHostname(), "sudo -S -p '' iotedge version",
                bed.sudoPassword(middle.id()) + "\n");
        assertThat(asRoot.stdout()).as(asRoot.describe()).matches("iotedge \\d+\\.\\d+\\.\\d+\n");
        assertThat(Files.readString(log)).contains(middle.user() + ": iotedge config apply -> 1")
                .contains("root: iotedge version -> 0");

        // Without the daemon (the launcher's fallback line), the same answer from a JVM of its own.
        long served = Files.readAllLines(log).stream().filter(l -> l.contains(": iotedge version -> ")).count();
        ProcessResult fallback = bed.exec(middle.id(), Duration.ofMinutes(2), "env", "NESTEDGE_EMULATOR_NO_DAEMON=1",
                "iotedge", "version");
        assertThat(fallback.stdout()).as(fallback.describe()).isEqualTo(asRoot.stdout());
        assertThat(Files.readAllLines(log).stream().filter(l -> l.contains(": iotedge version -> ")).count()).isEqualTo(served);
    }

    @Test
    void devicesRunRealDebianToolsAndTheEmulatorLaunchers() throws IOException {
        ProcessResult r = ssh.run(top.loginAtAddress(), middle.loginAtHostname(),
                "command -v iotedge docker sudo install chown openssl; ls /usr/sbin/update-ca-certificates;"
                        + " getent passwd aziotcs aziotks iotedge | cut -d: -f1; hostname; cat /usr/local/bin/iotedge",
                null);
        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.stdout()).contains("/usr/local/bin/iotedge\n/usr/local/bin/docker\n/usr/bin/sudo\n")
                .contains("/usr/sbin/update-ca-certificates\n").contains("aziotcs\naziotks\niotedge\n")
                .contains(middle.machineHostname() + "\n")
                .contains("io.nestedge.commissioning.virtualplant.EmulatorMain")
                .contains("--machine-hostname " + middle.machineHostname())
                .contains("--hosts-file /etc/hosts iotedge \"$@\"");
        assertThat(sheet.emulator().classpath()).isNotEmpty();
    }

    @Test
    void childVerifiesTlsOfItsParentByTheParentHostname() throws Exception {
        // Devices have a private /tmp: a checkout under /tmp (CI clones there) is invisible to them, /run is shared.
        Path tls = Files.createDirectories(Path.of("/run/nestedge-testbed", "tls-" + ProcessHandle.current().pid()));
        Path key = tls.resolve("top.key.pem");
        Path cert = tls.resolve("top.cert.pem");
        Path otherKey = tls.resolve("other.key.pem");
        Path otherCert = tls.resolve("other.cert.pem");
        selfSigned(top.hostname(), key, cert);
        selfSigned("unrelated-ca.example", otherKey, otherCert);

        Path log = tls.resolve("s_server.log");
        Process server = bed.start(top.id(), log, "openssl", "s_server", "-accept", "8883", "-cert", cert.toString(),
                "-key", key.toString(), "-naccept", "10");
        try {
            waitFor(log, "ACCEPT", Duration.ofSeconds(20));
            String jump = top.loginAtAddress();
            ProcessResult resolved = ssh.run(jump, middle.loginAtHostname(), "getent hosts " + top.hostname(), null);
            assertThat(resolved.stdout()).startsWith(top.addressTowards(middle.id()) + " ");

            assertThat(ssh.run(jump, middle.loginAtHostname(), "cat > /tmp/root.pem && cat > /dev/null", Files.readString(cert))
                    .ok()).isTrue();
            String sClient = "openssl s_client -connect " + top.hostname() + ":8883 -servername " + top.hostname()
                    + " -verify_hostname " + top.hostname() + " -CAfile /tmp/root.pem < /dev/null 2>&1";
            ProcessResult trusted = ssh.run(jump, middle.loginAtHostname(), sClient, null);
            assertThat(trusted.stdout()).as(trusted.describe()).contains("Server certificate")
                    .contains("subject=CN = " + top.hostname()).contains("Verify return code: 0 (ok)");

            assertThat(ssh.run(jump, middle.loginAtHostname(), "cat > /tmp/other.pem", Files.readString(otherCert))
                    .ok()).isTrue();
            ProcessResult untrusted = ssh.run(jump, middle.loginAtHostname(), sClient.replace("/tmp/root.pem",
                    "/tmp/other.pem"), null);
            assertThat(untrusted.stdout()).as(untrusted.describe()).contains("Server certificate")
                    .contains("Verify return code: ")
                    .doesNotContain("Verify return code: 0 (ok)");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void plantCommandGivesEveryDeviceItsBedAddressAndKeepsTheRestOfThePlant() throws Exception {
        Path out = Files.createTempDirectory(STATE.getParent(), "bed-plant-").resolve("bed-plant.json");
        ProcessResult r = Processes.run(Duration.ofSeconds(30), SCRIPT.toString(), "plant", STATE.toString(), PLANT.toString(),
                out.toString());
        assertThat(r.ok()).as(r.describe()).isTrue();

        Plant original = PlantFile.read(PLANT);
        Plant onBed = PlantFile.read(out);
        assertThat(onBed.devices()).hasSameSizeAs(original.devices());
        for (Device d : onBed.devices()) {
            TestbedSheet.Device b = sheet.device(d.id());
            assertThat(d.ssh().address()).as(d.id()).isEqualTo(b.sshAddress());
            assertThat(d.ssh().port()).as(d.id()).isEqualTo(b.sshPort());
            assertThat(d.ssh().user()).as(d.id()).isEqualTo(b.user());
            assertThat(d.ssh().reach()).as(d.id())
                    .isEqualTo(d.parentId().isEmpty() ? io.nestedge.model.Reachability.DIRECT : io.nestedge.model.Reachability.VIA_PARENT);
            Device before = original.deviceOrNull(d.id());
            assertThat(d.toBuilder().ssh(before.ssh()).build()).as(d.id() + " apart from ssh").isEqualTo(before);
        }

        ProcessResult foreign = Processes.run(Duration.ofSeconds(30), SCRIPT.toString(), "plant", STATE.toString(), "/etc/hostname",
                out.resolveSibling("x.json").toString());
        assertThat(foreign.ok()).isFalse();
        assertThat(foreign.stderr()).contains("not a NestEdge plant file");
        assertThat(out.resolveSibling("x.json")).doesNotExist();
    }

    private static void selfSigned(String cn, Path key, Path cert) throws IOException {
        ProcessResult r = Processes.run(Duration.ofSeconds(30), "openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "1", "-subj", "/CN=" + cn, "-addext", "subjectAltName=DNS:" + cn);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    private static void waitFor(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("'" + text + "' not seen in " + log + " within " + timeout.toSeconds() + " s");
    }

    /** OpenSSH-style fingerprint: SHA-256 of the key blob, base64 without padding. */
    private static String fingerprint(String base64Blob) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Blob));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }
}
