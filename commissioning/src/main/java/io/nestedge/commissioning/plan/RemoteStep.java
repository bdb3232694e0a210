package io.nestedge.commissioning.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.commissioning.probe.ConfigApplyParser;
import io.nestedge.commissioning.probe.ConfigApplyResult;
import io.nestedge.commissioning.probe.NameiParser;
import io.nestedge.commissioning.probe.ProbeParseException;
import io.nestedge.commissioning.run.Remark;
import io.nestedge.commissioning.run.SecretRedaction;
import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepTask;
import io.nestedge.model.shell.ShellQuote;
import io.nestedge.model.steps.Action;
import io.nestedge.model.steps.CommandForms;
import io.nestedge.model.steps.InstallStep;
import io.nestedge.model.steps.JsonMerge;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Executes one {@link InstallStep} on a device over a {@link DeviceShell}: the same command lines as
 * {@code install.sh} ({@link CommandForms}), run as root in the staging copy of the bundle. Probe
 * outputs are parsed and judged by {@link ProbeJudge}; failures carry a diagnosis (cause and fix).
 */
public final class RemoteStep implements StepTask {
    private final InstallStep step;
    private final DeviceShell shell;
    private final String staging;
    private final DeviceRunState state;
    private final Duration timeout;

    /**
     * @param step the step to run
     * @param shell the device connection
     * @param staging working directory of the step's commands: the bundle's staging copy on the device
     *     (or {@code /} for steps that run before the upload)
     * @param state shared per-device state (evidence, flags)
     * @param timeout timeout of each command
     */
    public RemoteStep(InstallStep step, DeviceShell shell, String staging, DeviceRunState state, Duration timeout) {
        this.step = step;
        this.shell = shell;
        this.staging = staging;
        this.state = state;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return step.id();
    }

    @Override
    public String title() {
        return step.title();
    }

    @Override
    public boolean rerunOnResume() {
        return step.verification();
    }

    @Override
    public StepResult execute(StepContext ctx) throws Exception {
        Run run = new Run(ctx);
        for (Action a : step.actions()) {
            StepResult failure = run.action(a);
            if (failure != null) {
                return failure;
            }
        }
        if (run.probes.isEmpty() && !run.notes.isEmpty()) {
            return StepResult.ok(String.join("; ", run.notes), run.log.toString());
        }
        return ProbeJudge.judge(step, run.probes, state, run.log.toString());
    }

    /** One execution: its log and the probe outputs it collected. */
    private final class Run {
        final StringBuilder log = new StringBuilder();
        final List<ProbeJudge.ProbeOutput> probes = new ArrayList<>();
        /** What actions without probes report (e.g. a merged daemon.json), for the step's summary. */
        final List<String> notes = new ArrayList<>();
        final StepContext ctx;

        Run(StepContext ctx) {
            this.ctx = ctx;
        }

        DeviceShell.Exec sh(String line) throws IOException, InterruptedException {
            if (ctx.cancelled()) {
                throw new InterruptedException("cancelled");
            }
            // A device may quote secrets (config apply quotes the config.toml line it cannot parse): masked at the
            // source, so neither the live view, the journal, the report nor a summary ever holds them.
            DeviceShell.Exec raw = shell.runAsRoot(staging, line, timeout);
            DeviceShell.Exec r = new DeviceShell.Exec(raw.exitCode(), SecretRedaction.apply(raw.stdout()),
                    SecretRedaction.apply(raw.stderr()));
            String entry = "$ " + line + "\n" + r.text() + (r.text().isEmpty() || r.text().endsWith("\n") ? "" : "\n")
                    + (r.exitCode() == 0 ? "" : "(exit " + r.exitCode() + ")\n");
            log.append(entry);
            ctx.output(entry);
            return r;
        }

        StepResult mustSucceed(List<String> lines) throws IOException, InterruptedException {
            for (String l : lines) {
                DeviceShell.Exec r = sh(l);
                if (r.exitCode() != 0) {
                    return StepResult.failed(title() + ": '" + l + "' failed (exit " + r.exitCode() + ")"
                            + firstLine(r.text()), log.toString(), List.of());
                }
            }
            return null;
        }

        StepResult action(Action a) throws IOException, InterruptedException {
            if (a instanceof Action.Command c) {
                DeviceShell.Exec r = sh(CommandForms.command(c));
                if (r.exitCode() != 0 && !c.mayFail()) {
                    return StepResult.failed("'" + CommandForms.command(c) + "' failed (exit " + r.exitCode() + ")"
                            + firstLine(r.text()), log.toString(), List.of());
                }
                return null;
            } else if (a instanceof Action.MakeDir d) {
                return mustSucceed(CommandForms.makeDir(d));
            } else if (a instanceof Action.PutFile p) {
                return mustSucceed(CommandForms.putFile(p));
            } else if (a instanceof Action.CheckReadable r) {
                return checkReadable(r);
            } else if (a instanceof Action.BackupIfPresent b) {
                if (sh(CommandForms.exists(b.path())).exitCode() == 0) {
                    return mustSucceed(List.of(CommandForms.copyPreserving(b.path(), b.backup())));
                }
                return null;
            } else if (a instanceof Action.MarkIfDiffers m) {
                if (sh(CommandForms.same(m.source(), m.target())).exitCode() != 0) {
                    return mustSucceed(List.of(CommandForms.setFlag(m.flag())));
                }
                return null;
            } else if (a instanceof Action.WhenFlag w) {
                if (sh(CommandForms.exists(CommandForms.flagPath(w.flag()))).exitCode() == 0) {
                    state.sawFlag(w.flag());
                    for (Action inner : w.actions()) {
                        StepResult f = action(inner);
                        if (f != null) {
                            return f;
                        }
                    }
                    return mustSucceed(List.of(CommandForms.clearFlag(w.flag())));
                }
                return null;
            } else if (a instanceof Action.CheckHostname h) {
                return checkHostname(h);
            } else if (a instanceof Action.ApplyConfig c) {
                return apply(c);
            } else if (a instanceof Action.MergeJson m) {
                return mergeJson(m);
            } else if (a instanceof Action.Probe p) {
                ProbeJudge.ProbeOutput out = new ProbeJudge.ProbeOutput(p, sh(ShellQuote.command(p.argv()) + " </dev/null"));
                if (p.fallback() != null && !ProbeJudge.understood(p, out.exec())) {
                    // e.g. an iotedge without `check --output json`: run the text form and judge that (facts §6)
                    out = new ProbeJudge.ProbeOutput(p.fallback(), sh(ShellQuote.command(p.fallback().argv()) + " </dev/null"), out);
                }
                probes.add(out);
                return null;
            }
            throw new IllegalArgumentException("unknown action " + a);
        }

        private StepResult checkReadable(Action.CheckReadable r) throws IOException, InterruptedException {
            if (sh(CommandForms.checkReadable(r)).exitCode() == 0) {
                return null;
            }
            // Gather why: every parent directory with mode and owner (namei), then diagnose (F19, F20).
            DeviceShell.Exec n = sh(ShellQuote.command("namei", "-l", r.path()));
            List<Remark> remarks = new ArrayList<>();
            try {
                state.evidence().path(r.user(), NameiParser.parse(n.stdout()));
                remarks.addAll(ProbeJudge.remarks(state));
            } catch (ProbeParseException e) {
                log.append("(could not read namei output: ").append(e.getMessage()).append(")\n");
            }
            if (remarks.isEmpty()) {
                remarks.add(new Remark(r.user() + " cannot read " + r.path(),
                        "Give the file to " + r.user() + " with the mode the runtime needs and make every parent directory "
                                + "executable for it (facts §4).", "", "F19/F20"));
            }
            return StepResult.failed(r.user() + " cannot read " + r.path(), log.toString(), remarks);
        }

        /**
         * Reads the device file, merges on the laptop with Jackson ({@link JsonMerge}), and only when
         * a key is missing or differs: backs the file up, uploads the result to the staging directory
         * and installs it atomically (0644 root:root). A file that is not a JSON object fails the step
         * and is left alone (ADR 0420).
         */
        private StepResult mergeJson(Action.MergeJson m) throws IOException, InterruptedException {
            ObjectNode patch = JsonMerge.patch(m.patch());
            String keys = String.join(", ", JsonMerge.keys(patch));
            boolean exists = sh(CommandForms.exists(m.target())).exitCode() == 0;
            ObjectNode current;
            if (exists) {
                DeviceShell.Exec cat = sh(ShellQuote.command("cat", m.target()));
                if (cat.exitCode() != 0) {
                    return StepResult.failed("cannot read " + m.target() + firstLine(cat.text()), log.toString(), List.of());
                }
                try {
                    current = JsonMerge.parseObject(cat.stdout());
                } catch (JsonMerge.NotAnObjectException e) {
                    return StepResult.failed(m.target() + " is " + e.getMessage() + "; it was left unchanged", log.toString(),
                            List.of(new Remark(m.target() + " is not a JSON object, so its keys cannot be merged; the container "
                                    + "engine refuses to start with it too.", "Fix the file (or move it away) on the device, then "
                                    + "commission again: " + keys + " will be merged into it.", "", "facts §6")));
                }
            } else {
                current = patch.objectNode();
            }
            if (exists && JsonMerge.holds(current, patch)) {
                notes.add(m.target() + " already holds " + keys + ": unchanged");
                return null;
            }
            ObjectNode merged = JsonMerge.merge(current, patch);
            List<String> kept = JsonMerge.keys(current).stream().filter(k -> !patch.has(k)).toList();
            String dir = m.target().substring(0, Math.max(1, m.target().lastIndexOf('/')));
            String staged = staging + (staging.endsWith("/") ? "" : "/") + "nestedge-merge-"
                    + m.target().substring(m.target().lastIndexOf('/') + 1);
            if (exists) {
                StepResult f = mustSucceed(List.of(CommandForms.copyPreserving(m.target(), m.backup())));
                if (f != null) {
                    return f;
                }
            }
            StepResult f = mustSucceed(List.of(ShellQuote.command("mkdir", "-p", dir)));
            if (f != null) {
                return f;
            }
            byte[] content = JsonMerge.render(merged).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String entry = "(upload " + staged + ": " + m.target() + " with " + keys + " set"
                    + (kept.isEmpty() ? "" : ", " + String.join(", ", kept) + " kept") + ")\n";
            log.append(entry);
            ctx.output(entry);
            shell.upload(content, staged, 0600);
            f = mustSucceed(CommandForms.putFile(new Action.PutFile(staged, m.target(), 0644, "root", "root")));
            sh(ShellQuote.command("rm", "-f", staged));
            if (f != null) {
                return f;
            }
            notes.add(m.target() + ": " + keys + " set" + (kept.isEmpty() ? "" : " (" + kept.size() + " other key(s) kept)")
                    + (exists ? ", previous file in " + m.backup() : ""));
            return null;
        }

        private StepResult checkHostname(Action.CheckHostname h) throws IOException, InterruptedException {
            DeviceShell.Exec r = sh("hostname");
            String actual = r.stdout().trim().toLowerCase(Locale.ROOT);
            String planned = h.planned().toLowerCase(Locale.ROOT);
            boolean ip = planned.matches("[0-9]+(\\.[0-9]+){3}") || planned.contains(":");
            if (r.exitCode() == 0 && (planned.equals(actual) || planned.startsWith(actual + ".") || ip)) {
                return null;
            }
            return StepResult.failed("machine hostname '" + actual + "' does not match the planned hostname '" + h.planned() + "'",
                    log.toString(), List.of(new Remark(
                            "The device's own check compares hostname in config.toml with the machine's name (facts §2).",
                            "Set the machine's hostname to '" + h.planned().split("\\.")[0] + "' (hostnamectl set-hostname) "
                                    + "before edgeHub is first created, or correct the device's hostname in the plant.", "", "facts §2")));
        }

        private StepResult apply(Action.ApplyConfig c) throws IOException, InterruptedException {
            DeviceShell.Exec r = sh(CommandForms.apply(c.config()));
            ConfigApplyResult parsed;
            try {
                parsed = ConfigApplyParser.parse(r.text(), r.exitCode());
            } catch (ProbeParseException e) {
                parsed = null;
            }
            if (r.exitCode() == 0 && parsed != null && parsed.success()) {
                state.evidence().configApply(parsed);
                return null;
            }
            if (parsed != null) {
                state.evidence().configApply(parsed);
            }
            String restored = "";
            if (sh(CommandForms.exists(c.backup())).exitCode() == 0) {
                sh(CommandForms.copyPreserving(c.backup(), c.config()));
                DeviceShell.Exec again = sh(CommandForms.apply(c.config()));
                restored = again.exitCode() == 0 ? "; the previous config.toml was restored and re-applied"
                        : "; the previous config.toml was restored but re-applying it failed too";
            }
            List<Remark> remarks = new ArrayList<>(ProbeJudge.remarks(state));
            String error = parsed == null ? firstLine(r.text()) : ": " + parsed.errorText();
            return StepResult.failed("iotedge config apply rejected the configuration" + error + restored, log.toString(), remarks);
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        int nl = t.indexOf('\n');
        return ": " + (nl < 0 ? t : t.substring(0, nl));
    }
}
