package io.nestedge.commissioning.plan;

import io.nestedge.commissioning.probe.CheckEntry;
import io.nestedge.commissioning.probe.CheckReport;
import io.nestedge.commissioning.probe.ContainerInspection;
import io.nestedge.commissioning.probe.DockerInspectParser;
import io.nestedge.commissioning.probe.IotedgeCheckJsonParser;
import io.nestedge.commissioning.probe.IotedgeCheckTextParser;
import io.nestedge.commissioning.probe.IotedgeListParser;
import io.nestedge.commissioning.probe.ModuleStatus;
import io.nestedge.commissioning.probe.OpenSslSClientParser;
import io.nestedge.commissioning.probe.ProbeParseException;
import io.nestedge.commissioning.probe.TlsProbe;
import io.nestedge.commissioning.probe.diagnosis.Diagnosis;
import io.nestedge.commissioning.probe.diagnosis.DiagnosisEngine;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.OsFamily;
import io.nestedge.model.steps.Action;
import io.nestedge.model.steps.InstallStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the outputs of a step's probes into its result: parses them with the probe parsers (failing
 * loudly on output they do not understand), adds them to the device's evidence and asks the
 * {@link DiagnosisEngine} for causes and fixes (facts §6, field cases F6–F12).
 */
final class ProbeJudge {
    private static final DiagnosisEngine ENGINE = DiagnosisEngine.standard();

    private ProbeJudge() {
    }

    /**
     * A probe and what it printed.
     *
     * @param probe the probe that ran
     * @param exec what it printed
     * @param refused when {@code probe} is a fallback: the preferred probe's output that was not
     *     understood (e.g. an iotedge without {@code check --output json}); otherwise null
     */
    record ProbeOutput(Action.Probe probe, DeviceShell.Exec exec, ProbeOutput refused) {
        /** A probe's output, not a fallback's. */
        ProbeOutput(Action.Probe probe, DeviceShell.Exec exec) {
            this(probe, exec, null);
        }
    }

    /**
     * True when the output has the shape of the probe's kind, so that its fallback (if any) need not
     * run. Only the forms with a fallback are checked: {@code iotedge check --output json}, which
     * runtimes before 1.0.8 refuse ("Found argument '--output' which wasn't expected") — facts §6.
     */
    static boolean understood(Action.Probe probe, DeviceShell.Exec r) {
        if (probe.kind() == Action.ProbeKind.CHECK_JSON) {
            try {
                IotedgeCheckJsonParser.parse(r.stdout());
            } catch (ProbeParseException e) {
                return false;
            }
        }
        return true;
    }

    static StepResult judge(InstallStep step, List<ProbeOutput> probes, DeviceRunState state, String log) {
        StepStatus status = StepStatus.OK;
        List<String> notes = new ArrayList<>();
        for (ProbeOutput p : probes) {
            Verdict v;
            try {
                v = verdict(p, state);
                if (p.refused() != null) {
                    v = new Verdict(v.status, v.note + " [read from '" + String.join(" ", p.probe().argv())
                            + "': the device did not answer '" + String.join(" ", p.refused().probe().argv()) + "' ("
                            + firstLine(p.refused().exec()) + ")]");
                }
            } catch (ProbeParseException e) {
                v = new Verdict(StepStatus.FAILED, "could not understand the output of '" + String.join(" ", p.probe().argv())
                        + "'" + (p.refused() == null ? "" : " (nor of '" + String.join(" ", p.refused().probe().argv())
                        + "': " + firstLine(p.refused().exec()) + ")") + ": " + e.getMessage());
            }
            status = status.worst(v.status);
            if (!v.note.isEmpty()) {
                notes.add(v.note);
            }
        }
        String summary = notes.isEmpty() ? step.title() + ": done" : String.join("; ", notes);
        List<Remark> remarks = status == StepStatus.OK ? List.of() : remarks(state);
        return new StepResult(status, summary, log, remarks);
    }

    /** Diagnoses the device's evidence so far. */
    static List<Remark> remarks(DeviceRunState state) {
        List<Remark> out = new ArrayList<>();
        for (Diagnosis d : ENGINE.diagnose(state.evidence().build())) {
            out.add(new Remark(d.title() + ": " + d.cause(), d.fix(), d.remedy() == null ? "" : d.remedy().name(), d.source()));
        }
        return out;
    }

    private record Verdict(StepStatus status, String note) { }

    private static Verdict verdict(ProbeOutput p, DeviceRunState state) throws ProbeParseException {
        DeviceShell.Exec r = p.exec();
        return switch (p.probe().kind()) {
            case USER -> new Verdict(r.exitCode() == 0 ? StepStatus.OK : StepStatus.FAILED, "user " + r.stdout().trim());
            case OS_RELEASE -> osRelease(r, state.os());
            case FREE_SPACE -> freeSpace(r);
            case IOTEDGE_VERSION -> r.exitCode() == 0 ? new Verdict(StepStatus.OK, r.stdout().trim())
                    : new Verdict(StepStatus.FAILED, "IoT Edge is not installed or not on PATH (iotedge version failed)");
            case CHECK_JSON -> check(IotedgeCheckJsonParser.parse(r.stdout()), state);
            case CHECK_TEXT -> check(IotedgeCheckTextParser.parse(r.stdout()), state);
            case LIST -> list(IotedgeListParser.parse(r.stdout()), state);
            case INSPECT_EDGEHUB -> inspect(r, state);
            case S_CLIENT -> tls(p.probe().argv(), OpenSslSClientParser.parse(r.text()), state);
        };
    }

    /** The first non-blank line a command printed (stderr first: that is where a refusal goes), or its exit status. */
    private static String firstLine(DeviceShell.Exec r) {
        for (String text : List.of(r.stderr(), r.stdout())) {
            String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            if (!line.isEmpty()) {
                return (line.length() > 160 ? line.substring(0, 160) + "…" : line.strip()) + ", exit " + r.exitCode();
            }
        }
        return "no output, exit " + r.exitCode();
    }

    /** Free space needed to stage a bundle and keep a config backup, KiB. */
    static final long MIN_FREE_KIB = 50 * 1024;

    /** {@code df -Pk DIR}: the header, then one line whose 4th column is the available KiB. */
    private static Verdict freeSpace(DeviceShell.Exec r) throws ProbeParseException {
        String[] lines = r.stdout().strip().split("\n");
        if (r.exitCode() != 0 || lines.length < 2 || !lines[0].startsWith("Filesystem")) {
            throw new ProbeParseException("df -Pk", 1, lines.length == 0 ? "" : lines[0], "expected df's header and one line");
        }
        String[] f = lines[lines.length - 1].trim().split("\\s+");
        long avail;
        try {
            avail = Long.parseLong(f[3]);
        } catch (RuntimeException e) {
            throw new ProbeParseException("df -Pk", lines.length, lines[lines.length - 1], "the 4th column is not the available KiB");
        }
        return avail >= MIN_FREE_KIB ? new Verdict(StepStatus.OK, avail / 1024 + " MiB free")
                : new Verdict(StepStatus.FAILED, "only " + avail / 1024 + " MiB free on " + f[f.length - 1]
                        + " (at least " + MIN_FREE_KIB / 1024 + " MiB needed): free some space first");
    }

    private static Verdict osRelease(DeviceShell.Exec r, OsFamily planned) {
        String id = "";
        String like = "";
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("ID=")) {
                id = line.substring(3).replace("\"", "").trim().toLowerCase(Locale.ROOT);
            } else if (line.startsWith("ID_LIKE=")) {
                like = line.substring(8).replace("\"", "").trim().toLowerCase(Locale.ROOT);
            }
        }
        boolean debian = id.equals("debian") || id.equals("ubuntu") || like.contains("debian");
        boolean mariner = id.equals("mariner") || id.equals("azurelinux") || id.equals("rhel") || like.contains("rhel")
                || like.contains("fedora") || like.contains("mariner");
        if (r.exitCode() != 0 || (!debian && !mariner)) {
            return new Verdict(StepStatus.WARNING, "unknown OS '" + id + "' (planned " + planned + ")");
        }
        OsFamily actual = debian ? OsFamily.DEBIAN : OsFamily.MARINER;
        return actual == planned ? new Verdict(StepStatus.OK, "OS " + id)
                : new Verdict(StepStatus.FAILED, "the device runs " + id + " but the plant says " + planned
                        + ": set the device's OS family in the plant (it decides the trust-store tool) and export again");
    }

    private static Verdict check(CheckReport report, DeviceRunState state) {
        state.evidence().check(report);
        // The JSON form has no summary lines: count the results. The text form's summary lines are its
        // own count (with --verbose a skipped check is shown with the warning marker, facts §6).
        CheckReport.Summary sum = report.summary();
        long ok = sum != null ? sum.succeeded() : report.withResult(io.nestedge.commissioning.probe.CheckResult.OK).size();
        long warnings = sum != null ? sum.warnings() : report.withResult(io.nestedge.commissioning.probe.CheckResult.WARNING).size();
        long errors = sum != null ? Math.max(sum.errors(), report.failures().size()) : report.failures().size();
        long skipped = sum != null ? sum.skipped() : report.withResult(io.nestedge.commissioning.probe.CheckResult.SKIPPED).size();
        String note = "iotedge check: " + ok + " ok, " + count(warnings, "warning") + ", " + count(errors, "error")
                + (skipped > 0 ? ", " + skipped + " skipped" : "");
        List<CheckEntry> failures = report.failures();
        if (!failures.isEmpty()) {
            CheckEntry first = failures.get(0);
            String which = first.id() != null ? first.id() : first.description();
            return new Verdict(StepStatus.FAILED, note + " (" + which + ": " + first.detailText().lines().findFirst().orElse("") + ")");
        }
        return new Verdict(warnings > 0 ? StepStatus.WARNING : StepStatus.OK, note);
    }

    private static Verdict list(List<ModuleStatus> modules, DeviceRunState state) {
        state.evidence().modules(modules);
        for (String system : List.of("edgeAgent", "edgeHub")) {
            ModuleStatus m = modules.stream().filter(x -> x.name().equals(system)).findFirst().orElse(null);
            if (m == null || m.state() != ModuleStatus.State.RUNNING) {
                return new Verdict(StepStatus.FAILED, system + " is " + (m == null ? "missing" : m.state().name().toLowerCase(Locale.ROOT)
                        + " (" + m.description() + ")"));
            }
        }
        long failed = modules.stream().filter(m -> m.state() == ModuleStatus.State.FAILED).count();
        return new Verdict(failed > 0 ? StepStatus.WARNING : StepStatus.OK, count(modules.size(), "module") + ", "
                + modules.stream().filter(m -> m.state() == ModuleStatus.State.RUNNING).count() + " running");
    }

    /** "1 warning", "2 warnings" ("warning(s)" let the PDF report break a line before "(s)"). */
    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Verdict inspect(DeviceShell.Exec r, DeviceRunState state) throws ProbeParseException {
        if (r.exitCode() != 0) {
            return new Verdict(StepStatus.FAILED, "edgeHub container not found (docker inspect edgeHub failed)");
        }
        List<ContainerInspection> list = DockerInspectParser.parse(r.stdout());
        if (list.isEmpty()) {
            return new Verdict(StepStatus.FAILED, "edgeHub container not found");
        }
        ContainerInspection hub = list.get(0);
        state.evidence().edgeHub(hub);
        String env = hub.edgeDeviceHostName().orElse("");
        if (!env.equalsIgnoreCase(state.configHostname())) {
            return new Verdict(StepStatus.FAILED, "edgeHub was created for hostname '" + env + "' but config.toml says '"
                    + state.configHostname() + "' (F12)");
        }
        return new Verdict(StepStatus.OK, "edgeHub EdgeDeviceHostName=" + env);
    }

    private static Verdict tls(List<String> argv, TlsProbe probe, DeviceRunState state) {
        String target = argv.get(argv.indexOf("-connect") + 1);
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        state.evidence().tls(host, port, probe);
        if (!probe.connected()) {
            return new Verdict(StepStatus.FAILED, "no TLS connection to the parent " + target);
        }
        if (!probe.verified()) {
            return new Verdict(StepStatus.FAILED, "the parent's certificate on " + target + " does not verify against the root CA: "
                    + String.join(", ", probe.verifyErrors()));
        }
        if (!probe.namesHost(host)) {
            return new Verdict(StepStatus.FAILED, "the parent's certificate on " + target + " is for " + probe.subjectCn().orElse("?")
                    + ", not " + host);
        }
        return new Verdict(StepStatus.OK, "parent TLS " + target + " verified (CN " + probe.subjectCn().orElse("?") + ")");
    }
}
