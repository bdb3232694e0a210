package io.nestedge.commissioning.probe.diagnosis;

/**
 * Fixes a commissioning run can apply by itself once a technician agrees. The run layer maps each to
 * commands; the diagnosis only names it.
 */
public enum Remedy {
    /** {@code docker rm -f edgeAgent edgeHub}, restart aziot-edged, check again (facts §2, §6; F12). */
    RECREATE_EDGEHUB,
    /** Restart the container engine so image pulls trust the root CA (facts §4; F9). */
    RESTART_CONTAINER_ENGINE,
    /** Install the root CA into the OS trust store with the OS's tool, then restart the engine (facts §4; F10). */
    INSTALL_ROOT_CA,
    /** Delete {@code /var/lib/aziot/certd/certs} and {@code /var/lib/aziot/keyd/keys}, re-apply, recreate edgeHub/edgeAgent (facts §3; F11). */
    CLEAR_CERT_CACHE_AND_RECREATE,
    /** Re-create certificate/secret folders with exact modes and owners (facts §4; F19). */
    FIX_CERT_FOLDER_MODES,
    /** {@code chown aziotks} and {@code chmod 600} the key files (facts §4; F20). */
    FIX_KEY_OWNERSHIP,
    /** Stop the system, remove the edge module containers, apply again (facts §2). */
    REMOVE_MODULES_AND_REAPPLY
}
