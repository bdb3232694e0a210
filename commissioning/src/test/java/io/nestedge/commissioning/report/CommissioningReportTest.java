package io.nestedge.commissioning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.io.InputException;
import io.nestedge.model.steps.InstallSteps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommissioningReportTest {
    static final Instant NOW = Instant.parse("2025-12-05T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void twoAppendedRunsGiveTheLatestResultPerDeviceAndListBothRuns() throws Exception {
        Path journal = ReportFixtures.twoRunJournal(dir);
        CommissioningReport r = CommissioningReport.read(journal, ReportFixtures.plant(), ReportFixtures.exportDir(dir), NOW);

        assertThat(r.runs()).extracting(RunInfo::runId).containsExactly("run-1", "run-2");
        assertThat(r.runs()).allMatch(RunInfo::completed);
        assertThat(r.runs().get(0).user()).isEqualTo(System.getProperty("user.name"));
        assertThat(r.devices()).extracting(DeviceReport::deviceId)
                .containsExactly("site-gw", "ops-gw", "line1-edge", "press-sensor-01");
        assertThat(r.device("site-gw").orElseThrow().result()).isEqualTo(DeviceResult.WARNING);
        DeviceReport ops = r.device("ops-gw").orElseThrow();
        assertThat(ops.result()).isEqualTo(DeviceResult.WARNING);
        assertThat(ops.runId()).isEqualTo("run-2");
        assertThat(ops.remarks()).as("run 1's diagnosis no longer applies").isEmpty();
        // Resumed run skipped preflight: the report keeps run 1's real result, not the "done in a previous run" stub.
        StepEntry preflight = ops.steps().stream().filter(s -> s.stepId().equals("preflight")).findFirst().orElseThrow();
        assertThat(preflight.fromJournal()).isFalse();
        assertThat(preflight.runId()).isEqualTo("run-1");
        assertThat(ops.evidence().check().failures()).isEmpty();
        assertThat(ops.evidence().modules()).extracting(m -> m.name()).contains("edgeAgent", "edgeHub", "IoTEdgeAPIProxy");

        DeviceReport line1 = r.device("line1-edge").orElseThrow();
        assertThat(line1.result()).isEqualTo(DeviceResult.FAILED);
        assertThat(line1.remarks()).extracting(m -> m.cause()).containsExactly(ReportFixtures.DIAGNOSIS_CAUSE);
        assertThat(line1.evidence().tls()).hasSize(1);
        assertThat(line1.evidence().tls().get(0).target()).isEqualTo(ReportFixtures.PARENT_HOST + ":443");
        assertThat(line1.evidence().tls().get(0).ok()).isFalse();
        assertThat(line1.evidence().tls().get(0).probe().verifyCode()).isEqualTo(20);
        assertThat(line1.bundle().edgeCaNotAfter()).isEqualTo("2025-12-01T00:00:00Z");
        assertThat(r.device("press-sensor-01").orElseThrow().result()).isEqualTo(DeviceResult.SKIPPED);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void theFailedRunsCheckTableComesFromTheRealJsonOutput() throws Exception {
        Path journal = ReportFixtures.twoRunJournal(dir);
        // Only run 1: cut the journal where run 2 starts.
        String all = Files.readString(journal);
        Path run1 = dir.resolve("run1.jsonl");
        Files.writeString(run1, all.substring(0, all.indexOf("{\"time\"", all.indexOf("\"run-2\"") - 80)));
        CommissioningReport r = CommissioningReport.read(run1, ReportFixtures.plant(), null, NOW);
        DeviceReport ops = r.device("ops-gw").orElseThrow();
        assertThat(ops.result()).isEqualTo(DeviceResult.FAILED);
        assertThat(ops.evidence().check().failures()).extracting(c -> c.id()).containsExactly("host-connect-iothub-amqp");
        assertThat(ops.evidence().checkCounts()).containsExactly(13, 2, 1, 1);
        assertThat(ops.evidence().modules()).anyMatch(m -> m.name().equals("edgeHub")
                && m.state() == io.nestedge.commissioning.probe.ModuleStatus.State.FAILED);
        assertThat(ops.remarks()).extracting(m -> m.remedyId()).containsExactly("RECREATE_EDGEHUB");
        assertThat(r.device("line1-edge").orElseThrow().result()).isEqualTo(DeviceResult.SKIPPED);
    }

    @Test
    void aTruncatedLastLineIsSkippedAndNoted() throws Exception {
        Path journal = ReportFixtures.twoRunJournal(dir);
        Files.writeString(journal, "{\"time\":\"2025-12-05T10:00:00Z\",\"event\":\"step-finished\",\"device\":\"ops-g",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        long lines = Files.readAllLines(journal).size();
        CommissioningReport r = CommissioningReport.read(journal, ReportFixtures.plant(), null, NOW);
        assertThat(r.devices()).hasSize(4);
        assertThat(r.notes()).singleElement().asString().contains("line " + lines).contains("incomplete");
    }

    @Test
    void aRunThatDiedMidDeviceShowsTheDeviceInterrupted() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        Files.writeString(journal, """
                {"time":"2025-12-05T09:00:00Z","event":"run-started","run":"r9","plant":"P","user":"tech","host":"laptop"}
                {"time":"2025-12-05T09:00:05Z","event":"step-finished","device":"gw","step":"preflight","title":"Preflight","status":"OK","summary":"ok","output":"","remarks":[],"fromJournal":false}
                """);
        CommissioningReport r = CommissioningReport.read(journal, null, null, NOW);
        assertThat(r.title()).isEqualTo("P");
        assertThat(r.device("gw").orElseThrow().result()).isEqualTo(DeviceResult.INTERRUPTED);
        assertThat(r.runs()).singleElement().matches(run -> !run.completed());
    }

    @Test
    void devicesOfThePlantThatNeverRanAreListedAsNotRun() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        Files.writeString(journal, """
                {"time":"2025-12-05T09:00:00Z","event":"run-started","run":"r1","plant":"P","user":"tech","host":"laptop"}
                {"time":"2025-12-05T09:00:05Z","event":"step-finished","device":"site-gw","step":"preflight","title":"Preflight","status":"OK","summary":"ok","output":"","remarks":[],"fromJournal":false}
                {"time":"2025-12-05T09:00:06Z","event":"device-finished","device":"site-gw","status":"OK","summary":"commissioned"}
                """);
        CommissioningReport r = CommissioningReport.read(journal, ReportFixtures.plant(), null, NOW);
        assertThat(r.device("site-gw").orElseThrow().result()).isEqualTo(DeviceResult.OK);
        assertThat(r.device("ops-gw").orElseThrow().result()).isEqualTo(DeviceResult.NOT_RUN);
        assertThat(r.count(DeviceResult.NOT_RUN)).isEqualTo(3);
    }

    @Test
    void unusableJournalsAreInputErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("nope.jsonl");
        assertThatThrownBy(() -> CommissioningReport.read(missing, null, null, NOW))
                .isInstanceOf(InputException.class).hasMessageContaining("nope.jsonl").hasMessageContaining("not found");
        Path junk = dir.resolve("junk.jsonl");
        Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xfe, 'x', '\n', '{', '\n'});
        assertThatThrownBy(() -> CommissioningReport.read(junk, null, null, NOW))
                .isInstanceOf(InputException.class).hasMessageContaining("junk.jsonl").hasMessageContaining("no commissioning events");
    }

    @Test
    void commandSectionsCarryTheirExitCodeAndTheCheckJsonIsFoundBeforeStandardError() {
        String log = "$ iotedge check --output json </dev/null\n{\"checks\":{\"hostname\":{\"result\":\"ok\"}}}\n"
                + "warning: something on stderr\n(exit 1)\n$ iotedge list </dev/null\nNAME STATUS DESCRIPTION CONFIG\n";
        var sections = CommandSection.split(log);
        assertThat(sections).extracting(CommandSection::exitCode).containsExactly(1, 0);
        assertThat(sections.get(0).text()).doesNotContain("(exit");
        assertThat(RuntimeEvidence.firstJsonValue(sections.get(0).text())).isEqualTo("{\"checks\":{\"hostname\":{\"result\":\"ok\"}}}");
        RuntimeEvidence e = RuntimeEvidence.read(log, null);
        assertThat(e.check().checks()).singleElement().matches(c -> c.id().equals("hostname"));
        assertThat(e.modules()).isEmpty();
    }

    @Test
    void outputTheParsersDoNotUnderstandIsAProblemNotASilentPass() {
        RuntimeEvidence e = RuntimeEvidence.read("$ iotedge check --output json </dev/null\nError: Connection refused\n(exit 1)\n"
                + "$ iotedge list </dev/null\nA module runtime error occurred\n", null);
        assertThat(e.check()).isNull();
        assertThat(e.checkProblem()).contains("iotedge check");
        assertThat(e.modules()).isNull();
        assertThat(e.modulesProblem()).contains("iotedge list");
        assertThat(StepStatus.FAILED.succeeded()).isFalse();
        assertThat(InstallSteps.VERIFY_RUNTIME).isEqualTo("verify-runtime");
    }

    @Test
    void aCheckRunInTextFormAfterTheDeviceRefusedJsonIsReadWithTheTextParser() {
        String log = "$ iotedge check --output json </dev/null\nerror: Found argument '--output' which wasn't expected, or isn't"
                + " valid in this context\n(exit 1)\n$ iotedge check --verbose </dev/null\n"
                + io.nestedge.commissioning.probe.Samples.read("iotedge-check-child-verbose.txt") + "(exit 1)\n";
        RuntimeEvidence e = RuntimeEvidence.read(log, null);
        assertThat(e.checkProblem()).isEmpty();
        assertThat(e.check().failures()).extracting(c -> c.id())
                .containsExactly("host-connect-iothub-amqp", "edge-agent-storage-mounted-from-host");
    }
}
