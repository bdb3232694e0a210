package io.nestedge.commissioning.virtualplant.cmd;

import io.nestedge.commissioning.virtualplant.check.CheckEngine;
import io.nestedge.commissioning.virtualplant.check.CheckJsonFormatter;
import io.nestedge.commissioning.virtualplant.check.CheckReport;
import io.nestedge.commissioning.virtualplant.check.CheckTextFormatter;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.EdgeConfig;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeEmulator;
import io.nestedge.commissioning.virtualplant.runtime.RuntimeState;
import java.io.IOException;
import java.util.List;

/**
 * The emulated {@code iotedge} CLI: {@code config apply [-c FILE]}, {@code check [--verbose]
 * [--output text|json]} (a runtime older than 1.0.8 refuses {@code --output}), {@code list}, {@code logs NAME}, {@code restart NAME},
 * {@code system stop|start|restart}, {@code version}. Every command except {@code config apply}
 * first runs the emulated watchdog ({@link RuntimeEmulator#reconcile()}).
 */
public final class IotEdgeCommand {
    private IotEdgeCommand() {
    }

    /**
     * @param ctx the device
     * @param user effective user
     * @param args arguments after {@code iotedge}
     */
    public static CommandResult run(EmulatorContext ctx, String user, List<String> args) {
        RuntimeEmulator rt = new RuntimeEmulator(ctx);
        try {
            if (args.size() >= 2 && args.get(0).equals("config") && args.get(1).equals("apply")) {
                return apply(rt, user, args.subList(2, args.size()));
            }
            if (args.isEmpty()) {
                return CommandResult.fail(2, usage());
            }
            rt.reconcile();
            return switch (args.get(0)) {
                case "check" -> check(ctx, user, args.subList(1, args.size()));
                case "list" -> list(ctx, user);
                case "logs" -> args.size() < 2 ? CommandResult.fail(2, usage()) : logs(rt, args.get(1));
                case "restart" -> restart(rt, user, args);
                case "system" -> system(rt, user, args);
                case "version", "--version" -> CommandResult.ok("iotedge " + ctx.settings().runtimeVersion() + "\n");
                default -> CommandResult.fail(2, "error: unrecognized subcommand '" + args.get(0) + "'\n\n" + usage());
            };
        } catch (IOException e) {
            return CommandResult.fail(1, "Command failed: " + e.getMessage());
        }
    }

    private static String usage() {
        return "Usage: iotedge <COMMAND>\n\nFor more information, try '--help'.";
    }

    private static CommandResult apply(RuntimeEmulator rt, String user, List<String> rest) {
        String file = EdgeConfig.DEFAULT_PATH;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if ((a.equals("-c") || a.equals("--config-file")) && i + 1 < rest.size()) {
                file = rest.get(++i);
            } else if (a.startsWith("--config-file=")) {
                file = a.substring("--config-file=".length());
            } else {
                return CommandResult.fail(2, "error: unexpected argument '" + a + "' found");
            }
        }
        return rt.apply(file, user);
    }

    private static CommandResult check(EmulatorContext ctx, String user, List<String> rest) throws IOException {
        if (!ctx.settings().checkHasJsonOutput()) {
            for (String a : rest) {
                if (a.equals("--output") || a.equals("-o") || a.startsWith("--output=") || a.startsWith("-o=")) {
                    // iotedge 1.0.7's command-line parser (clap 2) on an option it does not know; exit 1
                    return CommandResult.fail(1, "error: Found argument '" + a + "' which wasn't expected, or isn't valid in"
                            + " this context\n\nUSAGE:\n    iotedge check [FLAGS] [OPTIONS]\n\nFor more information try --help\n");
                }
            }
        }
        boolean verbose = false;
        boolean json = false;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            switch (a) {
                case "--verbose" -> verbose = true;
                case "--output", "-o" -> {
                    if (i + 1 >= rest.size()) {
                        return CommandResult.fail(2, "error: a value is required for '--output <FORMAT>'");
                    }
                    json = rest.get(++i).equals("json");
                }
                case "--output=json", "-o=json" -> json = true;
                case "--output=text", "-o=text" -> json = false;
                default -> {
                    // other options (--iothub-hostname, --dont-run, …) are accepted and ignored
                }
            }
        }
        CheckReport r = CheckEngine.run(ctx, user);
        String out = json ? CheckJsonFormatter.format(r) : CheckTextFormatter.format(r, verbose);
        return new CommandResult(r.failed() ? 1 : 0, out, "");
    }

    private static CommandResult list(EmulatorContext ctx, String user) throws IOException {
        RuntimeState s = ctx.state().load();
        if (!s.servicesRunning()) {
            return CommandResult.fail(1, "A module runtime error occurred\n\tcaused by: Could not connect to"
                    + " unix:///var/run/iotedge/mgmt.sock: Connection refused (os error 111)");
        }
        return CommandResult.ok(ListFormatter.format(s.containers().values(), ctx.nowMillis()));
    }

    private static CommandResult logs(RuntimeEmulator rt, String name) throws IOException {
        List<String> l = rt.logs(name);
        return CommandResult.ok(l.isEmpty() ? "" : String.join("\n", l) + "\n");
    }

    private static CommandResult restart(RuntimeEmulator rt, String user, List<String> args) throws IOException {
        if (args.size() < 2) {
            return CommandResult.fail(2, usage());
        }
        if (args.get(1).equals("edgeHub")) {
            rt.startEdgeHub();
        }
        return CommandResult.ok(args.get(1) + "\n");
    }

    private static CommandResult system(RuntimeEmulator rt, String user, List<String> args) throws IOException {
        if (!"root".equals(user)) {
            return CommandResult.fail(1, "Command failed: this command must be run as root");
        }
        String sub = args.size() > 1 ? args.get(1) : "";
        EdgeConfig cfg = rt.appliedConfig();
        switch (sub) {
            case "stop" -> rt.stopSystem();
            case "start", "restart" -> {
                if (cfg == null) {
                    return CommandResult.fail(1, "Command failed: the device has not been configured: run"
                            + " 'sudo iotedge config apply'");
                }
                if (sub.equals("restart")) {
                    rt.stopSystem();
                }
                rt.startSystem(cfg);
            }
            default -> {
                return CommandResult.fail(2, "error: unrecognized subcommand '" + sub + "'");
            }
        }
        return CommandResult.ok("");
    }
}
