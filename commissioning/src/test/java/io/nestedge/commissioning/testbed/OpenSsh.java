package io.nestedge.commissioning.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real OpenSSH client ({@code ssh}) against a test bed with host keys verified from the
 * bed's known_hosts ({@code StrictHostKeyChecking=yes}). The bed's ssh_config is passed with
 * {@code -F} so that jump hosts ({@code -J}), which do not inherit command-line options, use the
 * same key and known_hosts.
 */
public final class OpenSsh {
    private final TestbedSheet sheet;
    private final int connectTimeoutSeconds;

    /**
     * @param sheet the bed's sheet (ssh_config, known_hosts, admin key)
     * @param connectTimeoutSeconds ssh {@code ConnectTimeout}, seconds
     */
    public OpenSsh(TestbedSheet sheet, int connectTimeoutSeconds) {
        this.sheet = sheet;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    /**
     * Builds an ssh command line.
     *
     * @param jump ProxyJump list ({@code user@host[,user@host…]}), or null for a direct connection
     * @param target {@code user@host}
     * @param remoteCommand the command line the device's shell runs
     * @param extraOptions further {@code -o} options (e.g. {@code UserKnownHostsFile=/dev/null})
     * @return argv for {@link Processes}
     */
    public List<String> command(String jump, String target, String remoteCommand, String... extraOptions) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", sheet.sshConfig().toString(), "-i",
                sheet.adminKey().toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes"));
        for (String o : extraOptions) {
            cmd.add("-o");
            cmd.add(o);
        }
        // First value wins in ssh: caller options above override these defaults.
        cmd.addAll(List.of("-o", "UserKnownHostsFile=" + sheet.knownHosts(), "-o", "StrictHostKeyChecking=yes",
                "-o", "ConnectTimeout=" + connectTimeoutSeconds));
        if (jump != null) {
            cmd.add("-J");
            cmd.add(jump);
        }
        cmd.add(target);
        cmd.add("--");
        cmd.add(remoteCommand);
        return cmd;
    }

    /**
     * Runs a remote command.
     *
     * @param jump ProxyJump list, or null
     * @param target {@code user@host}
     * @param remoteCommand command line for the device's shell
     * @param stdin text for the remote command's standard input, or null
     * @param extraOptions further {@code -o} options
     * @return the result (exit 255 = ssh itself failed)
     * @throws IOException if ssh cannot start
     */
    public ProcessResult run(String jump, String target, String remoteCommand, String stdin, String... extraOptions)
            throws IOException {
        return Processes.run(command(jump, target, remoteCommand, extraOptions),
                stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(connectTimeoutSeconds * 4L + 30), Map.of());
    }
}
