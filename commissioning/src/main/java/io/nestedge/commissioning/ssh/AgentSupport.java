package io.nestedge.commissioning.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentKeyConstraint;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;

/**
 * Gives MINA's public-key authentication the ssh-agent's keys for sessions whose credentials ask for
 * it (connection-context attribute {@link #USE_AGENT}); other sessions see an empty agent. No agent
 * forwarding is offered to devices.
 */
final class AgentSupport implements SshAgentFactory {
    static final AttributeKey<Boolean> USE_AGENT = new AttributeKey<>();

    private final Path socket;

    /** @param socket the agent socket, or null when {@code SSH_AUTH_SOCK} is not set */
    AgentSupport(Path socket) {
        this.socket = socket;
    }

    /** The agent socket from {@code SSH_AUTH_SOCK}, or null. */
    static Path socketFromEnvironment() {
        String s = System.getenv("SSH_AUTH_SOCK");
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    boolean available() {
        return socket != null && Files.exists(socket);
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        boolean wanted = false;
        if (session instanceof ClientSession cs) {
            AttributeRepository ctx = cs.getConnectionContext();
            wanted = ctx != null && Boolean.TRUE.equals(ctx.getAttribute(USE_AGENT));
        }
        return wanted && available() ? new UnixSocketAgent(socket) : new EmptyAgent();
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("agent forwarding is not offered");
    }

    /** An agent with no keys. */
    private static final class EmptyAgent implements SshAgent {
        @Override
        public Iterable<? extends Map.Entry<PublicKey, String>> getIdentities() {
            return List.of();
        }

        @Override
        public Map.Entry<String, byte[]> sign(SessionContext session, PublicKey key, String algo, byte[] data) throws IOException {
            throw new IOException("no ssh-agent in use for this session");
        }

        @Override
        public void addIdentity(KeyPair key, String comment, SshAgentKeyConstraint... constraints) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public void removeIdentity(PublicKey key) throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public void removeAllIdentities() throws IOException {
            throw new IOException("read-only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
