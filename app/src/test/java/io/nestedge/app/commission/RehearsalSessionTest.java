package io.nestedge.app.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal of the sample plant with one broken virtual device (its {@code /var/aziot} is not
 * traversable, so aziotcs/aziotks cannot read the certificates and the Edge CA key), driven through
 * the session exactly as the commissioning view drives it, without a toolkit.
 */
class RehearsalSessionTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenDeviceTurnsRedWithTheDiagnosisItsChildrenAreSkippedTheOthersStayGreen() throws Exception {
        Plant plant = SamplePlants.sample();
        CommissioningModel model = new CommissioningModel();
        CommissioningSession.TargetFactory factory = (p, kind, progress, cancelled) -> RehearsalTarget.prepare(p, progress, cancelled, v -> {
            try {
                DeviceFs fs = v.virtualPlant().device("ops-gw").fs();
                fs.mkdirs("/var/aziot", "0700", "root");
                fs.setMode(fs.path("/var/aziot"), "0700");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (CommissioningSession session = new CommissioningSession(model, Runnable::run, factory, dir)) {
            Future<?> run = session.start(plant, List.of(plant.deviceIds().toArray(String[]::new)), false);
            run.get(5, TimeUnit.MINUTES);
            StringBuilder why = new StringBuilder(model.messageProperty().get()).append('\n');
            model.devices().forEach((id, v) -> why.append(id).append(": ").append(v.status()).append(' ')
                    .append(v.summaryProperty().get()).append('\n'));
            // The virtual devices' container engine has no DNS/log-rotation settings: iotedge check warns (production readiness).
            assertThat(model.device("site-gw").status()).as(why.toString()).isIn(DeviceRunStatus.OK, DeviceRunStatus.WARNING);
            DeviceRunView ops = model.device("ops-gw");
            assertThat(ops.status()).as(why.toString()).isEqualTo(DeviceRunStatus.FAILED);
            assertThat(ops.steps()).anyMatch(s -> s.stepId().equals("install-certs") && s.status() == StepStatus.FAILED);
            assertThat(ops.remarks()).extracting(Remark::cause).anyMatch(c -> c.contains("not traversable"));
            assertThat(ops.remarks()).extracting(Remark::remedyId).contains("FIX_CERT_FOLDER_MODES");
            assertThat(model.device("line1-edge").status()).isEqualTo(DeviceRunStatus.SKIPPED);
            assertThat(model.device("line1-edge").summaryProperty().get()).contains("parent ops-gw failed");
            assertThat(model.device("press-sensor-01").status()).isEqualTo(DeviceRunStatus.SKIPPED);
            assertThat(model.device("line1-edge").steps()).isEmpty();
            assertThat(model.resumableProperty().get()).isTrue();
            assertThat(RunScope.FAILED.devices(plant, List.of(), model.statuses())).containsExactly("ops-gw", "line1-edge",
                    "press-sensor-01");

            // The tool's own fix (RECREATE_EDGEHUB) on the healthy top gateway: containers re-created, verification re-run.
            Future<?> remedy = session.applyRemedy(plant, "site-gw", "RECREATE_EDGEHUB");
            remedy.get(3, TimeUnit.MINUTES);
            DeviceRunView top = model.device("site-gw");
            assertThat(top.logProperty().get()).contains("$ docker rm -f edgeAgent edgeHub").contains("$ iotedge system restart");
            assertThat(top.steps()).anyMatch(s -> s.stepId().equals("verify-runtime") && !s.fromJournal() && s.status().succeeded());
            assertThat(top.steps()).anyMatch(s -> s.stepId().equals("install-certs") && s.fromJournal());
            assertThat(top.status()).as(top.summaryProperty().get() + "\n" + top.logProperty().get()).isIn(DeviceRunStatus.OK, DeviceRunStatus.WARNING);
        }
    }
}
