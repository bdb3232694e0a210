package io.nestedge.commissioning.service;

import io.nestedge.commissioning.plan.CommissioningPlan;
import io.nestedge.commissioning.plan.SshDeviceShell;
import io.nestedge.commissioning.run.Commissioner;
import io.nestedge.commissioning.run.DeviceJob;
import io.nestedge.commissioning.run.Journal;
import io.nestedge.commissioning.run.RunEvent;
import io.nestedge.commissioning.run.RunListener;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.commissioning.ssh.Hop;
import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.ssh.Route;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleChecksums;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Commissions a plant from its exported bundles over SSH: the one service the CLI and the GUI call.
 * Builds the {@link CommissioningPlan}, connects to each device along its route (through parents
 * for isolated layers), runs the {@link Commissioner} with a journal, and returns the report.
 */
public final class CommissioningService {
    private final SshService ssh;
    private final Function<Device, HostPort> addresses;
    private final Function<Device, Credentials> credentials;
    private final SshDeviceShell.SudoPasswords sudo;
    private volatile Commissioner current;

    /**
     * @param ssh the SSH service (host-key policy and timeouts)
     * @param addresses where each device's SSH server is, as seen from its parent (or the laptop)
     * @param credentials login credentials per device
     * @param sudo sudo passwords per device
     */
    public CommissioningService(SshService ssh, Function<Device, HostPort> addresses, Function<Device, Credentials> credentials,
            SshDeviceShell.SudoPasswords sudo) {
        this.ssh = ssh;
        this.addresses = addresses;
        this.credentials = credentials;
        this.sudo = sudo;
    }

    /** The device's SSH address from the plant ({@code ssh.address}, else the hostname, and port). */
    public static HostPort plantAddress(Device d) {
        return new HostPort(d.ssh().address().isEmpty() ? d.hostname() : d.ssh().address(), d.ssh().port());
    }

    /**
     * Options of a run.
     *
     * @param parallel devices worked on at once
     * @param commandTimeout timeout of each remote command
     * @param journal the JSONL journal to append to
     * @param resume true to skip steps the journal records as done
     * @param devices device IDs to commission (empty: all with a bundle)
     * @param bundlePassphrase pass phrase of USB bundles' encrypted keys, asked when first needed
     *     (a fresh copy per call; may return null when the bundles have plain keys)
     */
    public record Options(int parallel, Duration commandTimeout, Path journal, boolean resume, List<String> devices,
            java.util.function.Supplier<char[]> bundlePassphrase) {
        /** Copies the list. */
        public Options {
            devices = List.copyOf(devices);
            bundlePassphrase = bundlePassphrase == null ? () -> null : bundlePassphrase;
        }
    }

    /**
     * Builds the plan for a plant and an export directory.
     *
     * @throws InputException when bundles are missing, unreadable or do not match the plant, or a
     *     planned device's bundle file changed after the export ({@link BundleChecksums})
     */
    public static CommissioningPlan plan(Plant plant, Path exportDir, List<String> devices) throws InputException {
        CommissioningPlan plan = CommissioningPlan.build(plant, Bundles.readAll(exportDir), exportDir, devices);
        for (CommissioningPlan.DevicePlan p : plan.devices()) {
            BundleChecksums.verify(p.bundleDir());
        }
        return plan;
    }

    /**
     * Runs the commissioning and waits for it.
     *
     * @param plant the plant
     * @param exportDir the export directory with one bundle per device (plain keys)
     * @param options run options
     * @param listener receives every event (GUI, progress bar); the journal is added automatically
     * @return the report
     * @throws InputException for unusable bundles, or a journal to resume that is not this plant's
     *     ({@link Journal#resumable})
     * @throws IOException when the journal cannot be written or read
     */
    public RunReport commission(Plant plant, Path exportDir, Options options, RunListener listener)
            throws InputException, IOException {
        CommissioningPlan plan = plan(plant, exportDir, options.devices());
        Set<String> done = options.resume() && Files.exists(options.journal()) ? Journal.resumable(options.journal(), plant.name())
                : Set.of();
        List<SshDeviceShell> shells = new ArrayList<>();
        try (Journal journal = Journal.open(options.journal(), UUID.randomUUID().toString(), plant.name())) {
            List<DeviceJob> jobs = plan.jobs(p -> {
                SshDeviceShell s = new SshDeviceShell(ssh, route(plant, p), sudo, p.device().id());
                shells.add(s);
                return s;
            }, options.commandTimeout(), options.bundlePassphrase());
            // the listener (the GUI) hears every event even when the journal cannot record it (disk full)
            RunListener both = (RunEvent e) -> {
                try {
                    journal.onEvent(e);
                } finally {
                    if (listener != null) {
                        listener.onEvent(e);
                    }
                }
            };
            Commissioner c = new Commissioner(options.parallel(), both, done);
            current = c;
            return c.run(jobs);
        } finally {
            current = null;
            shells.forEach(SshDeviceShell::close);
        }
    }

    /** Cancels the run in progress, if any. */
    public void cancel() {
        Commissioner c = current;
        if (c != null) {
            c.cancel();
        }
    }

    private Route route(Plant plant, CommissioningPlan.DevicePlan p) {
        List<Hop> jumps = new ArrayList<>();
        for (String id : p.route()) {
            Device hop = plant.deviceOrNull(id);
            jumps.add(new Hop(addresses.apply(hop), credentials.apply(hop)));
        }
        Hop target = new Hop(addresses.apply(p.device()), credentials.apply(p.device()));
        return jumps.isEmpty() ? Route.direct(target) : Route.via(jumps, target);
    }
}
