package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.virtualplant.cmd.DockerCommand;
import io.nestedge.commissioning.virtualplant.cmd.IotEdgeCommand;
import io.nestedge.commissioning.virtualplant.cmd.OpensslCommand;
import io.nestedge.commissioning.virtualplant.cmd.TrustStoreCommands;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.DeviceImage;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import io.nestedge.commissioning.virtualplant.tls.PkiServerCertIssuer;
import io.nestedge.commissioning.virtualplant.tls.HostResolver;
import io.nestedge.commissioning.virtualplant.tls.InProcessEdgeHubHost;
import java.net.InetSocketAddress;
import java.nio.file.FileSystem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: one emulated device on Jimfs with an in-process edgeHub, and a shared hosts table. */
final class EmulatedDevice implements AutoCloseable {
    /** hostname → device, for resolving parents to their emulated edgeHub. */
    static final class Network implements HostResolver {
        final Map<String, EmulatedDevice> byHost = new ConcurrentHashMap<>();

        @Override
        public Optional<InetSocketAddress> resolve(String host, int port) {
            EmulatedDevice d = byHost.get(host.toLowerCase(java.util.Locale.ROOT));
            if (d == null) {
                return Optional.empty();
            }
            try {
                Map<String, Integer> ports = d.ctx.state().load().edgeHubPorts();
                String proto = port == 8883 ? "mqtt" : port == 5671 ? "amqp" : "https";
                Integer p = ports.get(proto);
                return p == null ? Optional.of(new InetSocketAddress("127.0.0.1", 1))
                        : Optional.of(new InetSocketAddress("127.0.0.1", p));
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
    }

    final FileSystem jimfs;
    final DeviceFs fs;
    final EmulatorContext ctx;
    final InProcessEdgeHubHost hub = new InProcessEdgeHubHost();

    EmulatedDevice(String machineHostname, Network net, EmulatorSettings settings) throws Exception {
        jimfs = DeviceImage.newFileSystem("iotadmin");
        fs = new DeviceFs(jimfs.getPath("/"));
        DeviceImage.populate(fs, machineHostname, "iotadmin", false, settings);
        ctx = new EmulatorContext(fs, machineHostname, Clock.systemUTC(), net, hub, new PkiServerCertIssuer());
    }

    EmulatedDevice(String machineHostname, Network net) throws Exception {
        this(machineHostname, net, EmulatorSettings.virtualDevice());
    }

    /** Installs certs the recommended way (facts §4) and returns their device paths. */
    void installEdgeCa(TestPki pki, TestPki.EdgeCa ca, String name) throws Exception {
        fs.mkdirs("/var/aziot/certs", "755", "aziotcs");
        fs.mkdirs("/var/aziot/secrets", "700", "aziotks");
        fs.writeAtomic("/var/aziot/certs/" + name + "-full-chain.cert.pem", ca.chainPem(), "644", "aziotcs");
        fs.writeAtomic("/var/aziot/certs/root.cert.pem", pki.rootPem(), "644", "aziotcs");
        fs.writeAtomic("/var/aziot/secrets/" + name + ".key.pem", ca.keyPem(), "600", "aziotks");
    }

    /** Puts the root CA into the OS trust store and runs update-ca-certificates. */
    CommandResult trustRoot(TestPki pki) throws Exception {
        fs.writeAtomic("/usr/local/share/ca-certificates/plant-root.crt", pki.rootPem(), "644", "root");
        return TrustStoreCommands.updateCaCertificates(fs, "root");
    }

    void writeConfig(String toml) throws Exception {
        fs.writeAtomic("/etc/aziot/config.toml", toml, "600", "root");
    }

    CommandResult iotedge(String... args) {
        return IotEdgeCommand.run(ctx, "root", List.of(args));
    }

    CommandResult docker(String... args) {
        return DockerCommand.run(ctx, "root", List.of(args));
    }

    CommandResult openssl(String... args) {
        return OpensslCommand.run(ctx, List.of(args));
    }

    @Override
    public void close() throws Exception {
        hub.close();
        jimfs.close();
    }

    /** A config.toml for a device, with an explicit Edge CA under /var/aziot. */
    static String config(String hostname, String parent, String name) {
        return "hostname = \"" + hostname + "\"\n"
                + (parent == null ? "" : "parent_hostname = \"" + parent + "\"\n")
                + "trust_bundle_cert = \"file:///var/aziot/certs/root.cert.pem\"\n\n"
                + "[provisioning]\nsource = \"manual\"\n"
                + "connection_string = \"HostName=contoso.azure-devices.net;DeviceId=" + name + ";SharedAccessKey=c2VjcmV0\"\n\n"
                + "[agent]\nname = \"edgeAgent\"\ntype = \"docker\"\n\n[agent.config]\nimage = \""
                + (parent == null ? "mcr.microsoft.com" : "$upstream:443") + "/azureiotedge-agent:1.5\"\n\n"
                + "[edge_ca]\ncert = \"file:///var/aziot/certs/" + name + "-full-chain.cert.pem\"\n"
                + "pk = \"file:///var/aziot/secrets/" + name + ".key.pem\"\n";
    }
}
