package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.virtualplant.cmd.DockerCommand;
import io.nestedge.commissioning.virtualplant.cmd.IotEdgeCommand;
import io.nestedge.commissioning.virtualplant.cmd.OpensslCommand;
import io.nestedge.commissioning.virtualplant.cmd.SystemctlCommand;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.tls.PkiServerCertIssuer;
import io.nestedge.commissioning.virtualplant.tls.DaemonEdgeHubHost;
import io.nestedge.commissioning.virtualplant.tls.EdgeHubDaemon;
import io.nestedge.commissioning.virtualplant.tls.HostsFileResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line entry point of the IoT Edge emulator for real machines (the network-namespace test
 * bed; contract in {@code docs/emulator.md}):
 * <pre>
 * java -cp … io.nestedge.commissioning.virtualplant.EmulatorMain --root / --machine-hostname NAME
 *      [--hosts-file /etc/hosts] [--user NAME] iotedge ARGS… | docker ARGS… | systemctl VERB UNIT…
 *      | openssl s_client ARGS… | edgehub-daemon
 * </pre>
 * The effective user is the process's user ({@code user.name}) unless {@code --user} says otherwise.
 * Output and exit code are those of the emulated command; usage errors exit 2.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    /** Runs and exits with the command's exit code. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /**
     * Runs one command.
     *
     * @return exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String root = null;
        String machine = null;
        String hostsFile = null;
        String user = System.getProperty("user.name");
        List<String> launcher = new ArrayList<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            String opt = args[i];
            if (i + 1 >= args.length) {
                err.println("error: " + opt + " needs a value");
                return 2;
            }
            String val = args[++i];
            switch (opt) {
                case "--root" -> root = val;
                case "--machine-hostname" -> machine = val;
                case "--hosts-file" -> hostsFile = val;
                case "--user" -> user = val;
                default -> {
                    err.println("error: unknown option " + opt);
                    return 2;
                }
            }
            if (!opt.equals("--user")) {
                launcher.add(opt);
                launcher.add(val);
            }
        }
        if (root == null || i >= args.length) {
            err.println("usage: EmulatorMain --root DIR [--machine-hostname NAME] [--hosts-file FILE] [--user NAME]"
                    + " iotedge ARGS… | docker ARGS… | systemctl VERB UNIT… | openssl s_client ARGS… | edgehub-daemon");
            return 2;
        }
        try {
            DeviceFs fs = new DeviceFs(Path.of(root));
            if (machine == null) {
                machine = fs.exists("/etc/hostname") ? fs.read("/etc/hostname").trim() : "localhost";
            }
            String hostsText = hostsFile != null ? Files.readString(Path.of(hostsFile)) : "";
            EmulatorContext ctx = new EmulatorContext(fs, machine, Clock.systemUTC(),
                    new HostsFileResolver(hostsText, hostsFile == null), new DaemonEdgeHubHost(launcher),
                    new PkiServerCertIssuer());
            List<String> rest = List.of(args).subList(i + 1, args.length);
            CommandResult r = switch (args[i]) {
                case "iotedge" -> IotEdgeCommand.run(ctx, user, rest);
                case "docker" -> DockerCommand.run(ctx, user, rest);
                case "openssl" -> OpensslCommand.run(ctx, rest);
                case "systemctl" -> SystemctlCommand.run(ctx, user, rest);
                case "edgehub-daemon" -> new CommandResult(EdgeHubDaemon.run(ctx), "", "");
                default -> CommandResult.fail(2, "error: unknown command " + args[i]);
            };
            out.print(r.stdout());
            err.print(r.stderr());
            out.flush();
            err.flush();
            return r.exitCode();
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
