package io.nestedge.commissioning.testbed;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs host processes with a deadline. Output goes to temporary files (never a pipe a forked
 * grandchild such as an {@code ssh -J} proxy could keep open), stdin is the given bytes or
 * {@code /dev/null}.
 */
public final class Processes {
    private Processes() {
    }

    /**
     * Runs a command to completion.
     *
     * @param command program and arguments (no shell involved)
     * @param stdin bytes written to the process's standard input, or null for {@code /dev/null}
     * @param timeout deadline; the process tree is killed when it passes
     * @param extraEnv variables added to the inherited environment
     * @return exit code, output and elapsed time
     * @throws IOException if the program cannot be started
     * @throws IllegalStateException if the deadline passes (message names the command)
     */
    public static ProcessResult run(List<String> command, byte[] stdin, Duration timeout, Map<String, String> extraEnv)
            throws IOException {
        return run(command, stdin, timeout, extraEnv, null);
    }

    /**
     * Runs a command to completion in a working directory.
     *
     * @param command program and arguments (no shell involved)
     * @param stdin bytes written to the process's standard input, or null for {@code /dev/null}
     * @param timeout deadline; the process tree is killed when it passes
     * @param extraEnv variables added to the inherited environment
     * @param workDir working directory, or null for this JVM's
     * @return exit code, output and elapsed time
     * @throws IOException if the program cannot be started
     * @throws IllegalStateException if the deadline passes (message names the command)
     */
    public static ProcessResult run(List<String> command, byte[] stdin, Duration timeout, Map<String, String> extraEnv,
            Path workDir) throws IOException {
        Path out = Files.createTempFile("nestedge-proc", ".out");
        Path err = Files.createTempFile("nestedge-proc", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().putAll(extraEnv);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            if (stdin == null) {
                pb.redirectInput(new File("/dev/null"));
            }
            long start = System.nanoTime();
            Process p = pb.start();
            if (stdin != null) {
                try (OutputStream os = p.getOutputStream()) {
                    os.write(stdin);
                } catch (IOException e) {
                    // The process may exit without reading its input (e.g. ssh failing to connect).
                }
            }
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s: " + command
                        + "\n--- stderr so far\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new ProcessResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), elapsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * Runs a command with no input and no extra environment.
     *
     * @see #run(List, byte[], Duration, Map)
     */
    public static ProcessResult run(Duration timeout, String... command) throws IOException {
        return run(List.of(command), null, timeout, Map.of());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
