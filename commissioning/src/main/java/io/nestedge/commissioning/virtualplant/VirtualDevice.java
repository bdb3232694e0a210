package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.DeviceImage;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import io.nestedge.commissioning.virtualplant.shell.Session;
import io.nestedge.commissioning.virtualplant.tls.PkiServerCertIssuer;
import io.nestedge.commissioning.virtualplant.tls.HostResolver;
import io.nestedge.commissioning.virtualplant.tls.InProcessEdgeHubHost;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.file.root.RootedFileSystemProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * One emulated IoT Edge device reachable over SSH: a MINA SSHD server on 127.0.0.1 (ephemeral port,
 * its own ECDSA P-256 host key) over its own Jimfs root. The login user authenticates with a key or
 * a password; {@code sudo -S} takes the sudo password on standard input. SFTP works on the device
 * root (modes sent by the client are kept; new files belong to the login user). Exec requests run
 * in {@link io.nestedge.commissioning.virtualplant.shell.ShellInterpreter}. TCP forwarding
 * (direct-tcpip, used by ProxyJump) is allowed only to this device's children's SSH endpoints.
 */
public final class VirtualDevice implements AutoCloseable {
    private final String deviceId;
    private final String loginUser;
    private final String password;
    private final FileSystem jimfs;
    private final DeviceFs fs;
    private final EmulatorContext ctx;
    private final InProcessEdgeHubHost edgeHub = new InProcessEdgeHubHost();
    private final KeyPair hostKey;
    private final Set<PublicKey> authorizedKeys = new CopyOnWriteArraySet<>();
    private final Set<String> forwardTargets = new CopyOnWriteArraySet<>();
    private final SshServer server;
    private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Creates and populates the device (not yet listening; see {@link #start()}).
     *
     * @param deviceId IoT Hub device ID (for the connection sheet)
     * @param machineHostname the machine's name
     * @param loginUser login user
     * @param password login and sudo password (kept in memory only)
     * @param mariner EFLOW/CBL-Mariner instead of Ubuntu
     * @param resolver how the device resolves its parent
     */
    public VirtualDevice(String deviceId, String machineHostname, String loginUser, String password, boolean mariner,
            HostResolver resolver) throws IOException {
        this.deviceId = deviceId;
        this.loginUser = loginUser;
        this.password = password;
        this.jimfs = DeviceImage.newFileSystem(loginUser);
        this.fs = new DeviceFs(jimfs.getPath("/"));
        DeviceImage.populate(fs, machineHostname, loginUser, mariner, EmulatorSettings.virtualDevice());
        this.ctx = new EmulatorContext(fs, machineHostname, Clock.systemUTC(), resolver, edgeHub, new PkiServerCertIssuer());
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            this.hostKey = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate host key: " + e.getMessage(), e);
        }
        this.server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((u, p, s) -> loginUser.equals(u) && password.equals(p));
        server.setPublickeyAuthenticator((u, k, s) -> loginUser.equals(u)
                && authorizedKeys.stream().anyMatch(a -> KeyUtils.compareKeys(a, k)));
        server.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionEvent(org.apache.sshd.common.session.Session session, Event event) {
                if (event == Event.Authenticated) {
                    logins.incrementAndGet();
                }
            }
        });
        server.setFileSystemFactory(new DeviceFileSystemFactory());
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setCommandFactory((channel, command) -> new DeviceExecCommand(command,
                u -> new Session(ctx, u, password, "/home/" + u)));
        server.setForwardingFilter(org.apache.sshd.server.forward.ForwardingFilter.asForwardingFilter(null, null,
                new TcpForwardingFilter() {
                    @Override
                    public boolean canListen(SshdSocketAddress address, org.apache.sshd.common.session.Session session) {
                        return false;
                    }

                    @Override
                    public boolean canConnect(Type type, SshdSocketAddress address,
                            org.apache.sshd.common.session.Session session) {
                        return type == Type.Direct && forwardTargets.contains(key(address.getHostName(), address.getPort()));
                    }
                }));
    }

    private static String key(String host, int port) {
        String h = host.equals("localhost") ? "127.0.0.1" : host;
        return h + ":" + port;
    }

    /** Starts listening. */
    public void start() throws IOException {
        server.start();
    }

    /** Trusts a client public key for the login user. */
    public void authorize(PublicKey key) {
        authorizedKeys.add(key);
    }

    /** Allows direct-tcpip forwarding to a child's SSH endpoint. */
    public void allowForwardTo(String host, int port) {
        forwardTargets.add(key(host, port));
    }

    /** SSH port (after {@link #start()}). */
    public int port() {
        return server.getPort();
    }

    /** SSH sessions that authenticated on this device so far (a refused host key must leave it at 0). */
    public int authenticatedLogins() {
        return logins.get();
    }

    /** The host key's SHA-256 fingerprint ("SHA256:…"), as OpenSSH prints it. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
    }

    /** The host public key. */
    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** IoT Hub device ID. */
    public String deviceId() {
        return deviceId;
    }

    /** Login user. */
    public String loginUser() {
        return loginUser;
    }

    /** Sudo password (for the connection sheet of a rehearsal; never logged). */
    public String sudoPassword() {
        return password;
    }

    /** The emulated runtime context (file system, edgeHub, …). */
    public EmulatorContext context() {
        return ctx;
    }

    /** The device file system. */
    public DeviceFs fs() {
        return fs;
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(true);
        } finally {
            edgeHub.close();
            jimfs.close();
        }
    }

    /** SFTP sees the whole device root ({@code /}), like a real login. */
    private final class DeviceFileSystemFactory implements FileSystemFactory {
        @Override
        public java.nio.file.Path getUserHomeDir(SessionContext session) {
            return null;
        }

        @Override
        public FileSystem createFileSystem(SessionContext session) throws IOException {
            return new RootedFileSystemProvider().newFileSystem(fs.root(), Map.of());
        }
    }
}
