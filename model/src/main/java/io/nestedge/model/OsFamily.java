package io.nestedge.model;

/** Operating-system family of a device; decides the trust-store tool (facts file §4). */
public enum OsFamily {
    /** Debian or Ubuntu: {@code /usr/local/share/ca-certificates} + {@code update-ca-certificates}. */
    DEBIAN,
    /** EFLOW, CBL-Mariner or RHEL: {@code /etc/pki/ca-trust/source/anchors} + {@code update-ca-trust}. */
    MARINER
}
