package io.nestedge.app.commission;

import io.nestedge.commissioning.plan.DeviceShell;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.commissioning.ssh.HostKeyPolicy;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.commissioning.ssh.SshSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.io.InputException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The real devices at their plant addresses ({@link CommissioningService#plantAddress}), over SSH
 * with the app's known_hosts file (read and written), the user's {@code ~/.ssh/known_hosts} (read
 * only) and a prompt for unknown host keys (trust on first use; a changed key always stops).
 */
public final class DeviceTarget implements CommissioningTarget {
    private final SshService ssh;
    private final CommissioningService service;
    private final Logins logins;
    private final Path exportDir;
    private final Supplier<char[]> bundlePassphrase;
    private final Path knownHosts;

    /**
     * @param knownHosts the app's known_hosts file (e.g. {@code ~/.nestedge-studio/known_hosts})
     * @param prompt asks the technician about unknown host keys (called on an SSH thread; may block)
     * @param logins SSH logins and sudo password (memory only)
     * @param exportDir the export directory with the bundles
     * @param bundlePassphrase pass phrase of USB bundles' keys (copies), or a supplier of null
     */
    public DeviceTarget(Path knownHosts, HostKeyPolicy.Prompt prompt, Logins logins, Path exportDir, Supplier<char[]> bundlePassphrase) {
        this.knownHosts = knownHosts;
        this.logins = logins;
        this.exportDir = exportDir;
        this.bundlePassphrase = bundlePassphrase == null ? () -> null : bundlePassphrase;
        HostKeyPolicy policy = HostKeyPolicy.builder(knownHosts).alsoReadUserKnownHosts().prompt(prompt).build();
        this.ssh = new SshService(policy, SshSettings.defaults());
        this.service = new CommissioningService(ssh, CommissioningService::plantAddress, logins::credentials, id -> logins.sudoPassword());
    }

    @Override
    public String describe() {
        return "Real devices at their plant addresses over SSH (" + logins + "); host keys checked against " + knownHosts
                + " and ~/.ssh/known_hosts; bundles from " + exportDir + ".";
    }

    @Override
    public CommissioningService service() {
        return service;
    }

    @Override
    public Path exportDir() {
        return exportDir;
    }

    @Override
    public Supplier<char[]> bundlePassphrase() {
        return bundlePassphrase;
    }

    @Override
    public DeviceShell shell(Plant plant, String deviceId) throws InputException {
        return RemoteShells.open(ssh, CommissioningService::plantAddress, logins::credentials, id -> logins.sudoPassword(), plant,
                exportDir, deviceId);
    }

    @Override
    public void close() {
        ssh.close();
        logins.wipe();
    }
}
