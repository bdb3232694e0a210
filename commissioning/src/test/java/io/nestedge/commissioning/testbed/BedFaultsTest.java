package io.nestedge.commissioning.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunListener;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.commissioning.plan.UploadBundleStep;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.steps.InstallSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults on the network-namespace test bed, on the commissioned sample plant: each test breaks one
 * thing, runs the SSH engine, checks the report names the cause, and leaves the device working.
 */
@ExtendWith(SampleBed.Extension.class)
class BedFaultsTest {
    private static final Duration T = Duration.ofSeconds(90);
    /** sudo's secure_path: the device's /usr/local/bin launchers come first. */
    private static final String ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static SampleBed bed;

    @BeforeAll
    static void commissioned() throws Exception {
        bed = SampleBed.get();
        RunReport first = bed.commissioned();
        assertThat(first.allSucceeded()).as("the plant must be commissioned first:\n" + BedCommissioning.explain(first))
                .isTrue();
    }

    @Test
    void wrongSudoPasswordFailsTheDeviceWithATypedErrorAndChangesNothing() throws Exception {
        String id = "line1-edge";
        String before = snapshot(id);
        RunReport r = run(Map.of(), Map.of(id, "not-the-password"), List.of(id), false, null, null);

        DeviceOutcome o = r.outcome(id);
        assertThat(o.status()).as(BedCommissioning.explain(r)).isEqualTo(StepStatus.FAILED);
        DeviceOutcome.FinishedStep first = o.steps().get(0);
        assertThat(first.stepId()).isEqualTo(InstallSteps.PREFLIGHT);
        assertThat(first.result().output()).contains("io.nestedge.commissioning.ssh.SudoException");
        assertThat(o.summary()).containsIgnoringCase("sudo").containsIgnoringCase("password");
        assertThat(o.summary()).doesNotContain("not-the-password");
        assertThat(snapshot(id)).as("device files after the refused run").isEqualTo(before);
    }

    @Test
    void changedHostKeyStopsThatDeviceNamingBothFingerprints() throws Exception {
        String id = "ops-gw";
        TestbedSheet.Device d = bed.sheet().device(id);
        Path key = d.hostKeyPath().resolveSibling("ssh_host_ed25519_key");
        Path saved = bed.newWorkDir("hostkey-");
        Files.copy(key, saved.resolve("key"));
        Files.copy(d.hostKeyPath(), saved.resolve("key.pub"));
        String before = snapshot(id);
        try {
            // The device is "reinstalled": a new host key, sshd reloads it (SIGHUP re-executes sshd).
            Files.delete(key);
            Files.delete(d.hostKeyPath());
            ProcessResult gen = Processes.run(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                    key.toString());
            assertThat(gen.ok()).as(gen.describe()).isTrue();
            String newFingerprint = Processes.run(Duration.ofSeconds(30), "ssh-keygen", "-l", "-E", "sha256", "-f",
                    d.hostKeyPath().toString()).stdout().split(" ")[1];
            reloadSshd(d);

            RunReport r = run(Map.of(), Map.of(), List.of(id), false, null, null);
            DeviceOutcome o = r.outcome(id);
            assertThat(o.status()).as(BedCommissioning.explain(r)).isEqualTo(StepStatus.FAILED);
            assertThat(o.summary()).contains("HOST KEY CHANGED").contains(d.hostKeyFingerprint()).contains(newFingerprint);
            // Stopped at the first connection: preflight failed, and the cleanup could not connect either.
            assertThat(o.steps()).extracting(DeviceOutcome.FinishedStep::stepId).containsExactly(InstallSteps.PREFLIGHT,
                    "cleanup");
            assertThat(o.steps().get(0).result().output()).contains("HostKeyChangedException");
            assertThat(snapshot(id)).isEqualTo(before);
        } finally {
            Files.copy(saved.resolve("key"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(saved.resolve("key.pub"), d.hostKeyPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            reloadSshd(d);
        }
    }

    @Test
    void sshdKilledMidUploadThenResumeWithTheSameJournalFinishes() throws Exception {
        String id = "ops-gw";
        Path staging = bed.sheet().device(id).privateRoot().resolve("var/tmp/nestedge-" + id);
        Path journal = bed.newWorkDir("killed-").resolve("journal.jsonl");
        AtomicBoolean killed = new AtomicBoolean();
        RunListener killer = e -> {
            if (e instanceof RunEvent.StepStarted s && s.deviceId().equals(id) && s.stepId().equals(UploadBundleStep.ID)) {
                Thread t = new Thread(() -> killWhenFirstFileLands(staging, id, killed), "kill-sshd");
                t.setDaemon(true);
                t.start();
            }
        };
        // A large file that sorts after the bundle's own files keeps the upload busy long enough for the
        // kill (a script run, slow on a loaded machine) to land mid-upload; sha256sum --check ignores it.
        Path padding = Bundles.bundleDir(bed.bundles(), id).resolve("zz-upload-padding.bin");
        writePadding(padding, 96L << 20);
        RunReport failed;
        try {
            failed = run(Map.of(), Map.of(), List.of(id), false, journal, killer);
        } finally {
            if (killed.get()) {
                bed.bed().startSshd(id);
            }
        }
        assertThat(killed).as("sshd was killed during the upload").isTrue();
        DeviceOutcome o = failed.outcome(id);
        assertThat(o.status()).as(BedCommissioning.explain(failed)).isEqualTo(StepStatus.FAILED);
        assertThat(o.steps()).filteredOn(st -> !st.result().status().succeeded())
                .extracting(DeviceOutcome.FinishedStep::stepId).containsExactly(UploadBundleStep.ID);

        RunReport resumed = run(Map.of(), Map.of(), List.of(id), true, journal, null);
        assertThat(resumed.allSucceeded()).as(BedCommissioning.explain(resumed)).isTrue();
        DeviceOutcome ok = resumed.outcome(id);
        assertThat(ok.steps()).extracting(DeviceOutcome.FinishedStep::stepId).contains(UploadBundleStep.ID,
                InstallSteps.APPLY_CONFIG, InstallSteps.VERIFY_PARENT_TLS);
        assertThat(staging).as("staging copy removed after the resumed run").doesNotExist();
        Files.delete(padding);
    }

    /** Writes {@code bytes} of incompressible data (SSH compression must not shrink the upload). */
    private static void writePadding(Path file, long bytes) throws IOException {
        java.util.Random random = new java.util.Random(42);
        byte[] block = new byte[1 << 20];
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            for (long n = 0; n < bytes; n += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        file.toFile().deleteOnExit();
    }

    @Test
    void configRejectedByConfigApplyRestoresThePreviousConfigAndDiagnoses() throws Exception {
        String id = "line1-edge";
        // The device was set up before under another hostname and its modules still exist.
        String old = "line1-edge.previous-site.example";
        sh(id, "docker rm -f edgeAgent edgeHub >/dev/null 2>&1; sed 's/^hostname = .*/hostname = \"" + old + "\"/'"
                + " /etc/aziot/config.toml > /etc/aziot/config.toml.tmp && mv /etc/aziot/config.toml.tmp /etc/aziot/config.toml"
                + " && chmod 600 /etc/aziot/config.toml && iotedge config apply -c /etc/aziot/config.toml >/dev/null");
        try {
            RunReport r = run(Map.of(), Map.of(), List.of(id), false, null, null);
            DeviceOutcome o = r.outcome(id);
            assertThat(o.status()).as(BedCommissioning.explain(r)).isEqualTo(StepStatus.FAILED);
            DeviceOutcome.FinishedStep apply = o.steps().get(o.steps().size() - 2);
            assertThat(apply.stepId()).isEqualTo(InstallSteps.APPLY_CONFIG);
            assertThat(apply.result().summary()).contains("iotedge config apply rejected the configuration")
                    .contains("the previous config.toml was restored and re-applied");
            assertThat(apply.result().remarks()).extracting(Remark::cause).anyMatch(c -> c.contains("hostname changed"));
            // The device runs its previous configuration again.
            assertThat(sh(id, "grep '^hostname' /etc/aziot/config.toml")).contains(old);
            assertThat(sh(id, "iotedge list")).containsPattern("edgeHub\\s+running");
        } finally {
            // The fix the diagnosis names: stop the system (or edged recreates edgeAgent), remove the
            // modules, then commission again.
            sh(id, "iotedge system stop >/dev/null 2>&1; docker rm -f edgeAgent edgeHub >/dev/null 2>&1 || true");
            RunReport again = run(Map.of(), Map.of(), List.of(id), false, null, null);
            assertThat(again.allSucceeded()).as(BedCommissioning.explain(again)).isTrue();
        }
        assertThat(sh(id, "grep '^hostname' /etc/aziot/config.toml")).contains(bed.sheet().device(id).hostname());
    }

    @Test
    void unreadableKeyFolderIsDiagnosed() throws Exception {
        String id = "line1-edge";
        BundleInfo info = Bundles.read(Bundles.bundleDir(bed.bundles(), id));
        String secrets = info.spec().secretsDir();
        String parent = secrets.substring(0, secrets.lastIndexOf('/'));
        String mode = sh(id, "stat -c %a " + parent).strip();
        sh(id, "chmod 700 " + parent);
        try {
            RunReport r = run(Map.of(), Map.of(), List.of(id), false, null, null);
            DeviceOutcome o = r.outcome(id);
            assertThat(o.status()).as(BedCommissioning.explain(r)).isEqualTo(StepStatus.FAILED);
            DeviceOutcome.FinishedStep certs = o.steps().get(o.steps().size() - 2);
            assertThat(certs.stepId()).isEqualTo(InstallSteps.INSTALL_CERTS);
            assertThat(certs.result().summary()).contains("cannot read");
            assertThat(certs.result().output()).contains("namei -l");
            assertThat(certs.result().remarks()).extracting(Remark::source).anyMatch(s -> s.contains("F19") || s.contains("F20"));
            assertThat(certs.result().output()).containsPattern("drwx------\\s+root\\s+root\\s+" + parent.substring(1)
                    .replaceAll(".*/", ""));
        } finally {
            sh(id, "chmod " + mode + " " + parent);
        }
        assertThat(sh(id, "runuser -u aziotks -- test -r " + info.spec().keyFiles().get(0).target() + " && echo readable"))
                .contains("readable");
    }

    @Test
    void childWhoseOsLacksTheRootCaIsDiagnosed() throws Exception {
        String id = "ops-gw";
        BundleInfo info = Bundles.read(Bundles.bundleDir(bed.bundles(), id));
        String anchor = "/usr/local/share/ca-certificates/" + info.spec().trustStoreName() + ".crt";
        sh(id, "rm -f " + anchor + " && update-ca-certificates --fresh >/dev/null 2>&1");
        try {
            // Re-run the verification only: resume from the commissioning run's journal.
            RunReport r = run(Map.of(), Map.of(), List.of(id), true, bed.copyOfCommissionedJournal(), null);
            DeviceOutcome o = r.outcome(id);
            assertThat(o.status()).as(BedCommissioning.explain(r)).isEqualTo(StepStatus.FAILED);
            DeviceOutcome.FinishedStep verify = o.steps().stream().filter(s -> !s.result().status().succeeded())
                    .findFirst().orElseThrow();
            assertThat(verify.stepId()).isEqualTo(InstallSteps.VERIFY_RUNTIME);
            assertThat(verify.result().remarks()).extracting(Remark::source).anyMatch(s -> s.contains("F10"));
            assertThat(o.steps()).filteredOn(s -> s.stepId().equals(InstallSteps.TRUST_ROOT_CA))
                    .allMatch(s -> s.result().summary().contains("previous run"));
        } finally {
            Path ca = Bundles.bundleDir(bed.bundles(), id).resolve(info.spec().rootCa().source());
            ProcessResult put = Processes.run(List.of(SampleBed.SCRIPT.toString(), "exec",
                    bed.sheet().stateDir().toString(), id, "--", "sh", "-c", "cat > " + anchor
                            + " && update-ca-certificates >/dev/null 2>&1"), Files.readAllBytes(ca), T, Map.of());
            assertThat(put.ok()).as(put.describe()).isTrue();
        }
        RunReport again = run(Map.of(), Map.of(), List.of(id), true, bed.copyOfCommissionedJournal(), null);
        assertThat(again.allSucceeded()).as(BedCommissioning.explain(again)).isTrue();
    }

    private static RunReport run(Map<String, String> pins, Map<String, String> sudo, List<String> devices, boolean resume,
            Path journal, RunListener listener) throws Exception {
        Path j = journal != null ? journal : bed.newWorkDir("fault-").resolve("journal.jsonl");
        try (BedCommissioning c = BedCommissioning.connect(bed.bed(), pins, sudo)) {
            return c.service().commission(bed.plant(), bed.bundles(), SampleBed.options(j, resume, devices), listener);
        }
    }

    /** Runs a shell command as root in the device's view; fails the test when it fails. */
    private static String sh(String id, String command) throws IOException {
        ProcessResult r = bed.bed().exec(id, T, "sh", "-c", "PATH=" + ROOT_PATH + "; " + command);
        assertThat(r.ok()).as(id + ": " + command + "\n" + r.describe()).isTrue();
        return r.stdout();
    }

    /** Paths, modes, owners and modification times of the device's IoT Edge and trust-store files. */
    private static String snapshot(String id) throws IOException {
        return sh(id, "find /etc/aziot /var/aziot /var/lib/aziot /usr/local/share/ca-certificates /etc/ssl/certs "
                + "/var/lib/nestedge -printf '%p %m %u %T@\\n' | sort");
    }

    private static void reloadSshd(TestbedSheet.Device d) throws Exception {
        ProcessResult hup = Processes.run(Duration.ofSeconds(10), "kill", "-HUP", Long.toString(bed.sheet().device(d.id()).sshdPid()));
        assertThat(hup.ok()).as(hup.describe()).isTrue();
        Thread.sleep(500);
    }

    private static void killWhenFirstFileLands(Path staging, String id, AtomicBoolean killed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (Files.isDirectory(staging)) {
                    try (Stream<Path> s = Files.list(staging)) {
                        if (s.findAny().isPresent()) {
                            bed.bed().killSshd(id);
                            killed.set(true);
                            return;
                        }
                    }
                }
                Thread.sleep(1);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("kill-sshd: " + e);
        }
    }
}
