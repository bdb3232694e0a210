package io.nestedge.commissioning.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running network-namespace test bed: drives {@code commissioning/src/test/testbed/testbed.sh}
 * ({@code up}, {@code down}, {@code exec}) and holds the device sheet. {@link #up} registers a JVM
 * shutdown hook that tears the bed down if the test run dies before {@link #down()}.
 */
public final class Testbed implements AutoCloseable {
    private static final Duration UP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(1);

    private final Path script;
    private final Path stateDir;
    private volatile TestbedSheet sheet;
    private final Duration bringUpTime;
    private final String bringUpLog;
    private final Thread shutdownHook;
    private boolean down;

    private Testbed(Path script, Path stateDir, TestbedSheet sheet, Duration bringUpTime, String bringUpLog,
            Thread shutdownHook) {
        this.bringUpLog = bringUpLog;
        this.script = script;
        this.stateDir = stateDir;
        this.sheet = sheet;
        this.bringUpTime = bringUpTime;
        this.shutdownHook = shutdownHook;
    }

    /**
     * Brings a bed up for a plant file (any bed left in {@code stateDir} by a crashed run is torn
     * down first, by the script).
     *
     * @param script path of testbed.sh
     * @param plant plant file (JSON)
     * @param stateDir state directory (created; must not be an unrelated non-empty directory)
     * @param emulatorClasspath classpath for the devices' iotedge/docker launchers (NESTEDGE_CP)
     * @return the running bed
     * @throws IOException if the script cannot start
     * @throws IllegalStateException if bring-up fails (message carries the script's stderr)
     */
    public static Testbed up(Path script, Path plant, Path stateDir, String emulatorClasspath) throws IOException {
        return up(script, plant, stateDir, emulatorClasspath, Map.of());
    }

    /**
     * {@link #up(Path, Path, Path, String)} with more environment for {@code testbed.sh up}, e.g.
     * {@code NESTEDGE_EMULATOR_DAEMON_WARMUP=on} (benchmarks) or {@code NESTEDGE_EMULATOR_DAEMON=off}.
     *
     * @param env extra environment variables
     */
    public static Testbed up(Path script, Path plant, Path stateDir, String emulatorClasspath, Map<String, String> env)
            throws IOException {
        Path state = stateDir.toAbsolutePath();
        Thread hook = new Thread(() -> downQuietly(script, state), "testbed-down-" + state.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("NESTEDGE_CP", emulatorClasspath);
        ProcessResult r = Processes.run(List.of(script.toString(), "up", plant.toString(), state.toString()), null,
                UP_TIMEOUT, all);
        if (!r.ok()) {
            downQuietly(script, state);
            removeHook(hook);
            throw new IllegalStateException("testbed.sh up failed: " + r.describe());
        }
        return new Testbed(script, state, TestbedSheet.read(state.resolve("sheet.json")), r.elapsed(), r.stderr(), hook);
    }

    /**
     * The classpath for the devices' emulator launchers (NESTEDGE_CP): this JVM's test classpath
     * ({@code surefire.test.class.path}, else {@code java.class.path}). Entries under {@code /tmp},
     * which is a private tmpfs inside every device, are copied to {@value #CP_COPIES}/&lt;hash&gt;/
     * (host {@code /run}, visible in the devices); missing entries are dropped.
     *
     * @return a colon-separated classpath whose every entry exists inside the devices
     * @throws IOException if an entry cannot be copied
     */
    public static String emulatorClasspath() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        List<String> out = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (entry.isBlank() || !Files.exists(Path.of(entry))) {
                continue;
            }
            Path real = Path.of(entry).toRealPath();
            out.add(real.startsWith("/tmp") ? copyOutOfTmp(real).toString() : real.toString());
        }
        return String.join(":", out);
    }

    /** Where classpath entries from /tmp are copied (host path, not private in the devices). */
    static final String CP_COPIES = "/run/nestedge-testbed/cp";

    private static Path copyOutOfTmp(Path real) throws IOException {
        String hash = java.util.HexFormat.of().formatHex(sha256(real.toString())).substring(0, 16);
        Path target = Path.of(CP_COPIES, hash, real.getFileName().toString());
        if (Files.exists(target.getParent())) {
            deleteTree(target.getParent());
        }
        Files.createDirectories(target.getParent());
        try (var walk = Files.walk(real)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(real.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** @return the device sheet */
    public TestbedSheet sheet() {
        return sheet;
    }

    /** @return how long {@code testbed.sh up} took */
    public Duration bringUpTime() {
        return bringUpTime;
    }

    /** @return what {@code testbed.sh up} reported on stderr (instance, phase times, warnings) */
    public String bringUpLog() {
        return bringUpLog;
    }

    /**
     * @param deviceId a device ID
     * @return that device's sudo password (read from its 0600 file; never log it)
     * @throws IOException if the file cannot be read
     */
    public String sudoPassword(String deviceId) throws IOException {
        return Files.readString(sheet.device(deviceId).sudoPasswordFile(), StandardCharsets.UTF_8).strip();
    }

    /**
     * Runs a command as root in a device's view (its network, mount and UTS namespaces), bypassing
     * SSH — for test fixtures only.
     *
     * @param deviceId a device ID
     * @param timeout deadline
     * @param command program and arguments
     * @return the result
     * @throws IOException if the script cannot start
     */
    public ProcessResult exec(String deviceId, Duration timeout, String... command) throws IOException {
        return Processes.run(execCommand(deviceId, command), null, timeout, Map.of());
    }

    /**
     * Starts a long-running command as root in a device's view (e.g. {@code openssl s_server}).
     * Its stdin is a pipe left open (some servers, like {@code s_server}, stop at end of input);
     * {@link #down()} kills it at the latest.
     *
     * @param deviceId a device ID
     * @param output file receiving stdout and stderr
     * @param command program and arguments
     * @return the process ({@code nsenter} executes the command in place, so this is the command)
     * @throws IOException if it cannot start
     */
    public Process start(String deviceId, Path output, String... command) throws IOException {
        return new ProcessBuilder(execCommand(deviceId, command)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    /**
     * Kills a device's sshd (the listener and every session, SIGKILL) — a fault for tests; the
     * device's other processes (the emulator's edgeHub) keep running.
     *
     * @param deviceId a device ID
     * @throws IOException if the script cannot start
     */
    public void killSshd(String deviceId) throws IOException {
        script("kill-sshd", deviceId);
    }

    /**
     * Starts a device's sshd again after {@link #killSshd} (same host key, config and private
     * directories) and re-reads the sheet (its {@code sshdPid} changes).
     *
     * @param deviceId a device ID
     * @throws IOException if the script cannot start or the sheet cannot be read
     */
    public void startSshd(String deviceId) throws IOException {
        script("start-sshd", deviceId);
        sheet = TestbedSheet.read(stateDir.resolve("sheet.json"));
    }

    private void script(String command, String deviceId) throws IOException {
        ProcessResult r = Processes.run(List.of(script.toString(), command, stateDir.toString(), deviceId), null,
                Duration.ofMinutes(3), Map.of());
        if (!r.ok()) {
            throw new IllegalStateException("testbed.sh " + command + " " + deviceId + " failed: " + r.describe());
        }
    }

    private List<String> execCommand(String deviceId, String... command) {
        List<String> cmd = new ArrayList<>(List.of(script.toString(), "exec", stateDir.toString(), deviceId, "--"));
        cmd.addAll(List.of(command));
        return cmd;
    }

    /**
     * Tears the bed down (idempotent): kills the devices' processes, removes namespaces, veths,
     * routes and the state directory.
     *
     * @return how long {@code testbed.sh down} took
     * @throws IOException if the script cannot start
     * @throws IllegalStateException if teardown fails
     */
    public synchronized Duration down() throws IOException {
        if (down) {
            return Duration.ZERO;
        }
        ProcessResult r = Processes.run(List.of(script.toString(), "down", stateDir.toString()), null, DOWN_TIMEOUT,
                Map.of());
        if (!r.ok()) {
            throw new IllegalStateException("testbed.sh down failed: " + r.describe());
        }
        down = true;
        removeHook(shutdownHook);
        return r.elapsed();
    }

    /** Same as {@link #down()}. */
    @Override
    public void close() throws IOException {
        down();
    }

    private static void downQuietly(Path script, Path state) {
        try {
            Processes.run(List.of(script.toString(), "down", state.toString()), null, DOWN_TIMEOUT, Map.of());
        } catch (IOException | RuntimeException e) {
            System.err.println("testbed: teardown of " + state + " failed: " + e.getMessage());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already running hooks: ours tears the bed down anyway.
        }
    }
}
