package io.nestedge.app.commission;

import io.nestedge.commissioning.plan.DeviceShell;
import io.nestedge.commissioning.service.CommissioningService;
import io.nestedge.commissioning.service.VirtualCommissioning;
import io.nestedge.commissioning.ssh.Credentials;
import io.nestedge.commissioning.ssh.HostKeyPolicy;
import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.commissioning.ssh.SshSettings;
import io.nestedge.commissioning.virtualplant.ConnectionSheet;
import io.nestedge.model.KeyType;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.bundle.BundleOptions;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.io.InputException;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rehearsal target: exports the plant into a temporary directory with a throwaway PKI store (an EC
 * P-256 root valid 30 days, its pass phrase random and forgotten), generated SAS keys and plain keys
 * (SSH transport), then starts the virtual plant ({@link VirtualCommissioning}) whose host keys are
 * pinned. Nothing of it is kept: {@link #close()} stops the virtual plant and deletes the directory.
 */
public final class RehearsalTarget implements CommissioningTarget {
    private final Path workDir;
    private final Path exportDir;
    private final VirtualCommissioning virtual;
    private final SshService remedySsh;
    private final Map<String, ConnectionSheet.Entry> byDevice = new HashMap<>();
    private final String rootFingerprint;

    private RehearsalTarget(Path workDir, Path exportDir, VirtualCommissioning virtual, String rootFingerprint) {
        this.workDir = workDir;
        this.exportDir = exportDir;
        this.virtual = virtual;
        this.rootFingerprint = rootFingerprint;
        HostKeyPolicy.Builder policy = HostKeyPolicy.builder(workDir.resolve("known_hosts"));
        for (ConnectionSheet.Entry e : virtual.sheet().entries()) {
            byDevice.put(e.device(), e);
            policy.pin(new HostPort(e.address(), e.port()), e.hostKeySha256());
        }
        remedySsh = new SshService(policy.build(), SshSettings.defaults());
    }

    /**
     * Exports the plant for the rehearsal and starts the virtual plant.
     *
     * @param plant the plant (must validate without errors)
     * @param progress export progress ({@code stage, done, total}; stage "pki" first)
     * @param cancelled polled during the export
     * @param afterStart called with the running virtual plant before any run (tests break devices here); may be null
     * @return the running rehearsal
     * @throws ExportException when the plant cannot be exported (validation errors…)
     * @throws IOException when the temporary directory or a virtual device cannot be made
     */
    public static RehearsalTarget prepare(Plant plant, ExportProgress progress, BooleanSupplier cancelled,
            Consumer<VirtualCommissioning> afterStart) throws ExportException, IOException {
        Path work = Files.createTempDirectory("nestedge-rehearsal-");
        VirtualCommissioning v = null;
        try {
            char[] caPass = randomSecret();
            PkiStore store;
            try {
                store = PkiStore.open(work.resolve("pki"), CertificateIssuer.systemClock());
            } catch (InputException e) {
                throw new IOException(e.getMessage(), e);
            }
            progress.progress(BundleExport.STAGE_PKI, 0, 1);
            CertifiedKey ca = store.generateCa("Rehearsal Root CA", KeyType.EC_P256, 30, KeyType.EC_P256, 30, caPass);
            java.util.Arrays.fill(caPass, '\0');
            Path out = work.resolve("bundles");
            String registry = plant.registry().username().isEmpty() ? "" : new String(randomSecret());
            BundleExport.Result r = BundleExport.export(plant, store, ca, new ExportSecrets(null, null, registry),
                    new BundleOptions(true, null, Set.of(), true), out, progress, cancelled);
            if (cancelled.getAsBoolean()) {
                throw new IOException("rehearsal cancelled");
            }
            v = VirtualCommissioning.start(plant);
            if (afterStart != null) {
                afterStart.accept(v);
            }
            return new RehearsalTarget(work, out, v, r.rootSha256());
        } catch (ExportException | IOException | RuntimeException e) {
            if (v != null) {
                v.close();
            }
            deleteTree(work);
            throw e;
        }
    }

    private static char[] randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b).toCharArray();
    }

    @Override
    public String describe() {
        return "Virtual plant (rehearsal): " + byDevice.size() + " emulated devices on this laptop; throwaway PKI (root "
                + rootFingerprint + "), generated SAS keys, plain keys over SSH. Nothing is kept.";
    }

    @Override
    public CommissioningService service() {
        return virtual.service();
    }

    @Override
    public Path exportDir() {
        return exportDir;
    }

    @Override
    public Supplier<char[]> bundlePassphrase() {
        return () -> null;
    }

    /** The running virtual plant (tests break devices through it). */
    public VirtualCommissioning virtual() {
        return virtual;
    }

    @Override
    public DeviceShell shell(Plant plant, String deviceId) throws InputException {
        return RemoteShells.open(remedySsh, d -> new HostPort(byDevice.get(d.id()).address(), byDevice.get(d.id()).port()),
                d -> Credentials.password(byDevice.get(d.id()).user(), (u, h) -> byDevice.get(d.id()).sudoPassword().toCharArray()),
                id -> byDevice.get(id).sudoPassword().toCharArray(), plant, exportDir, deviceId);
    }

    @Override
    public void close() {
        remedySsh.close();
        virtual.close();
        deleteTree(workDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
