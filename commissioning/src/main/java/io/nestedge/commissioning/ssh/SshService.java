package io.nestedge.commissioning.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the process's one MINA {@link SshClient} and opens {@link RemoteShell}s to devices: directly,
 * through a chain of jump hosts, or through a forwarded channel of an already open parent session
 * (facts §7). Every hop's host key goes through the same {@link HostKeyPolicy}; the client never reads
 * {@code ~/.ssh/config} or {@code ~/.ssh/id_*} and never accepts unknown keys by itself.
 *
 * <p>Jump hosts are shared: devices reached through the same chain of jump hosts (same addresses
 * and credentials) use one session per jump host, opened for the first of them and closed when the
 * last shell using it closes (opened again if it dropped), instead of one handshake per jump host
 * and device.
 *
 * <p>Thread-safe: shells to different devices may be opened and used in parallel. Close the service
 * when the app exits; it closes the client (and with it every open session).
 */
public final class SshService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshService.class);

    private final SshClient client;
    private final SshSettings settings;
    private final AgentSupport agent;
    private final Map<List<Hop>, SharedJump> jumps = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Starts the client.
     *
     * @param hostKeys the host-key policy for every session
     * @param settings timeouts and keep-alive
     */
    public SshService(HostKeyPolicy hostKeys, SshSettings settings) {
        this(hostKeys, settings, AgentSupport.socketFromEnvironment());
    }

    /**
     * Starts the client with an explicit ssh-agent socket.
     *
     * @param agentSocket the agent's Unix socket, or null for no agent
     */
    public SshService(HostKeyPolicy hostKeys, SshSettings settings, java.nio.file.Path agentSocket) {
        this.settings = settings;
        this.agent = new AgentSupport(agentSocket);
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(hostKeys);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
        client.setFilePasswordProvider(FilePasswordProvider.EMPTY);
        client.setAgentFactory(agent);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.heartbeatInterval());
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, settings.heartbeatInterval());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, settings.heartbeatMaxMissed());
        client.addSessionListener(ConnectionLoss.recorder(settings));
        client.start();
    }

    /** Whether an ssh-agent socket ({@code SSH_AUTH_SOCK}) is available to {@link Credentials#useAgent()}. */
    public boolean agentAvailable() {
        return agent.available();
    }

    /**
     * Opens a shell to the route's target, hop by hop. Each jump is reached through a direct-tcpip
     * channel of the previous hop's session; each hop's host key is checked under its own name.
     *
     * @throws HostKeyChangedException when any hop presents a changed key (nothing is authenticated)
     * @throws HostKeyRejectedException when an unknown key was not accepted
     * @throws AuthenticationFailedException when a hop refuses the credentials
     * @throws RemoteTimeoutException when connect or authentication exceeds the settings' timeouts
     * @throws RemoteAccessException for anything else (unreachable, forwarding refused by a jump host, …)
     */
    public RemoteShell connect(Route route) throws RemoteAccessException {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            ClientSession via = null;
            List<Hop> chain = new ArrayList<>();
            for (Hop jump : route.jumps()) {
                chain.add(jump);
                JumpLease lease = acquire(List.copyOf(chain), via);
                owned.add(lease);
                via = lease.session;
            }
            ClientSession target = open(route.target(), via, owned);
            return new RemoteShell(route.target(), target, owned);
        } catch (RemoteAccessException | RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /**
     * Opens a shell to a child device through the parent's already open session (a direct-tcpip
     * channel of the parent's session to {@code child.address()}, usually the child's address on the
     * parent's lower network). Closing the child shell leaves the parent shell open; closing the
     * parent closes the tunnel.
     */
    public RemoteShell connectThrough(RemoteShell parent, Hop child) throws RemoteAccessException {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            ClientSession s = open(child, parent.session(), owned);
            return new RemoteShell(child, s, owned);
        } catch (RemoteAccessException | RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /** One shared session to a jump host reached through a given chain, with its users counted. */
    private static final class SharedJump {
        final List<AutoCloseable> owned = new ArrayList<>();
        ClientSession session;
        int users;
    }

    /** One shell's use of a shared jump session; closing it gives the use back. */
    private final class JumpLease implements AutoCloseable {
        private final SharedJump jump;
        final ClientSession session;
        private boolean released;

        JumpLease(SharedJump jump, ClientSession session) {
            this.jump = jump;
            this.session = session;
        }

        @Override
        public void close() {
            synchronized (jump) {
                if (released) {
                    return;
                }
                released = true;
                if (--jump.users == 0 && jump.session != null) {
                    jump.session.close(false);
                    closeAll(jump.owned);
                    jump.session = null;
                }
            }
        }
    }

    /**
     * The shared session to the last hop of {@code chain} (opened through {@code via} when there is
     * none or it dropped).
     */
    private JumpLease acquire(List<Hop> chain, ClientSession via) throws RemoteAccessException {
        SharedJump j = jumps.computeIfAbsent(chain, k -> new SharedJump());
        synchronized (j) {
            if (j.session == null || !j.session.isOpen()) {
                if (j.session != null) {
                    j.session.close(true);
                }
                closeAll(j.owned);
                j.session = open(chain.get(chain.size() - 1), via, j.owned);
            }
            j.users++;
            return new JumpLease(j, j.session);
        }
    }

    private ClientSession open(Hop hop, ClientSession via, List<AutoCloseable> owned) throws RemoteAccessException {
        Credentials c = hop.credentials();
        List<KeyPair> keys = c.keyFile() == null ? List.of() : KeyFiles.load(c.keyFile(), c.passphrase());
        AtomicReference<RemoteAccessException> refusal = new AtomicReference<>();
        AtomicBoolean prompting = new AtomicBoolean();
        Map<AttributeKey<?>, Object> attrs = new HashMap<>();
        attrs.put(HostKeyPolicy.TARGET, hop.address());
        attrs.put(HostKeyPolicy.REFUSAL, refusal);
        attrs.put(HostKeyPolicy.PROMPTING, prompting);
        attrs.put(AgentSupport.USE_AGENT, c.useAgent());
        AttributeRepository ctx = AttributeRepository.ofAttributesMap(attrs);
        ConnectFuture cf;
        try {
            if (via == null) {
                cf = client.connect(c.user(), hop.address().host(), hop.address().port(), ctx, null);
            } else {
                ExplicitPortForwardingTracker tunnel = via.createLocalPortForwardingTracker(
                        new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(hop.address().host(), hop.address().port()));
                owned.add(tunnel);
                InetSocketAddress bound = tunnel.getBoundAddress().toInetSocketAddress();
                cf = client.connect(c.user(), bound, ctx, null);
            }
        } catch (IOException e) {
            throw new RemoteAccessException("Cannot open a connection to " + hop + (via == null ? "" : " through " + via.getConnectAddress())
                    + ": " + e.getMessage(), e);
        }
        boolean connected;
        try {
            connected = cf.await(settings.connectTimeout());
        } catch (IOException e) {
            throw new RemoteAccessException("Interrupted while connecting to " + hop, e);
        }
        if (!connected) {
            // Not wrapped by the catch above (it once turned this timeout into "Interrupted while connecting").
            cf.cancel();
            throw new RemoteTimeoutException("Connecting to " + hop + (via == null ? "" : " through " + via.getConnectAddress())
                    + " (no answer: the host is down, the address is wrong or a firewall drops the packets)", settings.connectTimeout());
        }
        if (cf.getException() != null) {
            throw new RemoteAccessException("Cannot connect to " + hop + ": " + cf.getException().getMessage(), cf.getException());
        }
        ClientSession s = cf.getSession();
        boolean ok = false;
        try {
            keys.forEach(s::addPublicKeyIdentity);
            if (c.password() != null) {
                char[] pw = c.password().password(c.user(), hop.address());
                if (pw != null) {
                    // MINA keeps password identities as String; it is never logged.
                    s.addPasswordIdentity(new String(pw));
                }
            }
            AuthFuture af = s.auth();
            waitAuth(hop, s, af, prompting, refusal);
            ok = true;
            LOG.info("SSH session open: {}", hop);
            return s;
        } catch (IOException e) {
            throw e instanceof RemoteAccessException r ? r
                    : new RemoteAccessException("SSH to " + hop + " failed: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                s.close(true);
            }
        }
    }

    private void waitAuth(Hop hop, ClientSession s, AuthFuture af, AtomicBoolean prompting,
            AtomicReference<RemoteAccessException> refusal) throws IOException {
        long budget = settings.authTimeout().toNanos();
        long last = System.nanoTime();
        while (!af.isDone()) {
            af.await(Duration.ofMillis(100));
            long now = System.nanoTime();
            if (!prompting.get()) {
                budget -= now - last;
            }
            last = now;
            if (budget <= 0 && !af.isDone()) {
                if (refusal.get() != null) {
                    throw refusal.get();
                }
                throw new RemoteTimeoutException("Key exchange and authentication with " + hop, settings.authTimeout());
            }
        }
        if (refusal.get() != null) {
            throw refusal.get();
        }
        if (!af.isSuccess()) {
            Throwable t = af.getException();
            if (s.getServerKey() == null) {
                throw new RemoteAccessException("SSH to " + hop + " failed before authentication: "
                        + (t == null ? "connection closed" : t.getMessage()), t);
            }
            throw new AuthenticationFailedException("The device " + hop.address() + " refused the credentials of user "
                    + hop.credentials().user() + " (" + offered(hop.credentials()) + ")", t);
        }
    }

    private static String offered(Credentials c) {
        List<String> o = new ArrayList<>();
        if (c.keyFile() != null) {
            o.add("key " + c.keyFile().getFileName());
        }
        if (c.useAgent()) {
            o.add("ssh-agent keys");
        }
        if (c.password() != null) {
            o.add("password");
        }
        return o.isEmpty() ? "nothing was offered" : "offered " + String.join(", ", o);
    }

    static void closeAll(List<AutoCloseable> owned) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", owned.get(i), e.toString());
            }
        }
        owned.clear();
    }

    /** Stops the client and every session it holds. */
    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping the SSH client failed: {}", e.toString());
        }
    }
}
