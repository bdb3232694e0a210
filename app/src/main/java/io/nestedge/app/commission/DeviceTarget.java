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
 * only) when the technician asked for it, and a prompt for unknown host keys (trust on first use; a
 * changed key always stops). Issue #5: the app's own known_hosts, optionally the user's.
 */
public final class DeviceTarget implements CommissioningTarget {
    private final SshService ssh;
    private final CommissioningService service;
    private final Logins logins;
    private final Path exportDir;
    private final Supplier<char[]> bundlePassphrase;
    private final Path knownHosts;
    private final Path userKnownHosts;

    /**
     * The app's known_hosts file, shared by the designer and the CLI: {@code ~/.config/nestedge/known_hosts}.
     *
     * @return the path (the file and its folder may not exist yet)
     */
    public static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".config", "nestedge", "known_hosts");
    }

    /**
     * @param knownHosts the app's known_hosts file ({@link #defaultKnownHosts()})
     * @param userKnownHosts the user's known_hosts to trust too (read only), or null to trust only the app's
     * @param prompt asks the technician about unknown host keys (called on an SSH thread; may block)
     * @param logins SSH logins and sudo password (memory only)
     * @param exportDir the export directory with the bundles
     * @param bundlePassphrase pass phrase of USB bundles' keys (copies), or a supplier of null
     */
    public DeviceTarget(Path knownHosts, Path userKnownHosts, HostKeyPolicy.Prompt prompt, Logins logins, Path exportDir,
            Supplier<char[]> bundlePassphrase) {
        this.knownHosts = knownHosts;
        this.userKnownHosts = userKnownHosts;
        this.logins = logins;
        this.exportDir = exportDir;
        this.bundlePassphrase = bundlePassphrase == null ? () -> null : bundlePassphrase;
        HostKeyPolicy.Builder policy = HostKeyPolicy.builder(knownHosts).prompt(prompt);
        if (userKnownHosts != null) {
            policy.alsoRead(userKnownHosts);
        }
        this.ssh = new SshService(policy.build(), SshSettings.defaults());
        this.service = new CommissioningService(ssh, CommissioningService::plantAddress, logins::credentials, id -> logins.sudoPassword());
    }

    @Override
    public String describe() {
        return "Real devices at their plant addresses over SSH (" + logins + "); host keys checked against " + knownHosts
                + (userKnownHosts != null ? " and " + userKnownHosts : "") + "; bundles from " + exportDir + ".";
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
