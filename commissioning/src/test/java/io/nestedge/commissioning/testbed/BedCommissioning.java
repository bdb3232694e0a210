package io.nestedge.commissioning.testbed;

import io.nestedge.commissioning.run.DeviceOutcome;
import io.nestedge.commissioning.run.RunReport;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.commissioning.ssh.HostKeyPolicy;
import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.commissioning.ssh.SshSettings;
import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.bundle.BundleOptions;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link CommissioningService} wired to a running test bed with real OpenSSH servers: each
 * device's address as its parent (or, for the top layer, the host) sees it ({@code sshAddress}),
 * key login with the bed's admin key, the device's own sudo password from its 0600 file, and every
 * host key pinned to the fingerprint in the bed's sheet (never accepted blindly). Close it to close
 * the SSH client and delete its known_hosts file.
 */
public final class BedCommissioning implements AutoCloseable {
    private final Testbed bed;
    private final SshService ssh;
    private final CommissioningService service;
    private final Path knownHosts;

    private BedCommissioning(Testbed bed, SshService ssh, CommissioningService service, Path knownHosts) {
        this.bed = bed;
        this.ssh = ssh;
        this.service = service;
        this.knownHosts = knownHosts;
    }

    /**
     * Wires the service to a bed, pinning the sheet's host keys.
     *
     * @param bed the running bed
     * @return the wired service
     * @throws IOException if the known_hosts file cannot be created
     */
    public static BedCommissioning connect(Testbed bed) throws IOException {
        return connect(bed, Map.of(), Map.of());
    }

    /**
     * Wires the service to a bed, pinning the sheet's host keys except where {@code pinOverrides}
     * names another fingerprint for a device, and with the devices' own sudo passwords except
     * where {@code sudoOverrides} names another (fault tests).
     *
     * @param bed the running bed
     * @param pinOverrides device ID → fingerprint to pin instead of the sheet's
     * @param sudoOverrides device ID → sudo password to give instead of the device's own
     * @return the wired service
     * @throws IOException if the known_hosts file cannot be created
     */
    public static BedCommissioning connect(Testbed bed, Map<String, String> pinOverrides, Map<String, String> sudoOverrides)
            throws IOException {
        TestbedSheet sheet = bed.sheet();
        Path knownHosts = Files.createTempFile("nestedge-bed-", ".known_hosts");
        HostKeyPolicy.Builder policy = HostKeyPolicy.builder(knownHosts);
        for (TestbedSheet.Device d : sheet.devices()) {
            policy.pin(new HostPort(d.sshAddress(), d.sshPort()), pinOverrides.getOrDefault(d.id(), d.hostKeyFingerprint()));
        }
        SshService ssh = new SshService(policy.build(), SshSettings.defaults());
        Function<io.nestedge.model.Device, TestbedSheet.Device> onBed = d -> sheet.device(d.id());
        CommissioningService service = new CommissioningService(ssh,
                d -> new HostPort(onBed.apply(d).sshAddress(), onBed.apply(d).sshPort()),
                d -> Credentials.key(onBed.apply(d).user(), onBed.apply(d).keyPath(), null),
                id -> {
                    try {
                        return sudoOverrides.getOrDefault(id, bed.sudoPassword(id)).toCharArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return new BedCommissioning(bed, ssh, service, knownHosts);
    }

    /** @return the service commissioning the bed's devices */
    public CommissioningService service() {
        return service;
    }

    /** @return the bed */
    public Testbed bed() {
        return bed;
    }

    @Override
    public void close() throws IOException {
        ssh.close();
        Files.deleteIfExists(knownHosts);
    }

    /**
     * The plant with an EC P-256 PKI (fast key generation; the bed does not care about key types).
     *
     * @param plant a plant
     * @return the same plant, PKI set to generate EC P-256 keys
     */
    public static Plant ecPki(Plant plant) {
        return plant.withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650, 365, true, "", "",
                ""));
    }

    /**
     * Exports SSH-transport bundles (plain keys) for a plant with a fresh root CA.
     *
     * @param plant the plant
     * @param dir working directory (gets {@code pki/} and {@code bundles/})
     * @return the export directory
     * @throws Exception if the export fails
     */
    public static Path exportPlainBundles(Plant plant, Path dir) throws Exception {
        PkiStore store = PkiStore.open(dir.resolve("pki"), CertificateIssuer.systemClock());
        CertifiedKey ca = store.generateCa("Test Bed Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825,
                "pw".toCharArray());
        Path out = dir.resolve("bundles");
        BundleExport.export(plant, store, ca, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true), out,
                ExportProgress.NONE, () -> false);
        return out;
    }

    /**
     * A readable account of a run for assertion messages: each device's status and summary, and
     * the summary and output of every step that did not succeed.
     *
     * @param report the run's report
     * @return the text
     */
    public static String explain(RunReport report) {
        StringBuilder why = new StringBuilder();
        for (DeviceOutcome o : report.outcomes()) {
            why.append(o.deviceId()).append(": ").append(o.status()).append(' ').append(o.summary()).append('\n');
            for (DeviceOutcome.FinishedStep s : o.steps()) {
                if (!s.result().status().succeeded()) {
                    why.append("  ").append(s.stepId()).append(": ").append(s.result().summary()).append('\n')
                            .append(s.result().output().indent(4));
                    s.result().remarks().forEach(r -> why.append("    remark: ").append(r).append('\n'));
                }
            }
        }
        return why.toString();
    }
}
