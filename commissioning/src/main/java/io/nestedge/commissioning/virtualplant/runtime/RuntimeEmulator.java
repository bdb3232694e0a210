package io.nestedge.commissioning.virtualplant.runtime;

import io.nestedge.commissioning.virtualplant.tls.EdgeHubHost;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated IoT Edge runtime of one device: {@code config apply}, service restarts, the
 * edgeAgent "watchdog" that recreates missing system containers, and edgeHub starts (facts §3, §6).
 * Output shapes follow {@code shared/samples/device-output/config-apply-failures.txt}.
 */
public final class RuntimeEmulator {
    /** Where the emulator keeps the config.toml of the last successful apply. */
    public static final String APPLIED_CONFIG = "/var/lib/nestedge-emulator/applied-config.toml";
    private static final List<String> RESTART_LINES = List.of(
            "Restarting service for configuration to take effect...",
            "Stopping aziot-edged.service...Stopped!", "Stopping aziot-identityd.service...Stopped!",
            "Stopping aziot-keyd.service...Stopped!", "Stopping aziot-certd.service...Stopped!",
            "Stopping aziot-tpmd.service...Stopped!", "Starting aziot-edged.mgmt.socket...Started!",
            "Starting aziot-edged.workload.socket...Started!", "Starting aziot-identityd.socket...Started!",
            "Starting aziot-keyd.socket...Started!", "Starting aziot-certd.socket...Started!",
            "Starting aziot-tpmd.socket...Started!", "Starting aziot-edged.service...Started!", "Done.");

    private final EmulatorContext ctx;

    /** @param ctx the device */
    public RuntimeEmulator(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    /**
     * {@code iotedge config apply [-c FILE]}.
     *
     * @param configPath device path of the config file
     * @param user effective user (must be root)
     * @return output and exit code (1 with "Command failed: …" on stderr)
     */
    public CommandResult apply(String configPath, String user) {
        try {
            return applyOrThrow(configPath, user);
        } catch (ApplyException e) {
            return CommandResult.fail(1, "Command failed: " + e.getMessage());
        } catch (IOException e) {
            return CommandResult.fail(1, "Command failed: " + e.getMessage());
        }
    }

    private CommandResult applyOrThrow(String configPath, String user) throws ApplyException, IOException {
        if (!"root".equals(user)) {
            throw new ApplyException("this command must be run as root");
        }
        DeviceFs fs = ctx.fs();
        if (!Files.isRegularFile(fs.path(configPath))) {
            throw new ApplyException("could not read config file " + configPath
                    + "\n        caused by: No such file or directory (os error 2)");
        }
        String source = fs.read(configPath);
        EdgeConfig config = EdgeConfigParser.parse(configPath, source, ctx.machineHostname());
        RuntimeState state = ctx.state().load();
        String previous = state.appliedHostname();
        if (ctx.settings().guardsHostnameChange() && !previous.isEmpty() && !previous.equals(config.hostname())
                && !state.containers().isEmpty()) {
            throw new ApplyException("Cannot apply config because the hostname in the config " + config.hostname()
                    + " is different from the previous hostname " + previous + ". To update the hostname, stop the"
                    + " system with 'sudo iotedge system stop', remove all modules with 'sudo docker rm -f $(sudo"
                    + " docker ps -aq -f \"label=net.azure-devices.edge.owner=Microsoft.Azure.Devices.Edge.Agent\")',"
                    + " then run 'sudo iotedge config apply' again.");
        }
        SuperConfigWriter.write(fs, config);
        fs.writeAtomic(APPLIED_CONFIG, source, "600", "root");
        ctx.state().update(s -> s.applied(config.hostname()));
        startSystem(config);
        StringBuilder out = new StringBuilder("Azure IoT Edge has been configured successfully!\n\n");
        RESTART_LINES.forEach(l -> out.append(l).append('\n'));
        return CommandResult.ok(out.toString());
    }

    /** The configuration of the last successful apply, or null when none. */
    public EdgeConfig appliedConfig() throws IOException {
        if (!ctx.fs().exists(APPLIED_CONFIG)) {
            return null;
        }
        try {
            return EdgeConfigParser.parse(APPLIED_CONFIG, ctx.fs().read(APPLIED_CONFIG), ctx.machineHostname());
        } catch (ApplyException e) {
            return null;
        }
    }

    /** Starts the services: ensures edgeAgent/edgeHub exist (watchdog) and (re)starts edgeHub. */
    public void startSystem(EdgeConfig config) throws IOException {
        ctx.state().update(s -> new RuntimeState(true, s.appliedHostname(), s.containers(), s.edgeHubPorts(),
                s.engineStartedAt(), s.engineTrustDigest()));
        ensureContainers(config);
        startEdgeHub();
    }

    /** {@code iotedge system stop}: services and system containers stop. */
    public void stopSystem() throws IOException {
        ctx.edgeHubHost().stop(ctx);
        long now = ctx.nowMillis();
        ctx.state().update(s -> {
            RuntimeState r = new RuntimeState(false, s.appliedHostname(), s.containers(), s.edgeHubPorts(),
                    s.engineStartedAt(), s.engineTrustDigest());
            for (ContainerState c : s.containers().values()) {
                r = r.withContainer("running".equals(c.status()) ? c.stopped(now) : c);
            }
            return r;
        });
    }

    /**
     * The watchdog (emulated: runs at the next runtime command instead of within a minute): when the
     * services run and edgeAgent is missing, it is created and recreates edgeHub; when only edgeHub
     * is missing, the existing edgeAgent recreates it from its own environment.
     *
     * @return true when a container was (re)created
     */
    public boolean reconcile() throws IOException {
        RuntimeState s = ctx.state().load();
        EdgeConfig config = appliedConfig();
        if (!s.servicesRunning() || config == null) {
            return false;
        }
        boolean changed = ensureContainers(config);
        if (changed) {
            startEdgeHub();
        }
        return changed;
    }

    private boolean ensureContainers(EdgeConfig config) throws IOException {
        long now = ctx.nowMillis();
        RuntimeState s = ctx.state().load();
        ContainerState agent = s.container("edgeAgent");
        boolean changed = false;
        if (agent == null) {
            agent = Containers.edgeAgent(config, now);
            s = s.withContainer(agent);
            if (s.container("edgeHub") != null) {
                ctx.edgeHubHost().stop(ctx);
            }
            s = s.withContainer(Containers.edgeHub(agent, now));
            changed = true;
        } else if (s.container("edgeHub") == null) {
            s = s.withContainer(Containers.edgeHub(agent, now));
            changed = true;
        }
        if (!"running".equals(agent.status())) {
            s = s.withContainer(agent.running(now));
        }
        ctx.state().save(s);
        return changed;
    }

    /** (Re)starts edgeHub and records whether it runs or failed. */
    public void startEdgeHub() throws IOException {
        if (ctx.state().load().container("edgeHub") == null) {
            return;
        }
        EdgeHubHost.Outcome o = ctx.edgeHubHost().restart(ctx);
        record(o);
    }

    /** Records an edgeHub start outcome in the container state. */
    public void record(EdgeHubHost.Outcome o) throws IOException {
        long now = ctx.nowMillis();
        ctx.state().update(s -> {
            ContainerState hub = s.container("edgeHub");
            if (hub == null) {
                return s;
            }
            if (o instanceof EdgeHubHost.Running r) {
                return s.withContainer(hub.running(now)).withEdgeHubPorts(r.ports());
            }
            EdgeHubHost.Failed f = (EdgeHubHost.Failed) o;
            return s.withContainer(hub.failed(now, f.exitCode(), f.logs()));
        });
    }

    /**
     * {@code docker rm -f NAME}.
     *
     * @return false when there is no such container
     */
    public boolean removeContainer(String name) throws IOException {
        RuntimeState s = ctx.state().load();
        if (s.container(name) == null) {
            return false;
        }
        if (name.equals("edgeHub")) {
            ctx.edgeHubHost().stop(ctx);
        }
        ctx.state().save(s.withoutContainer(name));
        return true;
    }

    /** {@code systemctl restart docker}: the engine reloads the OS trust store; running containers restart. */
    public void restartEngine(String trustDigest) throws IOException {
        long now = ctx.nowMillis();
        ctx.state().update(s -> s.engineRestarted(now, trustDigest));
        RuntimeState s = ctx.state().load();
        ContainerState hub = s.container("edgeHub");
        if (s.servicesRunning() && hub != null) {
            startEdgeHub();
        }
    }

    /** Log lines of a container (empty when it does not exist). */
    public List<String> logs(String name) throws IOException {
        ContainerState c = ctx.state().load().container(name);
        return c == null ? List.of() : new ArrayList<>(c.logs());
    }
}
