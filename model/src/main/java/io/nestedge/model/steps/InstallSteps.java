package io.nestedge.model.steps;

import io.nestedge.model.OsFamily;
import io.nestedge.model.steps.Action.ApplyConfig;
import io.nestedge.model.steps.Action.BackupIfPresent;
import io.nestedge.model.steps.Action.CheckHostname;
import io.nestedge.model.steps.Action.CheckReadable;
import io.nestedge.model.steps.Action.Command;
import io.nestedge.model.steps.Action.MakeDir;
import io.nestedge.model.steps.Action.MarkIfDiffers;
import io.nestedge.model.steps.Action.Probe;
import io.nestedge.model.steps.Action.ProbeKind;
import io.nestedge.model.steps.Action.PutFile;
import io.nestedge.model.steps.Action.WhenFlag;
import java.util.ArrayList;
import java.util.List;

/**
 * The one description of how a bundle is installed on a device (issue "Commissioning engine",
 * steps 1–9): {@code install.sh} and the SSH commissioning run both perform exactly these steps.
 * Sources: facts §3 (config apply, clearing certd/keyd), §4 (owners, modes, trust store, container
 * engine restart), §6 (checks), field cases F9–F12, F19, F20.
 */
public final class InstallSteps {
    /** Runtime config path (facts §3). */
    public static final String CONFIG_TOML = "/etc/aziot/config.toml";
    /** Flag set when the Edge CA file changes; its actions clear certd/keyd and recreate edgeHub. */
    public static final String EDGE_CA_CHANGED = "edge-ca-changed";
    /** Directory on the device where flags persist between steps and across resumed runs. */
    public static final String FLAG_DIR = "/var/lib/nestedge/flags";
    /** Checksum file in every bundle. */
    public static final String SUMS = "SHA256SUMS";
    /** Detached CMS signature of {@link #SUMS}, signed by the plant's bundle-signing key. */
    public static final String SUMS_SIGNATURE = "SHA256SUMS.p7s";

    /** Step IDs, in order. */
    public static final String PREFLIGHT = "preflight", VERIFY_BUNDLE = "verify-bundle",
            INSTALL_CERTS = "install-certs", TRUST_ROOT_CA = "trust-root-ca", INSTALL_CONFIG = "install-config",
            CONTAINER_ENGINE = "container-engine", CLEAR_OLD_CERTS = "clear-old-certs", APPLY_CONFIG = "apply-config", VERIFY_RUNTIME = "verify-runtime",
            VERIFY_PARENT_TLS = "verify-parent-tls";

    private InstallSteps() {
    }

    /**
     * The ordered install steps for one device.
     *
     * @param s what is in the device's bundle and where it goes
     * @return steps; IoT Edge devices get all nine (ten when the plant manages container-engine
     *     settings: {@link #CONTAINER_ENGINE} before the trust store, whose container-engine restart
     *     then loads the new daemon.json too), leaf devices preflight, verify, certificates, trust store
     *     and parent TLS verification
     */
    public static List<InstallStep> forDevice(DeviceInstallSpec s) {
        List<InstallStep> steps = new ArrayList<>();
        steps.add(preflight(s));
        steps.add(new InstallStep(VERIFY_BUNDLE, "Verify the bundle's signature and checksums", List.of(
                new Command(List.of("openssl", "cms", "-verify", "-binary", "-inform", "PEM", "-in", SUMS_SIGNATURE,
                        "-content", SUMS, "-CAfile", s.rootCa().source(), "-purpose", "any", "-out", "/dev/null"), false),
                new Command(List.of("sha256sum", "--check", "--strict", "--quiet", SUMS), false)), false));
        steps.add(installCerts(s));
        if (s.edge() && s.containerEngine() != null && !DaemonJson.patch(s.containerEngine()).isEmpty()) {
            steps.add(containerEngine(s));
        }
        steps.add(trustRootCa(s));
        if (s.edge()) {
            String backup = CONFIG_TOML + s.backupSuffix();
            steps.add(new InstallStep(INSTALL_CONFIG, "Back up and replace /etc/aziot/config.toml", List.of(
                    new BackupIfPresent(CONFIG_TOML, backup),
                    new PutFile(s.config(), CONFIG_TOML, 0600, "root", "root")), false));
            steps.add(new InstallStep(CLEAR_OLD_CERTS, "Clear old runtime certificates when the Edge CA changed", List.of(
                    new WhenFlag(EDGE_CA_CHANGED, List.of(
                            new Command(List.of("rm", "-rf", "/var/lib/aziot/certd/certs", "/var/lib/aziot/keyd/keys"), false),
                            new Command(List.of("docker", "rm", "-f", "edgeAgent", "edgeHub"), true)))), false));
            steps.add(new InstallStep(APPLY_CONFIG, "Apply the configuration (iotedge config apply)", List.of(
                    new ApplyConfig(CONFIG_TOML, backup)), false));
            steps.add(new InstallStep(VERIFY_RUNTIME, "Check the runtime (iotedge check, list, edgeHub)", List.of(
                    new Probe(List.of("iotedge", "check", "--output", "json"), ProbeKind.CHECK_JSON,
                            new Probe(List.of("iotedge", "check", "--verbose"), ProbeKind.CHECK_TEXT)),
                    new Probe(List.of("iotedge", "list"), ProbeKind.LIST),
                    new Probe(List.of("docker", "inspect", "edgeHub"), ProbeKind.INSPECT_EDGEHUB)), true));
        }
        if (!s.parentHostname().isEmpty() && !s.parentPorts().isEmpty()) {
            List<Action> probes = new ArrayList<>();
            for (int port : s.parentPorts()) {
                probes.add(new Probe(List.of("openssl", "s_client", "-connect", s.parentHostname() + ":" + port,
                        "-servername", s.parentHostname(), "-CAfile", s.rootCa().target(), "-verify_hostname",
                        s.parentHostname(), "-showcerts"), ProbeKind.S_CLIENT));
            }
            steps.add(new InstallStep(VERIFY_PARENT_TLS, "Verify the parent's TLS (" + s.parentHostname() + ")", probes, true));
        }
        return List.copyOf(steps);
    }

    private static InstallStep preflight(DeviceInstallSpec s) {
        List<Action> a = new ArrayList<>();
        a.add(new Probe(List.of("id", "-un"), ProbeKind.USER));
        a.add(new Probe(List.of("cat", "/etc/os-release"), ProbeKind.OS_RELEASE));
        a.add(new Probe(List.of("df", "-Pk", "/var/tmp"), ProbeKind.FREE_SPACE));
        if (s.edge()) {
            a.add(new CheckHostname(s.hostname()));
            a.add(new Probe(List.of("iotedge", "version"), ProbeKind.IOTEDGE_VERSION));
        }
        return new InstallStep(PREFLIGHT, "Preflight: user, OS, free space, hostname, IoT Edge version", a, true);
    }

    private static InstallStep installCerts(DeviceInstallSpec s) {
        String certOwner = s.edge() ? "aziotcs" : "root";
        String keyOwner = s.edge() ? "aziotks" : "root";
        List<Action> a = new ArrayList<>();
        if (s.edge() && s.edgeCaCert() != null) {
            a.add(new MarkIfDiffers(s.edgeCaCert().source(), s.edgeCaCert().target(), EDGE_CA_CHANGED));
        }
        a.add(new MakeDir(s.certsDir(), 0755, certOwner, certOwner));
        a.add(new MakeDir(s.secretsDir(), 0700, keyOwner, keyOwner));
        List<DeviceInstallSpec.BundleFile> certs = new ArrayList<>();
        certs.add(s.rootCa());
        certs.addAll(s.certFiles());
        for (DeviceInstallSpec.BundleFile f : certs) {
            a.add(new PutFile(f.source(), f.target(), 0644, certOwner, certOwner));
        }
        for (DeviceInstallSpec.BundleFile f : s.keyFiles()) {
            a.add(new PutFile(f.source(), f.target(), 0600, keyOwner, keyOwner));
        }
        if (s.edge()) {
            for (DeviceInstallSpec.BundleFile f : certs) {
                a.add(new CheckReadable(certOwner, f.target()));
            }
            for (DeviceInstallSpec.BundleFile f : s.keyFiles()) {
                a.add(new CheckReadable(keyOwner, f.target()));
            }
        }
        return new InstallStep(INSTALL_CERTS, "Install certificates and keys (owners, modes)", a, false);
    }

    /**
     * Merges the plant's container-engine settings into daemon.json (facts §6: container-engine-dns,
     * container-engine-logrotate). It never restarts the engine itself: {@link #TRUST_ROOT_CA} follows
     * and restarts it on every IoT Edge device (F9), so one restart loads both (ADR 0420).
     */
    private static InstallStep containerEngine(DeviceInstallSpec s) {
        var patch = DaemonJson.patch(s.containerEngine());
        return new InstallStep(CONTAINER_ENGINE, "Container-engine settings in " + DaemonJson.PATH + " ("
                + String.join(", ", JsonMerge.keys(patch)) + "; other keys kept)", List.of(
                new Action.MergeJson(DaemonJson.PATH, JsonMerge.compact(patch), DaemonJson.PATH + s.backupSuffix())), false);
    }

    private static InstallStep trustRootCa(DeviceInstallSpec s) {
        List<Action> a = new ArrayList<>();
        if (s.os() == OsFamily.MARINER) {
            a.add(new PutFile(s.rootCa().source(), "/etc/pki/ca-trust/source/anchors/" + s.trustStoreName() + ".crt",
                    0644, "root", "root"));
            a.add(new Command(List.of("update-ca-trust", "extract"), false));
        } else {
            a.add(new PutFile(s.rootCa().source(), "/usr/local/share/ca-certificates/" + s.trustStoreName() + ".crt",
                    0644, "root", "root"));
            a.add(new Command(List.of("update-ca-certificates"), false));
        }
        if (s.edge()) {
            // F9: the container engine reads the trust store at start; restart it so pulls through the parent trust it.
            a.add(new Command(List.of("systemctl", "restart", "docker"), false));
        }
        return new InstallStep(TRUST_ROOT_CA, "Install the root CA in the OS trust store, restart the container engine", a, false);
    }
}
