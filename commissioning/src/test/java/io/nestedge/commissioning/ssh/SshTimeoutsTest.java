package io.nestedge.commissioning.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.core.CoreModuleProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timeouts on connect and every command, and the heartbeat for long commands (issue: "Timeouts on
 * connect, auth and every command; heartbeat for long commands"), with short settings against
 * loopback test servers: a long silent command survives an idle timeout thanks to the keep-alives,
 * a peer that stops answering is detected after the missed beats, and a connect that gets no answer
 * times out naming the host.
 */
class SshTimeoutsTest {
    private static final Duration T = Duration.ofSeconds(20);
    /** The server (or a NAT/firewall on the way) drops a session idle this long. */
    private static final Duration IDLE = Duration.ofSeconds(1);

    @TempDir
    Path tmp;
    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.close();
    }

    private <C extends AutoCloseable> C keep(C c) {
        return closer.keep(c);
    }

    private TestSshServer server() throws Exception {
        TestSshServer s = keep(TestSshServer.start(tmp));
        s.passwords.put("tech", "login-pw");
        return s;
    }

    private SshService service(HostPort at, TestSshServer s, SshSettings settings) {
        return keep(new SshService(HostKeyPolicy.builder(tmp.resolve("known_hosts")).pin(at, s.fingerprint()).build(), settings, null));
    }

    private static Hop pw(HostPort at) {
        return new Hop(at, Credentials.password("tech", (u, h) -> "login-pw".toCharArray()));
    }

    private static SshSettings heartbeatEvery(Duration interval, int maxMissed) {
        return new SshSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), interval, maxMissed);
    }

    @Test
    void aLongSilentCommandOutlivesTheIdleTimeoutThanksToTheHeartbeat() throws Exception {
        TestSshServer s = server();
        CoreModuleProperties.IDLE_TIMEOUT.set(s.sshd, IDLE);
        SshService svc = service(s.address(), s, heartbeatEvery(Duration.ofMillis(300), 3));
        try (RemoteShell sh = svc.connect(Route.direct(pw(s.address())))) {
            ExecResult r = sh.exec("sleep 3; echo finished", T);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("finished\n");
            char[] sudo = "sudo-secret".toCharArray();
            ExecResult root = sh.execAsRoot("sleep 3; echo root-finished", sudo, T);
            assertThat(root.out()).isEqualTo("root-finished\n");
        }
    }

    @Test
    void withoutTheHeartbeatTheSameCommandIsCutOffWithAClearError() throws Exception {
        // The control for the test above: the idle timeout is real, and losing the session is an error
        // naming the device and the command, never a silent "exit -1".
        TestSshServer s = server();
        CoreModuleProperties.IDLE_TIMEOUT.set(s.sshd, IDLE);
        SshService svc = service(s.address(), s, heartbeatEvery(Duration.ZERO, 3));
        try (RemoteShell sh = svc.connect(Route.direct(pw(s.address())))) {
            assertThatThrownBy(() -> sh.exec("sleep 3; echo finished", T)).isInstanceOf(RemoteAccessException.class)
                    .isNotInstanceOf(RemoteTimeoutException.class)
                    .hasMessageContaining("sleep 3; echo finished").hasMessageContaining(s.address().toString())
                    .hasMessageContaining("connection");
        }
    }

    @Test
    void aPeerThatStopsAnsweringIsDetectedAfterTheMissedHeartbeats() throws Exception {
        TestSshServer s = server();
        FreezingRelay relay = keep(new FreezingRelay(s.port()));
        SshService svc = service(relay.address(), s, heartbeatEvery(Duration.ofMillis(250), 3));
        try (RemoteShell sh = svc.connect(Route.direct(pw(relay.address())))) {
            assertThat(sh.exec("echo alive", T).out()).isEqualTo("alive\n");
            long start = System.nanoTime();
            Thread freezer = new Thread(() -> {
                sleep(500);
                relay.freeze();
            });
            freezer.start();
            // The command would run 30 s and the command timeout is 20 s: the heartbeat notices first.
            assertThatThrownBy(() -> sh.exec("sleep 30", T)).isInstanceOf(RemoteAccessException.class)
                    .isNotInstanceOf(RemoteTimeoutException.class)
                    .hasMessageContaining(relay.address().toString()).hasMessageContaining("sleep 30")
                    .hasMessageContaining("keep-alive");
            long took = (System.nanoTime() - start) / 1_000_000;
            assertThat(took).as("detected after the missed beats, long before the command timeout").isLessThan(10_000);
            assertThat(sh.isOpen()).isFalse();
        }
    }

    @Test
    void aConnectThatGetsNoAnswerTimesOutNamingTheHost() throws Exception {
        // A listening socket that never accepts: once its accept queue is full the kernel drops further
        // SYNs, as a firewall that drops packets would (loopback only).
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket f = new Socket();
                    fillers.add(f);
                    try {
                        f.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), deaf.getLocalPort()), 200);
                    } catch (SocketTimeoutException queueFull) {
                        break;
                    }
                }
                SshSettings quick = new SshSettings(Duration.ofMillis(700), Duration.ofSeconds(5), Duration.ofSeconds(5), 3);
                SshService svc = keep(new SshService(HostKeyPolicy.builder(tmp.resolve("known_hosts")).build(), quick, null));
                HostPort at = new HostPort("127.0.0.1", deaf.getLocalPort());
                long start = System.nanoTime();
                assertThatThrownBy(() -> svc.connect(Route.direct(pw(at)))).isInstanceOf(RemoteTimeoutException.class)
                        .hasMessageContaining("Connecting to").hasMessageContaining(at.toString())
                        .hasMessageContaining("700 ms");
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
            } finally {
                for (Socket f : fillers) {
                    try {
                        f.close();
                    } catch (IOException ignored) {
                        // closing a half-open filler
                    }
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
