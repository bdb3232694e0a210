package io.nestedge.commissioning.virtualplant.tls;

import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeEmulator;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The body of {@code EmulatorMain … edgehub-daemon}: starts edgeHub's listeners, records the
 * outcome in the device state, writes the PID file, and serves until terminated.
 */
public final class EdgeHubDaemon {
    private EdgeHubDaemon() {
    }

    /**
     * @param ctx the device
     * @return exit code: 1 when edgeHub cannot start; does not return while serving
     */
    public static int run(EmulatorContext ctx) throws IOException, InterruptedException {
        RuntimeEmulator rt = new RuntimeEmulator(ctx);
        EdgeHubBoot.Started s = EdgeHubBoot.start(ctx);
        if (s.failure() != null) {
            rt.record(s.failure());
            s.failure().logs().forEach(System.err::println);
            return 1;
        }
        EdgeHubServer server = s.server();
        ctx.fs().mkdirs("/run/nestedge-emulator", "755", "root");
        ctx.fs().writeAtomic(DaemonEdgeHubHost.PID_FILE, ProcessHandle.current().pid() + "\n", "644", "root");
        rt.record(new EdgeHubHost.Running(server.ports()));
        System.out.println("edgeHub emulator listening on " + server.ports());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                String pid = ctx.fs().exists(DaemonEdgeHubHost.PID_FILE) ? ctx.fs().read(DaemonEdgeHubHost.PID_FILE).trim() : "";
                if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
                    Files.deleteIfExists(ctx.fs().path(DaemonEdgeHubHost.PID_FILE));
                }
            } catch (IOException e) {
                // exiting anyway
            }
        }));
        Thread.currentThread().join();
        return 0;
    }
}
