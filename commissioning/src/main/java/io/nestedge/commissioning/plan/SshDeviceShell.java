package io.nestedge.commissioning.plan;

import io.nestedge.commissioning.ssh.ExecResult;
import io.nestedge.commissioning.ssh.RemoteAccessException;
import io.nestedge.commissioning.ssh.RemoteShell;
import io.nestedge.commissioning.ssh.Route;
import io.nestedge.commissioning.ssh.SshService;
import io.nestedge.model.shell.ShellQuote;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A {@link DeviceShell} over SSH: connects on first use along the device's route (through its
 * parents when the lower layer is isolated), runs root commands in one root shell per session
 * ({@code sudo -S} once, the password on standard input, never on a command line; see
 * {@link io.nestedge.commissioning.ssh.RootShell}) and uploads over SFTP. Closing it closes the
 * session and its jump tunnels.
 */
public final class SshDeviceShell implements DeviceShell, AutoCloseable {
    private final SshService ssh;
    private final Route route;
    private final SudoPasswords sudo;
    private final String deviceId;
    private RemoteShell shell;

    /** Supplies a device's sudo password (a copy the caller may wipe). */
    @FunctionalInterface
    public interface SudoPasswords {
        /**
         * @param deviceId the device
         * @return its sudo password
         */
        char[] sudoPassword(String deviceId);
    }

    /**
     * @param ssh the process's SSH service (host-key policy, timeouts)
     * @param route how to reach the device
     * @param sudo sudo passwords
     * @param deviceId the device (for the sudo password and messages)
     */
    public SshDeviceShell(SshService ssh, Route route, SudoPasswords sudo, String deviceId) {
        this.ssh = ssh;
        this.route = route;
        this.sudo = sudo;
        this.deviceId = deviceId;
    }

    private synchronized RemoteShell shell() throws RemoteAccessException {
        if (shell == null || !shell.isOpen()) {
            shell = ssh.connect(route);
        }
        return shell;
    }

    @Override
    public Exec runAsRoot(String workDir, String commandLine, Duration timeout) throws IOException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
        char[] pw = sudo.sudoPassword(deviceId);
        try {
            ExecResult r = shell().execAsRoot("cd " + ShellQuote.quote(workDir) + " && " + commandLine, pw, timeout);
            return new Exec(r.exitCode(), r.out(), r.err());
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    @Override
    public void upload(Path local, String remotePath, int mode) throws IOException {
        shell().upload(local, remotePath, mode);
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) throws IOException {
        shell().upload(content, remotePath, mode);
    }

    @Override
    public void makePrivateDir(String path) throws IOException {
        ExecResult r = shell().exec(ShellQuote.command("mkdir", "-p", path) + " && " + ShellQuote.command("chmod", "700", path),
                Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new IOException("cannot create " + path + " on " + deviceId + ": " + r.err().strip());
        }
    }

    @Override
    public synchronized void close() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }
}
