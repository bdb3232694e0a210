package io.nestedge.commissioning.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.bundle.BundleOptions;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.samples.SamplePlants;
import io.nestedge.model.steps.DaemonJson;
import io.nestedge.model.steps.JsonMerge;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample plant commissions end to end against the virtual plant, over real SSH. */
class VirtualCommissioningTest {
    @TempDir
    Path dir;

    static Path export(Plant plant, Path dir, boolean plainKeys) throws Exception {
        PkiStore store = PkiStore.open(dir.resolve("pki"), CertificateIssuer.systemClock());
        CertifiedKey ca = store.generateCa("Rehearsal Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, "pw".toCharArray());
        Path out = dir.resolve("bundles");
        BundleExport.export(plant, store, ca, ExportSecrets.none(),
                new BundleOptions(plainKeys, plainKeys ? null : "usb".toCharArray(), Set.of(), true), out, ExportProgress.NONE,
                () -> false);
        return out;
    }

    static Plant ecPlant() {
        return SamplePlants.sample().withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650, 365,
                true, "", "", ""));
    }

    @Test
    void samplePlantCommissionsEndToEndAndChildrenVerifyTheirParentsTls() throws Exception {
        Plant plant = ecPlant();
        Path bundles = export(plant, dir, false);
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (VirtualCommissioning v = VirtualCommissioning.start(plant)) {
            RunReport report = v.service().commission(plant, bundles, new CommissioningService.Options(4, Duration.ofSeconds(60),
                    dir.resolve("run.jsonl"), false, List.of(), () -> "usb".toCharArray()), events::add);
            StringBuilder why = new StringBuilder();
            for (DeviceOutcome o : report.outcomes()) {
                why.append(o.deviceId()).append(": ").append(o.status()).append(" ").append(o.summary()).append('\n');
                for (DeviceOutcome.FinishedStep s : o.steps()) {
                    if (!s.result().status().succeeded()) {
                        why.append("  ").append(s.stepId()).append(": ").append(s.result().summary()).append('\n')
                                .append(s.result().output()).append('\n');
                    }
                }
            }
            assertThat(report.allSucceeded()).as(why.toString()).isTrue();
            // A correctly designed plant ends green: the container-engine settings answer the
            // container-engine-dns and container-engine-logrotate checks, so no device ends "with warnings".
            assertThat(report.outcomes()).as(why.toString()).allSatisfy(o -> assertThat(o.status()).as(o.deviceId())
                    .isEqualTo(StepStatus.OK));
            for (String edge : List.of("site-gw", "ops-gw", "line1-edge")) {
                String daemon = v.virtualPlant().device(edge).fs().read("/etc/docker/daemon.json");
                assertThat(JsonMerge.parseObject(daemon)).as(edge).isEqualTo(DaemonJson.patch(plant.containerEngine()));
                assertThat(report.outcome(edge).steps()).filteredOn(s -> s.stepId().equals("container-engine")).singleElement()
                        .satisfies(s -> assertThat(s.result().summary()).isEqualTo("/etc/docker/daemon.json: dns, log-driver, log-opts set"));
            }
            assertThat(v.virtualPlant().device("press-sensor-01").fs().exists("/etc/docker/daemon.json")).isFalse();
            DeviceOutcome mid = report.outcome("ops-gw");
            assertThat(mid.steps()).extracting(DeviceOutcome.FinishedStep::stepId).contains("upload-bundle", "apply-config",
                    "verify-runtime", "verify-parent-tls", "cleanup");
            DeviceOutcome.FinishedStep tls = mid.steps().stream().filter(s -> s.stepId().equals("verify-parent-tls")).findFirst()
                    .orElseThrow();
            assertThat(tls.result().status()).isEqualTo(StepStatus.OK);
            assertThat(tls.result().summary()).contains("site-gw.contoso-plant.local:8883 verified");
            DeviceOutcome.FinishedStep runtime = mid.steps().stream().filter(s -> s.stepId().equals("verify-runtime")).findFirst()
                    .orElseThrow();
            assertThat(runtime.result().summary()).contains("iotedge check:").contains("0 warnings, 0 errors");
        }
        assertThat(events).anyMatch(e -> e instanceof RunEvent.RunFinished);
    }

    @Test
    void aDeviceWhoseIotedgeHasNoOutputJsonIsCheckedFromTheTextForm() throws Exception {
        Plant plant = ecPlant();
        Path bundles = export(plant, dir, true);
        try (VirtualCommissioning v = VirtualCommissioning.start(plant)) {
            var top = v.virtualPlant().device("site-gw").fs();
            // iotedge check --output json came with 1.0.8: this device's iotedge refuses it
            EmulatorSettings.load(top).withRuntimeVersion("1.0.7").save(top);
            RunReport r = v.service().commission(plant, bundles, new CommissioningService.Options(4, Duration.ofSeconds(60),
                    dir.resolve("run.jsonl"), false, List.of("site-gw"), () -> null), e -> { });
            DeviceOutcome o = r.outcome("site-gw");
            DeviceOutcome.FinishedStep runtime = o.steps().stream().filter(s -> s.stepId().equals("verify-runtime")).findFirst()
                    .orElseThrow();
            assertThat(runtime.result().output()).contains("$ iotedge check --output json </dev/null\nerror: Found argument '--output'")
                    .contains("$ iotedge check --verbose </dev/null\nConfiguration checks (aziot-identity-service)");
            assertThat(runtime.result().summary()).startsWith("iotedge check: ").contains("0 warnings, 0 errors")
                    .contains("[read from 'iotedge check --verbose': the device did not answer 'iotedge check --output json'");
            assertThat(runtime.result().status()).isEqualTo(StepStatus.OK);
            assertThat(o.status()).as(o.summary()).isEqualTo(StepStatus.OK);
        }
    }

    @Test
    void daemonJsonWithOtherKeysIsMergedBackedUpAndLeftAloneWhenAlreadySet() throws Exception {
        Plant plant = ecPlant();
        Path bundles = export(plant, dir, true);
        String foreign = "{\n  \"registry-mirrors\": [\"https://mirror.contoso-plant.local\"],\n  \"log-driver\": \"syslog\",\n"
                + "  \"log-opts\": {\"syslog-address\": \"udp://10.0.3.9:514\"}\n}\n";
        try (VirtualCommissioning v = VirtualCommissioning.start(plant)) {
            var top = v.virtualPlant().device("site-gw").fs();
            top.writeAtomic("/etc/docker/daemon.json", foreign, "644", "root");
            CommissioningService.Options once = new CommissioningService.Options(4, Duration.ofSeconds(60),
                    dir.resolve("run1.jsonl"), false, List.of("site-gw"), () -> null);
            RunReport first = v.service().commission(plant, bundles, once, e -> { });
            assertThat(first.outcome("site-gw").status()).as(first.outcome("site-gw").summary()).isEqualTo(StepStatus.OK);
            ObjectNode merged = JsonMerge.parseObject(top.read("/etc/docker/daemon.json"));
            assertThat(JsonMerge.keys(merged)).containsExactly("registry-mirrors", "log-driver", "log-opts", "dns");
            assertThat(merged.get("registry-mirrors").get(0).asText()).isEqualTo("https://mirror.contoso-plant.local");
            assertThat(JsonMerge.holds(merged, DaemonJson.patch(plant.containerEngine()))).isTrue();
            assertThat(merged.get("log-opts").has("syslog-address")).as("the syslog option went with the syslog driver").isFalse();
            assertThat(backups(top)).singleElement().satisfies(b -> {
                try {
                    assertThat(top.read(b)).isEqualTo(foreign);
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(stepSummary(first, "site-gw", "container-engine")).contains("dns, log-driver, log-opts set")
                    .contains("1 other key(s) kept").contains("previous file in /etc/docker/daemon.json.nestedge-");
            // the staging copy of the merged file is gone with the rest of the staging directory
            assertThat(top.exists("/var/tmp/nestedge-site-gw/nestedge-merge-daemon.json")).isFalse();

            String after = top.read("/etc/docker/daemon.json");
            RunReport second = v.service().commission(plant, bundles, new CommissioningService.Options(4, Duration.ofSeconds(60),
                    dir.resolve("run2.jsonl"), false, List.of("site-gw"), () -> null), e -> { });
            assertThat(stepSummary(second, "site-gw", "container-engine"))
                    .isEqualTo("/etc/docker/daemon.json already holds dns, log-driver, log-opts: unchanged");
            assertThat(top.read("/etc/docker/daemon.json")).isEqualTo(after);
            assertThat(backups(top)).hasSize(1);
        }
    }

    @Test
    void aDaemonJsonThatIsNotJsonStopsTheDeviceAndIsLeftUnchanged() throws Exception {
        Plant plant = ecPlant();
        Path bundles = export(plant, dir, true);
        String broken = "{ \"registry-mirrors\": [\"https://mirror.contoso-plant.local\"], }\n";
        try (VirtualCommissioning v = VirtualCommissioning.start(plant)) {
            var top = v.virtualPlant().device("site-gw").fs();
            top.writeAtomic("/etc/docker/daemon.json", broken, "644", "root");
            RunReport r = v.service().commission(plant, bundles, new CommissioningService.Options(4, Duration.ofSeconds(60),
                    dir.resolve("run.jsonl"), false, List.of("site-gw"), () -> null), e -> { });
            DeviceOutcome o = r.outcome("site-gw");
            assertThat(o.status()).isEqualTo(StepStatus.FAILED);
            DeviceOutcome.FinishedStep step = o.steps().stream().filter(s -> s.stepId().equals("container-engine")).findFirst()
                    .orElseThrow();
            assertThat(step.result().summary()).contains("/etc/docker/daemon.json is not valid JSON at line 1")
                    .contains("left unchanged");
            assertThat(step.result().remarks()).singleElement().satisfies(rm -> assertThat(rm.toString())
                    .contains("Fix the file"));
            assertThat(top.read("/etc/docker/daemon.json")).isEqualTo(broken);
            assertThat(o.steps()).extracting(DeviceOutcome.FinishedStep::stepId).doesNotContain("apply-config");
        }
    }

    private static List<String> backups(io.nestedge.commissioning.virtualplant.runtime.DeviceFs fs) throws java.io.IOException {
        try (var s = java.nio.file.Files.list(fs.path("/etc/docker"))) {
            return s.map(fs::devicePath).filter(p -> p.contains(".nestedge-") && p.endsWith(".bak")).sorted().toList();
        }
    }

    private static String stepSummary(RunReport r, String device, String step) {
        return r.outcome(device).steps().stream().filter(s -> s.stepId().equals(step)).findFirst().orElseThrow()
                .result().summary();
    }
}
