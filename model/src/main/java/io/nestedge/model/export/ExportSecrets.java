package io.nestedge.model.export;

import java.util.Map;
import java.util.Optional;

/**
 * Secrets entered at export time (never read from or stored in the plant, facts §1/§3 and the
 * brief's secret rules): per-device SAS primary keys or connection strings, and the private
 * registry's password. {@link #toString()} never prints a secret.
 *
 * @param connectionStrings device ID to device connection string ({@code HostName=…;DeviceId=…;SharedAccessKey=…})
 * @param sasKeys device ID to base64 symmetric (SAS) primary key
 * @param registryPassword password of the plant's private registry, or empty
 */
public record ExportSecrets(Map<String, String> connectionStrings, Map<String, String> sasKeys, String registryPassword) {
    /** Copies the maps; null means none. */
    public ExportSecrets {
        connectionStrings = connectionStrings == null ? Map.of() : Map.copyOf(connectionStrings);
        sasKeys = sasKeys == null ? Map.of() : Map.copyOf(sasKeys);
        registryPassword = registryPassword == null ? "" : registryPassword;
    }

    /** No secrets at all. */
    public static ExportSecrets none() {
        return new ExportSecrets(null, null, null);
    }

    /** The connection string supplied for a device, if any. */
    public Optional<String> connectionString(String deviceId) {
        return Optional.ofNullable(connectionStrings.get(deviceId)).filter(s -> !s.isBlank());
    }

    /** The SAS key supplied for a device, if any. */
    public Optional<String> sasKey(String deviceId) {
        return Optional.ofNullable(sasKeys.get(deviceId)).filter(s -> !s.isBlank());
    }

    /** The registry password, if supplied. */
    public Optional<String> registryPasswordIfAny() {
        return registryPassword.isEmpty() ? Optional.empty() : Optional.of(registryPassword);
    }

    /** Lists which secrets are present, never their values. */
    @Override
    public String toString() {
        return "ExportSecrets[connectionStrings for " + connectionStrings.keySet() + ", sasKeys for "
                + sasKeys.keySet() + ", registryPassword " + (registryPassword.isEmpty() ? "absent" : "present") + "]";
    }
}
