package io.nestedge.commissioning.virtualplant.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line entry point of the test bed's per-device emulator daemon ({@link EmulatorDaemon}):
 * <pre>
 * java -cp … io.nestedge.commissioning.virtualplant.daemon.EmulatorDaemonMain --root / --socket PATH
 *      [--machine-hostname NAME] [--hosts-file /etc/hosts] [--pid-file PATH] [--workers N] [--no-warm-up]
 * </pre>
 * Before the socket appears it warms up ({@link DaemonWarmUp}) unless {@code --no-warm-up}.
 * Serves until SIGTERM (then stops its edgeHub and removes the socket and PID file). Exit codes:
 * 0 after SIGTERM or when another daemon already serves the socket directory, 1 when the socket
 * cannot be bound, 2 for a usage error. Logs one line per command to standard output.
 */
public final class EmulatorDaemonMain {
    private EmulatorDaemonMain() {
    }

    /** Runs the daemon; see the class comment for options and exit codes. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        EmulatorDaemon.Settings s;
        try {
            s = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: EmulatorDaemonMain --root DIR --socket PATH [--machine-hostname NAME]"
                    + " [--hosts-file FILE] [--pid-file PATH] [--workers N] [--no-warm-up]");
            System.exit(2);
            return;
        }
        EmulatorDaemon d;
        try {
            d = EmulatorDaemon.start(s, out);
        } catch (EmulatorDaemon.AlreadyRunningException e) {
            out.println(e.getMessage() + "; exiting");
            System.exit(0);
            return;
        } catch (IOException e) {
            err.println("error: cannot serve " + s.socket() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(d::close, "emulator-daemon-stop"));
        d.serve();
    }

    static EmulatorDaemon.Settings parse(String[] args) {
        String root = null;
        String machine = null;
        String hosts = null;
        String socket = null;
        String pid = null;
        int workers = 8;
        boolean warmUp = true;
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--no-warm-up")) {
                warmUp = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            String val = args[++i];
            switch (opt) {
                case "--root" -> root = val;
                case "--machine-hostname" -> machine = val;
                case "--hosts-file" -> hosts = val;
                case "--socket" -> socket = val;
                case "--pid-file" -> pid = val;
                case "--workers" -> {
                    try {
                        workers = Integer.parseInt(val);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--workers needs a number, not " + val);
                    }
                    if (workers < 1 || workers > 256) {
                        throw new IllegalArgumentException("--workers must be 1..256, not " + workers);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        if (root == null || socket == null) {
            throw new IllegalArgumentException("--root and --socket are required");
        }
        Path rootPath = Path.of(root);
        if (machine == null) {
            machine = machineHostname(rootPath);
        }
        return new EmulatorDaemon.Settings(rootPath, machine, hosts == null ? null : Path.of(hosts), Path.of(socket),
                pid == null ? null : Path.of(pid), workers, warmUp);
    }

    /** As {@code EmulatorMain}: the root's /etc/hostname, else "localhost". */
    private static String machineHostname(Path root) {
        Path f = root.resolve("etc/hostname");
        try {
            return Files.exists(f) ? Files.readString(f).trim() : "localhost";
        } catch (IOException e) {
            return "localhost";
        }
    }
}
