package io.nestedge.commissioning.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A MINA SSH server on 127.0.0.1 (ephemeral port) for tests: password and public-key users, an exec
 * handler running each command line with /bin/sh (a fake {@code sudo} first on PATH writes its
 * {@code -p} prompt to stderr and checks the password read from stdin, as {@code sudo -S} does), SFTP on the real file system, and an optional direct-tcpip filter.
 */
final class TestSshServer implements AutoCloseable {
    final SshServer sshd;
    final KeyPair hostKey;
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    /** Every command line the server received, as received. */
    final List<String> commandLines = new CopyOnWriteArrayList<>();
    /** Every direct-tcpip target the forwarding filter was asked about. */
    final List<SshdSocketAddress> forwardRequests = new CopyOnWriteArrayList<>();
    /** User names of every password authentication attempt. */
    final List<String> authAttempts = new CopyOnWriteArrayList<>();
    volatile String sudoPassword = "sudo-secret";
    /** Like a NOPASSWD sudoers rule: the fake {@code sudo} neither prompts nor reads a password. */
    volatile boolean sudoNoPassword;
    private final Path fakeBin;

    private TestSshServer(KeyPair hostKey, Predicate<SshdSocketAddress> forwardAllowed, Path work) throws IOException {
        this.hostKey = hostKey;
        fakeBin = Files.createDirectories(work.resolve("fakebin-" + System.nanoTime()));
        Path sudo = fakeBin.resolve("sudo");
        Files.writeString(sudo, """
                #!/bin/sh
                [ "$1" = "-S" ] || { echo "fake sudo: expected -S" >&2; exit 2; }
                shift
                [ "$1" = "-k" ] && shift
                prompt=
                [ "$1" = "-p" ] && { prompt=$2; shift 2; }
                if [ -z "$FAKE_SUDO_NOPASSWD" ]; then
                  printf '%s' "$prompt" >&2
                  IFS= read -r pw
                  if [ "$pw" != "$FAKE_SUDO_PASSWORD" ]; then
                    echo "Sorry, try again." >&2
                    echo "sudo: 1 incorrect password attempt" >&2
                    exit 1
                  fi
                fi
                exec "$@"
                """);
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwx------"));
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator((u, p, s) -> {
            authAttempts.add(u);
            return p.equals(passwords.get(u));
        });
        sshd.setPublickeyAuthenticator((u, k, s) -> authAttempts.add(u) && authorizedKeys.stream().anyMatch(a -> KeyUtils.compareKeys(a, k)));
        sshd.setCommandFactory((channel, command) -> new ShCommand(command));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        if (forwardAllowed == null) {
            sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        } else {
            TcpForwardingFilter tcp = new TcpForwardingFilter() {
                @Override
                public boolean canListen(SshdSocketAddress address, org.apache.sshd.common.session.Session session) {
                    return false;
                }

                @Override
                public boolean canConnect(Type type, SshdSocketAddress address, org.apache.sshd.common.session.Session session) {
                    forwardRequests.add(address);
                    return type == Type.Direct && forwardAllowed.test(address);
                }
            };
            sshd.setForwardingFilter(ForwardingFilter.asForwardingFilter(null, null, tcp));
        }
        sshd.start();
    }

    static TestSshServer start(Path work) throws Exception {
        return new TestSshServer(newHostKey(), null, work);
    }

    static TestSshServer start(Path work, KeyPair hostKey) throws Exception {
        return new TestSshServer(hostKey, null, work);
    }

    /** A gateway whose direct-tcpip channels may only reach targets the predicate allows. */
    static TestSshServer gateway(Path work, Predicate<SshdSocketAddress> forwardAllowed) throws Exception {
        return new TestSshServer(newHostKey(), forwardAllowed, work);
    }

    static KeyPair newHostKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    int port() {
        return sshd.getPort();
    }

    HostPort address() {
        return new HostPort("127.0.0.1", port());
    }

    String fingerprint() {
        return HostKeyPolicy.fingerprint(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** Runs one command line with /bin/sh, fake sudo first on PATH. */
    private final class ShCommand implements Command, Runnable {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        ShCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            commandLines.add(command);
            Thread t = new Thread(this, "test-sshd-exec");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void run() {
            int status = 255;
            try {
                ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
                pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
                pb.environment().put("FAKE_SUDO_PASSWORD", sudoPassword);
                if (sudoNoPassword) {
                    pb.environment().put("FAKE_SUDO_NOPASSWD", "1");
                }
                process = pb.start();
                Thread pumpIn = pump(in, process.getOutputStream(), true);
                Thread pumpOut = pump(process.getInputStream(), out, false);
                Thread pumpErr = pump(process.getErrorStream(), err, false);
                status = process.waitFor();
                pumpOut.join();
                pumpErr.join();
                pumpIn.interrupt();
            } catch (IOException | InterruptedException e) {
                status = 254;
            } finally {
                exit.onExit(status);
            }
        }

        private Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = from.read(buf)) >= 0) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // the other side went away
                } finally {
                    if (closeTarget) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // nothing to do
                        }
                    }
                }
            }, "test-sshd-pump");
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void destroy(ChannelSession channel) {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }
}
