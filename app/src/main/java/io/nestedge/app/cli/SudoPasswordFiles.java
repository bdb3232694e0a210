package io.nestedge.app.cli;

import io.nestedge.commissioning.plan.SshDeviceShell;
import io.nestedge.model.Plant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The sudo passwords of one commissioning run, all read before any device is touched: a device
 * named in {@code --device-sudo-password-file ID=FILE} gets the first line of its own file; every
 * other device gets the one password from {@code --sudo-password-file FILE}, or asked once on the
 * terminal — asked only when some device of the run has no file of its own. Files should be 0600
 * ({@link Passphrases} warns otherwise); passwords never come from a command-line argument. On real
 * devices sudo usually needs a password, and sites often give each device its own (facts §7).
 * Close it to wipe the passwords.
 */
final class SudoPasswordFiles implements SshDeviceShell.SudoPasswords, AutoCloseable {
    private final Map<String, char[]> byDevice;

    private SudoPasswordFiles(Map<String, char[]> byDevice) {
        this.byDevice = byDevice;
    }

    /**
     * Reads the passwords of the devices of a run.
     *
     * @param plant the plant (device IDs in {@code perDevice} must be its devices)
     * @param plantFile the plant file, for messages
     * @param runDevices IDs of the devices this run commissions
     * @param sharedFile file with the password for devices without their own file, or null to ask
     * @param perDevice device ID → file with that device's password (may be empty)
     * @param spec the command, for usage errors
     * @return the passwords
     * @throws CommandLine.ParameterException when {@code perDevice} names a device the plant does not have
     * @throws Passphrases.Unavailable when a file is missing, unreadable or empty, or a password must be
     *     asked and there is no terminal
     * @throws IOException when a file's permissions cannot be read
     */
    static SudoPasswordFiles read(Plant plant, Path plantFile, List<String> runDevices, Path sharedFile, Map<String, Path> perDevice,
            CommandLine.Model.CommandSpec spec) throws Passphrases.Unavailable, IOException {
        List<String> unknown = perDevice.keySet().stream().filter(id -> plant.deviceOrNull(id) == null).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--device-sudo-password-file: no device "
                    + String.join(", ", unknown) + " in " + plantFile + ". Use the device IDs of the plant (nestedge plan lists them).");
        }
        Map<String, char[]> byDevice = new LinkedHashMap<>();
        try {
            List<String> withoutOwn = new ArrayList<>();
            for (String id : runDevices) {
                Path own = perDevice.get(id);
                if (own == null) {
                    withoutOwn.add(id);
                } else {
                    byDevice.put(id, Passphrases.read(own, "sudo password on " + id, false, "--device-sudo-password-file " + id + "=FILE"));
                }
            }
            if (!withoutOwn.isEmpty()) {
                char[] shared = Passphrases.read(sharedFile, "sudo password on the devices", false, "--sudo-password-file");
                for (String id : withoutOwn) {
                    byDevice.put(id, shared.clone());
                }
                Arrays.fill(shared, '\0');
            }
        } catch (Passphrases.Unavailable | IOException | RuntimeException e) {
            byDevice.values().forEach(p -> Arrays.fill(p, '\0'));
            throw e;
        }
        return new SudoPasswordFiles(byDevice);
    }

    /**
     * @param deviceId a device of the run
     * @return a copy of its sudo password (the caller wipes it)
     * @throws IllegalStateException for a device that is not part of the run
     */
    @Override
    public synchronized char[] sudoPassword(String deviceId) {
        char[] p = byDevice.get(deviceId);
        if (p == null) {
            throw new IllegalStateException("no sudo password read for device " + deviceId + " (not part of this run)");
        }
        return p.clone();
    }

    /** Overwrites every password in memory. */
    @Override
    public synchronized void close() {
        byDevice.values().forEach(p -> Arrays.fill(p, '\0'));
    }
}
