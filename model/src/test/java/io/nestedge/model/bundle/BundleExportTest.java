package io.nestedge.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.samples.SamplePlants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles checked with the real tools a device has: openssl (verify, cms), sha256sum, tar, and
 * install.sh run for real as root in a private mount namespace with stand-ins only for iotedge,
 * docker and systemctl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleExportTest {
    private static final char[] CA_PASS = "ca pass phrase".toCharArray();
    private static final String USB_PASS = "usb pass phrase";

    Path dir;
    Plant plant;
    PkiStore store;
    CertifiedKey ca;
    Path plainOut;
    Path usbOut;
    BundleExport.Result plain;

    @BeforeAll
    void exportBoth(@TempDir Path tmp) throws Exception {
        dir = tmp;
        plant = SamplePlants.sample().withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650, 365,
                true, "", "", ""));
        store = PkiStore.open(dir.resolve("pki"), CertificateIssuer.systemClock());
        ca = store.generateCa("Contoso Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, CA_PASS);
        plainOut = dir.resolve("plain");
        plain = BundleExport.export(plant, store, ca, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true),
                plainOut, ExportProgress.NONE, () -> false);
        usbOut = dir.resolve("usb");
        BundleExport.export(plant, store, ca, ExportSecrets.none(),
                new BundleOptions(false, USB_PASS.toCharArray(), Set.of(), true), usbOut, ExportProgress.NONE, () -> false);
    }

    static ProcessResult run(Path cwd, String stdin, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), out);
    }

    record ProcessResult(int exit, String out) { }

    Path bundle(Path out, String id) {
        return Bundles.bundleDir(out, id);
    }

    @Test
    void everyDeviceHasASignedBundleWithSafeModes() throws Exception {
        for (String id : List.of("site-gw", "ops-gw", "line1-edge", "press-sensor-01")) {
            Path b = bundle(plainOut, id);
            assertThat(b.resolve("bundle.json")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b.resolve("install.sh")))).isEqualTo("rwxr-xr-x");
            try (var keys = Files.list(b.resolve("private"))) {
                for (Path k : keys.toList()) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k))).as(k.toString()).isEqualTo("rw-------");
                }
            }
            ProcessResult cms = run(b, null, "openssl", "cms", "-verify", "-binary", "-inform", "PEM", "-in", "SHA256SUMS.p7s",
                    "-content", "SHA256SUMS", "-CAfile", "certs/azure-iot-test-only.root.ca.cert.pem", "-purpose", "any",
                    "-out", "/dev/null");
            assertThat(cms.exit()).as(cms.out()).isZero();
            ProcessResult sums = run(b, null, "sha256sum", "--check", "--strict", "SHA256SUMS");
            assertThat(sums.exit()).as(sums.out()).isZero();
            assertThat(Files.readString(b.resolve("SHA256SUMS"))).contains("install.sh").contains("bundle.json");
        }
        BundleInfo leaf = Bundles.read(bundle(plainOut, "press-sensor-01"));
        assertThat(leaf.spec().edge()).isFalse();
        assertThat(Files.readString(plainOut.resolve(BundleExport.REPORT))).contains(plain.rootSha256()).contains("ops-gw");
    }

    @Test
    void edgeCaChainsVerifyWithOpenssl() throws Exception {
        Path b = bundle(plainOut, "ops-gw");
        ProcessResult v = run(b, null, "openssl", "verify", "-CAfile", "certs/azure-iot-test-only.root.ca.cert.pem",
                "-untrusted", "certs/iot-edge-device-ca-ops-gw-full-chain.cert.pem",
                "certs/iot-edge-device-ca-ops-gw-full-chain.cert.pem");
        assertThat(v.out()).contains(": OK");
        ProcessResult key = run(b, null, "openssl", "pkey", "-in", "private/iot-edge-device-ca-ops-gw.key.pem", "-noout");
        assertThat(key.exit()).as(key.out()).isZero();
    }

    @Test
    void oneChangedByteFailsTheChecksums() throws Exception {
        Path copy = dir.resolve("tampered-sums");
        copyTree(bundle(plainOut, "site-gw"), copy);
        byte[] cfg = Files.readAllBytes(copy.resolve("config.toml"));
        cfg[cfg.length / 2] ^= 1;
        Files.write(copy.resolve("config.toml"), cfg);
        assertThat(run(copy, null, "sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS").exit()).isNotZero();
    }

    @Test
    void theLaptopCheckNamesAFileChangedAfterTheExport() throws Exception {
        Path copy = dir.resolve("tampered-laptop");
        copyTree(bundle(plainOut, "ops-gw"), copy);
        BundleChecksums.verify(copy); // untouched: passes
        byte[] cfg = Files.readAllBytes(copy.resolve("config.toml"));
        cfg[cfg.length / 2] ^= 1;
        Files.write(copy.resolve("config.toml"), cfg);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundleChecksums.verify(copy))
                .isInstanceOf(io.nestedge.model.io.InputException.class)
                .hasMessageContaining(copy.resolve("config.toml") + ": changed after the export")
                .hasMessageContaining("Fix: Export the plant again");
        Files.delete(copy.resolve("config.toml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundleChecksums.verify(copy))
                .hasMessageContaining(copy.resolve("config.toml") + ": missing from the bundle");
        Files.delete(copy.resolve("SHA256SUMS"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundleChecksums.verify(copy))
                .hasMessageContaining("SHA256SUMS: missing");
    }

    @Test
    void usbBundleKeysAreEncryptedAndTheTarballHoldsTheBundle() throws Exception {
        Path b = bundle(usbOut, "site-gw");
        assertThat(b.resolve("private/iot-edge-device-ca-site-gw.key.pem")).doesNotExist();
        assertThat(Files.readString(b.resolve("private/iot-edge-device-ca-site-gw.key.pem.enc"))).contains("BEGIN ENCRYPTED PRIVATE KEY");
        Path x = dir.resolve("untar");
        Files.createDirectories(x);
        ProcessResult t = run(x, null, "tar", "-xzf", usbOut.resolve("devices/site-gw.tar.gz").toString());
        assertThat(t.exit()).as(t.out()).isZero();
        assertThat(Files.readAllBytes(x.resolve("site-gw/SHA256SUMS"))).isEqualTo(Files.readAllBytes(b.resolve("SHA256SUMS")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(x.resolve("site-gw/install.sh")))).isEqualTo("rwxr-xr-x");
        assertThat(run(x.resolve("site-gw"), null, "sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS").exit()).isZero();
    }

    @Test
    void reExportReusesEdgeCasUnlessAskedToRenew() throws Exception {
        BundleExport.Result again = BundleExport.export(plant, store, ca, ExportSecrets.none(),
                new BundleOptions(true, null, Set.of("ops-gw"), true), dir.resolve("again"), ExportProgress.NONE, () -> false);
        assertThat(again.edgeCas()).filteredOn(e -> e.deviceId().equals("site-gw")).extracting(e -> e.outcome().name())
                .containsExactly("REUSED");
        assertThat(again.edgeCas()).filteredOn(e -> e.deviceId().equals("ops-gw")).extracting(e -> e.outcome().name())
                .containsExactly("REISSUED");
        // Generated SAS keys are reused too: the hub creates each identity once, with its key.
        assertThat(Files.readString(dir.resolve("again/hub/keys/site-gw.primary")))
                .isEqualTo(Files.readString(plainOut.resolve("hub/keys/site-gw.primary")));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pki/" + BundleExport.SAS_KEYS_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void x509DevicesCarryMatchingIdentityFilesAtTheConfiguredPathsReusedOnReExport() throws Exception {
        Plant x = plant.updateDevice("line1-edge", d -> d.toBuilder().provisioning(io.nestedge.model.Provisioning.manualX509()).build())
                .updateDevice("press-sensor-01", d -> d.toBuilder().provisioning(io.nestedge.model.Provisioning.manualX509()).build());
        PkiStore s = PkiStore.open(dir.resolve("pki-x509"), CertificateIssuer.systemClock());
        CertifiedKey c = s.generateCa("X509 Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, CA_PASS);
        BundleExport.Result first = BundleExport.export(x, s, c, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true),
                dir.resolve("x509-1"), ExportProgress.NONE, () -> false);
        assertThat(first.identities()).extracting(e -> e.deviceId() + ":" + e.outcome())
                .containsExactlyInAnyOrder("line1-edge:ISSUED", "press-sensor-01:ISSUED");
        for (String id : List.of("line1-edge", "press-sensor-01")) {
            Path b = bundle(dir.resolve("x509-1"), id);
            Path cert = b.resolve("certs/iot-device-" + id + "-full-chain.cert.pem");
            Path key = b.resolve("private/iot-device-" + id + ".key.pem");
            assertThat(cert).exists();
            assertThat(key).exists();
            // cert and key belong together
            String certPub = run(b, null, "openssl", "x509", "-in", cert.toString(), "-noout", "-pubkey").out();
            String keyPub = run(b, null, "openssl", "pkey", "-in", key.toString(), "-pubout").out();
            assertThat(certPub).contains("BEGIN PUBLIC KEY").isEqualTo(keyPub);
            assertThat(run(b, null, "openssl", "x509", "-in", cert.toString(), "-noout", "-subject").out()).contains("CN = " + id);
            ProcessResult v = run(b, null, "openssl", "verify", "-purpose", "sslclient", "-CAfile", "certs/azure-iot-test-only.root.ca.cert.pem",
                    "-untrusted", cert.toString(), cert.toString());
            assertThat(v.out()).as(id).contains(": OK");
            // the bundle installs them where config.toml (IoT Edge device) points
            BundleInfo info = Bundles.read(b);
            var certFile = info.spec().certFiles().stream().filter(f -> f.source().equals(b.relativize(cert).toString())).findFirst().orElseThrow();
            var keyFile = info.spec().keyFiles().stream().filter(f -> f.source().equals(b.relativize(key).toString())).findFirst().orElseThrow();
            if (id.equals("line1-edge")) {
                var toml = org.tomlj.Toml.parse(b.resolve("config.toml"));
                assertThat(toml.getString("provisioning.authentication.method")).isEqualTo("x509");
                assertThat(toml.getString("provisioning.authentication.identity_cert")).isEqualTo("file://" + certFile.target());
                assertThat(toml.getString("provisioning.authentication.identity_pk")).isEqualTo("file://" + keyFile.target());
            }
        }
        byte[] before = Files.readAllBytes(bundle(dir.resolve("x509-1"), "press-sensor-01").resolve("certs/iot-device-press-sensor-01-full-chain.cert.pem"));
        BundleExport.Result again = BundleExport.export(x, s, c, ExportSecrets.none(), new BundleOptions(true, null, Set.of("line1-edge"), true),
                dir.resolve("x509-2"), ExportProgress.NONE, () -> false);
        assertThat(again.identities()).extracting(e -> e.deviceId() + ":" + e.outcome())
                .containsExactlyInAnyOrder("line1-edge:REISSUED", "press-sensor-01:REUSED");
        assertThat(Files.readAllBytes(bundle(dir.resolve("x509-2"), "press-sensor-01").resolve("certs/iot-device-press-sensor-01-full-chain.cert.pem")))
                .as("reused identity certificate").isEqualTo(before);
        assertThat(Files.readString(dir.resolve("x509-2").resolve(BundleExport.REPORT))).contains("Leaf device (X.509)").contains("press-sensor-01");
        // a key-settings change issues them again
        Plant rsa = x.withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.RSA_2048, 3650, 365, true, "", "", ""));
        BundleExport.Result changed = BundleExport.export(rsa, s, c, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true),
                dir.resolve("x509-3"), ExportProgress.NONE, () -> false);
        assertThat(changed.identities()).extracting(e -> e.outcome().name()).containsOnly("REISSUED");
        assertThat(changed.identities()).extracting(e -> e.reason()).allMatch(r -> r.startsWith("key type changed"));
    }

    // --- install.sh for real -------------------------------------------------------------------

    private Path standIns() throws IOException {
        Path s = dir.resolve("standins");
        if (Files.isDirectory(s)) {
            return s;
        }
        Files.createDirectories(s);
        Path log = dir.resolve("standins.log");
        write(s.resolve("iotedge"), """
                #!/bin/sh
                echo "iotedge $*" >> %s
                case "$1 $2" in
                  "config apply") echo 'Azure IoT Edge has been configured successfully!' ;;
                  "version "*|"version") echo 'iotedge 1.5.21' ;;
                  "check "*) echo 'Configuration checks (aziot-identity-service)'; echo '1 check(s) succeeded.' ;;
                esac
                exit 0
                """.formatted(log));
        write(s.resolve("docker"), "#!/bin/sh\necho \"docker $*\" >> " + log + "\n[ \"$1\" = inspect ] && echo '[]'\nexit 0\n");
        write(s.resolve("systemctl"), "#!/bin/sh\necho \"systemctl $*\" >> " + log + "\nexit 0\n");
        return s;
    }

    private static void write(Path f, String text) throws IOException {
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private boolean canRunInstallForReal() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run as root to exercise install.sh in a mount namespace");
        }
        if (!root) {
            return false;
        }
        for (String u : List.of("aziotcs", "aziotks")) {
            if (run(dir, null, "id", u).exit() != 0) {
                ProcessResult r = run(dir, null, "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", u);
                assertThat(r.exit()).as(r.out()).isZero();
            }
        }
        return true;
    }

    private ProcessResult install(Path bundle, String machineHostname, String stdin, String... args) throws Exception {
        return install(null, bundle, machineHostname, stdin, args);
    }

    /** Runs install.sh in the sandbox, with {@code daemonJson} (if not null) as the machine's /etc/docker/daemon.json. */
    private ProcessResult install(Path daemonJson, Path bundle, String machineHostname, String stdin, String... args) throws Exception {
        Path script = Path.of("src/test/resources/bundle/run-install-sandboxed.sh").toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of("env", "NESTEDGE_DAEMON_JSON=" + (daemonJson == null ? "" : daemonJson),
                script.toString(), bundle.toString(), machineHostname, standIns().toString()));
        cmd.addAll(List.of(args));
        return run(dir, stdin, cmd.toArray(String[]::new));
    }

    @Test
    void installShInstallsAUsbBundleWithExactOwnersAndModes() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("usb-ops-gw");
        copyTree(bundle(usbOut, "ops-gw"), b);
        ProcessResult r = install(b, "ops-gw", USB_PASS + "\n", "--root-sha256", plain.rootSha256(), "--passphrase-stdin");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains(plain.rootSha256())
                .contains("/var/aziot/certs aziotcs aziotcs 755")
                .contains("/var/aziot/secrets aziotks aziotks 700")
                .contains("/var/aziot/secrets/iot-edge-device-ca-ops-gw.key.pem aziotks aziotks 600")
                .contains("/var/aziot/certs/iot-edge-device-ca-ops-gw-full-chain.cert.pem aziotcs aziotcs 644")
                .contains("/etc/aziot/config.toml root root 600")
                .contains("Done: device ops-gw is configured.");
        assertThat(r.out()).containsPattern("nestedge-[0-9a-f]{16}\\.crt");
        String log = Files.readString(dir.resolve("standins.log"));
        assertThat(log).contains("systemctl restart docker").contains("iotedge config apply -c /etc/aziot/config.toml")
                .contains("iotedge check --verbose");
        // Edge CA was new on this machine: certd/keyd cleared and edgeHub/edgeAgent recreated (F11).
        assertThat(log).contains("docker rm -f edgeAgent edgeHub");
        assertThat(r.out()).contains("/var/lib/aziot/certd/certs: absent").contains("/var/lib/aziot/keyd/keys: absent");
        // The USB bundle's encrypted key is installed decrypted (keyd reads only plain keys, facts §4) and matches the Edge CA.
        assertThat(r.out()).contains("/var/aziot/secrets/iot-edge-device-ca-ops-gw.key.pem first line: -----BEGIN PRIVATE KEY-----")
                .contains("/var/aziot/secrets/iot-edge-device-ca-ops-gw.key.pem matches "
                        + "/var/aziot/certs/iot-edge-device-ca-ops-gw-full-chain.cert.pem: yes");
    }

    @Test
    void installShLeavesCertdAndKeydAloneWhenTheEdgeCaDidNotChange() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("twice-site-gw");
        copyTree(bundle(plainOut, "site-gw"), b);
        Path script = Path.of("src/test/resources/bundle/run-install-sandboxed.sh").toAbsolutePath();
        ProcessResult r = run(dir, null, "env", "NESTEDGE_RUN_TWICE=1", script.toString(), b.toString(), "site-gw", standIns().toString(),
                "--root-sha256", plain.rootSha256());
        assertThat(r.exit()).as(r.out()).isZero();
        String first = r.out().substring(0, r.out().indexOf("=== second run"));
        String second = r.out().substring(r.out().indexOf("=== second run"));
        assertThat(first).contains("Done: device site-gw is configured.");
        assertThat(second).contains("Done: device site-gw is configured.")
                .contains("/var/lib/aziot/certd/certs: stale-edgehub.cert.pem")
                .contains("/var/lib/aziot/keyd/keys: stale-edgehub.key")
                .contains("/var/aziot/secrets/iot-edge-device-ca-site-gw.key.pem first line: -----BEGIN PRIVATE KEY-----")
                .contains("matches /var/aziot/certs/iot-edge-device-ca-site-gw-full-chain.cert.pem: yes");
    }

    @Test
    void installShWritesTheContainerEngineSettingsIntoAnAbsentDaemonJson() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("engine-new");
        copyTree(bundle(plainOut, "line1-edge"), b);
        ProcessResult r = install(b, "line1-edge", null, "--root-sha256", plain.rootSha256());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("/etc/docker/daemon.json: dns, log-driver, log-opts set")
                .contains("/etc/docker/daemon.json root root 644")
                .contains("\"dns\": [\n    \"10.0.3.53\"\n  ]").contains("\"log-driver\": \"local\"")
                .contains("\"max-file\": \"3\"").contains("\"max-size\": \"10m\"");
        // the daemon.json is in place before the engine restart that loads it (one restart, after the root CA)
        assertThat(r.out().indexOf("daemon.json: dns, log-driver, log-opts set")).isLessThan(r.out().indexOf("Done: device"));
        assertThat(Files.readString(dir.resolve("standins.log"))).contains("systemctl restart docker");
    }

    @Test
    void installShLeavesADaemonJsonWithOtherKeysAndPrintsWhatToAdd() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("engine-foreign");
        copyTree(bundle(plainOut, "ops-gw"), b);
        String existing = "{\n  \"registry-mirrors\": [\"https://mirror.contoso-plant.local\"],\n  \"log-driver\": \"journald\"\n}\n";
        Path daemon = dir.resolve("foreign-daemon.json");
        Files.writeString(daemon, existing);
        ProcessResult r = install(daemon, b, "ops-gw", null, "--root-sha256", plain.rootSha256());
        assertThat(r.exit()).as("the warning does not stop the install: " + r.out()).isZero();
        assertThat(r.out()).contains("install.sh: warning: /etc/docker/daemon.json holds other settings")
                .contains("Done: device ops-gw is configured.")
                .contains("=== daemon.json\n/etc/docker/daemon.json root root 644\n" + existing);
        String printed = r.out().substring(r.out().indexOf("which merge it:"));
        assertThat(printed).contains("\"dns\": [").contains("\"10.0.3.53\"").contains("\"max-size\": \"10m\"");
    }

    @Test
    void installShRefusesATamperedBundleAndChangesNothing() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("tampered");
        copyTree(bundle(plainOut, "site-gw"), b);
        byte[] cfg = Files.readAllBytes(b.resolve("config.toml"));
        cfg[10] ^= 1;
        Files.write(b.resolve("config.toml"), cfg);
        ProcessResult r = install(b, "site-gw", null, "--root-sha256", plain.rootSha256());
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("does not verify").doesNotContain("/etc/aziot/config.toml root").doesNotContain("/var/aziot/certs ");
    }

    @Test
    void installShRefusesTheWrongPassPhraseBeforeInstalling() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("usb-wrong");
        copyTree(bundle(usbOut, "site-gw"), b);
        ProcessResult r = install(b, "site-gw", "not the pass phrase\n", "--root-sha256", plain.rootSha256(), "--passphrase-stdin");
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("wrong pass phrase").doesNotContain("/etc/aziot/config.toml root");
    }

    @Test
    void installShRefusesTheWrongMachine() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("wrong-machine");
        copyTree(bundle(plainOut, "site-gw"), b);
        ProcessResult r = install(b, "some-other-box", null, "--root-sha256", plain.rootSha256());
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).contains("this machine is 'some-other-box'");
    }

    @Test
    void installShComparesTheRootFingerprintGivenAndRefusesAnotherOrABareYes() throws Exception {
        assumeTrue(canRunInstallForReal(), "needs root (runs in CI)");
        Path b = dir.resolve("fingerprint-site-gw");
        copyTree(bundle(plainOut, "site-gw"), b);
        // a bundle re-signed under another CA verifies against the root it carries: only the fingerprint
        // from the export report tells it apart, so a mismatch stops before anything is touched
        String other = plain.rootSha256().replaceFirst("^..", plain.rootSha256().startsWith("00") ? "11" : "00");
        ProcessResult wrong = install(b, "site-gw", null, "--root-sha256", other);
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.out()).contains("is not the one given with --root-sha256").contains("Nothing was changed")
                .doesNotContain("/etc/aziot/config.toml root");
        ProcessResult yes = install(b, "site-gw", null, "--yes");
        assertThat(yes.exit()).isNotZero();
        assertThat(yes.out()).contains("--yes is not accepted").contains("--root-sha256").doesNotContain("/etc/aziot/config.toml root");
        // lower case and without colons is the same fingerprint
        ProcessResult ok = install(b, "site-gw", null, "--root-sha256=" + plain.rootSha256().replace(":", "").toLowerCase());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("It matches the fingerprint given with --root-sha256.");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
