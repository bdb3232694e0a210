package io.nestedge.commissioning.ssh;

import io.nestedge.model.shell.ShellQuote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticated SSH session to one device: run commands (optionally with sudo), transfer files
 * over SFTP, verify SHA-256 checksums. Commands are command lines for the login user's POSIX shell;
 * build them with {@link ShellQuote}. Every call has a timeout. Command lines are logged, stdin and
 * passwords never. Close it when done (closes the jump-host sessions and tunnels it owns).
 */
public final class RemoteShell implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteShell.class);
    private static final int CHUNK = 32 * 1024;

    private final Hop device;
    private final ClientSession session;
    private final List<AutoCloseable> owned;
    private RootShell rootShell;
    private SftpClient sftp;

    RemoteShell(Hop device, ClientSession session, List<AutoCloseable> owned) {
        this.device = device;
        this.session = session;
        this.owned = new ArrayList<>(owned);
    }

    /** The device this shell is logged in to. */
    public Hop device() {
        return device;
    }

    ClientSession session() {
        return session;
    }

    /** Whether the session is still open. */
    public boolean isOpen() {
        return session.isOpen();
    }

    /**
     * Runs a command line.
     *
     * @param command the command line (built with {@link ShellQuote})
     * @param stdin bytes written to the command's standard input, then EOF (null for none)
     * @param timeout how long the command may run; it is closed (killed) after that
     * @return exit status, stdout and stderr
     * @throws RemoteTimeoutException when the command runs longer than {@code timeout}
     * @throws RemoteAccessException when the session is gone or the channel cannot be opened, or when
     *     the session ends while the command runs (e.g. the device stopped answering the keep-alives)
     */
    public ExecResult exec(String command, byte[] stdin, Duration timeout) throws RemoteAccessException {
        LOG.debug("{}: exec {}", device, command);
        return run(command, command, stdin, timeout);
    }

    /** {@link #exec(String, byte[], Duration)} without stdin. */
    public ExecResult exec(String command, Duration timeout) throws RemoteAccessException {
        return exec(command, null, timeout);
    }

    private ExecResult run(String command, String shownCommand, byte[] stdin, Duration timeout) throws RemoteAccessException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ChannelExec ch = null;
        try {
            ch = session.createExecChannel(command);
            ch.setIn(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
            ch.setOut(out);
            ch.setErr(err);
            if (!ch.open().await(timeout)) {
                throw new RemoteTimeoutException("Opening a channel on " + device + " for `" + shownCommand + "`", timeout);
            }
            long left = Math.max(1, deadline - System.nanoTime());
            Set<ClientChannelEvent> ev = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofNanos(left));
            if (!ev.contains(ClientChannelEvent.CLOSED)) {
                throw new RemoteTimeoutException("`" + shownCommand + "` on " + device, timeout);
            }
            Integer status = ch.getExitStatus();
            if (status == null && ConnectionLoss.sessionGone(session)) {
                throw ConnectionLoss.lost(session, device, shownCommand);
            }
            return new ExecResult(status == null ? -1 : status, out.toByteArray(), err.toByteArray());
        } catch (RemoteAccessException e) {
            throw e;
        } catch (IOException e) {
            throw new RemoteAccessException("Running `" + shownCommand + "` on " + device + " failed: " + e.getMessage(), e);
        } finally {
            if (ch != null) {
                ch.close(true);
            }
        }
    }

    /**
     * Runs a command line as root in this session's {@link RootShell}, opened on first use with the
     * sudo password (and again when it was closed, e.g. after a command timed out): one sudo
     * authentication and one channel for all of a device's root commands. Each command runs as
     * {@code sh -c <command>} with empty stdin.
     *
     * @param sudoPassword the login user's sudo password, used when the shell has to be opened
     *     (not modified; clear it yourself)
     * @throws SudoException WRONG_PASSWORD, NOT_ALLOWED or NOT_INSTALLED when the shell cannot be opened
     * @throws RemoteTimeoutException when the command runs longer than {@code timeout}
     */
    public ExecResult execAsRoot(String command, char[] sudoPassword, Duration timeout) throws RemoteAccessException {
        RootShell sh;
        synchronized (this) {
            if (rootShell == null || !rootShell.isOpen()) {
                rootShell = RootShell.open(session, device, sudoPassword, timeout);
            }
            sh = rootShell;
        }
        return sh.run(command, timeout);
    }

    /**
     * Uploads bytes over SFTP: written to {@code remotePath + ".nestedge-part"} created with
     * {@code mode} before any byte is written (secrets are never readable by others), then renamed
     * over {@code remotePath}. Uploads share one SFTP channel per session (opened on first use,
     * opened again after a failed transfer).
     *
     * @param mode POSIX permission bits, e.g. {@code 0600}
     * @return the SHA-256 of the data (hex), for {@link #verifySha256}
     * @throws RemoteAccessException when the transfer fails (the target is then unchanged)
     */
    public String upload(byte[] data, String remotePath, int mode) throws RemoteAccessException {
        String part = remotePath + ".nestedge-part";
        LOG.debug("{}: upload {} bytes to {} (mode {})", device, data.length, remotePath, Integer.toOctalString(mode));
        synchronized (this) {
            try {
                SftpClient sftp = sftp();
                try (SftpClient.CloseableHandle h = sftp.open(part, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                        SftpClient.OpenMode.Truncate)) {
                    sftp.setStat(h, new SftpClient.Attributes().perms(mode & 07777));
                    for (int off = 0; off < data.length; off += CHUNK) {
                        sftp.write(h, off, data, off, Math.min(CHUNK, data.length - off));
                    }
                }
                replace(sftp, part, remotePath);
            } catch (IOException e) {
                closeSftp();
                throw new RemoteAccessException("Uploading " + remotePath + " to " + device + " failed: " + e.getMessage(), e);
            }
        }
        return sha256Hex(data);
    }

    private SftpClient sftp() throws IOException {
        if (sftp == null || !sftp.isOpen()) {
            sftp = SftpClientFactory.instance().createSftpClient(session);
        }
        return sftp;
    }

    private void closeSftp() {
        if (sftp != null) {
            try {
                sftp.close();
            } catch (IOException e) {
                LOG.debug("closing the SFTP channel to {} failed: {}", device, e.toString());
            }
            sftp = null;
        }
    }

    /**
     * Renames {@code part} over {@code target}. OpenSSH's sftp-server speaks SFTP v3, whose RENAME
     * fails when the target exists and which has no overwrite flag: its
     * {@code posix-rename@openssh.com} extension (rename(2), atomic) is used when offered; SFTP v5+
     * servers get RENAME with the overwrite and atomic flags; otherwise the target is removed first.
     */
    private static void replace(SftpClient sftp, String part, String target) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(part, target);
            return;
        }
        if (sftp.getVersion() >= 5) {
            sftp.rename(part, target, SftpClient.CopyMode.Overwrite, SftpClient.CopyMode.Atomic);
            return;
        }
        try {
            sftp.remove(target);
        } catch (IOException absent) {
            LOG.trace("no previous {}", target);
        }
        sftp.rename(part, target);
    }

    /** Uploads a local file; see {@link #upload(byte[], String, int)}. */
    public String upload(Path local, String remotePath, int mode) throws RemoteAccessException {
        try {
            return upload(Files.readAllBytes(local), remotePath, mode);
        } catch (IOException e) {
            throw new RemoteAccessException("Cannot read " + local + ": " + e.getMessage(), e);
        }
    }

    /**
     * Downloads a remote file over SFTP.
     *
     * @throws RemoteAccessException when it does not exist or cannot be read
     */
    public byte[] download(String remotePath) throws RemoteAccessException {
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
                InputStream in = sftp.read(remotePath)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RemoteAccessException("Downloading " + remotePath + " from " + device + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Computes a remote file's SHA-256 with {@code sha256sum} on the device.
     *
     * @return lower-case hex
     * @throws RemoteAccessException when sha256sum fails or prints something else
     */
    public String sha256(String remotePath, Duration timeout) throws RemoteAccessException {
        ExecResult r = exec(ShellQuote.command("sha256sum", "--", remotePath), timeout);
        String out = r.out().strip();
        if (!r.ok() || !out.matches("(?s)[0-9a-f]{64}[ *].*")) {
            throw new RemoteAccessException("sha256sum " + remotePath + " on " + device + " failed: " + r.err().strip());
        }
        return out.substring(0, 64);
    }

    /**
     * Checks a remote file against an expected SHA-256.
     *
     * @param expectedHex lower- or upper-case hex
     * @throws RemoteAccessException naming both digests when they differ
     */
    public void verifySha256(String remotePath, String expectedHex, Duration timeout) throws RemoteAccessException {
        String actual = sha256(remotePath, timeout);
        if (!actual.equalsIgnoreCase(expectedHex)) {
            throw new RemoteAccessException("SHA-256 of " + remotePath + " on " + device + " is " + actual + ", expected "
                    + expectedHex.toLowerCase(Locale.ROOT) + ": the transfer is incomplete or the file was changed");
        }
    }

    /** SHA-256 of bytes as lower-case hex. */
    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Closes the session and the jump-host sessions and tunnels this shell owns. */
    @Override
    public void close() {
        synchronized (this) {
            if (rootShell != null) {
                rootShell.close();
                rootShell = null;
            }
            closeSftp();
        }
        session.close(false);
        SshService.closeAll(owned);
    }
}
