package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.virtualplant.cmd.DockerCommand;
import io.nestedge.commissioning.virtualplant.cmd.IotEdgeCommand;
import io.nestedge.commissioning.virtualplant.cmd.OpensslCommand;
import io.nestedge.commissioning.virtualplant.cmd.SystemctlCommand;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.DeviceFs;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorContext;
import io.nestedge.commissioning.virtualplant.tls.PkiServerCertIssuer;
import io.nestedge.commissioning.virtualplant.tls.ServerCertIssuer;
import io.nestedge.commissioning.virtualplant.tls.DaemonEdgeHubHost;
import io.nestedge.commissioning.virtualplant.tls.EdgeHubDaemon;
import io.nestedge.commissioning.virtualplant.tls.EdgeHubHost;
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
            EmulatorContext ctx = context(fs, machine, hostsFile == null ? null : Path.of(hostsFile),
                    new DaemonEdgeHubHost(launcher));
            CommandResult r = execute(ctx, user, args[i], List.of(args).subList(i + 1, args.length));
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

    /**
     * The context one emulated command works with on a real root (the test bed): UTC clock, the
     * project's PKI for edgeHub's server certificate, names resolved from the hosts file (read now,
     * so each command sees the file as it is; without one, the system resolver).
     *
     * @param fs the device root
     * @param machineHostname what {@code hostname} prints on the device
     * @param hostsFile the device's hosts file, or null for DNS
     * @param edgeHub where edgeHub runs (a daemon process per start, or inside a long-lived emulator daemon)
     * @return the context
     * @throws IOException if the hosts file cannot be read
     */
    public static EmulatorContext context(DeviceFs fs, String machineHostname, Path hostsFile, EdgeHubHost edgeHub)
            throws IOException {
        return context(fs, machineHostname, hostsFile, edgeHub, new PkiServerCertIssuer());
    }

    /**
     * {@link #context(DeviceFs, String, Path, EdgeHubHost)} with a given certificate issuer.
     *
     * @param issuer issues edgeHub's server certificate
     * @return the context
     * @throws IOException if the hosts file cannot be read
     */
    public static EmulatorContext context(DeviceFs fs, String machineHostname, Path hostsFile, EdgeHubHost edgeHub,
            ServerCertIssuer issuer) throws IOException {
        String hostsText = hostsFile != null ? Files.readString(hostsFile) : "";
        return new EmulatorContext(fs, machineHostname, Clock.systemUTC(),
                new HostsFileResolver(hostsText, hostsFile == null), edgeHub, issuer);
    }

    /**
     * Runs one emulated command (the part after the launcher options); shared by this JVM-per-call
     * entry point and the long-lived emulator daemon, so both behave the same.
     *
     * @param ctx the device
     * @param user effective user name ("root" for sudo)
     * @param command {@code iotedge}, {@code docker}, {@code systemctl}, {@code openssl} or {@code edgehub-daemon}
     * @param rest the command's arguments
     * @return output and exit code (2 for an unknown command)
     * @throws IOException if the device state cannot be read or written
     * @throws InterruptedException if interrupted while waiting (edgeHub start)
     */
    public static CommandResult execute(EmulatorContext ctx, String user, String command, List<String> rest)
            throws IOException, InterruptedException {
        return switch (command) {
            case "iotedge" -> IotEdgeCommand.run(ctx, user, rest);
            case "docker" -> DockerCommand.run(ctx, user, rest);
            case "openssl" -> OpensslCommand.run(ctx, rest);
            case "systemctl" -> SystemctlCommand.run(ctx, user, rest);
            case "edgehub-daemon" -> new CommandResult(EdgeHubDaemon.run(ctx), "", "");
            default -> CommandResult.fail(2, "error: unknown command " + command);
        };
    }
}
