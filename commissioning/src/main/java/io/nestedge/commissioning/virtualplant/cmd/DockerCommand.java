package io.nestedge.commissioning.virtualplant.cmd;

import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.ContainerState;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeEmulator;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated {@code docker} CLI, for the system containers only: {@code inspect NAME…},
 * {@code rm -f NAME…}, {@code ps [-a]}, {@code logs NAME}, {@code restart NAME},
 * {@code version [--format …]}. Needs root (the docker socket is root-only). Before each command
 * the emulated watchdog runs, so {@code docker rm -f edgeAgent} is followed by a fresh edgeAgent
 * and edgeHub at the next command (the real watchdog takes up to a minute).
 */
public final class DockerCommand {
    private DockerCommand() {
    }

    /**
     * @param ctx the device
     * @param user effective user
     * @param args arguments after {@code docker}
     */
    public static CommandResult run(EmulatorContext ctx, String user, List<String> args) {
        if (!"root".equals(user)) {
            return CommandResult.fail(1, "permission denied while trying to connect to the Docker daemon socket at"
                    + " unix:///var/run/docker.sock: dial unix /var/run/docker.sock: connect: permission denied");
        }
        if (args.isEmpty()) {
            return CommandResult.fail(1, "Usage:  docker [OPTIONS] COMMAND");
        }
        RuntimeEmulator rt = new RuntimeEmulator(ctx);
        try {
            List<String> rest = args.subList(1, args.size());
            if (!args.get(0).equals("rm")) {
                rt.reconcile();
            }
            return switch (args.get(0)) {
                case "inspect" -> inspect(ctx, rest);
                case "rm" -> rm(rt, rest);
                case "ps" -> ps(ctx, rest);
                case "logs" -> rest.isEmpty() ? CommandResult.fail(1, "\"docker logs\" requires exactly 1 argument.")
                        : logs(ctx, rest.get(rest.size() - 1));
                case "restart" -> restart(ctx, rt, rest);
                case "version" -> CommandResult.ok(ctx.settings().dockerVersion() + "\n");
                default -> CommandResult.fail(1, "docker: '" + args.get(0) + "' is not a docker command.\n"
                        + "See 'docker --help'");
            };
        } catch (IOException e) {
            return CommandResult.fail(1, "Error response from daemon: " + e.getMessage());
        }
    }

    private static CommandResult inspect(EmulatorContext ctx, List<String> names) throws IOException {
        RuntimeState s = ctx.state().load();
        List<ContainerState> found = new ArrayList<>();
        StringBuilder err = new StringBuilder();
        for (String n : names) {
            if (n.startsWith("-")) {
                continue;
            }
            ContainerState c = s.container(n);
            if (c == null) {
                err.append("Error: No such object: ").append(n).append('\n');
            } else {
                found.add(c);
            }
        }
        return new CommandResult(err.length() > 0 ? 1 : 0, InspectFormatter.format(found), err.toString());
    }

    private static CommandResult rm(RuntimeEmulator rt, List<String> names) throws IOException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String n : names) {
            if (n.startsWith("-")) {
                continue;
            }
            if (rt.removeContainer(n)) {
                out.append(n).append('\n');
            } else {
                err.append("Error response from daemon: No such container: ").append(n).append('\n');
            }
        }
        return new CommandResult(err.length() > 0 ? 1 : 0, out.toString(), err.toString());
    }

    private static CommandResult ps(EmulatorContext ctx, List<String> opts) throws IOException {
        boolean all = opts.contains("-a") || opts.contains("--all");
        boolean quiet = opts.stream().anyMatch(o -> o.equals("-q") || o.equals("-aq") || o.equals("-qa"));
        all = all || opts.contains("-aq") || opts.contains("-qa");
        StringBuilder b = new StringBuilder();
        if (!quiet) {
            b.append(String.format("%-14s %-60s %-22s %s%n", "CONTAINER ID", "IMAGE", "STATUS", "NAMES"));
        }
        for (ContainerState c : ctx.state().load().containers().values()) {
            boolean running = "running".equals(c.status());
            if (!all && !running) {
                continue;
            }
            if (quiet) {
                b.append(c.shortId()).append('\n');
            } else {
                String st = running ? "Up " + Durations.human(ctx.nowMillis() - c.startedAt())
                        : "Exited (" + c.exitCode() + ") " + Durations.human(ctx.nowMillis() - c.finishedAt()) + " ago";
                b.append(String.format("%-14s %-60s %-22s %s%n", c.shortId(), c.image(), st, c.name()));
            }
        }
        return CommandResult.ok(b.toString());
    }

    private static CommandResult logs(EmulatorContext ctx, String name) throws IOException {
        ContainerState c = ctx.state().load().container(name);
        if (c == null) {
            return CommandResult.fail(1, "Error response from daemon: No such container: " + name);
        }
        return CommandResult.ok(c.logs().isEmpty() ? "" : String.join("\n", c.logs()) + "\n");
    }

    private static CommandResult restart(EmulatorContext ctx, RuntimeEmulator rt, List<String> names) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            if (ctx.state().load().container(n) == null) {
                return CommandResult.fail(1, "Error response from daemon: No such container: " + n);
            }
            if (n.equals("edgeHub")) {
                rt.startEdgeHub();
            }
            out.append(n).append('\n');
        }
        return CommandResult.ok(out.toString());
    }
}
