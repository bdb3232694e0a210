package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test-bed device's edgeHub inside the device's long-lived emulator daemon (this JVM) instead
 * of as one {@code edgehub-daemon} process per start. It keeps the process contract of
 * {@link DaemonEdgeHubHost} so both can take turns on one device: the PID file
 * ({@value DaemonEdgeHubHost#PID_FILE}) names the process serving edgeHub (here: this daemon), a
 * start is logged to {@value DaemonEdgeHubHost#LOG_FILE}, and a stop first ends an edgeHub that
 * another process serves (a JVM-per-call {@code edgehub-daemon}, or the daemon of an earlier device
 * view after {@code testbed.sh start-sshd}) the way {@link DaemonEdgeHubHost#stop} does: SIGTERM, then
 * SIGKILL after 5 s. Thread-safe.
 */
public final class ResidentEdgeHubHost implements EdgeHubHost, AutoCloseable {
    private static final long OWN_PID = ProcessHandle.current().pid();
    private EdgeHubServer server;

    @Override
    public synchronized Outcome restart(EmulatorContext ctx) {
        stop(ctx);
        EdgeHubBoot.Started s = EdgeHubBoot.start(ctx);
        if (s.failure() != null) {
            log(ctx, String.join("\n", s.failure().logs()));
            return s.failure();
        }
        server = s.server();
        try {
            ctx.fs().mkdirs("/run/nestedge-emulator", "755", "root");
            ctx.fs().writeAtomic(DaemonEdgeHubHost.PID_FILE, OWN_PID + "\n", "644", "root");
        } catch (IOException e) {
            server.close();
            server = null;
            return new Failed(1, java.util.List.of("[ERR] - could not write " + DaemonEdgeHubHost.PID_FILE + ": "
                    + e.getMessage()));
        }
        log(ctx, "edgeHub emulator listening on " + server.ports() + " (in emulator daemon " + OWN_PID + ")");
        return new Running(server.ports());
    }

    @Override
    public synchronized void stop(EmulatorContext ctx) {
        close();
        Optional<Long> pid = DaemonEdgeHubHost.readPid(ctx);
        if (pid.isPresent() && pid.get() != OWN_PID) {
            ProcessHandle.of(pid.get()).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
        try {
            Files.deleteIfExists(ctx.fs().path(DaemonEdgeHubHost.PID_FILE));
        } catch (IOException e) {
            // a stale file names no live edgeHub; the next stop finds no process for it
        }
    }

    /** True while edgeHub listens in this process. */
    public synchronized boolean running() {
        return server != null;
    }

    /**
     * Stops the in-process edgeHub (if any) and removes the PID file when it names this process
     * (daemon shutdown).
     *
     * @param ctx the device
     */
    public synchronized void shutdown(EmulatorContext ctx) {
        close();
        if (DaemonEdgeHubHost.readPid(ctx).filter(p -> p == OWN_PID).isPresent()) {
            try {
                Files.deleteIfExists(ctx.fs().path(DaemonEdgeHubHost.PID_FILE));
            } catch (IOException e) {
                // exiting anyway
            }
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void log(EmulatorContext ctx, String line) {
        try {
            ctx.fs().mkdirs("/var/log/nestedge-emulator", "755", "root");
            Files.writeString(ctx.fs().path(DaemonEdgeHubHost.LOG_FILE), Instant.now() + " " + line + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a convenience; the outcome is in the device state
        }
    }
}
