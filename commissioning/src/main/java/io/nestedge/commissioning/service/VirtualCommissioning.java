package io.nestedge.commissioning.service;

import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.commissioning.ssh.HostKeyPolicy;
import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.commissioning.ssh.SshSettings;
import io.nestedge.commissioning.virtualplant.ConnectionSheet;
import io.nestedge.commissioning.virtualplant.VirtualPlant;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Rehearsal: starts a {@link VirtualPlant} for a plant and a {@link CommissioningService} wired to it
 * (addresses, logins and sudo passwords from the connection sheet; every host key pinned to the
 * fingerprint the virtual device reports — never accepted blindly). Used by {@code commission
 * --virtual} and the app's rehearsal mode. Close it to stop the virtual plant.
 */
public final class VirtualCommissioning implements AutoCloseable {
    private final VirtualPlant plant;
    private final ConnectionSheet sheet;
    private final SshService ssh;
    private final CommissioningService service;
    private final Path knownHosts;

    private VirtualCommissioning(VirtualPlant plant, ConnectionSheet sheet, SshService ssh, CommissioningService service,
            Path knownHosts) {
        this.plant = plant;
        this.sheet = sheet;
        this.ssh = ssh;
        this.service = service;
        this.knownHosts = knownHosts;
    }

    /**
     * Starts the virtual plant and the service.
     *
     * @param model the plant to emulate
     * @return the running rehearsal
     * @throws IOException when a virtual device cannot start
     */
    public static VirtualCommissioning start(Plant model) throws IOException {
        VirtualPlant vp = VirtualPlant.start(model);
        try {
            ConnectionSheet sheet = vp.sheet();
            Map<String, ConnectionSheet.Entry> byDevice = new HashMap<>();
            Path knownHosts = Files.createTempFile("nestedge-rehearsal-", ".known_hosts");
            HostKeyPolicy.Builder policy = HostKeyPolicy.builder(knownHosts);
            for (ConnectionSheet.Entry e : sheet.entries()) {
                byDevice.put(e.device(), e);
                policy.pin(new HostPort(e.address(), e.port()), e.hostKeySha256());
            }
            SshService ssh = new SshService(policy.build(), SshSettings.defaults());
            CommissioningService service = new CommissioningService(ssh,
                    d -> new HostPort(byDevice.get(d.id()).address(), byDevice.get(d.id()).port()),
                    d -> Credentials.password(byDevice.get(d.id()).user(),
                            (u, h) -> byDevice.get(d.id()).sudoPassword().toCharArray()),
                    id -> byDevice.get(id).sudoPassword().toCharArray());
            return new VirtualCommissioning(vp, sheet, ssh, service, knownHosts);
        } catch (IOException | RuntimeException e) {
            vp.close();
            throw e;
        }
    }

    /** The service commissioning the virtual plant. */
    public CommissioningService service() {
        return service;
    }

    /** The connection sheet (addresses, users, host keys, sudo passwords of the rehearsal). */
    public ConnectionSheet sheet() {
        return sheet;
    }

    /** The running virtual plant. */
    public VirtualPlant virtualPlant() {
        return plant;
    }

    /** The device's entry in the sheet, or null. */
    public ConnectionSheet.Entry entry(Device d) {
        return sheet.entries().stream().filter(e -> e.device().equals(d.id())).findFirst().orElse(null);
    }

    @Override
    public void close() {
        ssh.close();
        plant.close();
        try {
            Files.deleteIfExists(knownHosts);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
