package io.nestedge.commissioning.virtualplant.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.commissioning.virtualplant.EmulatorMain;
import io.nestedge.commissioning.virtualplant.runtime.StateStore;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator daemon against the JVM-per-call emulator on the same (temporary) device root: same
 * stdout, stderr and exit codes; the caller is who the kernel says; bad requests and unknown commands
 * are refused without stopping the daemon; concurrent commands keep the device state whole; one daemon
 * per socket directory; the perl client relays exactly and falls back to the launcher without a daemon.
 */
class EmulatorDaemonTest {
    @TempDir
    Path tmp;
    Path root;
    Path socket;
    EmulatorDaemon daemon;
    Thread serving;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n10.77.9.5 parent.plant.local\n");
        socket = tmp.resolve("run/emulator.sock");
        daemon = EmulatorDaemon.start(settings(socket), new PrintStream(log, true, StandardCharsets.UTF_8));
        serving = new Thread(daemon::serve, "test-daemon");
        serving.start();
    }

    private EmulatorDaemon.Settings settings(Path sock) {
        return new EmulatorDaemon.Settings(root, "dev1", root.resolve("etc/hosts"), sock, sock.resolveSibling("daemon.pid"), 4,
                false);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
        serving.join(5000);
    }

    private DaemonProtocol.Result ask(List<String> argv) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            DaemonProtocol.writeRequest(new DataOutputStream(Channels.newOutputStream(ch)), argv);
            return DaemonProtocol.readResult(new DataInputStream(Channels.newInputStream(ch)));
        }
    }

    /** The JVM-per-call launcher's answer for the same command on the same root. */
    private DaemonProtocol.Result perCall(List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--machine-hostname", "dev1", "--hosts-file",
                root.resolve("etc/hosts").toString()));
        args.addAll(argv);
        int code = EmulatorMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new DaemonProtocol.Result(out.toByteArray(), err.toByteArray(), code);
    }

    @Test
    void answersExactlyAsTheJvmPerCallLauncherDoes() throws Exception {
        for (List<String> cmd : List.of(List.of("iotedge", "version"), List.of("iotedge", "list"), List.of("iotedge", "check"),
                List.of("iotedge", "bogus-ü"), List.of("iotedge"), List.of("docker", "ps", "-a"), List.of("docker", "inspect", "edgeHub"),
                List.of("systemctl", "is-active", "docker"), List.of("systemctl", "restart", "nonexistent"), List.of("systemctl"),
                List.of("iotedge", "config", "apply", "-c", "/etc/aziot/missing.toml"))) {
            DaemonProtocol.Result want = perCall(cmd);
            DaemonProtocol.Result got = ask(cmd);
            assertThat(got.exitCode()).as("exit of %s", cmd).isEqualTo(want.exitCode());
            assertThat(got.out()).as("stdout of %s", cmd).isEqualTo(want.out());
            assertThat(got.err()).as("stderr of %s", cmd).isEqualTo(want.err());
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(System.getProperty("user.name") + ": iotedge version -> 0");
    }

    @Test
    void theCallerIsWhoTheKernelSaysNotWhatTheRequestSays() throws Exception {
        // "--user root" is not an option of the protocol: the daemon takes it as the command name.
        DaemonProtocol.Result r = ask(List.of("--user", "root", "iotedge", "system", "stop"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown command --user\n");
        // Commands the launchers do not have are refused, and the daemon keeps serving.
        assertThat(ask(List.of("edgehub-daemon")).exitCode()).isEqualTo(2);
        assertThat(ask(List.of("openssl", "s_client")).err()).isEqualTo("error: unknown command openssl\n");
        assertThat(ask(List.of("iotedge", "version")).out()).startsWith("iotedge ");
    }

    @Test
    void aRequestInAnotherProtocolIsRefusedAndTheDaemonServesOn() throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            new DataOutputStream(Channels.newOutputStream(ch)).write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            DaemonProtocol.Result r = DaemonProtocol.readResult(new DataInputStream(Channels.newInputStream(ch)));
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("not an emulator request");
        }
        assertThat(ask(List.of("iotedge", "version")).exitCode()).isZero();
    }

    @Test
    void concurrentCommandsRunOneAtATimeAndLeaveTheStateWhole() throws Exception {
        assumeThat(System.getProperty("user.name")).as("systemctl restart needs root").isEqualTo("root");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DaemonProtocol.Result>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                List<String> cmd = i % 2 == 0 ? List.of("systemctl", "restart", "docker") : List.of("docker", "ps");
                all.add(pool.submit(() -> ask(cmd)));
            }
            for (Future<DaemonProtocol.Result> f : all) {
                assertThat(f.get().exitCode()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> state = new ObjectMapper().readValue(root.resolve(StateStore.PATH.substring(1)).toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(state).containsKey("engineStartedAt");
        // The daemon logs a command right after answering it: give the last line a moment.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (logged() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(logged()).isEqualTo(40);
    }

    private long logged() {
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" -> 0 (waited")).count();
    }

    @Test
    void oneDaemonPerSocketDirectoryAndCloseRemovesSocketAndPidFile() throws Exception {
        assertThat(Files.readString(socket.resolveSibling("daemon.pid")).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThatThrownBy(() -> EmulatorDaemon.start(settings(socket), new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(EmulatorDaemon.AlreadyRunningException.class);
        assertThat(ask(List.of("iotedge", "version")).exitCode()).as("the first one still serves").isZero();
        daemon.close();
        serving.join(5000);
        assertThat(socket).doesNotExist();
        assertThat(socket.resolveSibling("daemon.pid")).doesNotExist();
        // A dead daemon's socket file does not block the next one.
        Files.writeString(socket, "stale");
        daemon = EmulatorDaemon.start(settings(socket), new PrintStream(log, true, StandardCharsets.UTF_8));
        serving = new Thread(daemon::serve, "test-daemon-2");
        serving.start();
        assertThat(ask(List.of("iotedge", "version")).exitCode()).isZero();
    }

    @Test
    void thePerlClientRelaysOutputAndExitCodeAndFallsBackWithoutADaemon() throws Exception {
        assumeThat(Path.of("/usr/bin/perl")).as("perl-base").exists();
        Path client = Path.of("src/test/testbed/emulator-client.pl").toAbsolutePath();
        Path launcher = tmp.resolve("launcher");
        Files.writeString(launcher, "#!/bin/sh\necho \"fallback NO_DAEMON=$NESTEDGE_EMULATOR_NO_DAEMON args=$*\"\nexit 7\n");
        launcher.toFile().setExecutable(true);

        for (List<String> cmd : List.of(List.of("iotedge", "bogus-ü"), List.of("iotedge", "list"), List.of("docker", "ps"))) {
            List<String> line = new ArrayList<>(List.of("/usr/bin/perl", client.toString(), socket.toString(), launcher.toString()));
            line.addAll(cmd);
            Process p = new ProcessBuilder(line).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            DaemonProtocol.Result want = perCall(cmd);
            assertThat(p.waitFor()).as("exit of %s", cmd).isEqualTo(want.exitCode());
            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(want.out());
            assertThat(new String(err, StandardCharsets.UTF_8)).isEqualTo(want.err());
        }

        Process p = new ProcessBuilder("/usr/bin/perl", client.toString(), tmp.resolve("no-daemon.sock").toString(),
                launcher.toString(), "iotedge", "list", "--x").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("fallback NO_DAEMON=1 args=list --x\n");
        assertThat(p.waitFor()).isEqualTo(7);
    }
}
