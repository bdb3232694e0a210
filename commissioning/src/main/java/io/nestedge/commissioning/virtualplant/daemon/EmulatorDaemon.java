package io.nestedge.commissioning.virtualplant.daemon;

import io.nestedge.commissioning.virtualplant.EmulatorMain;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.tls.PkiServerCertIssuer;
import io.nestedge.commissioning.virtualplant.tls.ResidentEdgeHubHost;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jdk.net.ExtendedSocketOptions;

/**
 * The long-lived IoT Edge emulator of one test-bed device view (docs/testbed.md, "Emulator
 * contract"; ADR 0610): serves the device's {@code iotedge}, {@code docker} and {@code systemctl}
 * launchers over a Unix stream socket ({@link DaemonProtocol}) so an emulated command costs a few
 * milliseconds instead of a JVM start, and hosts the device's edgeHub in this process
 * ({@link ResidentEdgeHubHost}). Before it listens it warms up ({@link DaemonWarmUp}) and prepares the
 * RSA key of edgeHub's next server certificate ({@link RsaKeyReserve}).
 *
 * <p>Behaviour is the JVM-per-call {@link EmulatorMain}'s: the same {@link EmulatorMain#execute}
 * with the same {@code --root}, machine hostname and hosts file (re-read for every command). The
 * effective user is the caller's uid from the socket's peer credentials ({@code SO_PEERCRED}),
 * never something the client says. Connections are read concurrently by a small worker pool;
 * the commands of the device run one at a time in arrival order (a fair lock), because a command
 * is several load-modify-save steps on the state files under the device root (ADR 0600).
 *
 * <p>One daemon per socket directory: a lock file there is held for the daemon's life, a second
 * daemon finds it taken and {@link #start} throws {@link AlreadyRunningException}. The socket
 * appears (by rename) only once it listens, with mode 0666 (any local user may ask; who asks is
 * taken from the kernel).
 */
public final class EmulatorDaemon implements AutoCloseable {
    /** The commands a launcher may ask for. */
    public static final Set<String> COMMANDS = Set.of("iotedge", "docker", "systemctl");
    private static final long REQUEST_TIMEOUT_S = 30;

    private final DeviceFs fs;
    private final Settings settings;
    private final PrintStream log;
    private final ResidentEdgeHubHost edgeHub = new ResidentEdgeHubHost();
    private final RsaKeyReserve serverKeys;
    private final PkiServerCertIssuer issuer;
    private final ReentrantLock device = new ReentrantLock(true);
    private final ServerSocketChannel server;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    /**
     * What the daemon serves.
     *
     * @param root device root ({@code /} in the test bed, the device's private view)
     * @param machineHostname the device's machine hostname
     * @param hostsFile the device's hosts file, or null for DNS
     * @param socket Unix socket path; its directory holds the lock file and must exist or be creatable
     * @param pidFile file to write this process's PID to once listening, or null
     * @param workers connections read at once (commands still run one at a time)
     * @param warmUp run {@link DaemonWarmUp} before the socket appears
     */
    public record Settings(Path root, String machineHostname, Path hostsFile, Path socket, Path pidFile, int workers,
            boolean warmUp) {
    }

    /** Another daemon holds the socket directory's lock. */
    public static final class AlreadyRunningException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param socket the socket path in use */
        public AlreadyRunningException(Path socket) {
            super("an emulator daemon already serves " + socket);
        }
    }

    private EmulatorDaemon(Settings settings, PrintStream log, RsaKeyReserve serverKeys, ServerSocketChannel server,
            FileChannel lockFile, FileLock lock) {
        this.serverKeys = serverKeys;
        this.issuer = new PkiServerCertIssuer(serverKeys);
        this.settings = settings;
        this.fs = new DeviceFs(settings.root());
        this.log = log;
        this.server = server;
        this.lockFile = lockFile;
        this.lock = lock;
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), r -> daemonThread(r, "emulator-daemon-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemonThread(r, "emulator-daemon-timer"));
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Takes the socket directory's lock, warms up (when asked), binds and publishes the socket, writes
     * the PID file. Call {@link #serve()} next.
     *
     * @param settings what to serve
     * @param log where to log one line per command (and start/stop)
     * @return the listening daemon
     * @throws AlreadyRunningException if another daemon serves this socket directory
     * @throws IOException if the socket cannot be bound
     */
    public static EmulatorDaemon start(Settings settings, PrintStream log) throws IOException {
        Path socket = settings.socket().toAbsolutePath();
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        FileChannel lockFile = FileChannel.open(dir.resolve(socket.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            throw new AlreadyRunningException(socket);
        }
        ServerSocketChannel server = null;
        RsaKeyReserve serverKeys = new RsaKeyReserve();
        try {
            if (settings.warmUp()) {
                logLine(log, DaemonWarmUp.run());
                serverKeys.fill();
                System.gc();   // give the warm-up's garbage back before idling (small -XX:MaxHeapFreeRatio)
            }
            Files.deleteIfExists(socket);   // we hold the lock: any socket file is a dead daemon's
            Path tmp = dir.resolve("." + socket.getFileName() + "." + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(tmp), 128);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-rw-rw-"));
            Files.move(tmp, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (settings.pidFile() != null) {
                Path pidTmp = settings.pidFile().resolveSibling(settings.pidFile().getFileName() + ".tmp");
                Files.writeString(pidTmp, ProcessHandle.current().pid() + "\n");
                Files.move(pidTmp, settings.pidFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            lock.release();
            lockFile.close();
            throw e;
        }
        EmulatorDaemon d = new EmulatorDaemon(settings, log, serverKeys, server, lockFile, lock);
        d.log("listening on " + socket + " (pid " + ProcessHandle.current().pid() + ", machine "
                + settings.machineHostname() + ")");
        return d;
    }

    /** Accepts connections until {@link #close()}; each is served by a worker. */
    public void serve() {
        while (!closed) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                log("accept failed: " + e.getMessage());
                continue;
            }
            try {
                workers.execute(() -> handle(ch));
            } catch (RejectedExecutionException e) {
                closeQuietly(ch);
            }
        }
    }

    private void handle(SocketChannel ch) {
        long t0 = System.nanoTime();
        ScheduledFuture<?> deadline = timer.schedule(() -> closeQuietly(ch), REQUEST_TIMEOUT_S, TimeUnit.SECONDS);
        try (ch) {
            String user = ch.getOption(ExtendedSocketOptions.SO_PEERCRED).user().getName();
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            List<String> argv;
            try {
                argv = DaemonProtocol.readRequest(in);
            } catch (DaemonProtocol.BadRequestException e) {
                deadline.cancel(false);
                DaemonProtocol.writeResult(out, "", "emulator daemon: " + e.getMessage() + "\n", 2);
                log(user + ": bad request: " + e.getMessage());
                return;
            }
            deadline.cancel(false);
            long[] waitedRan = new long[2];
            CommandResult r = run(user, argv, waitedRan);
            DaemonProtocol.writeResult(out, r.stdout(), r.stderr(), r.exitCode());
            log(user + ": " + String.join(" ", argv) + " -> " + r.exitCode() + " (waited " + waitedRan[0] + " ms, ran "
                    + waitedRan[1] + " ms, " + (System.nanoTime() - t0) / 1_000_000 + " ms in all)");
        } catch (IOException e) {
            deadline.cancel(false);
            log("connection failed: " + e);
        }
    }

    /**
     * Runs one command for a caller, under the device lock.
     *
     * @param user the caller (from the peer credentials)
     * @param argv command and arguments
     * @param waitedRan receives milliseconds waited for the device lock and spent running
     * @return what the command printed and returned; an unexpected exception becomes exit 1 with its
     *     stack trace on stderr, as an uncaught exception ends the JVM-per-call launcher
     */
    CommandResult run(String user, List<String> argv, long[] waitedRan) {
        String command = argv.get(0);
        if (!COMMANDS.contains(command)) {
            return CommandResult.fail(2, "error: unknown command " + command);
        }
        long t0 = System.nanoTime();
        try {
            device.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(1, "", "");
        }
        long t1 = System.nanoTime();
        try {
            EmulatorContext ctx = EmulatorMain.context(fs, settings.machineHostname(), settings.hostsFile(), edgeHub, issuer);
            return EmulatorMain.execute(ctx, user, command, argv.subList(1, argv.size()));
        } catch (IOException e) {
            return new CommandResult(1, "", "error: " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(1, "", "");
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new CommandResult(1, "", "Exception in thread \"main\" " + trace);
        } finally {
            device.unlock();
            waitedRan[0] = (t1 - t0) / 1_000_000;
            waitedRan[1] = (System.nanoTime() - t1) / 1_000_000;
        }
    }

    /**
     * Stops accepting, stops the in-process edgeHub (removing its PID file), removes the socket and
     * the PID file, releases the lock. Idempotent; commands still running are abandoned.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        try {
            edgeHub.shutdown(EmulatorMain.context(fs, settings.machineHostname(), null, edgeHub));
        } catch (IOException e) {
            edgeHub.close();
        }
        try {
            Files.deleteIfExists(settings.socket());
            if (settings.pidFile() != null) {
                Files.deleteIfExists(settings.pidFile());
            }
        } catch (IOException e) {
            // exiting anyway
        }
        try {
            lock.release();
        } catch (IOException e) {
            // released when the channel closes
        }
        closeQuietly(lockFile);
        workers.shutdownNow();
        timer.shutdownNow();
        log("stopped");
    }

    private void log(String line) {
        logLine(log, line);
    }

    private static void logLine(PrintStream log, String line) {
        synchronized (log) {
            log.println(Instant.now() + " " + line);
            log.flush();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
