package io.nestedge.commissioning.report;

import io.nestedge.commissioning.probe.Samples;
import io.nestedge.commissioning.run.Commissioner;
import io.nestedge.commissioning.run.DeviceJob;
import io.nestedge.commissioning.run.Journal;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.commissioning.run.StepTask;
import io.nestedge.model.OsFamily;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.samples.SamplePlants;
import io.nestedge.model.steps.DeviceInstallSpec;
import io.nestedge.model.steps.InstallSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Journals made the way a real run makes them: {@link Journal} + {@link Commissioner} running small
 * fake steps whose logs have the {@code RemoteStep} shape ({@code $ command}, output, {@code (exit N)})
 * and real device output (the {@code iotedge check --output json}, {@code iotedge list} and
 * {@code openssl s_client} samples).
 */
final class ReportFixtures {
    static final String PARENT_HOST = "ops-gw.contoso-plant.local";
    static final String DIAGNOSIS_CAUSE = "TLS chain not trusted: the child does not trust the parent's edgeHub certificate";
    static final String DIAGNOSIS_FIX = "Install the plant's root CA in the child's trust store and restart the container engine (facts §4).";
    static final String ROOT_FP = "3A:5F:09:C4:11:7E:AB:20:9D:61:C8:4B:2E:F3:70:18:55:AA:0C:92:DE:41:6B:88:07:F1:3C:E9:52:B4:7D:21";

    private ReportFixtures() {
    }

    /** The sample plant: site-gw (L4) → ops-gw (L3) → line1-edge (L2) → press-sensor-01 (leaf). */
    static Plant plant() {
        return SamplePlants.sample();
    }

    static StepTask step(String id, String title, StepResult result) {
        return new StepTask() {
            @Override public String id() { return id; }
            @Override public String title() { return title; }
            @Override public boolean rerunOnResume() { return id.startsWith("verify-") && !id.equals(InstallSteps.VERIFY_BUNDLE); }
            @Override public StepResult execute(StepContext ctx) { return result; }
        };
    }

    static StepTask ok(String id) {
        return step(id, "Step " + id, StepResult.ok(id + ": done", "$ true\n"));
    }

    /** A verify-runtime log as RemoteStep writes it. */
    static String runtimeLog(String checkJson, int checkExit, String list) {
        return "$ iotedge check --output json </dev/null\n" + checkJson.strip() + "\n"
                + (checkExit == 0 ? "" : "(exit " + checkExit + ")\n")
                + "$ iotedge list </dev/null\n" + list.strip() + "\n"
                + "$ docker inspect edgeHub </dev/null\n[]\n";
    }

    static String checkJson(boolean clean) {
        String s = Samples.read("iotedge-check-child.json");
        return clean ? s.replace("\"result\":\"error\"", "\"result\":\"ok\"") : s;
    }

    static String tlsLog(boolean verified) {
        String ok = Samples.sClientFragments().get(0).replace("l4-site-gw.plant7.example.net", PARENT_HOST)
                .replace("l4-site-gw.ca", "ops-gw.ca");
        String out = verified ? ok : ok.replace("Verify return code: 0 (ok)",
                "verify error:num=20:unable to get local issuer certificate\nVerify return code: 20 (unable to get local issuer certificate)");
        return "$ openssl s_client -connect " + PARENT_HOST + ":443 -servername " + PARENT_HOST
                + " -CAfile /var/aziot/certs/root.pem -verify_hostname " + PARENT_HOST + " -showcerts </dev/null\n" + out;
    }

    /**
     * Two runs appended to one journal. Run 1: site-gw OK; ops-gw fails verify-runtime (the check's
     * AMQP error, edgeHub failed) so line1-edge and the leaf are skipped. Run 2 (resumed): ops-gw passes
     * with warnings, line1-edge fails parent TLS verification with a diagnosis, the leaf is skipped.
     */
    static Path twoRunJournal(Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        String list = Samples.read("iotedge-list.txt");
        String listOk = list.replace("failed           Failed (139) 12 seconds ago ", "running          Up 2 minutes                ");
        Plant p = plant();
        try (Journal j = Journal.open(file, "run-1", p.name())) {
            new Commissioner(2, j, java.util.Set.of()).run(List.of(
                    new DeviceJob("site-gw", "", List.of(ok("preflight"), step(InstallSteps.VERIFY_RUNTIME, "Check the runtime",
                            new StepResult(StepStatus.WARNING, "iotedge check: 14 ok, 2 warning(s), 0 error(s)",
                                    runtimeLog(checkJson(true), 0, listOk), List.of())))),
                    new DeviceJob("ops-gw", "site-gw", List.of(ok("preflight"), ok(InstallSteps.APPLY_CONFIG),
                            step(InstallSteps.VERIFY_RUNTIME, "Check the runtime", StepResult.failed(
                                    "iotedge check: 13 ok, 2 warning(s), 1 error(s) (host-connect-iothub-amqp: Could not connect)",
                                    runtimeLog(checkJson(false), 1, list), List.of(new Remark(
                                            "edgeHub keeps restarting: it cannot reach its parent over AMQP",
                                            "Check the parent's edgeHub certificate and the child's trust bundle.", "RECREATE_EDGEHUB", "F12")))))),
                    new DeviceJob("line1-edge", "ops-gw", List.of(ok("preflight"))),
                    new DeviceJob("press-sensor-01", "line1-edge", List.of(ok("preflight")))));
        }
        java.util.Set<String> done = Journal.succeededSteps(file);
        try (Journal j = Journal.open(file, "run-2", p.name())) {
            new Commissioner(2, j, done).run(List.of(
                    new DeviceJob("ops-gw", "site-gw", List.of(ok("preflight"), ok(InstallSteps.APPLY_CONFIG),
                            step(InstallSteps.VERIFY_RUNTIME, "Check the runtime", new StepResult(StepStatus.WARNING,
                                    "iotedge check: 14 ok, 2 warning(s), 0 error(s)", runtimeLog(checkJson(true), 0, listOk), List.of())))),
                    new DeviceJob("line1-edge", "ops-gw", List.of(ok("preflight"),
                            step(InstallSteps.VERIFY_PARENT_TLS, "Verify the parent's TLS (" + PARENT_HOST + ")", StepResult.failed(
                                    "the parent's certificate on " + PARENT_HOST + ":443 does not verify against the root CA: "
                                            + "20:unable to get local issuer certificate",
                                    tlsLog(false), List.of(new Remark(DIAGNOSIS_CAUSE, DIAGNOSIS_FIX, "", "F9")))))),
                    new DeviceJob("press-sensor-01", "line1-edge", List.of(ok("preflight")))));
        }
        return file;
    }

    /** A made-up SHA-256 fingerprint for a device's Edge CA (32 colon-separated bytes). */
    static String edgeFingerprint(String id) {
        byte[] h = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            sb.append(i == 0 ? "" : ":").append(String.format("%02X", (h[i % h.length] * 31 + i * 7) & 0xff));
        }
        return sb.toString();
    }

    /** An export directory (devices/<id>/bundle.json, as 'nestedge export' lays it out) for the sample plant. */
    static Path exportDir(Path dir) throws IOException {
        Path export = dir.resolve("export");
        Plant p = plant();
        String[][] devices = {{"site-gw", "2031-01-01T00:00:00Z"}, {"ops-gw", "2026-01-10T00:00:00Z"}, {"line1-edge", "2025-12-01T00:00:00Z"},
                {"press-sensor-01", ""}};
        for (String[] e : devices) {
            var d = p.deviceOrNull(e[0]);
            boolean edge = !e[1].isEmpty();
            DeviceInstallSpec spec = new DeviceInstallSpec(d.id(), edge, d.hostname(), "", List.of(), OsFamily.DEBIAN,
                    new DeviceInstallSpec.BundleFile("certs/root.pem", "/var/aziot/certs/root.pem"), "nestedge-root",
                    "/var/aziot/certs", "/var/aziot/secrets", List.of(), List.of(), null, "config.toml", ".nestedge-backup");
            BundleInfo info = new BundleInfo(Bundles.SCHEMA_VERSION, d.id(), d.layerId(), d.parentId(), spec, ROOT_FP,
                    edge ? edgeFingerprint(d.id()) : "", e[1], List.of(), "2025-11-30T10:00:00Z", "NestEdge Studio test");
            Path bundle = Files.createDirectories(Bundles.bundleDir(export, d.id()));
            Files.write(bundle.resolve(Bundles.INFO_FILE), Bundles.toBytes(info));
        }
        return export;
    }
}
