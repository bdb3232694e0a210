package io.nestedge.commissioning.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An ssh-agent client over the agent's Unix domain socket ({@code SSH_AUTH_SOCK}) using the JDK's
 * own Unix-domain sockets (Java 16+), so no native library is needed (MINA's own Unix agent client
 * needs Tomcat APR). MINA's {@link AbstractAgentProxy} speaks the agent protocol; this class only
 * carries its messages.
 */
final class UnixSocketAgent extends AbstractAgentProxy {
    private static final int MAX_MESSAGE = 256 * 1024;
    private final Path socket;

    UnixSocketAgent(Path socket) {
        super(null);
        this.socket = socket;
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteBuffer len = readFully(ch, 4);
            int n = len.getInt(0);
            if (n <= 0 || n > MAX_MESSAGE) {
                throw new IOException("ssh-agent at " + socket + " sent a message of " + n + " bytes");
            }
            return new ByteArrayBuffer(readFully(ch, n).array());
        }
    }

    private static ByteBuffer readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("ssh-agent closed the connection");
            }
        }
        return b;
    }

    @Override
    public boolean isOpen() {
        return true;
    }
}
