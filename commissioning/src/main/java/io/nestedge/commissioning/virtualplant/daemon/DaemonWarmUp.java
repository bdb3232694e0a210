package io.nestedge.commissioning.virtualplant.daemon;

import io.nestedge.commissioning.virtualplant.EmulatorMain;
import io.nestedge.commissioning.virtualplant.cmd.TrustStoreCommands;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.DeviceImage;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import io.nestedge.commissioning.virtualplant.tls.HostResolver;
import io.nestedge.commissioning.virtualplant.tls.InProcessEdgeHubHost;
import io.nestedge.commissioning.virtualplant.tls.PkiServerCertIssuer;
import io.nestedge.model.KeyType;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.Pem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warms a fresh emulator daemon up before it serves: runs a whole device's emulated commands once
 * ({@code iotedge version}, {@code systemctl restart docker}, {@code iotedge config apply} with an
 * EC P-256 Edge CA, {@code iotedge check} in both formats with a TLS handshake to its own edgeHub as
 * the parent, {@code list}, {@code docker inspect}, {@code docker rm}, {@code system stop}) on a
 * throw-away in-memory device (Jimfs, edgeHub on 127.0.0.1 ephemeral ports). A JVM spends seconds
 * loading and compiling that code the first time; without this, each bed device would pay it during
 * the commissioning it is meant to measure. Touches nothing of the real device.
 */
public final class DaemonWarmUp {
    private static final String HOST = "warmup.nestedge.invalid";

    private DaemonWarmUp() {
    }

    /**
     * Runs the warm-up; never throws.
     *
     * @return one line for the daemon log: what ran, how long it took, and any command that failed
     */
    public static String run() {
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        try (FileSystem jimfs = DeviceImage.newFileSystem("iotadmin");
                InProcessEdgeHubHost hub = new InProcessEdgeHubHost()) {
            DeviceFs fs = new DeviceFs(jimfs.getPath("/"));
            DeviceImage.populate(fs, "warmup", "iotadmin", false, EmulatorSettings.virtualDevice());
            installPki(fs);
            fs.writeAtomic("/etc/aziot/config.toml", config(), "600", "root");
            EmulatorContext ctx = new EmulatorContext(fs, "warmup", Clock.systemUTC(), selfAsParent(fs), hub,
                    new PkiServerCertIssuer());
            for (List<String> cmd : List.of(List.of("iotedge", "version"), List.of("systemctl", "restart", "docker"),
                    List.of("iotedge", "config", "apply", "-c", "/etc/aziot/config.toml"),
                    List.of("iotedge", "check", "--output", "json"), List.of("iotedge", "check"), List.of("iotedge", "list"),
                    List.of("docker", "inspect", "edgeHub"), List.of("docker", "ps"),
                    List.of("docker", "rm", "-f", "edgeAgent", "edgeHub"), List.of("iotedge", "system", "stop"))) {
                CommandResult r = EmulatorMain.execute(ctx, "root", cmd.get(0), cmd.subList(1, cmd.size()));
                // check exits 1 on warnings of the throw-away device (no IoT Hub); that is fine here.
                if (r.exitCode() != 0 && !cmd.get(1).equals("check")) {
                    failures.add(String.join(" ", cmd) + " -> " + r.exitCode());
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failures.add(e.toString());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return "warmed up in " + ms + " ms" + (failures.isEmpty() ? "" : "; not everything ran: " + failures);
    }

    private static void installPki(DeviceFs fs) throws IOException {
        CertificateIssuer issuer = CertificateIssuer.systemClock();
        CertifiedKey root = issuer.rootCa("NestEdge emulator warm-up root", KeyType.EC_P256, 2);
        CertifiedKey edge = issuer.intermediateCa(root, "warmup.ca", KeyType.EC_P256, 2);
        fs.mkdirs("/var/aziot/certs", "755", "aziotcs");
        fs.mkdirs("/var/aziot/secrets", "700", "aziotks");
        fs.writeAtomic("/var/aziot/certs/root.cert.pem", Pem.certificate(root.certificate()), "644", "aziotcs");
        fs.writeAtomic("/var/aziot/certs/warmup-full-chain.cert.pem", Pem.certificates(edge.fullChain()), "644", "aziotcs");
        fs.writeAtomic("/var/aziot/secrets/warmup.key.pem", Pem.privateKey(edge.privateKey()), "600", "aziotks");
        fs.writeAtomic("/usr/local/share/ca-certificates/warmup-root.crt", Pem.certificate(root.certificate()), "644", "root");
        TrustStoreCommands.updateCaCertificates(fs, "root");
    }

    private static String config() {
        return "hostname = \"" + HOST + "\"\nparent_hostname = \"" + HOST + "\"\n"
                + "trust_bundle_cert = \"file:///var/aziot/certs/root.cert.pem\"\n\n"
                + "[provisioning]\nsource = \"manual\"\n"
                + "connection_string = \"HostName=warmup.azure-devices.net;DeviceId=warmup;SharedAccessKey=c2VjcmV0\"\n\n"
                + "[agent]\nname = \"edgeAgent\"\ntype = \"docker\"\n\n[agent.config]\nimage = \"$upstream:443/azureiotedge-agent:1.5\"\n\n"
                + "[edge_ca]\ncert = \"file:///var/aziot/certs/warmup-full-chain.cert.pem\"\n"
                + "pk = \"file:///var/aziot/secrets/warmup.key.pem\"\n";
    }

    /** The device's own edgeHub (loopback, its ephemeral ports) stands in for the parent. */
    private static HostResolver selfAsParent(DeviceFs fs) {
        EmulatorContext probe = new EmulatorContext(fs, "warmup", Clock.systemUTC(), (h, p) -> Optional.empty(), null, null);
        return (host, port) -> {
            try {
                Map<String, Integer> ports = probe.state().load().edgeHubPorts();
                Integer p = ports.get(port == 8883 ? "mqtt" : port == 5671 ? "amqp" : "https");
                return Optional.of(new InetSocketAddress("127.0.0.1", p == null ? 1 : p));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }
}
