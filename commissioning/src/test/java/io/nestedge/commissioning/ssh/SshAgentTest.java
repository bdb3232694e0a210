package io.nestedge.commissioning.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh-agent over its Unix socket with the JDK's own Unix-domain sockets (needs openssh-client). */
class SshAgentTest {
    @TempDir
    Path tmp;

    private static String run(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void keysOfARealSshAgentAuthenticate() throws Exception {
        Path key = tmp.resolve("id_agent");
        run(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try (TestSshServer s = TestSshServer.start(tmp)) {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(50);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString());
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            run(add);
            s.authorizedKeys.add(PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).strip())
                    .resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.FAILING));
            HostKeyPolicy policy = HostKeyPolicy.builder(tmp.resolve("known_hosts")).pin(s.address(), s.fingerprint()).build();
            try (SshService svc = new SshService(policy, SshSettings.defaults(), sock)) {
                assertThat(svc.agentAvailable()).isTrue();
                try (RemoteShell sh = svc.connect(Route.direct(new Hop(s.address(), Credentials.agent("tech"))))) {
                    assertThat(sh.exec("echo via-agent", Duration.ofSeconds(20)).out()).isEqualTo("via-agent\n");
                }
                // Credentials that do not ask for the agent do not get its keys.
                Hop noAgent = new Hop(s.address(), Credentials.password("tech", (u, h) -> "wrong".toCharArray()));
                assertThatThrownBy(() -> svc.connect(Route.direct(noAgent))).isInstanceOf(AuthenticationFailedException.class);
            }
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
