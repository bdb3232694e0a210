package io.nestedge.commissioning.virtualplant.cmd;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DaemonJsonFile;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeEmulator;
import java.io.IOException;
import java.util.List;

/**
 * {@code systemctl restart|start|stop|is-active UNIT…} for the units a commissioning run touches:
 * the container engine ({@code docker}, {@code moby}, {@code containerd}: restart reloads the OS
 * trust store and restarts running containers, facts §4; it fails, as systemd reports it, when dockerd
 * would refuse {@code /etc/docker/daemon.json}) and the {@code aziot-*} services.
 */
public final class SystemctlCommand {
    private SystemctlCommand() {
    }

    /**
     * @param ctx the device
     * @param user effective user
     * @param args arguments after {@code systemctl}
     */
    public static CommandResult run(EmulatorContext ctx, String user, List<String> args) {
        if (args.size() < 2) {
            return CommandResult.fail(1, "Too few arguments.");
        }
        String verb = args.get(0);
        RuntimeEmulator rt = new RuntimeEmulator(ctx);
        try {
            StringBuilder out = new StringBuilder();
            for (String unit0 : args.subList(1, args.size())) {
                String unit = unit0.replaceFirst("\\.service$", "");
                boolean engine = List.of("docker", "moby", "containerd").contains(unit);
                boolean aziot = unit.startsWith("aziot-") || unit.equals("iotedge");
                if (!engine && !aziot) {
                    return CommandResult.fail(5, "Failed to " + verb + " " + unit0 + ": Unit " + unit + ".service not found.");
                }
                if (verb.equals("is-active")) {
                    boolean active = engine || ctx.state().load().servicesRunning();
                    out.append(active ? "active\n" : "inactive\n");
                    continue;
                }
                if (!"root".equals(user)) {
                    return CommandResult.fail(1, "Failed to " + verb + " " + unit + ".service: Interactive authentication"
                            + " required.\nSee system logs and 'systemctl status " + unit + ".service' for details.");
                }
                if (engine && (verb.equals("restart") || verb.equals("start"))) {
                    // dockerd refuses a daemon.json it cannot use; systemd reports the failed job
                    java.util.Optional<String> refusal = DaemonJsonFile.engineRefusal(DaemonJsonFile.read(ctx.fs()));
                    if (refusal.isPresent()) {
                        return new CommandResult(1, out.toString(), "Job for " + unit + ".service failed because the control process "
                                + "exited with error code.\nSee \"systemctl status " + unit + ".service\" and \"journalctl -xeu " + unit
                                + ".service\" for details.\n");
                    }
                    rt.restartEngine(TrustStoreCommands.bundleDigest(ctx.fs()));
                } else if (aziot) {
                    EdgeConfig cfg = rt.appliedConfig();
                    if (verb.equals("stop")) {
                        rt.stopSystem();
                    } else if (cfg != null) {
                        rt.startSystem(cfg);
                    }
                }
            }
            return CommandResult.ok(out.toString());
        } catch (IOException e) {
            return CommandResult.fail(1, "Failed to " + verb + ": " + e.getMessage());
        }
    }
}
