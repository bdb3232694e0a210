package io.nestedge.commissioning.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.steps.DaemonJson;
import io.nestedge.model.steps.InstallSteps;
import io.nestedge.model.steps.JsonMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample plant commissioned by the SSH engine ({@code CommissioningService}) on the
 * network-namespace test bed: real OpenSSH servers reached through their parents (facts §7), real
 * {@code sudo -S}, {@code install}, {@code update-ca-certificates}, {@code openssl}, and the IoT Edge
 * emulator behind {@code iotedge}/{@code docker}/{@code systemctl} with its edgeHub listening on the
 * device's addresses (facts §2, §3, §6).
 */
@ExtendWith(SampleBed.Extension.class)
class BedCommissioningTest {
    private static SampleBed bed;
    private static RunReport report;

    @BeforeAll
    static void commission() throws Exception {
        bed = SampleBed.get();
        report = bed.commissioned();
    }

    @Test
    void everyDeviceIsCommissionedGreenOverRealOpenSsh() {
        assertThat(report.allSucceeded()).as(BedCommissioning.explain(report)).isTrue();
        for (Device d : bed.plant().devices()) {
            DeviceOutcome o = report.outcome(d.id());
            // no "with warnings": the plant's container-engine settings answer container-engine-dns/-logrotate
            assertThat(o.status()).as(d.id() + ": " + o.summary() + "\n" + BedCommissioning.explain(report))
                    .isEqualTo(StepStatus.OK);
            List<String> steps = o.steps().stream().map(DeviceOutcome.FinishedStep::stepId).toList();
            assertThat(steps).as(d.id()).contains(InstallSteps.PREFLIGHT, "upload-bundle", InstallSteps.VERIFY_BUNDLE,
                    InstallSteps.INSTALL_CERTS, InstallSteps.TRUST_ROOT_CA, "cleanup");
            if (d.kind() == DeviceKind.IOT_EDGE) {
                assertThat(steps).as(d.id()).contains(InstallSteps.INSTALL_CONFIG, InstallSteps.APPLY_CONFIG,
                        InstallSteps.VERIFY_RUNTIME);
                assertThat(step(o, InstallSteps.VERIFY_RUNTIME).result().summary()).as(d.id())
                        .contains("0 warnings, 0 errors");
                assertThat(steps).as(d.id()).contains(InstallSteps.CONTAINER_ENGINE);
            }
        }
    }

    @Test
    void daemonJsonOnEveryIotEdgeDeviceHoldsThePlantsContainerEngineSettings() throws Exception {
        for (Device d : bed.plant().devices()) {
            ProcessResult cat = bed.bed().exec(d.id(), SampleBed.COMMAND_TIMEOUT, "cat", DaemonJson.PATH);
            if (d.kind() != DeviceKind.IOT_EDGE) {
                assertThat(cat.exitCode()).as(d.id() + ": a leaf device's container engine is not touched").isNotZero();
                continue;
            }
            assertThat(cat.exitCode()).as(cat.describe()).isZero();
            assertThat(JsonMerge.holds(JsonMerge.parseObject(cat.stdout()), DaemonJson.patch(bed.plant().containerEngine())))
                    .as(d.id() + ": " + cat.stdout()).isTrue();
            ProcessResult mode = bed.bed().exec(d.id(), SampleBed.COMMAND_TIMEOUT, "stat", "-c", "%U %G %a", DaemonJson.PATH);
            assertThat(mode.stdout().strip()).as(mode.describe()).isEqualTo("root root 644");
        }
    }

    @Test
    void childrenVerifyTheirParentsTlsThroughTheOsTrustStore() {
        for (Device d : bed.plant().devices()) {
            if (!d.hasParent()) {
                continue;
            }
            DeviceOutcome.FinishedStep tls = step(report.outcome(d.id()), InstallSteps.VERIFY_PARENT_TLS);
            Device parent = bed.plant().parent(d.id()).orElseThrow();
            assertThat(tls.result().status()).as(d.id() + ": " + tls.result().summary()).isEqualTo(StepStatus.OK);
            assertThat(tls.result().summary()).contains(parent.hostname() + ":8883 verified");
        }
    }

    @Test
    void lowerLayersWereReachedOnlyThroughTheirParents() throws Exception {
        // Every login a lower-layer sshd accepted came from its parent's address on their shared link.
        Pattern accepted = Pattern.compile("Accepted publickey for \\S+ from (\\S+) port");
        for (TestbedSheet.Device d : bed.sheet().devices()) {
            String log = Files.readString(bed.sheet().stateDir().resolve("devices").resolve(d.id()).resolve("sshd.log"));
            Matcher m = accepted.matcher(log);
            int logins = 0;
            String expectedPeer = d.parentId().isEmpty() ? d.addresses().get(0).peer()
                    : bed.sheet().device(d.parentId()).addressTowards(d.id());
            while (m.find()) {
                logins++;
                assertThat(m.group(1)).as(d.id() + " login source").isEqualTo(expectedPeer);
            }
            assertThat(logins).as(d.id() + " logins").isPositive();
        }
    }

    @Test
    void middleDeviceVerifiesTheTopsEmulatedEdgeHubAgainstTheRootCa() throws Exception {
        TestbedSheet.Device top = bed.sheet().topLayer().get(0);
        TestbedSheet.Device middle = bed.sheet().childrenOf(top.id()).get(0);
        Path topBundle = Bundles.bundleDir(bed.bundles(), top.id());
        String rootPem = Files.readString(topBundle.resolve(Bundles.read(topBundle).spec().rootCa().source()));
        OpenSsh ssh = new OpenSsh(bed.sheet(), 5);

        ProcessResult upload = ssh.run(top.loginAtAddress(), middle.loginAtHostname(), "cat > /tmp/plant-root.pem", rootPem);
        assertThat(upload.ok()).as(upload.describe()).isTrue();
        String sClient = "openssl s_client -connect " + top.hostname() + ":8883 -servername " + top.hostname()
                + " -verify_hostname " + top.hostname() + " -CAfile /tmp/plant-root.pem < /dev/null 2>&1";
        ProcessResult r = ssh.run(top.loginAtAddress(), middle.loginAtHostname(), sClient, null);
        assertThat(r.stdout()).as(r.describe()).contains("subject=CN = " + top.hostname())
                .contains("Verify return code: 0 (ok)");

        // edgeHub runs in the top device's emulator daemon, named by the PID file in the device's view.
        ProcessResult pid = bed.bed().exec(top.id(), SampleBed.COMMAND_TIMEOUT, "cat", "/run/nestedge-emulator/edgehub.pid");
        assertThat(pid.stdout().strip()).as(pid.describe()).matches("[0-9]+");
        assertThat(Files.readString(Path.of("/proc", pid.stdout().strip(), "cmdline")))
                .contains("io.nestedge.commissioning.virtualplant.daemon.EmulatorDaemonMain");
        ProcessResult list = ssh.run(null, top.loginAtAddress(), "sudo -S -p '' iotedge list",
                bed.bed().sudoPassword(top.id()) + "\n");
        assertThat(list.stdout()).as(list.describe()).containsPattern("edgeHub\\s+running");
    }

    private static DeviceOutcome.FinishedStep step(DeviceOutcome o, String id) {
        return o.steps().stream().filter(s -> s.stepId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(o.deviceId() + " has no step " + id + "; steps: " + o.steps()));
    }
}
