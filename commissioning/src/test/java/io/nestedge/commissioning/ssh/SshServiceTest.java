package io.nestedge.commissioning.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.shell.ShellQuote;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshServiceTest {
    private static final Duration T = Duration.ofSeconds(20);
    private static final SshSettings FAST = new SshSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5), 3);

    @TempDir
    Path tmp;
    private final Closer closer = new Closer();
    private final List<HostKeyPolicy.UnknownHostKey> prompted = new CopyOnWriteArrayList<>();

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

    private HostKeyPolicy.Prompt answering(HostKeyPolicy.Decision d) {
        return k -> {
            prompted.add(k);
            return d;
        };
    }

    private SshService service(HostKeyPolicy policy) {
        return keep(new SshService(policy, FAST, null));
    }

    private Path knownHosts() {
        return tmp.resolve("app").resolve("known_hosts");
    }

    private static Hop pw(TestSshServer s) {
        return new Hop(s.address(), Credentials.password("tech", (u, h) -> "login-pw".toCharArray()));
    }

    @Test
    void tofuAcceptAndSaveThenReconnectSilently() throws Exception {
        TestSshServer s = server();
        SshService first = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.ACCEPT_AND_SAVE)).build());
        try (RemoteShell sh = first.connect(Route.direct(pw(s)))) {
            assertThat(sh.exec("echo hello", T).out()).isEqualTo("hello\n");
        }
        assertThat(prompted).singleElement().satisfies(k -> {
            assertThat(k.host()).isEqualTo(s.address());
            assertThat(k.keyType()).isEqualTo("ecdsa-sha2-nistp256");
            assertThat(k.fingerprint()).isEqualTo(s.fingerprint()).startsWith("SHA256:");
        });
        assertThat(Files.getPosixFilePermissions(knownHosts())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(knownHosts())).startsWith("[127.0.0.1]:" + s.port() + " ecdsa-sha2-nistp256 ");

        prompted.clear();
        SshService second = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.REJECT)).build());
        try (RemoteShell sh = second.connect(Route.direct(pw(s)))) {
            assertThat(sh.exec("echo again", T).out()).isEqualTo("again\n");
        }
        assertThat(prompted).isEmpty();
    }

    @Test
    void savedEntryIsReadByOpenSshWithTheSameFingerprint() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.ACCEPT_AND_SAVE)).build());
        svc.connect(Route.direct(pw(s))).close();
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-F", "[127.0.0.1]:" + s.port(), "-f", knownHosts().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains(s.fingerprint());
    }

    @Test
    void changedHostKeyIsRefusedWithBothFingerprints() throws Exception {
        KeyPair old = TestSshServer.newHostKey();
        TestSshServer s = server();
        StringBuilder line = new StringBuilder("[127.0.0.1]:" + s.port() + " ");
        PublicKeyEntry.appendPublicKeyEntry(line, old.getPublic());
        Files.createDirectories(knownHosts().getParent());
        Files.writeString(knownHosts(), line + "\n");
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.ACCEPT_AND_SAVE)).build());
        assertThatThrownBy(() -> svc.connect(Route.direct(pw(s))))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.expectedFingerprints()).containsExactly(HostKeyPolicy.fingerprint(old.getPublic()));
                    assertThat(e.actualFingerprint()).isEqualTo(s.fingerprint());
                    assertThat(e.getMessage()).contains(HostKeyPolicy.fingerprint(old.getPublic()), s.fingerprint());
                });
        assertThat(prompted).as("a changed key is never offered for trust-on-first-use").isEmpty();
        assertThat(s.authAttempts).as("no credential is sent to an impostor").isEmpty();
        assertThat(Files.readString(knownHosts())).isEqualTo(line + "\n");
    }

    @Test
    void rejectedOrUnpromptedUnknownKeysDoNotConnect() throws Exception {
        TestSshServer s = server();
        SshService rejecting = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.REJECT)).build());
        assertThatThrownBy(() -> rejecting.connect(Route.direct(pw(s))))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> assertThat(e.fingerprint()).isEqualTo(s.fingerprint()));
        SshService noPrompt = service(HostKeyPolicy.builder(knownHosts()).build());
        assertThatThrownBy(() -> noPrompt.connect(Route.direct(pw(s)))).isInstanceOf(HostKeyRejectedException.class);
        assertThat(knownHosts()).doesNotExist();
        assertThat(s.authAttempts).isEmpty();
    }

    @Test
    void acceptOnceIsNotSaved() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.ACCEPT_ONCE)).build());
        svc.connect(Route.direct(pw(s))).close();
        svc.connect(Route.direct(pw(s))).close();
        assertThat(prompted).hasSize(1);
        assertThat(knownHosts()).doesNotExist();
    }

    @Test
    void pinnedFingerprintDecidesAlone() throws Exception {
        TestSshServer s = server();
        SshService pinned = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        pinned.connect(Route.direct(pw(s))).close();
        String other = HostKeyPolicy.fingerprint(TestSshServer.newHostKey().getPublic());
        SshService wrong = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), other)
                .prompt(answering(HostKeyPolicy.Decision.ACCEPT_AND_SAVE)).build());
        assertThatThrownBy(() -> wrong.connect(Route.direct(pw(s))))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> {
                    assertThat(e.expectedFingerprints()).containsExactly(other);
                    assertThat(e.actualFingerprint()).isEqualTo(s.fingerprint());
                });
        assertThat(prompted).isEmpty();
    }

    @Test
    void userKnownHostsIsReadButNeverWritten() throws Exception {
        TestSshServer s = server();
        Path user = tmp.resolve("user_known_hosts");
        StringBuilder line = new StringBuilder("[127.0.0.1]:" + s.port() + " ");
        PublicKeyEntry.appendPublicKeyEntry(line, s.hostKey.getPublic());
        Files.writeString(user, line + "\n");
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).alsoRead(user).build());
        svc.connect(Route.direct(pw(s))).close();
        assertThat(knownHosts()).doesNotExist();
    }

    private Path sshKeygen(String name, String passphrase) throws Exception {
        Path key = tmp.resolve(name);
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", key.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return key;
    }

    private static PublicKey publicKeyOf(Path key) throws Exception {
        String line = Files.readString(Path.of(key + ".pub")).strip();
        return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, Collections.emptyMap(), PublicKeyEntryResolver.FAILING);
    }

    @Test
    void plainAndEncryptedOpenSshKeys() throws Exception {
        TestSshServer s = server();
        Path plain = sshKeygen("id_plain", "");
        Path enc = sshKeygen("id_enc", "correct horse");
        s.authorizedKeys.add(publicKeyOf(plain));
        s.authorizedKeys.add(publicKeyOf(enc));
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        try (RemoteShell sh = svc.connect(Route.direct(new Hop(s.address(), Credentials.key("tech", plain, null))))) {
            assertThat(sh.exec("echo plain", T).out()).isEqualTo("plain\n");
        }
        List<Integer> attempts = new ArrayList<>();
        Credentials.PassphrasePrompt pp = (f, attempt) -> {
            attempts.add(attempt);
            return (attempt == 0 ? "wrong" : "correct horse").toCharArray();
        };
        try (RemoteShell sh = svc.connect(Route.direct(new Hop(s.address(), Credentials.key("tech", enc, pp))))) {
            assertThat(sh.exec("echo encrypted", T).out()).isEqualTo("encrypted\n");
        }
        assertThat(attempts).containsExactly(0, 1);

        List<Integer> wrongAttempts = new ArrayList<>();
        Credentials.PassphrasePrompt alwaysWrong = (f, attempt) -> {
            wrongAttempts.add(attempt);
            return "nope".toCharArray();
        };
        assertThatThrownBy(() -> svc.connect(Route.direct(new Hop(s.address(), Credentials.key("tech", enc, alwaysWrong)))))
                .isInstanceOf(RemoteAccessException.class).hasMessageContaining(enc.toString());
        assertThat(wrongAttempts).containsExactly(0, 1, 2);
    }

    @Test
    void passwordAuthAndWrongPassword() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            assertThat(sh.exec("echo $USER-ok", T).ok()).isTrue();
        }
        Hop bad = new Hop(s.address(), Credentials.password("tech", (u, h) -> "wrong".toCharArray()));
        assertThatThrownBy(() -> svc.connect(Route.direct(bad)))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("tech").hasMessageContaining("password");
    }

    @Test
    void rootShellRunsEveryCommandAfterOneSudoWithItsOwnOutputAndExitStatus() throws Exception {
        TestSshServer s = server();
        s.sudoPassword = "S3cr3t-sudo 'pw'";
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        char[] pw = "S3cr3t-sudo 'pw'".toCharArray();
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            ExecResult a = sh.execAsRoot(ShellQuote.command("sh", "-c", "printf '%s' \"$0\"; printf 'e1\\n' >&2; exit 3",
                    "no newline, 'quotes' and $HOME"), pw, T);
            assertThat(a.exitCode()).isEqualTo(3);
            assertThat(a.out()).isEqualTo("no newline, 'quotes' and $HOME");
            assertThat(a.err()).isEqualTo("e1\n");
            // stdin is empty (the shell's own stdin carries the commands), the working directory is the command's
            ExecResult b = sh.execAsRoot("cd /tmp && cat; pwd; echo ready; echo x >&2", pw, T);
            assertThat(b.exitCode()).isZero();
            assertThat(b.out()).isEqualTo("/tmp\nready\n");
            assertThat(b.err()).isEqualTo("x\n");
            // a command's state does not leak into the next one (each is its own sh -c)
            sh.execAsRoot("cd / && export LEAK=1 && exit 0", pw, T);
            assertThat(sh.execAsRoot("echo \"[$LEAK]\"", pw, T).out()).isEqualTo("[]\n");
            assertThat(sh.execAsRoot("echo 'two\nlines'", pw, T).out()).isEqualTo("two\nlines\n");
        }
        assertThat(s.commandLines).as("one channel and one sudo for all commands").hasSize(1);
        assertThat(s.commandLines.get(0)).startsWith("sudo -S -k -p ").doesNotContain("S3cr3t");
    }

    @Test
    void rootShellNeverSendsThePasswordToASudoThatDoesNotAskForIt() throws Exception {
        TestSshServer s = server();
        s.sudoNoPassword = true;   // a NOPASSWD sudoers rule: sudo starts the shell without reading stdin
        Path ran = tmp.resolve("password-ran-as-a-command");
        String password = "touch " + ran;
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            ExecResult r = sh.execAsRoot("echo first; echo e1 >&2", password.toCharArray(), T);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("first\n");
            assertThat(r.err()).as("nothing of the password reaches a command's output").isEqualTo("e1\n");
            assertThat(sh.execAsRoot("echo second", password.toCharArray(), T).err()).isEmpty();
        }
        assertThat(ran).as("the shell never read the password as a command line").doesNotExist();
        assertThat(s.commandLines).hasSize(1).allSatisfy(l -> assertThat(l).doesNotContain(password));
    }

    @Test
    void aRootShellThatDiesFailsItsCommandAtOnceAndTheNextCommandGetsANewShell() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        char[] pw = s.sudoPassword.toCharArray();
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            assertThat(sh.execAsRoot("echo one", pw, T).out()).isEqualTo("one\n");
            long t0 = System.nanoTime();
            // the command's parent is the root shell: killing it ends the shell mid-command
            assertThatThrownBy(() -> sh.execAsRoot("kill -9 $PPID", pw, Duration.ofSeconds(60)))
                    .isInstanceOf(RemoteAccessException.class).isNotInstanceOf(RemoteTimeoutException.class)
                    .hasMessageContaining("root shell ended");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("noticed without waiting for the timeout")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(sh.execAsRoot("echo two", pw, T).out()).isEqualTo("two\n");
        }
        assertThat(s.commandLines).as("a second root shell, the killed command not run again").hasSize(2);
    }

    @Test
    void rootShellReportsAWrongSudoPasswordAndAfterATimeoutStartsAgain() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            assertThatThrownBy(() -> sh.execAsRoot("true", "not-it".toCharArray(), T))
                    .isInstanceOfSatisfying(SudoException.class, e -> assertThat(e.reason()).isEqualTo(SudoException.Reason.WRONG_PASSWORD));
            char[] pw = s.sudoPassword.toCharArray();
            assertThatThrownBy(() -> sh.execAsRoot("sleep 30", pw, Duration.ofMillis(500)))
                    .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("sleep 30");
            assertThat(sh.execAsRoot("echo again", pw, T).out()).isEqualTo("again\n");
        }
        assertThat(s.commandLines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("sudo -S -k -p "));
    }

    @Test
    void twoHopJumpChainThroughGatewaysThatOnlyForwardToTheNextLayer() throws Exception {
        TestSshServer target = server();
        TestSshServer gw2 = keep(TestSshServer.gateway(tmp, a -> a.getPort() == target.port()));
        gw2.passwords.put("tech", "login-pw");
        TestSshServer gw1 = keep(TestSshServer.gateway(tmp, a -> a.getPort() == gw2.port()));
        gw1.passwords.put("tech", "login-pw");
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.ACCEPT_AND_SAVE)).build());

        try (RemoteShell sh = svc.connect(Route.via(List.of(pw(gw1), pw(gw2)), pw(target)))) {
            assertThat(sh.exec("echo through-two-hops", T).out()).isEqualTo("through-two-hops\n");
        }
        assertThat(prompted).extracting(HostKeyPolicy.UnknownHostKey::host)
                .containsExactly(gw1.address(), gw2.address(), target.address());
        assertThat(prompted).extracting(HostKeyPolicy.UnknownHostKey::fingerprint)
                .containsExactly(gw1.fingerprint(), gw2.fingerprint(), target.fingerprint());
        assertThat(gw1.forwardRequests).extracting(a -> a.getPort()).containsExactly(gw2.port());
        assertThat(gw2.forwardRequests).extracting(a -> a.getPort()).containsExactly(target.port());
        assertThat(target.commandLines).containsExactly("echo through-two-hops");

        // gw1 refuses to forward straight to the target (it is not its child layer).
        assertThatThrownBy(() -> svc.connect(Route.via(List.of(pw(gw1)), pw(target))))
                .isInstanceOf(RemoteAccessException.class);
    }

    @Test
    void devicesBehindTheSameJumpHostShareOneSessionToItWhileAnyIsOpen() throws Exception {
        TestSshServer a = server();
        TestSshServer b = server();
        TestSshServer gw = keep(TestSshServer.gateway(tmp, x -> x.getPort() == a.port() || x.getPort() == b.port()));
        gw.passwords.put("tech", "login-pw");
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(gw.address(), gw.fingerprint())
                .pin(a.address(), a.fingerprint()).pin(b.address(), b.fingerprint()).build());
        try (RemoteShell sa = svc.connect(Route.via(List.of(pw(gw)), pw(a)));
                RemoteShell sb = svc.connect(Route.via(List.of(pw(gw)), pw(b)))) {
            assertThat(sa.exec("echo a", T).out()).isEqualTo("a\n");
            assertThat(sb.exec("echo b", T).out()).isEqualTo("b\n");
            sa.close();
            assertThat(sb.exec("echo b-still", T).out()).as("the shared jump session outlives one of its users")
                    .isEqualTo("b-still\n");
        }
        assertThat(gw.authAttempts).as("one login on the jump host for both devices").hasSize(1);
        assertThat(gw.forwardRequests).extracting(x -> x.getPort()).containsExactly(a.port(), b.port());
        try (RemoteShell again = svc.connect(Route.via(List.of(pw(gw)), pw(a)))) {
            assertThat(again.exec("echo again", T).out()).isEqualTo("again\n");
        }
        assertThat(gw.authAttempts).as("closed with its last user, opened anew").hasSize(2);
    }

    @Test
    void jumpHostKeysAreVerifiedByTheSamePolicy() throws Exception {
        TestSshServer target = server();
        TestSshServer gw = keep(TestSshServer.gateway(tmp, a -> a.getPort() == target.port()));
        gw.passwords.put("tech", "login-pw");
        String other = HostKeyPolicy.fingerprint(TestSshServer.newHostKey().getPublic());
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(gw.address(), other)
                .prompt(answering(HostKeyPolicy.Decision.ACCEPT_ONCE)).build());
        assertThatThrownBy(() -> svc.connect(Route.via(List.of(pw(gw)), pw(target))))
                .isInstanceOfSatisfying(HostKeyChangedException.class, e -> assertThat(e.host()).isEqualTo(gw.address()));
        assertThat(target.authAttempts).isEmpty();
    }

    @Test
    void childThroughAnOpenParentSession() throws Exception {
        TestSshServer child = server();
        TestSshServer parent = keep(TestSshServer.gateway(tmp, a -> a.getPort() == child.port()));
        parent.passwords.put("tech", "login-pw");
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).prompt(answering(HostKeyPolicy.Decision.ACCEPT_ONCE)).build());
        try (RemoteShell p = svc.connect(Route.direct(pw(parent)))) {
            try (RemoteShell c = svc.connectThrough(p, pw(child))) {
                assertThat(c.exec("echo child", T).out()).isEqualTo("child\n");
            }
            assertThat(p.isOpen()).isTrue();
            assertThat(p.exec("echo parent", T).out()).isEqualTo("parent\n");
            try (RemoteShell again = svc.connectThrough(p, pw(child))) {
                assertThat(again.exec("echo child2", T).out()).isEqualTo("child2\n");
            }
        }
        assertThat(parent.forwardRequests).hasSize(2);
        assertThat(prompted).extracting(HostKeyPolicy.UnknownHostKey::host).containsExactly(parent.address(), child.address());
    }

    @Test
    void commandTimeoutFiresAndTheSessionStaysUsable() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            assertThatThrownBy(() -> sh.exec("sleep 30", Duration.ofMillis(300)))
                    .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("sleep 30");
            assertThat(sh.exec("echo still-here", T).out()).isEqualTo("still-here\n");
        }
    }

    @Test
    void authTimeoutFiresOnAServerThatNeverSpeaks() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshSettings quick = new SshSettings(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5), 3);
            SshService svc = keep(new SshService(HostKeyPolicy.builder(knownHosts()).build(), quick, null));
            Hop hop = new Hop(new HostPort("127.0.0.1", silent.getLocalPort()), Credentials.password("tech", (u, h) -> "x".toCharArray()));
            assertThatThrownBy(() -> svc.connect(Route.direct(hop))).isInstanceOf(RemoteTimeoutException.class)
                    .hasMessageContaining("500 ms");
            for (Socket so : accepted) {
                so.close();
            }
        }
    }

    @Test
    void connectionRefusedIsAClearError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).build());
        Hop hop = new Hop(new HostPort("127.0.0.1", port), Credentials.password("tech", (u, h) -> "x".toCharArray()));
        assertThatThrownBy(() -> svc.connect(Route.direct(hop))).isInstanceOf(RemoteAccessException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void sftpUploadWithModeDownloadAndSha256() throws Exception {
        TestSshServer s = server();
        SshService svc = service(HostKeyPolicy.builder(knownHosts()).pin(s.address(), s.fingerprint()).build());
        Path remoteDir = Files.createDirectories(tmp.resolve("remote dir"));
        String remote = remoteDir.resolve("edge-ca.key.pem").toString();
        byte[] data = new byte[100_000];
        new java.util.Random(7).nextBytes(data);
        try (RemoteShell sh = svc.connect(Route.direct(pw(s)))) {
            String hex = sh.upload(data, remote, 0600);
            assertThat(Files.readAllBytes(Path.of(remote))).isEqualTo(data);
            assertThat(Files.getPosixFilePermissions(Path.of(remote))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Path.of(remote + ".nestedge-part")).doesNotExist();
            assertThat(sh.download(remote)).isEqualTo(data);
            assertThat(sh.sha256(remote, T)).isEqualTo(hex).isEqualTo(RemoteShell.sha256Hex(data));
            sh.verifySha256(remote, hex.toUpperCase(java.util.Locale.ROOT), T);

            sh.upload("replaced".getBytes(StandardCharsets.UTF_8), remote, 0644);
            assertThat(Files.readString(Path.of(remote))).isEqualTo("replaced");
            assertThatThrownBy(() -> sh.verifySha256(remote, hex, T))
                    .isInstanceOf(RemoteAccessException.class).hasMessageContaining(hex);
            assertThatThrownBy(() -> sh.download(remoteDir.resolve("missing").toString())).isInstanceOf(RemoteAccessException.class);
        }
    }
}
