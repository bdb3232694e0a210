package io.nestedge.commissioning.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the commissioning steps need from a connection to one device: run a command line as root
 * and upload files. Implemented over SSH (sudo with the password on standard input, never on the
 * command line) for real and virtual devices.
 */
public interface DeviceShell {
    /**
     * Runs a POSIX shell command line as root in {@code workDir}.
     *
     * @param workDir working directory on the device (absolute)
     * @param commandLine a command line built with {@code ShellQuote}
     * @param timeout how long the command may run
     * @return exit code and output
     * @throws IOException when the connection fails or the command times out
     * @throws InterruptedException when the run is cancelled
     */
    Exec runAsRoot(String workDir, String commandLine, Duration timeout) throws IOException, InterruptedException;

    /**
     * Uploads a local file, creating it with {@code mode} (e.g. 0600) — the remote file never exists
     * with a wider mode.
     *
     * @param local local file
     * @param remotePath absolute path on the device (its directory exists)
     * @param mode POSIX mode
     * @throws IOException when the transfer fails
     */
    void upload(Path local, String remotePath, int mode) throws IOException;

    /**
     * Uploads bytes as a file created with {@code mode} (e.g. a decrypted key, 0600).
     *
     * @param content the file's bytes
     * @param remotePath absolute path on the device (its directory exists)
     * @param mode POSIX mode
     * @throws IOException when the transfer fails
     */
    void upload(byte[] content, String remotePath, int mode) throws IOException;

    /**
     * Creates a private directory (0700) owned by the login user, for the staging copy of the bundle.
     *
     * @param path absolute path
     * @throws IOException when it cannot be created
     */
    void makePrivateDir(String path) throws IOException;

    /**
     * A command's result.
     *
     * @param exitCode exit status
     * @param stdout standard output (UTF-8)
     * @param stderr standard error (UTF-8)
     */
    record Exec(int exitCode, String stdout, String stderr) {
        /** Normalises nulls. */
        public Exec {
            stdout = stdout == null ? "" : stdout;
            stderr = stderr == null ? "" : stderr;
        }

        /** Standard output and error, one after the other. */
        public String text() {
            return stderr.isEmpty() ? stdout : stdout.isEmpty() ? stderr : stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
        }
    }
}
