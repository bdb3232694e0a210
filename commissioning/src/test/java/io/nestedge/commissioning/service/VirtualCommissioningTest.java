package io.nestedge.commissioning.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.run.StepStatus;
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
            DeviceOutcome mid = report.outcome("ops-gw");
            assertThat(mid.steps()).extracting(DeviceOutcome.FinishedStep::stepId).contains("upload-bundle", "apply-config",
                    "verify-runtime", "verify-parent-tls", "cleanup");
            DeviceOutcome.FinishedStep tls = mid.steps().stream().filter(s -> s.stepId().equals("verify-parent-tls")).findFirst()
                    .orElseThrow();
            assertThat(tls.result().status()).isEqualTo(StepStatus.OK);
            assertThat(tls.result().summary()).contains("site-gw.contoso-plant.local:8883 verified");
            DeviceOutcome.FinishedStep runtime = mid.steps().stream().filter(s -> s.stepId().equals("verify-runtime")).findFirst()
                    .orElseThrow();
            assertThat(runtime.result().summary()).contains("iotedge check:").contains("0 errors");
        }
        assertThat(events).anyMatch(e -> e instanceof RunEvent.RunFinished);
    }
}
