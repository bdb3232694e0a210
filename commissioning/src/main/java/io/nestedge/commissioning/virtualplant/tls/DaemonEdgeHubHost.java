package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.ContainerState;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs edgeHub as a background {@code EmulatorMain … edgehub-daemon} process (the test bed, where
 * every command is its own process). The daemon's PID is kept in {@value #PID_FILE} under the device
 * root; its output goes to {@value #LOG_FILE}. A restart stops the previous daemon by that PID.
 */
public final class DaemonEdgeHubHost implements EdgeHubHost {
    /** PID file (device path). */
    public static final String PID_FILE = "/run/nestedge-emulator/edgehub.pid";
    /** Daemon log (device path). */
    public static final String LOG_FILE = "/var/log/nestedge-emulator/edgehub.log";
    private static final long START_TIMEOUT_MS = 30_000;

    private final List<String> launcherArgs;

    /** @param launcherArgs the EmulatorMain options to pass on (e.g. --root, --machine-hostname) */
    public DaemonEdgeHubHost(List<String> launcherArgs) {
        this.launcherArgs = List.copyOf(launcherArgs);
    }

    @Override
    public Outcome restart(EmulatorContext ctx) {
        stop(ctx);
        long spawnedAt = ctx.nowMillis();
        try {
            ctx.fs().mkdirs("/var/log/nestedge-emulator", "755", "root");
            ctx.fs().mkdirs("/run/nestedge-emulator", "755", "root");
            List<String> cmd = new ArrayList<>();
            if (new File("/usr/bin/setsid").canExecute()) {
                cmd.add("/usr/bin/setsid");
            }
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("io.nestedge.commissioning.virtualplant.EmulatorMain");
            cmd.addAll(launcherArgs);
            cmd.add("edgehub-daemon");
            File log = ctx.fs().path(LOG_FILE).toFile();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (System.currentTimeMillis() < deadline) {
                ContainerState hub = ctx.state().load().container("edgeHub");
                if (hub != null && "running".equals(hub.status()) && hub.startedAt() >= spawnedAt) {
                    return new Running(ctx.state().load().edgeHubPorts());
                }
                if (hub != null && "failed".equals(hub.status()) && hub.finishedAt() >= spawnedAt) {
                    return new Failed(hub.exitCode(), List.of());
                }
                if (!p.isAlive() && p.exitValue() != 0 && !cmd.get(0).equals("/usr/bin/setsid")) {
                    return new Failed(p.exitValue(), List.of("[ERR] - edgeHub daemon exited with " + p.exitValue()));
                }
                Thread.sleep(100);
            }
            return new Failed(1, List.of("[ERR] - edgeHub did not start within " + START_TIMEOUT_MS / 1000 + " s; see "
                    + LOG_FILE));
        } catch (IOException e) {
            return new Failed(1, List.of("[ERR] - could not start edgeHub daemon: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(1, List.of("[ERR] - interrupted while starting edgeHub"));
        }
    }

    @Override
    public void stop(EmulatorContext ctx) {
        readPid(ctx).flatMap(ProcessHandle::of).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(ctx.fs().path(PID_FILE));
        } catch (IOException e) {
            // stale file stays; next stop finds no process for it
        }
    }

    /** The daemon PID from the PID file, if any. */
    public static Optional<Long> readPid(EmulatorContext ctx) {
        try {
            if (!ctx.fs().exists(PID_FILE)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(ctx.fs().read(PID_FILE).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
