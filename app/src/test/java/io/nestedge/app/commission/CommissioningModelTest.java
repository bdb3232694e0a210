package io.nestedge.app.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.probe.CheckResult;
import io.nestedge.commissioning.probe.ModuleStatus;
import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The commissioning view-model folds run events into per-device state, without a toolkit. */
class CommissioningModelTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static String resource(String name) throws IOException {
        try (InputStream in = CommissioningModelTest.class.getResourceAsStream("/device-output/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void eventsDriveStatusCurrentStepEvidenceDiagnosesAndTheParentLink() throws Exception {
        CommissioningModel m = new CommissioningModel();
        Plant plant = SamplePlants.sample();
        m.sync(plant);
        m.begin(List.of("site-gw", "ops-gw"));
        DeviceRunView ops = m.device("ops-gw");
        assertThat(ops.status()).isEqualTo(DeviceRunStatus.PENDING);
        assertThat(m.progressTextProperty().get()).isEqualTo("0 of 2 devices done");
        assertThat(m.device("line1-edge").status()).as("not in the run").isNull();

        m.apply(new RunEvent.DeviceStarted(T, "ops-gw"));
        m.apply(new RunEvent.StepStarted(T, "ops-gw", "verify-runtime", "Check the runtime (iotedge check, list, edgeHub)"));
        assertThat(ops.status()).isEqualTo(DeviceRunStatus.RUNNING);
        assertThat(ops.currentStepProperty().get()).isEqualTo("Check the runtime (iotedge check, list, edgeHub)");
        assertThat(m.messageProperty().get()).contains("ops-gw");

        String runtimeLog = "$ iotedge check --output json </dev/null\n" + resource("iotedge-check-child.json") + "\n(exit 1)\n"
                + "$ iotedge list </dev/null\n" + resource("iotedge-list.txt");
        m.apply(new RunEvent.StepOutput(T, "ops-gw", "verify-runtime", "$ iotedge list\n"));
        Remark r = new Remark("edgeHub keeps the old hostname", "re-create edgeHub", "RECREATE_EDGEHUB", "F12");
        m.apply(new RunEvent.StepFinished(T, "ops-gw", "verify-runtime", "Check the runtime",
                new StepResult(StepStatus.FAILED, "iotedge check: 2 error(s)", runtimeLog, List.of(r)), false));
        assertThat(ops.steps()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.FAILED);
            assertThat(s.summary()).isEqualTo("iotedge check: 2 error(s)");
        });
        assertThat(ops.remarks()).containsExactly(r);
        assertThat(ops.evidenceProperty().get().check()).isNotNull();
        assertThat(ops.evidenceProperty().get().check().checks()).anyMatch(c -> c.result() == CheckResult.ERROR);
        assertThat(ops.evidenceProperty().get().modules()).extracting(ModuleStatus::name).contains("edgeHub", "edgeAgent");
        assertThat(ops.logProperty().get()).contains("$ iotedge list");

        m.apply(new RunEvent.StepFinished(T, "ops-gw", "verify-parent-tls", "Verify the parent's TLS",
                new StepResult(StepStatus.OK, "site-gw:8883 verified", "", List.of()), false));
        assertThat(ops.parentTlsProperty().get().state()).isEqualTo(LinkTls.State.OK);

        m.apply(new RunEvent.DeviceFinished(T, "ops-gw", StepStatus.FAILED, "iotedge check: 2 error(s)"));
        assertThat(m.progressTextProperty().get()).isEqualTo("1 of 2 devices done");
        m.apply(new RunEvent.DeviceFinished(T, "site-gw", StepStatus.OK, "commissioned"));
        assertThat(m.progressTextProperty().get()).isEqualTo("2 of 2 devices done");
        assertThat(ops.status()).isEqualTo(DeviceRunStatus.FAILED);
        assertThat(ops.currentStepProperty().get()).isEmpty();
        assertThat(m.progressProperty().get()).isEqualTo(1.0);

        RunReport report = new RunReport(List.of(new DeviceOutcome("site-gw", StepStatus.OK, "commissioned", List.of()),
                new DeviceOutcome("ops-gw", StepStatus.FAILED, "x", List.of())), Duration.ofSeconds(3), false);
        m.apply(new RunEvent.RunFinished(T, "", report));
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.resumableProperty().get()).isTrue();
        assertThat(m.messageProperty().get()).isEqualTo("Run finished: 1 commissioned, 1 failed, 0 not done (3 s)");
    }

    @Test
    void aChangedHostKeyIsReadBackWithBothFingerprints() {
        String msg = "Preflight failed: HOST KEY CHANGED for [127.0.0.1]:2222: expected SHA256:aaa or SHA256:bbb, but the device "
                + "presented ssh-ed25519 SHA256:ccc. The connection was stopped. If the device was reinstalled, verify …";
        CommissioningModel m = new CommissioningModel();
        m.begin(List.of("site-gw"));
        m.apply(new RunEvent.StepFinished(T, "site-gw", "preflight", "Preflight",
                StepResult.failed(msg, "", List.of()), false));
        HostKeyStop stop = m.device("site-gw").hostKeyStopProperty().get();
        assertThat(stop).isEqualTo(new HostKeyStop("[127.0.0.1]:2222", "ssh-ed25519", List.of("SHA256:aaa", "SHA256:bbb"), "SHA256:ccc"));
        assertThat(HostKeyStop.find("Preflight failed: connection refused")).isEmpty();
    }

    @Test
    void failedOnlyTakesFailedDevicesAndTheirSkippedDescendants() {
        Plant plant = SamplePlants.sample();
        Map<String, DeviceRunStatus> last = Map.of("site-gw", DeviceRunStatus.OK, "ops-gw", DeviceRunStatus.FAILED,
                "line1-edge", DeviceRunStatus.SKIPPED, "press-sensor-01", DeviceRunStatus.SKIPPED);
        assertThat(RunScope.FAILED.devices(plant, Set.of(), last)).containsExactly("ops-gw", "line1-edge", "press-sensor-01");
        assertThat(RunScope.ALL.devices(plant, Set.of(), last)).containsExactly("site-gw", "ops-gw", "line1-edge", "press-sensor-01");
        assertThat(RunScope.SELECTED.devices(plant, Set.of("line1-edge", "site-gw"), last)).containsExactly("site-gw", "line1-edge");
        assertThat(RunScope.FAILED.devices(plant, Set.of(), Map.of("site-gw", DeviceRunStatus.OK))).isEmpty();
    }

    @Test
    void theHostKeyPromptWaitsForTheAnswerOnTheUiThreadAndRejectsOnFailure() {
        FxPrompt ok = new FxPrompt(r -> new Thread(r).start(), k -> io.nestedge.commissioning.ssh.HostKeyPolicy.Decision.ACCEPT_ONCE);
        var key = new io.nestedge.commissioning.ssh.HostKeyPolicy.UnknownHostKey(
                new io.nestedge.commissioning.ssh.HostPort("site-gw", 22), "ssh-ed25519", "SHA256:x");
        assertThat(ok.decide(key)).isEqualTo(io.nestedge.commissioning.ssh.HostKeyPolicy.Decision.ACCEPT_ONCE);
        FxPrompt broken = new FxPrompt(Runnable::run, k -> {
            throw new IllegalStateException("no window");
        });
        assertThat(broken.decide(key)).isEqualTo(io.nestedge.commissioning.ssh.HostKeyPolicy.Decision.REJECT);
    }
}
