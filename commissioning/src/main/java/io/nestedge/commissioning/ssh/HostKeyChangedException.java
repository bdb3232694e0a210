package io.nestedge.commissioning.ssh;

import java.util.List;

/**
 * The device presented a host key different from the one known (known_hosts) or pinned. The
 * connection was stopped before authenticating: this may be a reinstalled device or an attack, and
 * a person must decide.
 */
public final class HostKeyChangedException extends RemoteAccessException {
    private static final long serialVersionUID = 1L;

    private final HostPort host;
    private final String keyType;
    private final List<String> expectedFingerprints;
    private final String actualFingerprint;

    /**
     * @param host the device's host and port
     * @param keyType the presented key's type ({@code ssh-ed25519}, …)
     * @param expectedFingerprints SHA-256 fingerprints known or pinned for this host ({@code SHA256:…})
     * @param actualFingerprint the presented key's SHA-256 fingerprint
     */
    public HostKeyChangedException(HostPort host, String keyType, List<String> expectedFingerprints, String actualFingerprint) {
        super("HOST KEY CHANGED for " + host + ": expected " + String.join(" or ", expectedFingerprints) + ", but the device presented "
                + keyType + " " + actualFingerprint + ". The connection was stopped. If the device was reinstalled, verify the "
                + "new fingerprint on its console (ssh-keygen -lf /etc/ssh/ssh_host_" + keyName(keyType)
                + "_key.pub) and remove the old entry from the known_hosts file.");
        this.host = host;
        this.keyType = keyType;
        this.expectedFingerprints = List.copyOf(expectedFingerprints);
        this.actualFingerprint = actualFingerprint;
    }

    private static String keyName(String keyType) {
        if (keyType.contains("ed25519")) {
            return "ed25519";
        }
        return keyType.startsWith("ecdsa") ? "ecdsa" : "rsa";
    }

    /** The device whose key changed. */
    public HostPort host() {
        return host;
    }

    /** The presented key's SSH type, e.g. {@code ssh-ed25519}. */
    public String keyType() {
        return keyType;
    }

    /** The fingerprints that were expected ({@code SHA256:…}). */
    public List<String> expectedFingerprints() {
        return expectedFingerprints;
    }

    /** The fingerprint the device presented ({@code SHA256:…}). */
    public String actualFingerprint() {
        return actualFingerprint;
    }
}
