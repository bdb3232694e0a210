package io.nestedge.app.cli;

import io.nestedge.commissioning.plan.CommissioningPlan;
import io.nestedge.commissioning.report.RuntimeEvidence;
import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.Journal;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.commissioning.service.VirtualCommissioning;
import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.commissioning.ssh.HostKeyPolicy;
import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.commissioning.ssh.SshSettings;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.steps.InstallSteps;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nestedge commission PLANT --bundle DIR}: commissions the devices over SSH (through parents
 * for isolated layers), top layer first, with a progress bar, a journal and a final table.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = {"Commissions the plant's devices from exported bundles over SSH: top layer first, devices "
                        + "of a layer in parallel, a child only after its parent succeeded; lower layers are reached "
                        + "through their parents. Every step is journaled (JSONL) so --resume continues an "
                        + "interrupted run. --virtual rehearses on emulated devices instead of real ones.",
                "Exit code 0: every device ok (warnings allowed); 1: a device failed or was skipped; 2: "
                        + "unusable input."})
public final class CommissionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLANT", description = "Plant file (JSON).")
    Path plantFile;

    @Option(names = "--bundle", required = true, paramLabel = "DIR", description = "Export directory made by 'nestedge export'.")
    Path bundleDir;

    @Option(names = "--devices", split = ",", paramLabel = "ID", description = "Only these devices (their parents must be commissioned).")
    List<String> devices = List.of();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", description = "Devices worked on at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Run journal (JSONL), appended to. Default: <plant>.commissioning.jsonl beside the plant file.")
    Path journal;

    @Option(names = "--resume", paramLabel = "JOURNAL", description = "Continue the run recorded in JOURNAL (steps that succeeded are not repeated).")
    Path resume;

    @Option(names = "--virtual", description = "Rehearse on a virtual plant (emulated IoT Edge devices on 127.0.0.1).")
    boolean virtual;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Timeout of each remote command (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = {"-i", "--identity"}, paramLabel = "KEY", description = "OpenSSH private key file (asks for its pass phrase if encrypted).")
    Path identity;

    @Option(names = "--password", description = "Log in with a password (asked once).")
    boolean password;

    @Option(names = "--agent", description = "Use ssh-agent (SSH_AUTH_SOCK).")
    boolean agent;

    @Option(names = "--sudo-password-file", paramLabel = "FILE",
            description = "sudo password of every device without its own file (first line; keep it 0600). Default: asked once.")
    Path sudoPasswordFile;

    @Option(names = "--device-sudo-password-file", paramLabel = "ID=FILE",
            description = "sudo password of one device (first line of FILE; keep it 0600). Repeat per device; devices "
                    + "without one use --sudo-password-file (or are asked once).")
    Map<String, Path> deviceSudoPasswordFiles = Map.of();

    @Option(names = "--bundle-passphrase-file", paramLabel = "FILE", description = "Pass phrase of USB bundles' device keys. Default: asked.")
    Path bundlePassFile;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "The app's known_hosts (default ~/.config/nestedge/known_hosts).")
    Path knownHosts;

    @Option(names = "--user-known-hosts", description = "Also trust keys in ~/.ssh/known_hosts.")
    boolean userKnownHosts;

    @Option(names = "--accept-new-host-keys", description = "Trust and save unknown host keys (a changed key still stops the device).")
    boolean acceptNew;

    @Option(names = "--pin", paramLabel = "HOST:PORT=SHA256:FP",
            description = "Expect exactly this host key at this SSH address (as the plant gives it; HOST alone means "
                    + "port 22, [HOST]:PORT as known_hosts writes it also works). Repeat per device.")
    Map<String, String> pins = Map.of();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Where unknown host keys are asked about; null when the CLI runs without a terminal (piped, CI),
     * then an unknown key is refused with the fingerprint and the options that accept it. The
     * process's console by default; tests put a scripted one here.
     */
    Terminal terminal = Terminal.system();

    /** The technician's terminal: prints a question and reads the answer line. */
    @FunctionalInterface
    interface Terminal {
        /**
         * @param question the question, printed as it is
         * @return the answer line, or null at the end of input
         */
        String ask(String question);

        /** The process's console, or null when there is none. */
        static Terminal system() {
            Console c = System.console();
            return c == null ? null : q -> c.readLine("%s", q);
        }
    }

    /** The login password read for {@code --password}; wiped when the run ends. */
    private char[] loginPassword;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plant plant = PlantFile.read(plantFile);
        CommissioningPlan plan = CommissioningService.plan(plant, bundleDir, devices);
        if (PlantChecks.refuseErrors(plant, plantFile, spec.commandLine().getErr())) {
            return ExitCodes.FINDINGS;
        }
        Path jf = resume != null ? resume : journal != null ? journal : defaultJournal(plantFile);
        if (resume != null && virtual) {
            // every --virtual run starts new emulated devices: nothing an earlier run installed is on them
            err.println("error: --resume cannot be used with --virtual: each rehearsal starts new emulated devices, so the steps "
                    + resume + " records as done were never done on them. Fix: Run the rehearsal again without --resume.");
            return ExitCodes.UNUSABLE;
        }
        if (resume != null && !Files.exists(resume)) {
            err.println("error: " + resume + ": no such journal to resume.");
            return ExitCodes.UNUSABLE;
        }
        if (resume != null) {
            Journal.resumable(resume, plant.name()); // another plant's journal or not a journal: exit 2 before any device is touched
        }
        char[][] bundlePass = new char[1][];
        Supplier<char[]> bundlePassphrase = () -> {
            synchronized (bundlePass) {
                if (bundlePass[0] == null) {
                    try {
                        bundlePass[0] = Passphrases.read(bundlePassFile, "Pass phrase of the bundles' device keys", false,
                                "--bundle-passphrase-file");
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
                return bundlePass[0].clone();
            }
        };
        if (plan.needsKeyPassphrase()) {
            // ask now, before any device is touched; no file and no terminal is a usage error (exit 2), not a crash
            bundlePass[0] = Passphrases.read(bundlePassFile, "Pass phrase of the bundles' device keys", false,
                    "--bundle-passphrase-file");
        }
        CommissioningService.Options options = new CommissioningService.Options(parallel, Duration.ofSeconds(timeoutSeconds), jf,
                resume != null, devices, bundlePassphrase);
        int totalSteps = plan.devices().stream().mapToInt(p -> p.steps().size() + 2).sum();
        RunReport report;
        try {
            report = commission(plant, plan, options, totalSteps, out, err);
        } finally {
            // The run's secrets live no longer than the run (sudo passwords: SudoPasswordFiles.close).
            synchronized (bundlePass) {
                wipe(bundlePass[0]);
            }
            wipe(loginPassword);
        }
        table(out, plant, report);
        out.println("Journal: " + jf + "   (report: nestedge report " + jf + " -o report.pdf --plant " + plantFile
                + " --bundle " + bundleDir + ")");
        return report.allSucceeded() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static void wipe(char[] c) {
        if (c != null) {
            java.util.Arrays.fill(c, '\0');
        }
    }

    private RunReport commission(Plant plant, CommissioningPlan plan, CommissioningService.Options options, int totalSteps, PrintWriter out,
            PrintWriter err) throws Exception {
        RunReport report;
        if (virtual) {
            out.println("Starting the virtual plant (" + plant.size() + " emulated devices) …");
            out.flush();
            try (VirtualCommissioning v = VirtualCommissioning.start(plant)) {
                report = run(v.service(), plant, options, totalSteps);
            }
        } else {
            HostKeyPolicy hostKeys = hostKeys(err);
            List<String> runDevices = plan.devices().stream().map(p -> p.device().id()).toList();
            try (SudoPasswordFiles sudo = SudoPasswordFiles.read(plant, plantFile, runDevices, sudoPasswordFile,
                    deviceSudoPasswordFiles, spec);
                    SshService ssh = new SshService(hostKeys, SshSettings.defaults())) {
                report = run(realService(ssh, sudo), plant, options, totalSteps);
            }
        }
        return report;
    }

    /** {@code <plant without .json>.commissioning.jsonl} beside the plant (an export can replace its folder). */
    static Path defaultJournal(Path plantFile) {
        String name = plantFile.getFileName().toString().replaceFirst("\\.json$", "");
        return plantFile.toAbsolutePath().getParent().resolve(name + ".commissioning.jsonl");
    }

    private RunReport run(CommissioningService service, Plant plant, CommissioningService.Options options, int totalSteps)
            throws Exception {
        try (ProgressBar bar = CliProgress.start("Commission", totalSteps)) {
            return service.commission(plant, bundleDir, options, e -> {
                if (e instanceof RunEvent.StepStarted s) {
                    bar.setExtraMessage(s.deviceId() + ": " + s.stepId());
                } else if (e instanceof RunEvent.StepFinished) {
                    bar.step();
                }
            });
        }
    }

    private HostKeyPolicy hostKeys(PrintWriter err) throws java.io.IOException {
        Path kh = knownHosts != null ? knownHosts
                : io.nestedge.app.commission.DeviceTarget.defaultKnownHosts();
        Files.createDirectories(kh.toAbsolutePath().getParent());
        HostKeyPolicy.Builder b = HostKeyPolicy.builder(kh);
        if (userKnownHosts) {
            b.alsoReadUserKnownHosts();
        }
        for (Map.Entry<String, String> p : pins.entrySet()) {
            if (!p.getValue().startsWith("SHA256:")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--pin " + p.getKey() + "=" + p.getValue()
                        + ": the fingerprint must be SHA-256 as OpenSSH prints it (ssh-keygen -l -E sha256 -f KEY.pub: SHA256:…).");
            }
            b.pin(pinTarget(p.getKey()), p.getValue());
        }
        Terminal console = terminal;
        java.util.Set<String> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();
        b.prompt(k -> {
            if (refused.contains(k.host() + " " + k.fingerprint())) {
                return HostKeyPolicy.Decision.REJECT; // asked and refused once in this run (a reconnect): say it once
            }
            if (acceptNew) {
                err.println("Trusting new host key of " + k.host() + " (" + k.keyType() + " " + k.fingerprint() + ")");
                return HostKeyPolicy.Decision.ACCEPT_AND_SAVE;
            }
            if (console == null) {
                refused.add(k.host() + " " + k.fingerprint());
                err.println("Unknown host key of " + k.host() + ": " + k.keyType() + " " + k.fingerprint()
                        + ". Compare it with the device, then run again with --accept-new-host-keys or --pin " + k.host()
                        + "=" + k.fingerprint());
                return HostKeyPolicy.Decision.REJECT;
            }
            synchronized (console) {
                String a = console.ask(String.format("Host %s presents %s key %s. Trust it? [y = save / o = once / N] ", k.host(),
                        k.keyType(), k.fingerprint()));
                HostKeyPolicy.Decision d = a == null ? HostKeyPolicy.Decision.REJECT
                        : switch (a.trim().toLowerCase(java.util.Locale.ROOT)) {
                            case "y", "yes" -> HostKeyPolicy.Decision.ACCEPT_AND_SAVE;
                            case "o", "once" -> HostKeyPolicy.Decision.ACCEPT_ONCE;
                            default -> HostKeyPolicy.Decision.REJECT;
                        };
                if (d == HostKeyPolicy.Decision.REJECT) {
                    refused.add(k.host() + " " + k.fingerprint());
                }
                return d;
            }
        });
        return b.build();
    }

    /**
     * The device a {@code --pin} names: {@code HOST} (port 22), {@code HOST:PORT}, or {@code [HOST]:PORT} as
     * known_hosts and the "unknown host key" message write it ({@code [v6-literal]:PORT} for IPv6; a bare
     * IPv6 literal means port 22). HOST is the device's SSH address as the plant gives it (for a lower
     * layer: as its parent dials it).
     *
     * @throws CommandLine.ParameterException when the port is not a number in 1..65535 or the host is empty
     */
    HostPort pinTarget(String target) {
        String host;
        String port = "22";
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            String rest = close < 0 ? "?" : target.substring(close + 1);
            if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
                throw badPin(target);
            }
            host = target.substring(1, close);
            port = rest.isEmpty() ? port : rest.substring(1);
        } else if (target.indexOf(':') >= 0 && target.indexOf(':') == target.lastIndexOf(':')) {
            host = target.substring(0, target.indexOf(':'));
            port = target.substring(target.indexOf(':') + 1);
        } else {
            host = target;
        }
        try {
            return new HostPort(host, Integer.parseInt(port));
        } catch (IllegalArgumentException e) {
            throw badPin(target);
        }
    }

    private CommandLine.ParameterException badPin(String target) {
        return new CommandLine.ParameterException(spec.commandLine(), "--pin " + target
                + ": expected HOST, HOST:PORT or [HOST]:PORT before '=' (e.g. --pin 10.0.4.2:22=SHA256:…).");
    }

    private CommissioningService realService(SshService ssh, SudoPasswordFiles sudo) throws Exception {
        if (password) {
            loginPassword = Passphrases.read(null, "SSH password", false, "--password");
        }
        Console console = System.console();
        return new CommissioningService(ssh, CommissioningService::plantAddress, d -> {
            String user = d.ssh().user().isEmpty() ? System.getProperty("user.name") : d.ssh().user();
            Credentials c = identity != null ? Credentials.key(user, identity, (file, attempt) -> console == null ? null
                    : console.readPassword("Pass phrase of %s: ", file)) : null;
            if (loginPassword != null) {
                Credentials.PasswordPrompt pp = (u, h) -> loginPassword.clone();
                c = c == null ? Credentials.password(user, pp) : c.withPassword(pp);
            }
            if (agent || c == null) {
                c = c == null ? Credentials.agent(user) : c.withAgent();
            }
            return c;
        }, sudo);
    }

    private static void table(PrintWriter out, Plant plant, RunReport report) {
        String fmt = "%-24s %-6s %-10s %-16s %s%n";
        out.printf(fmt, "DEVICE", "LAYER", "RESULT", "CHECKS ok/w/err", "DIAGNOSIS");
        for (DeviceOutcome o : report.outcomes()) {
            Device d = plant.deviceOrNull(o.deviceId());
            String runtime = o.steps().stream().filter(s -> s.stepId().equals(InstallSteps.VERIFY_RUNTIME)).map(s -> s.result().output())
                    .findFirst().orElse("");
            long[] c = runtime.isEmpty() ? null : RuntimeEvidence.read(runtime, "").checkCounts();
            String checks = c == null ? "-" : c[0] + "/" + c[1] + "/" + c[2];
            String diagnosis = o.steps().stream().flatMap(s -> s.result().remarks().stream()).findFirst()
                    .map(r -> r.cause() + " Fix: " + r.fix()).orElse(o.status().succeeded() ? "" : o.summary());
            out.printf(fmt, o.deviceId(), d == null ? "" : d.layerId(), o.status().name().toLowerCase(java.util.Locale.ROOT), checks,
                    diagnosis);
        }
        out.printf("%d device(s) in %.1f s%s%n", report.outcomes().size(), report.elapsed().toMillis() / 1000.0,
                report.cancelled() ? " (cancelled)" : "");
    }
}
