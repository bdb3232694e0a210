package io.nestedge.commissioning.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.io.PathUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MINA's default client accepts any host key (and would trust what {@code ~/.ssh/known_hosts} says):
 * SshService's verifier is the {@link HostKeyPolicy}, which reads the user's known_hosts only when
 * asked ({@code alsoReadUserKnownHosts}, the CLI's {@code --user-known-hosts}). (MINA caches the
 * home folder per JVM, so the default {@code id_*} keys and {@code ~/.ssh/config}, which SshService
 * also switches off, are not shown here.)
 */
class SshServiceIgnoresUserSshDirTest {
    private static final SshSettings FAST = new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5), 3);

    @TempDir
    Path tmp;
    private TestSshServer server;
    private Path home;
    private final String savedHome = System.getProperty("user.home");

    @AfterEach
    void restore() throws Exception {
        PathUtils.setUserHomeFolderResolver(() -> Path.of(savedHome));
        System.setProperty("user.home", savedHome);
        if (server != null) {
            server.close();
        }
    }

    private void userSshDir() throws Exception {
        server = TestSshServer.start(tmp);
        home = Files.createDirectories(tmp.resolve("home"));
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", ssh.resolve("id_ed25519").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        server.authorizedKeys.add(PublicKeyEntry.parsePublicKeyEntry(Files.readString(ssh.resolve("id_ed25519.pub")).trim())
                .resolvePublicKey(null, java.util.Map.of(), PublicKeyEntryResolver.FAILING));
        StringBuilder kh = new StringBuilder();
        KnownHostHashValue.appendHostPattern(kh, "127.0.0.1", server.port());
        PublicKeyEntry.appendPublicKeyEntry(kh.append(' '), server.hostKey.getPublic());
        Files.writeString(ssh.resolve("known_hosts"), kh + "\n", StandardCharsets.UTF_8);
        Files.writeString(ssh.resolve("config"), "Host *\n  User tech\n  IdentityFile ~/.ssh/id_ed25519\n");
        System.setProperty("user.home", home.toString());
        PathUtils.setUserHomeFolderResolver(() -> home);
    }

    private static Credentials noKeyNoPassword() {
        return Credentials.password("tech", (u, h) -> null);
    }

    @Test
    void theUsersKnownHostsIsNotReadUnlessAsked() throws Exception {
        userSshDir();
        try (SshService svc = new SshService(HostKeyPolicy.builder(tmp.resolve("app/known_hosts")).build(), FAST, null)) {
            assertThatThrownBy(() -> svc.connect(Route.direct(new Hop(server.address(), noKeyNoPassword()))).close())
                    .isInstanceOf(HostKeyRejectedException.class);
        }
        try (SshService svc = new SshService(HostKeyPolicy.builder(tmp.resolve("app/known_hosts")).alsoReadUserKnownHosts().build(),
                FAST, null)) {
            // asked for: the host key is known, and only the login (no key offered) fails
            assertThatThrownBy(() -> svc.connect(Route.direct(new Hop(server.address(), noKeyNoPassword()))).close())
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }
}
